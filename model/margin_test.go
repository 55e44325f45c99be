package model

import (
	"testing"
)

// TestMarginsGreedy: decoding greedily, every token's label is the best
// one where it stands, so no margin is negative; the names the toy model
// learnt are decided by a clear margin; tokens labelled O and tokens
// outside every sentence get 0.
func TestMarginsGreedy(t *testing.T) {
	m := trainSmall(t, true)
	m.Beam = 1
	d := trainDocs()[3] // "Alieva works for Kyrgyz Telecom in Naryn ."
	toks := Tokenize(d.Text+" Outside", nil)
	Default().Annotate(toks, SeparateRepeats)
	sents := []Sentence{{0, len(toks) - 1}}
	m.Annotate(toks, sents, d.Hits)
	got := m.Margins(toks, sents, d.Hits)
	if len(got) != len(toks) {
		t.Fatalf("%d margins for %d tokens", len(got), len(toks))
	}
	for i, tk := range toks[:len(toks)-1] {
		if got[i] < 0 {
			t.Errorf("token %q (%s): margin %g < 0 with greedy decoding", tk.Text, tk.Label, got[i])
		}
		if tk.Label != "O" && got[i] <= 0 {
			t.Errorf("token %q (%s): margin %g, want > 0", tk.Text, tk.Label, got[i])
		}
		if tk.Label == "O" && got[i] != 0 {
			t.Errorf("token %q (O): margin %g, want 0: no name to judge", tk.Text, got[i])
		}
	}
	if last := got[len(got)-1]; last != 0 {
		t.Errorf("token outside every sentence: margin %g, want 0", last)
	}
}

// TestMarginsMatchScores: a token's margin is the score of its label
// minus the best score of another label it could have had, the previous
// labels as Annotate gave them. Checked on the first token of a sentence,
// whose features do not depend on the document memory.
func TestMarginsMatchScores(t *testing.T) {
	m := trainSmall(t, false)
	toks := Tokenize("Zarina Alieva visited Osh .", nil)
	Default().Annotate(toks, SeparateRepeats)
	sents := []Sentence{{0, len(toks)}}
	m.Annotate(toks, sents, nil)
	got := m.Margins(toks, sents, nil)
	fc := prepare(toks, sents, nil, nil)
	feats := fc.staticFeatures(nil, sents, 0, 0)
	feats = fc.dynamicFeatures(feats, 0, -1, -1)
	scores := make([]float32, len(m.labels))
	m.sum(feats, scores)
	chosen := -1
	best := float32(0)
	first := true
	for l, name := range m.labels {
		if name == toks[0].Label {
			chosen = l
			continue
		}
		if l%2 == 0 && l > 0 {
			continue // no I- at a sentence's start
		}
		if first || scores[l] > best {
			best, first = scores[l], false
		}
	}
	if want := scores[chosen] - best; got[0] != want {
		t.Errorf("margin of %q (%s) = %g, want %g", toks[0].Text, toks[0].Label, got[0], want)
	}
}

// TestMarginsBadInput: bad sentence ranges and labels the model does not
// have give margins, not a panic.
func TestMarginsBadInput(t *testing.T) {
	m := trainSmall(t, false)
	toks := Tokenize("Aziz Rahimov visited Osh .", nil)
	Default().Annotate(toks, SeparateRepeats)
	toks[1].Label = "B-MISC"
	got := m.Margins(toks, []Sentence{{3, 1}, {0, 99}, {-1, 2}, {2, 5}, {0, 2}}, []GazMatch{{-5, 1000, "PLACE", ""}})
	if len(got) != len(toks) {
		t.Errorf("%d margins for %d tokens", len(got), len(toks))
	}
}
