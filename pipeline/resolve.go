package pipeline

import (
	"cmp"
	"slices"

	"github.com/extract-ca/extract/gazetteer"
)

// Resolve chooses the final mentions from the candidates of the gazetteer,
// the rules and the model (as the clean stage left them). It is the one
// place where candidates compete; the precedence policy, in order:
//
//  1. A model span takes the label its clean-up evidence gives: initials
//     make a person ("Sultanova A."), an organisation's head noun a group
//     ("... Studies Center"), whatever the model said.
//  2. An ambiguous gazetteer hit (alias marked "?") is kept only with
//     support: a model hit overlapping it, or an unambiguous hit of the
//     same entry elsewhere in the document. When its entries have several
//     types, the one the model agrees with goes first.
//  3. Among gazetteer and rule hits (Doc.Rules), the longest wins, then
//     the earliest.
//  4. A gazetteer or rule hit wins over every model hit it overlaps: the
//     gazetteer knows the region's names better than the model does. But
//     a trained model's span (Doc.ownBounds) that strictly contains a
//     gazetteer hit wins over it: the model read the whole name ("Dynamo
//     Moscow", "Kyzyl-Tash Airport") where the gazetteer knows a part.
//     prose's spans are runs of labelled tokens whose ends mean little:
//     with them the rule loses on the seeds and gains nothing elsewhere.
//  5. Among model hits (which never overlap each other), all are kept.
//  6. No hit inside the title of a cited work is kept (see Citations).
type Resolve struct{}

func (Resolve) Process(d *Doc) error {
	// The model's spans as the clean stage left them; its raw spans when
	// the pipeline has no clean stage (--without clean).
	spans := d.Model
	if d.cleaned {
		spans = d.Cleaned
	}
	model := make([]Mention, 0, len(spans))
	for _, m := range spans {
		m.Label, m.hint = m.label(), "" // rule 1
		model = append(model, m)
	}
	model = outsideTitles(model, d.Titles)
	// Support for ambiguous names comes from the model's raw hits: a hit
	// too weak to stand alone still says a name is there.
	gaz := outsideTitles(supported(d.Gazetteer, d.Model), d.Titles)
	if d.ownBounds {
		gaz = notInside(gaz, model)
	}
	taken := newSpanSet(len(d.Text))
	kept := longestFirst(append(gaz, outsideTitles(d.Rules, d.Titles)...), taken)
	for _, m := range model {
		if !taken.overlaps(m.Span) {
			kept = append(kept, m)
			taken.add(m.Span)
		}
	}
	kept = byStart(kept)
	for i := range kept {
		kept[i].Sentence = d.SentenceOf(kept[i].Start)
	}
	d.Mentions = kept
	return nil
}

// supported applies rule 2 to the gazetteer hits.
func supported(hits, model []Mention) []Mention {
	sure := map[string]bool{}
	for _, h := range hits {
		if !h.Ambiguous {
			for _, e := range h.Entries {
				sure[e.ID] = true
			}
		}
	}
	out := make([]Mention, 0, len(hits))
	for _, h := range hits {
		if !h.Ambiguous {
			out = append(out, h)
			continue
		}
		label := ""
		for _, m := range model {
			if m.Overlaps(h.Span) {
				label = m.Label
				break
			}
		}
		known := false
		for _, e := range h.Entries {
			known = known || sure[e.ID]
		}
		if label == "" && !known {
			continue
		}
		if label != "" {
			h.Entries = preferType(h.Entries, label)
			h.Label = string(h.Entries[0].Type)
		}
		out = append(out, h)
	}
	return out
}

// longestFirst keeps the non-overlapping hits, longest first, then
// earliest (spaCy's filter_spans), and adds the kept spans to taken.
func longestFirst(hits []Mention, taken *spanSet) []Mention {
	order := make([]int, len(hits))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ha, hb := &hits[a], &hits[b]
		if ha.Len() != hb.Len() {
			return cmp.Compare(hb.Len(), ha.Len())
		}
		return cmp.Compare(ha.Start, hb.Start)
	})
	var kept []Mention
	for _, i := range order {
		if !taken.overlaps(hits[i].Span) {
			kept = append(kept, hits[i])
			taken.add(hits[i].Span)
		}
	}
	return kept
}

// byStart returns the mentions in text order, equal starts in their order
// in ms. It sorts indexes and moves each mention once: sorting the
// mentions themselves moved them around many times over.
func byStart(ms []Mention) []Mention {
	order := make([]int, len(ms))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(ms[a].Start, ms[b].Start) })
	sorted := make([]Mention, len(ms))
	for i, k := range order {
		sorted[i] = ms[k]
	}
	return sorted
}

// preferType moves the entries of type label to the front.
func preferType(entries []*gazetteer.Entry, label string) []*gazetteer.Entry {
	out := make([]*gazetteer.Entry, 0, len(entries))
	for _, e := range entries {
		if string(e.Type) == label {
			out = append(out, e)
		}
	}
	for _, e := range entries {
		if string(e.Type) != label {
			out = append(out, e)
		}
	}
	return out
}

// outsideTitles drops the hits that overlap a title of a cited work.
func outsideTitles(hits []Mention, titles []Span) []Mention {
	if len(titles) == 0 {
		return hits
	}
	out := hits[:0:0]
	for _, h := range hits {
		inside := false
		for _, t := range titles {
			if t.Overlaps(h.Span) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, h)
		}
	}
	return out
}

// notInside drops the hits that a model span strictly contains (rule 4),
// in O((hits+spans) log spans): model spans sorted by start, with the
// furthest end reached by the spans that start before each.
func notInside(hits, model []Mention) []Mention {
	spans := make([]Span, len(model))
	for i, m := range model {
		spans[i] = m.Span
	}
	slices.SortFunc(spans, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	reach := make([]int, len(spans)) // reach[i]: max End of spans[:i+1]
	for i, s := range spans {
		reach[i] = s.End
		if i > 0 {
			reach[i] = max(reach[i], reach[i-1])
		}
	}
	contained := func(h Span) bool {
		k, _ := slices.BinarySearchFunc(spans, h.Start, func(s Span, start int) int { return cmp.Compare(s.Start, start) })
		if k > 0 && reach[k-1] >= h.End {
			return true // a span that starts before h and ends at or after it
		}
		for ; k < len(spans) && spans[k].Start == h.Start; k++ {
			if spans[k].End > h.End {
				return true
			}
		}
		return false
	}
	out := hits[:0:0]
	for _, h := range hits {
		if !contained(h.Span) {
			out = append(out, h)
		}
	}
	return out
}
