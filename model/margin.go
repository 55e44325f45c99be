package model

// Margins returns, for each token of toks, how much the model preferred
// the label Annotate gave it: the score of that label minus the best score
// of any other label it could have given there (an I- only after its
// type), both with the labels of the tokens before it as Annotate chose
// them. A small margin is a close call. toks, sents and hits must be what
// Annotate was called with, after the call; tokens labelled O (no name)
// and tokens outside every sentence get 0.
//
// The document memory is replayed as Annotate builds it: after each
// sentence with a beam, after each token when decoding greedily.
func (t *EntityTagger) Margins(toks []Token, sents []Sentence, hits []GazMatch) []float32 {
	out := make([]float32, len(toks))
	if !t.Gazetteer {
		hits = nil
	}
	sents = validSentences(sents, len(toks))
	fc := prepare(toks, sents, hits, t.lex)
	labelOf := t.labelIndex()
	greedy := t.beam() <= 1
	scores := make([]float32, len(t.labels))
	var feats []uint64
	for s, sent := range sents {
		p1, p2 := -1, -1
		for i := sent.Start; i < sent.End; i++ {
			l := labelOf[toks[i].Label] // O for a label the model lacks
			if l == 0 {
				// O: no name to judge, so no scores (most tokens; scoring
				// them doubled the cost of tagging). The labels and the
				// memory still go on.
				if greedy {
					fc.remember(i, typeOf(l))
				}
				p2, p1 = p1, l
				continue
			}
			feats = fc.staticFeatures(feats[:0], sents, s, i)
			feats = fc.dynamicFeatures(feats, i, p1, p2)
			t.sum(feats, scores)
			var alt float32
			first := true
			for k := range scores {
				if k == l || !allowedAfter(k, p1) {
					continue
				}
				if first || scores[k] > alt {
					alt, first = scores[k], false
				}
			}
			out[i] = scores[l] - alt
			if greedy {
				fc.remember(i, typeOf(l))
			}
			p2, p1 = p1, l
		}
		if !greedy {
			for i := sent.Start; i < sent.End; i++ {
				fc.remember(i, typeOf(labelOf[toks[i].Label]))
			}
		}
	}
	return out
}
