package model

// Tag sets the POS tag of every token of toks as Annotate does, without
// running prose's entity classifier: a trained EntityTagger reads the
// tags and gives the labels itself, and the classifier would cost an
// eighth of the pipeline for labels nobody reads. Labels are left as they
// were.
func (m *Model) Tag(toks []Token, r Repeats) {
	if len(toks) == 0 {
		return
	}
	sc := getScratch()
	defer putScratch(sc)
	n := len(toks)
	slot := grow(sc.slot, n)
	tags := grow(sc.tags, n)
	sc.slot, sc.tags = slot, tags
	if r == SharedRepeats {
		sc.slots(toks, slot, false)
	} else {
		for i := range slot {
			slot[i] = int32(i)
		}
	}
	sc.cache.begin(m)
	words := grow(sc.words, n)
	sc.words = words
	for i := range toks {
		words[i] = sc.cache.word(m, toks[i].Text)
	}
	m.tagPositions(toks, words, tags, sc)
	sc.final = grow(sc.final, n)
	lastWins(slot, tags, sc.final)
	for i := range toks {
		toks[i].Tag = tags[i]
	}
	clear(sc.final) // let go of the tag strings
}
