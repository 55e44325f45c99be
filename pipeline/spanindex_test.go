package pipeline

import (
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSpanIndex(t *testing.T) {
	spans := []Span{{Start: 10, End: 20}, {Start: 0, End: 5}, {Start: 12, End: 14}, {Start: 30, End: 40}, {Start: 3, End: 50}, {Start: 60, End: 61}}
	x := newSpanIndex(spans)
	for _, tc := range []struct {
		q     Span
		first int
	}{
		{Span{Start: 5, End: 10}, 4}, // only the long span
		{Span{Start: 13, End: 14}, 0},
		{Span{Start: 0, End: 1}, 1},
		{Span{Start: 55, End: 60}, -1},
		{Span{Start: 60, End: 61}, 5},
		{Span{Start: 61, End: 70}, -1},
		{Span{Start: 2, End: 2}, 1}, // empty, inside {0, 5}: Span.Overlaps counts it
	} {
		if got := x.first(tc.q); got != tc.first {
			t.Errorf("first(%v) = %d, want %d", tc.q, got, tc.first)
		}
		if got := x.any(tc.q); got != (tc.first >= 0) {
			t.Errorf("any(%v) = %v", tc.q, got)
		}
	}
}

// The index answers as a scan of every span does, on random spans.
func TestSpanIndexMatchesScan(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		spans := make([]Span, r.IntN(30))
		for i := range spans {
			s := r.IntN(100)
			spans[i] = Span{Start: s, End: s + r.IntN(15)}
		}
		x := newSpanIndex(spans)
		for q := 0; q < 50; q++ {
			s := r.IntN(110)
			query := Span{Start: s, End: s + r.IntN(10)}
			want := -1
			var wantAll []int
			for i, sp := range spans {
				if sp.Overlaps(query) {
					if want < 0 {
						want = i
					}
					wantAll = append(wantAll, i)
				}
			}
			if got := x.first(query); got != want {
				t.Fatalf("spans %v: first(%v) = %d, want %d", spans, query, got, want)
			}
			if got := x.all(query); !slices.Equal(got, wantAll) {
				t.Fatalf("spans %v: all(%v) = %v, want %v", spans, query, got, wantAll)
			}
		}
	}
}
