package eval

import (
	"bytes"
	"encoding/json"
	"testing"
)

// goldenDocuments writes documents as our own gold JSONL, every span with
// its surface text: a reviewer reads the text, and ReadJSONL checks it
// against the offsets (see TestGoldenFilesAreValidGold).
func goldenDocuments(t *testing.T, docs []Document) []byte {
	t.Helper()
	type spanWithText struct {
		Span
		Text string `json:"text"`
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		text := newCodePoints(d.Text)
		spans := make([]spanWithText, 0, len(d.Spans))
		for _, s := range d.Spans {
			spans = append(spans, spanWithText{Span: s, Text: text.slice(s.Start, s.End)})
		}
		err := enc.Encode(struct {
			ID    string         `json:"id"`
			Text  string         `json:"text"`
			Spans []spanWithText `json:"spans"`
		}{d.ID, d.Text, spans})
		if err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// errorLines renders an error as one problem per line.
func errorLines(err error) []byte {
	if err == nil {
		return []byte("no errors\n")
	}
	return []byte(err.Error() + "\n")
}
