package pipeline

import (
	"cmp"
	"slices"
	"sort"
)

// spanIndex answers which of a fixed list of spans overlap a query span in
// O(log n) plus the spans it walks past, instead of comparing the query
// with every span: the stages that asked "does s overlap any of them?" by
// a scan for each of a document's mentions took time quadratic in the
// document's size.
//
// The spans are kept in order of start with the running maximum of their
// ends, so that a walk back from the last span starting before the query
// ends can stop as soon as no earlier span reaches past the query's start.
type spanIndex struct {
	spans  []Span
	order  []int // indexes into spans, by start (then index)
	maxEnd []int // maxEnd[k]: the largest end of spans[order[0..k]]
}

func newSpanIndex(spans []Span) *spanIndex {
	x := &spanIndex{spans: spans, order: make([]int, len(spans)), maxEnd: make([]int, len(spans))}
	for i := range x.order {
		x.order[i] = i
	}
	slices.SortStableFunc(x.order, func(a, b int) int { return cmp.Compare(spans[a].Start, spans[b].Start) })
	for k, i := range x.order {
		x.maxEnd[k] = spans[i].End
		if k > 0 {
			x.maxEnd[k] = max(x.maxEnd[k], x.maxEnd[k-1])
		}
	}
	return x
}

// first returns the smallest index i such that spans[i] overlaps s, or -1.
func (x *spanIndex) first(s Span) int {
	found := -1
	// Spans that start before s ends: order[0..k).
	k := sort.Search(len(x.order), func(k int) bool { return x.spans[x.order[k]].Start >= s.End })
	for k--; k >= 0 && x.maxEnd[k] > s.Start; k-- {
		if i := x.order[k]; x.spans[i].Overlaps(s) && (found < 0 || i < found) {
			found = i
		}
	}
	return found
}

// any reports whether a span overlaps s.
func (x *spanIndex) any(s Span) bool {
	k := sort.Search(len(x.order), func(k int) bool { return x.spans[x.order[k]].Start >= s.End })
	for k--; k >= 0 && x.maxEnd[k] > s.Start; k-- {
		if x.spans[x.order[k]].Overlaps(s) {
			return true
		}
	}
	return false
}

// all returns the indexes of the spans that overlap s, in increasing order.
func (x *spanIndex) all(s Span) []int {
	var found []int
	k := sort.Search(len(x.order), func(k int) bool { return x.spans[x.order[k]].Start >= s.End })
	for k--; k >= 0 && x.maxEnd[k] > s.Start; k-- {
		if i := x.order[k]; x.spans[i].Overlaps(s) {
			found = append(found, i)
		}
	}
	slices.Sort(found)
	return found
}

// spansOf returns the spans of the mentions that keep says to.
func spansOf(ms []Mention, keep func(*Mention) bool) []Span {
	out := make([]Span, 0, len(ms))
	for i := range ms {
		if keep == nil || keep(&ms[i]) {
			out = append(out, ms[i].Span)
		}
	}
	return out
}
