package eval

import (
	"slices"

	"github.com/extract-ca/extract/output"
)

// Span is one annotated or predicted mention. Offsets are Unicode code
// point offsets into Document.Text (the indices of a Python string), end
// exclusive, as in the gold files and in output.Mention.
type Span struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Label   string `json:"label"`
	Cluster string `json:"cluster,omitempty"` // coreference key; "" means a cluster of its own
}

// Document is one text with its mentions: a gold document read by one of
// the Read functions, or a prediction made by FromRecords.
type Document struct {
	ID    string `json:"id"`
	Text  string `json:"text"`
	Spans []Span `json:"spans"`
	// Error is set on a prediction whose pipeline run failed (output.Record
	// Error); the document is scored with no predicted spans and counted
	// in Report.Documents.Failed.
	Error string `json:"error,omitempty"`
}

// labels are the labels the scorer knows, in the order reports list them.
// Spans with any other label are left out of scoring, as nervaluate does
// with tags it was not asked about.
var labels = [...]string{output.LabelPerson, output.LabelPlace, output.LabelGroup}

// Labels returns the labels the scorer knows, in the order reports list
// them (a copy): spans with any other label are left out of scoring.
func Labels() []string { return slices.Clone(labels[:]) }

func isLabel(s string) bool {
	for _, l := range labels {
		if s == l {
			return true
		}
	}
	return false
}

// overlaps reports whether a and b share at least one code point.
func overlaps(a, b Span) bool {
	return max(a.Start, b.Start) < min(a.End, b.End)
}

func sameBoundary(a, b Span) bool { return a.Start == b.Start && a.End == b.End }
