package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/extract-ca/extract/internal/fileerr"
	"github.com/extract-ca/extract/output"
)

// Options are the settings of one `extract eval` run.
type Options struct {
	Gold     []string          // gold files, read with ReadFile
	Format   string            // FormatJSONL, FormatDoccano, FormatCoNLL, FormatGMB, or "" to sniff
	LabelMap map[string]string // for the outside formats; nil means each format's default
	PredFile string            // read predictions from this `extract run` output instead of predicting
	JSON     bool              // write the report as JSON instead of a table
	Errors   bool              // also list the strict-scheme mistakes
	// Diff, when set, is given the documents and every strict-scheme
	// mistake once they are scored, whatever Errors says, for a caller
	// that shows them (extract eval --html). Its error stops Run before
	// the report is written.
	Diff func(gold, pred []Document, mistakes []Mistake) error
}

// Predictor runs the pipeline on gold documents and returns one record per
// document with Record.ID set to Document.ID and offsets into
// Document.Text. A document it could not process should come back as a
// record with Error set, not as an error: only a failure of the whole run
// is an error.
type Predictor func(ctx context.Context, docs []Document) ([]*output.Record, error)

// Run does the whole `extract eval` job: it reads the gold files, gets
// predictions (from opts.PredFile, or else from predict on the gold
// texts), scores them, and writes the report to stdout: the table, or the
// JSON with opts.JSON, followed or joined by the mistakes with opts.Errors.
//
// Problems in the gold files are returned as one fileerr.ErrorList covering every
// file, so a user fixes them all in one pass; nothing is scored then.
func Run(ctx context.Context, opts Options, predict Predictor, stdout io.Writer) error {
	if len(opts.Gold) == 0 {
		return errors.New("eval: no gold files")
	}
	gold, err := ReadGold(opts.Gold, opts.Format, opts.LabelMap)
	if err != nil {
		return err
	}
	pred, err := predictions(ctx, opts, predict, gold)
	if err != nil {
		return err
	}
	rep := Score(gold, pred)
	if opts.Diff != nil {
		if err := opts.Diff(gold, pred, rep.Errors); err != nil {
			return err
		}
	}
	if !opts.Errors {
		rep.Errors = nil
	}
	if opts.JSON {
		return rep.WriteJSON(stdout)
	}
	if err := rep.WriteTable(stdout); err != nil {
		return err
	}
	if opts.Errors {
		if _, err := fmt.Fprintln(stdout); err != nil {
			return err
		}
		return rep.WriteErrors(stdout)
	}
	return nil
}

// ReadGold reads the gold files at paths (ReadFile with format and
// labelMap) and collects every problem, including a document id used in
// two files, into one fileerr.ErrorList, so that a user fixes them all in
// one pass. Files that hold no document at all are an error too
// (ErrNoDocuments).
func ReadGold(paths []string, format string, labelMap map[string]string) ([]Document, error) {
	files, err := ReadGoldFiles(paths, format, labelMap)
	if err != nil {
		return nil, err
	}
	var all []Document
	for _, docs := range files {
		all = append(all, docs...)
	}
	if len(all) == 0 {
		return nil, ErrNoDocuments
	}
	return all, nil
}

// ReadGoldFiles is ReadGold with each file's documents apart, in the order
// of paths, and no complaint about a file that holds none.
func ReadGoldFiles(paths []string, format string, labelMap map[string]string) ([][]Document, error) {
	var (
		files = make([][]Document, 0, len(paths))
		errs  fileerr.ErrorList
		from  = map[string]string{} // id -> the earlier file that has it
	)
	for _, path := range paths {
		docs, err := ReadFile(path, format, labelMap)
		var list fileerr.ErrorList
		switch {
		case errors.As(err, &list):
			errs = append(errs, list...)
		case err != nil:
			var pathErr *fs.PathError
			if errors.As(err, &pathErr) { // the path is already in the fileerr.ParseError
				err = pathErr.Err
			}
			errs.Add(path, 0, err)
		}
		// Duplicates within one file are the reader's to report.
		for _, d := range docs {
			if first, dup := from[d.ID]; dup {
				errs.Add(path, 0, fmt.Errorf("%w %q (also in %s)", ErrDuplicateID, d.ID, first))
			}
		}
		for _, d := range docs {
			if _, dup := from[d.ID]; !dup {
				from[d.ID] = path
			}
		}
		files = append(files, docs)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return files, nil
}

func predictions(ctx context.Context, opts Options, predict Predictor, gold []Document) ([]Document, error) {
	if opts.PredFile != "" {
		f, err := os.Open(opts.PredFile)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return ReadPredictionsOf(f, opts.PredFile, gold)
	}
	if predict == nil {
		return nil, errors.New("eval: no predictor and no prediction file")
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	recs, err := predict(ctx, gold)
	if err != nil {
		return nil, fmt.Errorf("eval: predict: %w", err)
	}
	return FromRecords(recs), nil
}
