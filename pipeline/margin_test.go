package pipeline

import "testing"

func TestCloseCall(t *testing.T) {
	// "Hence Alieva met Karimov in Osh": the gazetteer knows "Karimov"
	// [17,24) and "Osh" [28,31).
	gazetteer := newSpanIndex([]Span{{Start: 17, End: 24}, {Start: 28, End: 31}})
	for _, tc := range []struct {
		name    string
		margins []float32
		span    Span
		want    bool
	}{
		{"sure name", []float32{3, 2.5}, Span{Start: 0, End: 12}, false},
		{"one close token drops it", []float32{3, 0.5}, Span{Start: 0, End: 12}, true},
		{"at the threshold", []float32{2}, Span{Start: 6, End: 12}, false},
		{"negative margin (the beam overruled the token)", []float32{-1}, Span{Start: 6, End: 12}, true},
		{"gazetteer name inside", []float32{0.1, 0.1}, Span{Start: 13, End: 24}, false},
		{"gazetteer name overlapping", []float32{0.1, 0.1}, Span{Start: 25, End: 30}, false},
		{"touching a gazetteer name", []float32{0.1}, Span{Start: 24, End: 27}, true},
	} {
		if got := closeCall(tc.margins, tc.span, gazetteer, 2); got != tc.want {
			t.Errorf("%s: closeCall(%v, %v) = %v, want %v", tc.name, tc.margins, tc.span, got, tc.want)
		}
	}
}
