package view

import (
	"sort"

	"github.com/extract-ca/extract/output"
)

// segment is a run of document text: plain, or one mention.
type segment struct {
	Text   string
	Mark   bool
	ID     string // mention id
	Label  string
	Class  string // CSS class of the label
	Entity string
}

// labelClass maps a label to its CSS class; a label the site has no
// colour for (from a hand-edited record) is drawn grey.
func labelClass(label string) string {
	switch label {
	case output.LabelPerson:
		return "l-person"
	case output.LabelPlace:
		return "l-place"
	case output.LabelGroup:
		return "l-group"
	}
	return "l-other"
}

// markText cuts text into plain and marked segments. Mentions are taken
// in text order; one with offsets outside the text, empty, or
// overlapping the previous one is skipped and counted in skipped.
func markText(text []rune, mentions []output.Mention) (segs []segment, skipped int) {
	ms := append([]output.Mention(nil), mentions...)
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End > ms[j].End
	})
	at := 0
	for _, m := range ms {
		if m.Start < at || m.End > len(text) || m.Start >= m.End {
			skipped++
			continue
		}
		if m.Start > at {
			segs = append(segs, segment{Text: string(text[at:m.Start])})
		}
		segs = append(segs, segment{Text: string(text[m.Start:m.End]), Mark: true, ID: m.ID,
			Label: m.Label, Class: labelClass(m.Label), Entity: m.Entity})
		at = m.End
	}
	if at < len(text) {
		segs = append(segs, segment{Text: string(text[at:])})
	}
	return segs, skipped
}
