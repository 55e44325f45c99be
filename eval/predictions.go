package eval

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"

	"github.com/extract-ca/extract/internal/fileerr"
	"github.com/extract-ca/extract/output"
)

// FromRecords turns pipeline output into predicted documents: one per
// record, a span per mention with the mention's label, its code point
// offsets, and its entity id as the coreference cluster. A record that
// failed (Error set) becomes a document with no spans that keeps the
// error, so that the report counts it as failed rather than as missing.
func FromRecords(recs []*output.Record) []Document {
	docs := make([]Document, 0, len(recs))
	for _, rec := range recs {
		if rec == nil {
			continue
		}
		doc := Document{ID: rec.ID, Error: rec.Error}
		if rec.Error == "" {
			doc.Spans = make([]Span, 0, len(rec.Mentions))
			for _, m := range rec.Mentions {
				doc.Spans = append(doc.Spans, Span{Start: m.Start, End: m.End, Label: m.Label, Cluster: m.Entity})
			}
		}
		docs = append(docs, doc)
	}
	return docs
}

// ReadPredictions reads the JSONL output of `extract run` with
// output.Reader and converts it with FromRecords. Every malformed line is
// reported, as a fileerr.ErrorList naming file.
func ReadPredictions(r io.Reader, file string) ([]Document, error) {
	recs, _, errs := readRecords(r, file)
	return FromRecords(recs), errs.Err()
}

// readRecords reads the records of r and the line of each, and the
// problems of its malformed lines.
func readRecords(r io.Reader, file string) ([]*output.Record, []int, fileerr.ErrorList) {
	var (
		recs  []*output.Record
		lines []int
		errs  fileerr.ErrorList
		rd    = output.NewReader(r)
	)
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var perr *fileerr.ParseError
			if !errors.As(err, &perr) {
				errs.Add(file, 0, err)
				break
			}
			// A bad line is followed by the next; after a read error (a
			// line too long, a failing disk) Read returns io.EOF.
			perr.File = file
			errs = append(errs, perr)
			continue
		}
		recs = append(recs, rec)
		lines = append(lines, rd.Line())
	}
	return recs, lines, errs
}

// ReadPredictionsOf reads predictions as ReadPredictions does and checks
// that each record was made from the text of the gold document with its id:
// its sha256 (when it has one), its length in code points and the text of
// each mention at its offsets. Scoring a run of other texts (an older
// version of an article, another file with the same name) would count
// mentions at offsets that mean nothing; each such record is an error at
// its file and line. Records of documents the gold does not hold are left
// to the scorer, which ignores them.
func ReadPredictionsOf(r io.Reader, file string, gold []Document) ([]Document, error) {
	recs, lines, errs := readRecords(r, file)
	texts := make(map[string]string, len(gold))
	for _, d := range gold {
		texts[d.ID] = d.Text
	}
	for i, rec := range recs {
		text, ok := texts[rec.ID]
		if !ok || rec.Error != "" {
			continue
		}
		if why := notMadeFrom(rec, text); why != "" {
			errs.Add(file, lines[i], fmt.Errorf("document %q was not made from the gold text: %s", rec.ID, why))
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return FromRecords(recs), nil
}

// notMadeFrom says why rec cannot be the output for text, or "".
func notMadeFrom(rec *output.Record, text string) string {
	if rec.SHA256 != "" {
		sum := sha256.Sum256([]byte(text))
		if hex.EncodeToString(sum[:]) != rec.SHA256 {
			return "its sha256 differs"
		}
	}
	cp := newCodePoints(text)
	if rec.Length != len(cp) {
		return fmt.Sprintf("its length is %d code points, the gold text's %d", rec.Length, len(cp))
	}
	for _, m := range rec.Mentions {
		if m.Start < 0 || m.Start > m.End || m.End > len(cp) || cp.slice(m.Start, m.End) != m.Text {
			return fmt.Sprintf("mention %s %q is not the gold text at %d–%d", m.ID, m.Text, m.Start, m.End)
		}
	}
	return ""
}
