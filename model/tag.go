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
	m.tag(sc, toks, r, false)
}
