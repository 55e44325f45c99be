package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
)

// WriteTable writes the report for people: a block per scheme with a row
// per label, micro and macro, then coreference, then document counts.
func (r *Report) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, s := range r.Schemes {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s\tCOR\tINC\tPAR\tMIS\tSPU\tP\tR\tF1\n", s.Scheme)
		for _, l := range labels {
			writeCountsRow(tw, l, s.Labels[l])
		}
		writeCountsRow(tw, "micro", s.Micro)
		fmt.Fprintf(tw, "macro\t\t\t\t\t\t%.3f\t%.3f\t%.3f\n", s.Macro.Precision, s.Macro.Recall, s.Macro.F1)
	}
	c := r.Coreference
	fmt.Fprintf(tw, "\ncoreference\tP\tR\tF1\n")
	fmt.Fprintf(tw, "B3\t%.3f\t%.3f\t%.3f\n", c.B3.Precision, c.B3.Recall, c.B3.F1)
	fmt.Fprintf(tw, "MUC\t%.3f\t%.3f\t%.3f\n", c.MUC.Precision, c.MUC.Recall, c.MUC.F1)
	if err := tw.Flush(); err != nil {
		return err
	}
	note := ""
	if c.Mentions > 0 && c.Clustered == 0 {
		note = "; the gold has no clusters, so every gold mention is its own entity"
	}
	d := r.Documents
	_, err := fmt.Fprintf(w, "over %d strictly matched mentions%s\n\ndocuments: %d gold, %d predicted, %d scored, %d missing, %d extra, %d failed\nmentions: %d gold, %d predicted\n",
		c.Mentions, note, d.Gold, d.Predicted, d.Scored, d.Missing, d.Extra, d.Failed, r.Mentions.Gold, r.Mentions.Predicted)
	return err
}

func writeCountsRow(w io.Writer, name string, c Counts) {
	fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\n",
		name, c.Correct, c.Incorrect, c.Partial, c.Missed, c.Spurious, c.Precision, c.Recall, c.F1)
}

// WriteJSON writes the report as one indented JSON object of the shape
// given in the package comment.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteErrors writes the strict-scheme mistakes grouped by kind (wrong
// span, wrong label, missed, spurious), each group headed by its count,
// one mistake per line:
//
//	doc  gold [start,end) LABEL "text"  pred [start,end) LABEL "text"  context
func (r *Report) WriteErrors(w io.Writer) error {
	byKind := make(map[string][]Mistake, len(kinds))
	for _, m := range r.Errors {
		byKind[m.Kind] = append(byKind[m.Kind], m)
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for i, kind := range kinds {
		if i > 0 {
			fmt.Fprintln(tw)
		}
		fmt.Fprintf(tw, "%s: %d\n", kind, len(byKind[kind]))
		for _, m := range byKind[kind] {
			note := ""
			if m.Note != "" {
				note = "  (" + m.Note + ")"
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s%s\n", m.Doc, describe("gold", m.Gold), describe("pred", m.Pred), m.Context, note)
		}
	}
	return tw.Flush()
}

func describe(side string, m *MentionText) string {
	if m == nil {
		return side + " -"
	}
	return fmt.Sprintf("%s [%d,%d) %s %q", side, m.Start, m.End, m.Label, m.Text)
}
