package model_test

import (
	"fmt"

	"github.com/extract-ca/extract/model"
)

// Document tokenizes, tags and labels a text as prose.NewDocument does, with
// prose's own weights: the same tokens, part-of-speech tags and IOB labels,
// mistakes included (prose begins a second person at "Rahmon"; the
// pipeline's clean stage joins them).
func ExampleModel_Document() {
	m := model.Default()
	for _, t := range m.Document("Emomali Rahmon flew to Moscow on Monday.") {
		fmt.Println(t.Text, t.Tag, t.Label)
	}
	// Output:
	// Emomali NNP B-PERSON
	// Rahmon NNP B-PERSON
	// flew VBD O
	// to TO O
	// Moscow NNP B-GPE
	// on IN O
	// Monday NNP O
	// . . O
}

// Tokenize and Annotate are the two steps of Document, for a caller that
// keeps the tokens: their offsets are bytes of the text.
func ExampleTokenize() {
	const text = "Talks in Dushanbe ended."
	toks := model.Tokenize(text, nil)
	model.Default().Annotate(toks, model.SharedRepeats)
	for _, t := range toks {
		fmt.Printf("%d:%d %q %s %s\n", t.Start, t.End, text[t.Start:t.End], t.Tag, t.Label)
	}
	// Output:
	// 0:5 "Talks" NNS O
	// 6:8 "in" IN O
	// 9:17 "Dushanbe" NNP B-GPE
	// 18:23 "ended" VBD O
	// 23:24 "." . O
}
