package model

import (
	"slices"
	"strings"
	"testing"
)

func TestReadLexicon(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
		err      string // a substring of the error; "" for none
	}{
		{"given", "Glenn\n# a comment\n\n  helen  \nGLENN\nÉmile\n", []string{"glenn", "helen", "émile"}, ""},
		{"given", "glenn\r\nhelen\r\n", []string{"glenn", "helen"}, ""},
		{"given", "\ufeffGlenn\nhelen\n", []string{"glenn", "helen"}, ""}, // a byte order mark
		{"given", "glenn\nvan der\n", nil, "names.txt:2: \"van der\": one word a line"},
		{"given", "glenn\n\xff\n", nil, "names.txt:2: not UTF-8"},
		{"given", "# only a comment\n", nil, "names.txt: no words"},
		{"", "glenn\n", nil, "names.txt: a lexicon needs a name"},
	} {
		l, err := ReadLexicon(tc.name, "names.txt", strings.NewReader(tc.in))
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%q: error %v, want one with %q", tc.in, err, tc.err)
		case tc.err == "" && (l.Name != tc.name || !slices.Equal(l.Words, tc.want)):
			t.Errorf("%q: read %q %q, want %q %q", tc.in, l.Name, l.Words, tc.name, tc.want)
		}
	}
}

func TestTrainRefusesBadLexicons(t *testing.T) {
	for _, lex := range [][]Lexicon{
		{{Name: "", Words: []string{"glenn"}}},
		{{Name: "given", Words: []string{"glenn"}}, {Name: "given", Words: []string{"helen"}}},
		{{Name: "given", Words: []string{"van der"}}},
		{{Name: "given", Words: []string{""}}},
	} {
		if _, err := Train(trainDocs(), TrainOptions{Iterations: 1, Lexicons: lex}); err == nil {
			t.Errorf("Train took lexicons %q", lex)
		}
	}
}

// lexiconDocs are sentences where the only thing that tells the people
// from the places is which lexicon holds the word: the same contexts,
// the same shapes.
func lexiconDocs() []TrainDoc {
	var docs []TrainDoc
	for _, w := range []struct{ name, typ string }{
		{"Aziz", "PERSON"}, {"Osh", "PLACE"}, {"Zarina", "PERSON"}, {"Naryn", "PLACE"},
		{"Timur", "PERSON"}, {"Talas", "PLACE"}, {"Dilnoza", "PERSON"}, {"Batken", "PLACE"},
		{"Bakyt", "PERSON"}, {"Kant", "PLACE"}, {"Aigul", "PERSON"}, {"Isfana", "PLACE"},
		{"Nurlan", "PERSON"}, {"Kerben", "PLACE"}, {"Saltanat", "PERSON"}, {"Suzak", "PLACE"},
		{"Farkhod", "PERSON"}, {"Uzgen", "PLACE"}, {"Madina", "PERSON"}, {"Toktogul", "PLACE"},
	} {
		text := "They wrote about " + w.name + " yesterday ."
		docs = append(docs, TrainDoc{Text: text, Spans: []TrainSpan{{17, 17 + len(w.name), w.typ}}})
	}
	return docs
}

// TestLexiconFeature checks that lexicons tell the model what its
// training never showed (names it never saw are people or places by the
// lexicon that holds them, where the model without lexicons cannot tell),
// and that the model keeps its lexicons through its file.
func TestLexiconFeature(t *testing.T) {
	lexicons := []Lexicon{
		{Name: "given-name", Words: []string{"AZIZ", "zarina", "timur", "dilnoza", "bakyt", "aigul", "nurlan", "saltanat", "farkhod", "madina", "rustam", "gulnara", "zarina"}},
		{Name: "town", Words: []string{"osh", "naryn", "talas", "batken", "kant", "isfana", "kerben", "suzak", "uzgen", "toktogul", "karakol", "tokmok"}},
	}
	m, err := Train(lexiconDocs(), TrainOptions{Iterations: 10, Seed: 1, Lexicons: lexicons})
	if err != nil {
		t.Fatal(err)
	}
	without, err := Train(lexiconDocs(), TrainOptions{Iterations: 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	back, err := LoadEntityTagger(encode(t, m))
	if err != nil {
		t.Fatal(err)
	}
	if got := back.Lexicons(); len(got) != 2 || got[0].Name != "given-name" || !slices.Equal(got[0].Words, []string{"aigul", "aziz", "bakyt", "dilnoza", "farkhod", "gulnara", "madina", "nurlan", "rustam", "saltanat", "timur", "zarina"}) || got[1].Name != "town" {
		t.Fatalf("lexicons read back: %v", got)
	}
	if want := "lexicon given-name (12 words), lexicon town (12 words)"; !strings.HasSuffix(back.String(), want) {
		t.Errorf("String() = %q, want it to end in %q", back.String(), want)
	}
	label := func(model *EntityTagger, name string) string {
		text := "They wrote about " + name + " yesterday ."
		toks := Tokenize(text, nil)
		Default().Annotate(toks, SeparateRepeats)
		model.Annotate(toks, SplitSentences(text, toks), nil)
		if toks[3].Text != name {
			t.Fatalf("token 3 of %q is %q", text, toks[3].Text)
		}
		return toks[3].Label
	}
	wrongWithout := 0
	for _, tc := range []struct{ name, want string }{
		{"Rustam", "B-PERSON"}, {"Gulnara", "B-PERSON"}, {"Karakol", "B-PLACE"}, {"Tokmok", "B-PLACE"},
	} {
		for _, model := range []*EntityTagger{m, back} {
			if got := label(model, tc.name); got != tc.want {
				t.Errorf("%s labelled %s, want %s", tc.name, got, tc.want)
			}
		}
		if label(without, tc.name) != tc.want {
			wrongWithout++
		}
	}
	if wrongWithout == 0 {
		t.Error("the model without lexicons tells the unseen names apart too: the test shows nothing")
	}
}

func FuzzReadLexicon(f *testing.F) {
	f.Add("Glenn\n# comment\n\nhelen\n")
	f.Add("van der\n")
	f.Add("İstanbul\nISTANBUL\n\xff")
	f.Fuzz(func(t *testing.T, in string) {
		l, err := ReadLexicon("x", "f.txt", strings.NewReader(in))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.txt") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		// What reads is what a model takes and keeps.
		if err := checkLexicons([]Lexicon{l}); err != nil {
			t.Fatalf("read %q, which a model refuses: %v", l.Words, err)
		}
		again := Lexicon{Name: l.Name, Words: slices.Clone(l.Words)}
		again.Normalize()
		if !slices.Equal(again.Words, l.Words) {
			t.Fatalf("normalising twice changes %q to %q", l.Words, again.Words)
		}
	})
}

// TestLoadRefusesBadLexicons: a model file whose lexicons are not as Train
// writes them (named once each, words one lower-case word each, sorted,
// without repeats) is refused with an error, not loaded.
func TestLoadRefusesBadLexicons(t *testing.T) {
	many := make([]Lexicon, maxLexicons+1)
	for i := range many {
		many[i] = Lexicon{Name: string(rune('a'+i%26)) + strings.Repeat("x", i/26), Words: []string{"w"}}
	}
	for _, tc := range []struct {
		lexicons []Lexicon
		want     string
	}{
		{[]Lexicon{{Name: "given", Words: []string{"a"}}, {Name: "given", Words: []string{"b"}}}, "given twice"},
		{[]Lexicon{{Name: "", Words: []string{"a"}}}, "needs a name"},
		{[]Lexicon{{Name: "given", Words: []string{"helen", "glenn"}}}, "increasing order"},
		{[]Lexicon{{Name: "given", Words: []string{"glenn", "glenn"}}}, "increasing order"},
		{[]Lexicon{{Name: "given", Words: []string{"Glenn"}}}, "lower case"},
		{[]Lexicon{{Name: "given", Words: []string{""}}}, "not one word"},
		{[]Lexicon{{Name: "given", Words: []string{"van der"}}}, "not one word"},
		{[]Lexicon{{Name: "given", Words: []string{"\xff"}}}, "not one word"},
		{many, "want 1 to 64"},
	} {
		m := trainSmall(t, false)
		m.lex = &lexiconSet{lexicons: tc.lexicons}
		if _, err := LoadEntityTagger(encode(t, m)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%d lexicons: error %v, want one saying %q", len(tc.lexicons), err, tc.want)
		}
	}
}
