package eval

import (
	"slices"
	"sort"
)

// scenario is how one prediction meets the gold spans, as numbered in
// nervaluate (after David Batista's write-up of SemEval-2013 task 9.1).
type scenario int

const (
	exactMatch       scenario = iota // I: same boundaries and type
	spurious                         // II: overlaps no gold span
	wrongType                        // IV: same boundaries, other type
	overlapSameType                  // V: overlap, other boundaries, same type
	overlapOtherType                 // VI: overlap, other boundaries, other type
	duplicate                        // not in nervaluate: a repeat of an earlier prediction
)

// Schemes, in the order reports list them.
const (
	strictScheme = iota
	exactScheme
	partialScheme
	typeScheme
	numSchemes
)

// schemeNames are the names of the four schemes, as used in the JSON
// report; nervaluate calls "type" "ent_type".
var schemeNames = [numSchemes]string{"strict", "exact", "partial", "type"}

// SchemeNames returns the names of the four schemes, as the JSON report
// writes them, in its order (a copy).
func SchemeNames() []string { return slices.Clone(schemeNames[:]) }

// outcomes gives, for each scenario, what it adds to each scheme, copied
// from nervaluate's compute_metrics. A missed gold span adds MIS to all.
var outcomes = map[scenario][numSchemes]outcome{
	exactMatch:       {cor, cor, cor, cor},
	spurious:         {spu, spu, spu, spu},
	wrongType:        {inc, cor, cor, inc},
	overlapSameType:  {inc, inc, par, cor},
	overlapOtherType: {inc, inc, par, inc},
	duplicate:        {spu, spu, spu, spu},
}

// matchedPrediction is one prediction with how it was scored; gold is the
// index of the gold span it was scored against, or -1.
type matchedPrediction struct {
	span     Span
	scenario scenario
	gold     int
}

// alignment is nervaluate's matching of one document.
type alignment struct {
	gold  []Span // flat gold spans in text order
	preds []matchedPrediction
	// touched marks gold spans some prediction was scored against
	// (nervaluate's true_which_overlapped_with_pred); the others are MIS.
	touched []bool
	// exactBy is the index in preds of the prediction that matches gold
	// span i in boundaries and type, or -1.
	exactBy []int
}

// align follows nervaluate's compute_metrics. Each prediction, in text
// order, is scored once:
//   - if some gold span has its boundaries and type, it is correct (I);
//   - else against the first gold span in text order that has its
//     boundaries (IV) or overlaps it (V same type, VI other type);
//   - else it is spurious (II).
//
// Gold spans no prediction was scored against are missed (III).
//
// Two choices where nervaluate is silent or differs:
//   - A prediction equal in boundaries and label to an earlier one is
//     spurious (nervaluate would count every copy as correct).
//   - Several predictions may be scored against one gold span (two halves
//     of a name each count INC under strict), as in nervaluate; that gold
//     span then adds to POS once per prediction.
//
// Overlap means sharing at least one code point, with ends exclusive.
func align(gold, pred []Span) alignment {
	a := alignment{gold: sortedSpans(gold)}
	a.touched = make([]bool, len(a.gold))
	a.exactBy = make([]int, len(a.gold))
	for i := range a.exactBy {
		a.exactBy[i] = -1
	}
	exact := make(map[Span]int, len(a.gold)) // key has no Cluster
	for i, g := range a.gold {
		exact[Span{Start: g.Start, End: g.End, Label: g.Label}] = i
	}
	seen := make(map[Span]bool, len(pred))
	for _, p := range sortedSpans(pred) {
		key := Span{Start: p.Start, End: p.End, Label: p.Label}
		m := matchedPrediction{span: p, scenario: spurious, gold: -1}
		if seen[key] {
			m.scenario = duplicate
		} else if g, ok := exact[key]; ok {
			m.scenario, m.gold = exactMatch, g
			a.exactBy[g] = len(a.preds)
		} else {
			m.scenario, m.gold = firstOverlap(p, a.gold)
		}
		seen[key] = true
		if m.gold >= 0 {
			a.touched[m.gold] = true
		}
		a.preds = append(a.preds, m)
	}
	return a
}

// firstOverlap scores a prediction that matches no gold span exactly
// against the first gold span it meets.
func firstOverlap(p Span, gold []Span) (scenario, int) {
	for i, g := range gold {
		switch {
		case sameBoundary(p, g) && p.Label != g.Label:
			return wrongType, i
		case overlaps(p, g) && p.Label == g.Label:
			return overlapSameType, i
		case overlaps(p, g):
			return overlapOtherType, i
		}
	}
	return spurious, -1
}

// sortedSpans returns the spans with a known label in text order (by start,
// then end, then label), so that "first" and "earlier" above are defined
// by the text and not by the order of a file.
func sortedSpans(spans []Span) []Span {
	out := make([]Span, 0, len(spans))
	for _, s := range spans {
		if isLabel(s.Label) {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return a.Label < b.Label
	})
	return out
}
