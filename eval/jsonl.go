package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/extract-ca/extract/internal/fileerr"
)

// jsonlDocument is one line of our gold format (docs/annotation.md, "The
// file"). Pointers tell a missing field from an empty one.
type jsonlDocument struct {
	documentHead
	Spans []jsonlSpan `json:"spans"`
}

// documentHead is what every JSON gold format has: an id (a string or a
// number) and the text. The formats embed it so that decodeDocument can
// read the id the same way for all of them.
type documentHead struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
}

type jsonlSpan struct {
	Start   *int    `json:"start"`
	End     *int    `json:"end"`
	Label   string  `json:"label"`
	Cluster string  `json:"cluster"`
	Text    *string `json:"text"` // optional surface text, checked when present
}

// ReadJSONL reads gold documents in our JSON Lines format, one document per
// line:
//
//	{"id": "000", "text": "...", "spans": [{"start": 10, "end": 19, "label": "PLACE", "cluster": "kazakhstan"}]}
//
// Offsets are code points, end exclusive; labels must be PERSON, PLACE or
// GROUP (there is no label map). A span may carry its surface "text",
// which must then equal the document text at its offsets. Blank lines are
// skipped. file names the input in error messages.
//
// The error, if any, is a fileerr.ErrorList of every problem in the file: bad
// JSON, a missing id or text, a duplicate id, bad offsets, a span text
// mismatch, an unknown label, overlapping spans. The documents are
// returned with their good spans even then, but a caller should not score
// a file that has errors.
func ReadJSONL(r io.Reader, file string) ([]Document, error) {
	return readDocumentLines(r, file, func(b []byte, _ int, report func(error)) (Document, bool) {
		return parseJSONLDocument(b, report)
	})
}

// readDocumentLines reads one document per non-blank line with parse, which
// reports the line's problems, and checks that ids are unique. Every problem
// of the file comes back in one fileerr.ErrorList.
func readDocumentLines(r io.Reader, file string, parse func(b []byte, line int, report func(error)) (Document, bool)) ([]Document, error) {
	var (
		docs []Document
		errs fileerr.ErrorList
		ids  = idSet{}
		lr   = newLineReader(r)
	)
	for {
		b, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			errs.Add(file, lr.line+1, err)
			break
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		line := lr.line
		report := func(err error) { errs.Add(file, line, err) }
		doc, ok := parse(b, line, report)
		if !ok {
			continue
		}
		if err := ids.add(doc.ID, line); err != nil {
			report(err)
		}
		docs = append(docs, doc)
	}
	return docs, errs.Err()
}

// decodeDocument unmarshals one line into raw, whose documentHead is head,
// and reads its id ("" when there is none); ok is false, with the problem
// reported, when the line is not JSON or the id is neither a string nor a
// number.
func decodeDocument(b []byte, raw any, head *documentHead, report func(error)) (id string, ok bool) {
	if err := json.Unmarshal(b, raw); err != nil {
		report(syntaxError(b, err))
		return "", false
	}
	id, err := parseID(head.ID)
	if err != nil {
		report(err)
		return "", false
	}
	return id, true
}

// parseJSONLDocument decodes and checks one line; ok is false when there is
// no document to keep (bad JSON, no id or no text).
func parseJSONLDocument(b []byte, report func(error)) (doc Document, ok bool) {
	var raw jsonlDocument
	id, ok := decodeDocument(b, &raw, &raw.documentHead, report)
	if !ok {
		return Document{}, false
	}
	if id == "" {
		report(fmt.Errorf("%w: document has no \"id\"", ErrMissingField))
	}
	if raw.Text == nil {
		report(fmt.Errorf("%w: document has no \"text\"", ErrMissingField))
	}
	if id == "" || raw.Text == nil {
		return Document{}, false
	}
	text := newCodePoints(*raw.Text)
	var spans []Span
	for i, s := range raw.Spans {
		if span, ok := checkJSONLSpan(i, s, text, report); ok {
			spans = append(spans, span)
		}
	}
	spans = dropOverlaps(spans, report)
	return Document{ID: id, Text: *raw.Text, Spans: spans}, true
}

func checkJSONLSpan(i int, s jsonlSpan, text codePoints, report func(error)) (Span, bool) {
	at := "spans[" + strconv.Itoa(i) + "]"
	if s.Start == nil || s.End == nil {
		report(fmt.Errorf("%w: %s has no \"start\" or \"end\"", ErrMissingField, at))
		return Span{}, false
	}
	span := Span{Start: *s.Start, End: *s.End, Label: s.Label, Cluster: s.Cluster}
	ok := true
	if err := checkOffsets(span.Start, span.End, len(text)); err != nil {
		report(fmt.Errorf("%s: %w", at, err))
		ok = false
	} else if s.Text != nil {
		if got := text.slice(span.Start, span.End); got != *s.Text {
			report(fmt.Errorf("%s: %w: [%d,%d) is %q, span says %q", at, ErrSpanText, span.Start, span.End, got, *s.Text))
			ok = false
		}
	}
	if !isLabel(span.Label) {
		report(fmt.Errorf("%s: %w, got %q", at, ErrLabel, span.Label))
		ok = false
	}
	return span, ok
}
