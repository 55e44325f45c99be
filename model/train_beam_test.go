package model

import (
	"bytes"
	"math"
	"slices"
	"testing"
)

func trainBeam(t testing.TB, beam int) *EntityTagger {
	t.Helper()
	m, err := Train(trainDocs(), TrainOptions{Iterations: 6, Seed: 3, Gazetteer: true, Beam: beam})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestTrainBeam: training for a beam is deterministic, differs from
// greedy training and learns its training data as the beam decodes it.
func TestTrainBeam(t *testing.T) {
	m := trainBeam(t, 3)
	if a, b := encode(t, m), encode(t, trainBeam(t, 3)); !bytes.Equal(a, b) {
		t.Error("two trainings with Beam 3 differ")
	}
	if bytes.Equal(encode(t, m), encode(t, trainBeam(t, 1))) {
		t.Error("Beam 3 trained the greedy model")
	}
	if a, b := encode(t, trainBeam(t, 0)), encode(t, trainBeam(t, 1)); !bytes.Equal(a, b) {
		t.Error("Beam 1 differs from the default, greedy training")
	}
	for _, d := range trainDocs() {
		toks := Tokenize(d.Text, nil)
		sents := SplitSentences(d.Text, toks)
		pos := Default()
		for _, s := range sents {
			pos.Tag(toks[s.Start:s.End], SeparateRepeats)
		}
		m.Annotate(toks, sents, d.Hits)
		var got, want []string
		for _, tok := range toks {
			got = append(got, tok.Label)
		}
		for _, tok := range toks {
			label := "O"
			for _, s := range d.Spans {
				if tok.Start == s.Start {
					label = "B-" + s.Type
				} else if tok.Start > s.Start && tok.End <= s.End {
					label = "I-" + s.Type
				}
			}
			want = append(want, label)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q:\n got %v\nwant %v", d.Text, got, want)
		}
	}
}

// TestStructuredUpdate: an update moves the weights of the gold labelling's
// features towards its labels and those of the prediction away from its
// own, each token's previous-label features taken after its own
// labelling's labels; where both labellings agree on a token and its
// history, nothing moves.
func TestStructuredUpdate(t *testing.T) {
	pd := prepareDoc(trainDocs()[0], map[string]int{"O": 0, "B-PERSON": 1, "I-PERSON": 2, "B-PLACE": 3, "I-PLACE": 4, "B-GROUP": 5, "I-GROUP": 6}, features{gazetteer: true})
	tr := newTrainer(7, map[uint64]int32{}, 1, 1)
	sent := pd.sents[0]
	// Gold: B-PERSON I-PERSON O B-PLACE ...; the prediction: all O.
	tr.pred = make([]int, sent.End-sent.Start)
	var report Pass
	tr.structuredUpdate(pd, 0, sent.Start, sent.End, nil, &report)
	wrong := 0
	for i := sent.Start; i < sent.End; i++ {
		if pd.gold[i] != 0 {
			wrong++
		}
	}
	if report.Errors != wrong {
		t.Errorf("Errors = %d, want the %d tokens the prediction got wrong", report.Errors, wrong)
	}
	weight := func(feats []uint64, l int) (sum float32) {
		for _, f := range feats {
			if r, ok := tr.index[f]; ok {
				sum += tr.w[int(r)*tr.n+l]
			}
		}
		return sum
	}
	// The first token (Aziz, B-PERSON): its static features gain for
	// B-PERSON and lose for O.
	static := pd.static[pd.off[0]:pd.off[1]]
	if w := weight(static, 1); w <= 0 {
		t.Errorf("B-PERSON weight of the first token's features = %v, want > 0", w)
	}
	if w := weight(static, 0); w >= 0 {
		t.Errorf("O weight of the first token's features = %v, want < 0", w)
	}
	// The token after the first name (visited, O in both) has different
	// histories (I-PERSON against O): its O features after I-PERSON gain,
	// after O lose.
	i := sent.Start + 2
	if pd.gold[i] != 0 {
		t.Fatalf("token %d: gold %d, want O", i, pd.gold[i])
	}
	after := func(p1, p2 int) []uint64 { return pd.fc.dynamicFeatures(nil, i, p1, p2) }
	if w := weight(after(2, 1), 0); w <= 0 {
		t.Errorf("O after I-PERSON = %v, want > 0", w)
	}
	if w := weight(after(0, 0), 0); w >= 0 {
		t.Errorf("O after O, O = %v, want < 0", w)
	}
}

// TestBeamKeepNaN: the beam ranks a NaN score below every number, as the
// stable sort it replaced did, and does not panic on one.
func TestBeamKeepNaN(t *testing.T) {
	nan := float32(math.NaN())
	b := newBeamSearch(2, 3)
	for i, s := range []float32{nan, 1, nan, 2, nan} {
		b.keep(candidate{from: 0, label: i, score: s})
	}
	var got []int
	for _, c := range b.cands {
		got = append(got, c.label)
	}
	if want := []int{3, 1}; !slices.Equal(got, want) {
		t.Errorf("kept labels %v, want %v", got, want)
	}
}

// TestAnnotateHugeWeights: a model file whose weights are finite but sum
// to infinities of both signs (and so to NaN) labels without panicking.
func TestAnnotateHugeWeights(t *testing.T) {
	loaded, err := LoadEntityTagger(encode(t, hugeWeights(t)))
	if err != nil {
		t.Fatal(err)
	}
	d := trainDocs()[0]
	toks := Tokenize(d.Text, nil)
	sents := SplitSentences(d.Text, toks)
	pos := Default()
	for _, s := range sents {
		pos.Tag(toks[s.Start:s.End], SeparateRepeats)
	}
	for _, beam := range []int{1, 4} {
		loaded.Beam = beam
		loaded.Annotate(toks, sents, d.Hits)
	}
}

// hugeWeights is a model whose weights are the largest finite float32s of
// both signs, whose sums overflow: a file that loads (FuzzLoadEntityTagger
// starts from it too).
func hugeWeights(t testing.TB) *EntityTagger {
	m := trainBeam(t, 2)
	for i := range m.weights {
		m.weights[i] = 3e38
		if i%2 == 1 {
			m.weights[i] = -3e38
		}
	}
	return m
}
