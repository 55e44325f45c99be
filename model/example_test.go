package model_test

import (
	"fmt"
	"strings"

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

// ReadLexicon reads a word list for extract train --lexicon: one word a
// line, comments and blank lines skipped, lower-cased, sorted, once each.
func ExampleReadLexicon() {
	l, err := model.ReadLexicon("given-name", "names.txt", strings.NewReader("# given names\nNursultan\nEmomali\n\nnursultan\n"))
	fmt.Println(l.Name, l.Words, err)
	_, err = model.ReadLexicon("given-name", "names.txt", strings.NewReader("Emomali\nvan der\n"))
	fmt.Println(err)
	// Output:
	// given-name [emomali nursultan] <nil>
	// names.txt:2: "van der": one word a line
}
