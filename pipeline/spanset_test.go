package pipeline

import (
	"math/rand"
	"testing"
)

// TestSpanSetMatchesOverlaps compares the set with Span.Overlaps against
// every member, on random spans including empty, reversed and
// out-of-range ones.
func TestSpanSetMatchesOverlaps(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	const n = 200
	for round := 0; round < 200; round++ {
		set := newSpanSet(n)
		var members []Mention
		for k := 0; k < 60; k++ {
			start := r.Intn(n+20) - 10
			s := Span{Start: start, End: start + r.Intn(12) - 2}
			want := false
			for _, m := range members {
				want = want || m.Overlaps(s)
			}
			if got := set.overlaps(s); got != want {
				t.Fatalf("round %d: overlaps(%v) = %v, want %v (members %v)", round, s, got, want, members)
			}
			if !want || r.Intn(4) == 0 {
				set.add(s)
				members = append(members, Mention{Span: s})
			}
		}
	}
}
