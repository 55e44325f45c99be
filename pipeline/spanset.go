package pipeline

// spanSet is a set of byte spans of one text that tells whether a span
// overlaps any of its members (Span.Overlaps) in time proportional to the
// span's length. Resolve compared every hit with every kept mention, which
// made it quadratic in the number of hits.
type spanSet struct {
	covered []uint64 // one bit per byte of the text covered by a member
	members []Span
	// Spans that cover no byte of the text (empty, reversed, outside it)
	// cannot be told by the bits; with them the set compares one by one.
	irregular bool
	n         int // length of the text
}

func newSpanSet(textLen int) *spanSet {
	return &spanSet{covered: make([]uint64, textLen/64+1), n: textLen}
}

func (set *spanSet) regular(s Span) bool { return 0 <= s.Start && s.Start < s.End && s.End <= set.n }

// overlaps reports whether s overlaps a member.
func (set *spanSet) overlaps(s Span) bool {
	if set.irregular || !set.regular(s) {
		for _, o := range set.members {
			if o.Overlaps(s) {
				return true
			}
		}
		return false
	}
	for i := s.Start; i < s.End; i++ {
		if set.covered[i>>6]&(1<<(i&63)) != 0 {
			return true
		}
	}
	return false
}

// add puts s in the set.
func (set *spanSet) add(s Span) {
	set.members = append(set.members, s)
	if !set.regular(s) {
		set.irregular = true
		return
	}
	for i := s.Start; i < s.End; i++ {
		set.covered[i>>6] |= 1 << (i & 63)
	}
}
