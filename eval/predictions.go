package eval

import (
	"errors"
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
	var (
		recs     []*output.Record
		errs     fileerr.ErrorList
		rd       = output.NewReader(r)
		lastLine = -1
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
			// A read error (a line too long, a failing disk) repeats on
			// the same line for ever; a bad line is followed by the next.
			if perr.Line == lastLine {
				break
			}
			lastLine = perr.Line
			perr.File = file
			errs = append(errs, perr)
			continue
		}
		recs = append(recs, rec)
	}
	return FromRecords(recs), errs.Err()
}
