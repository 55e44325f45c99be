package pipeline

import (
	"slices"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/output"
)

// Gazetteer finds the names of the gazetteer in the document's words,
// which the matcher takes from the tokens, refusing an ambiguous alias at
// the start of a sentence. Every hit is a candidate: hits may overlap, and
// resolve chooses among them.
type Gazetteer struct {
	Matcher *gazetteer.Matcher
}

func (g Gazetteer) Process(d *Doc) error {
	d.hits = g.Matcher.AppendMatches(d.hits[:0], d.segmentation())
	d.Gazetteer = slices.Grow(d.Gazetteer[:0], len(d.hits))
	for _, h := range d.hits {
		d.Gazetteer = append(d.Gazetteer, Mention{
			Span:      Span{Start: h.Start, End: h.End},
			Label:     string(h.Entries[0].Type),
			Source:    output.SourceGazetteer,
			Entries:   h.Entries,
			Ambiguous: h.Ambiguous,
			Ref:       -1,
		})
	}
	return nil
}
