package model

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// trainDocs are a few annotated sentences, enough for the tagger to learn
// something in a test.
func trainDocs() []TrainDoc {
	var docs []TrainDoc
	for _, s := range []string{
		"[Aziz Rahimov|PERSON] visited [Osh|PLACE] with the [Red Crescent|GROUP] .",
		"[Rahimov|PERSON] said [Osh|PLACE] needs water .\nThe [Red Crescent|GROUP] agreed .",
		"Officials in [Naryn|PLACE] met [Zarina Alieva|PERSON] on Monday .",
		"[Alieva|PERSON] works for [Kyrgyz Telecom|GROUP] in [Naryn|PLACE] .",
	} {
		var d TrainDoc
		for part := range strings.SplitSeq(strings.ReplaceAll(s, "]", "["), "[") {
			if name, typ, ok := strings.Cut(part, "|"); ok {
				d.Spans = append(d.Spans, TrainSpan{len(d.Text), len(d.Text) + len(name), typ})
				d.Hits = append(d.Hits, GazMatch{len(d.Text), len(d.Text) + len(name), typ, "test"})
				part = name
			}
			d.Text += part
		}
		docs = append(docs, d)
	}
	return docs
}

func trainSmall(t testing.TB, gaz bool) *EntityTagger {
	t.Helper()
	m, err := Train(trainDocs(), TrainOptions{Iterations: 5, Seed: 3, Gazetteer: gaz, Dev: trainDocs()[:2]})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func encode(t testing.TB, m *EntityTagger) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestTrainDeterministicBytes(t *testing.T) {
	for _, gaz := range []bool{false, true} {
		a, b := encode(t, trainSmall(t, gaz)), encode(t, trainSmall(t, gaz))
		if !bytes.Equal(a, b) {
			t.Errorf("gazetteer %v: two trainings differ", gaz)
		}
	}
}

// TestEntityModelRoundTrip checks that a model read back from its file
// labels as the trained one does, and that it learnt its training data.
func TestEntityModelRoundTrip(t *testing.T) {
	m := trainSmall(t, true)
	m.Recipe = "toy documents, gazetteer features"
	back, err := LoadEntityTagger(encode(t, m))
	if err != nil {
		t.Fatal(err)
	}
	if back.Features() != m.Features() || !back.Gazetteer || back.Recipe != m.Recipe || !slices.Equal(back.Labels(), m.Labels()) {
		t.Fatalf("read back %v, wrote %v", back, m)
	}
	d := trainDocs()[3]
	label := func(m *EntityTagger) []string {
		toks := Tokenize(d.Text, nil)
		sents := SplitSentences(d.Text, toks)
		Default().Annotate(toks, SeparateRepeats)
		m.Annotate(toks, sents, d.Hits)
		var out []string
		for _, t := range toks {
			out = append(out, t.Label)
		}
		return out
	}
	got, want := label(back), label(m)
	if !slices.Equal(got, want) {
		t.Errorf("read back model labels %v, trained one %v", got, want)
	}
	want = []string{"B-PERSON", "O", "O", "B-GROUP", "I-GROUP", "O", "B-PLACE", "O"}
	for _, beam := range []int{0, 1, 2, 8} {
		back.Beam = beam
		if got := label(back); !slices.Equal(got, want) {
			t.Errorf("beam %d: labels %v, want %v", beam, got, want)
		}
	}
}

// TestBeamValidBIO: every beam width gives valid BIO (an I- only after a
// B- or I- of its type), and the same labels for the same input.
func TestBeamValidBIO(t *testing.T) {
	m := trainSmall(t, false)
	text := "Officials in Naryn met Aziz Rahimov and Zarina Alieva of the Red Crescent in Osh on Monday , said Kyrgyz Telecom ."
	label := func(beam int) []string {
		toks := Tokenize(text, nil)
		Default().Annotate(toks, SeparateRepeats)
		m.Beam = beam
		m.Annotate(toks, []Sentence{{0, len(toks)}}, nil)
		var out []string
		for _, tk := range toks {
			out = append(out, tk.Label)
		}
		return out
	}
	for _, beam := range []int{1, 2, 3, 4, 16} {
		got := label(beam)
		if again := label(beam); !slices.Equal(got, again) {
			t.Errorf("beam %d: two runs differ: %v, %v", beam, got, again)
		}
		for i, l := range got {
			if typ, ok := strings.CutPrefix(l, "I-"); ok && (i == 0 || !strings.HasSuffix(got[i-1], "-"+typ)) {
				t.Errorf("beam %d: token %d %s after %q", beam, i, l, got[max(i-1, 0)])
			}
		}
	}
}

// TestAnnotateBadSentences: sentence ranges out of order or out of range
// are skipped, not a panic.
func TestAnnotateBadSentences(t *testing.T) {
	m := trainSmall(t, false)
	toks := Tokenize("Aziz Rahimov visited Osh .", nil)
	Default().Annotate(toks, SeparateRepeats)
	m.Annotate(toks, []Sentence{{3, 1}, {0, 99}, {-1, 2}, {2, 5}, {0, 2}}, []GazMatch{{-5, 1000, "PLACE", ""}})
	for _, tk := range toks {
		if tk.Label == "" {
			t.Errorf("token %q has no label", tk.Text)
		}
	}
}

func TestLoadEntityTaggerErrors(t *testing.T) {
	good := encode(t, trainSmall(t, false))
	for name, data := range map[string][]byte{
		"empty":     nil,
		"magic":     []byte("extract entity model 9\n"),
		"truncated": good[:len(good)/2],
		"no gzip":   []byte(entityMagic + "hello"),
	} {
		if _, err := LoadEntityTagger(data); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzLoadEntityTagger(f *testing.F) {
	f.Add(encode(f, trainSmall(f, true)))
	f.Add(encode(f, hugeWeights(f)))
	withLexicons, err := Train(lexiconDocs(), TrainOptions{Iterations: 2, Lexicons: []Lexicon{{Name: "given-name", Words: []string{"aziz", "rustam"}}, {Name: "town", Words: []string{"osh"}}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(encode(f, withLexicons))
	f.Add([]byte(entityMagic))
	f.Add([]byte("not a model"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := LoadEntityTagger(data)
		if err != nil {
			return
		}
		// Whatever loads must label without panicking and write back to
		// a file that loads again.
		toks := Tokenize("Aziz Rahimov visited Osh.", nil)
		Default().Annotate(toks, SeparateRepeats)
		m.Annotate(toks, []Sentence{{0, len(toks)}}, []GazMatch{{0, 4, "PERSON", "x"}})
		if _, err := LoadEntityTagger(encode(t, m)); err != nil {
			t.Fatalf("a loaded model does not load again: %v", err)
		}
	})
}

// TestTagMatchesAnnotate: Tag gives the tags Annotate gives.
func TestTagMatchesAnnotate(t *testing.T) {
	text := "The the THE cat sat. Rahmon met Putin in Moscow, and Putin met Rahmon in Dushanbe's old town."
	for _, r := range []Repeats{SharedRepeats, SeparateRepeats} {
		a, b := Tokenize(text, nil), Tokenize(text, nil)
		Default().Annotate(a, r)
		Default().Tag(b, r)
		for i := range a {
			if a[i].Tag != b[i].Tag {
				t.Errorf("repeats %d: token %d %q: Tag %q, Annotate %q", r, i, a[i].Text, b[i].Tag, a[i].Tag)
			}
		}
	}
}

// TestTrainStops: a cancelled context stops training with its cause and
// no model.
func TestTrainStops(t *testing.T) {
	stop := errors.New("stop")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(stop)
	m, err := Train(trainDocs(), TrainOptions{Iterations: 5, Context: ctx})
	if m != nil || !errors.Is(err, stop) {
		t.Errorf("Train with a cancelled context = %v, %v; want nil, %v", m, err, stop)
	}
}
