package eval

import (
	"slices"
	"sort"
)

// Kinds of Mistake, in the order WriteErrors lists them.
const (
	KindWrongSpan  = "wrong span"  // overlaps a gold span of the same label, other boundaries
	KindWrongLabel = "wrong label" // same span or overlapping, other label
	KindMissed     = "missed"      // a gold span no prediction overlaps
	KindSpurious   = "spurious"    // a prediction that overlaps no gold span
)

// kinds are the mistake kinds in report order.
var kinds = [...]string{KindWrongSpan, KindWrongLabel, KindMissed, KindSpurious}

// Kinds returns the mistake kinds in report order (a copy).
func Kinds() []string { return slices.Clone(kinds[:]) }

// Mistake is one false positive or false negative under the strict
// scheme, with what it takes to judge it.
type Mistake struct {
	Doc  string       `json:"doc"`
	Kind string       `json:"kind"`
	Gold *MentionText `json:"gold,omitempty"`
	Pred *MentionText `json:"pred,omitempty"`
	// Context is about 40 code points of text on each side of the
	// prediction (of the gold span when there is none), the mention in
	// [brackets], on one line.
	Context string `json:"context"`
	Note    string `json:"note,omitempty"`
}

// MentionText is a span with its text.
type MentionText struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Label string `json:"label"`
	Text  string `json:"text"`
}

// mistakes lists the strict-scheme errors of one aligned document. It is
// a diagnosis, so it pairs more freely than the counts do: a gold span
// that nervaluate counts as missed because the prediction covering it was
// scored against a neighbour is listed with that prediction, as a wrong
// span or label, since that is what a reader needs to see. Every
// prediction and every gold span that is not a strict match appears in
// at least one Mistake.
func mistakes(docID string, text codePoints, a alignment) []Mistake {
	var out []Mistake
	mention := func(s Span) *MentionText {
		return &MentionText{Start: s.Start, End: s.End, Label: s.Label, Text: text.slice(s.Start, s.End)}
	}
	listed := make([]bool, len(a.gold))
	for _, p := range a.preds {
		m := Mistake{Doc: docID, Pred: mention(p.span), Context: text.context(p.span.Start, p.span.End)}
		switch p.scenario {
		case exactMatch:
			continue
		case spurious:
			m.Kind = KindSpurious
		case duplicate:
			m.Kind, m.Note = KindSpurious, "duplicate of an earlier prediction"
		case overlapSameType:
			m.Kind = KindWrongSpan
		case wrongType, overlapOtherType:
			m.Kind = KindWrongLabel
		}
		if p.gold >= 0 && p.scenario != duplicate {
			m.Gold = mention(a.gold[p.gold])
			listed[p.gold] = true
		}
		out = append(out, m)
	}
	for i, g := range a.gold {
		if a.exactBy[i] >= 0 || listed[i] {
			continue
		}
		m := Mistake{Doc: docID, Kind: KindMissed, Gold: mention(g), Context: text.context(g.Start, g.End)}
		for _, p := range a.preds {
			if p.scenario == duplicate || !overlaps(p.span, g) {
				continue
			}
			m.Kind, m.Pred, m.Context = KindWrongLabel, mention(p.span), text.context(p.span.Start, p.span.End)
			if p.span.Label == g.Label {
				m.Kind = KindWrongSpan
			}
			break
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].anchor() < out[j].anchor() })
	return out
}

// anchor is where a mistake is in the text: at its prediction, or at its
// gold span when it has no prediction.
func (m Mistake) anchor() int {
	if m.Pred != nil {
		return m.Pred.Start
	}
	return m.Gold.Start
}
