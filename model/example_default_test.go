package model_test

import (
	"fmt"

	"github.com/extract-ca/extract/model"
)

// DefaultEntityTagger is the model extract runs by default. It labels
// tokens that carry prose's POS tags, in sentences, with the gazetteer's
// matches (here none) as features.
func ExampleDefaultEntityTagger() {
	const text = "Officials said Dilnoza Karimova visited Khujand on Monday."
	toks := model.Tokenize(text, nil)
	model.Default().Annotate(toks, model.SeparateRepeats)
	m := model.DefaultEntityTagger()
	m.Annotate(toks, model.SplitSentences(text, toks), nil)
	for _, t := range toks {
		if t.Label != "O" {
			fmt.Println(t.Text, t.Label)
		}
	}
	for _, l := range m.Lexicons() {
		fmt.Println("lexicon", l.Name)
	}
	// Output:
	// Dilnoza B-PERSON
	// Karimova I-PERSON
	// Khujand B-PLACE
	// lexicon given-name
	// lexicon common-word
	// lexicon title
	// lexicon demonym
	// lexicon org-head
	// lexicon event-head
	// lexicon place-noun
}
