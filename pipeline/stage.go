package pipeline

import (
	"fmt"
	"slices"
)

// Stage is one step of the pipeline: it reads what earlier stages set on
// the Doc and adds its own part. Its Contract says which parts; New checks
// the order of the stages against the contracts, so that a stage placed
// before what it reads fails when the pipeline is built, not on a
// document.
type Stage interface {
	Name() string
	Contract() Contract
	Process(*Doc) error
}

// Field is a part of the Doc that stages set and read.
type Field string

// The parts of a Doc, in the order the default pipeline sets them.
const (
	FieldText       Field = "text"              // Text: the input
	FieldTokens     Field = "tokens"            // Tokens and ModelTokens
	FieldSentences  Field = "sentences"         // Sentences
	FieldGazetteer  Field = "gazetteer hits"    // Gazetteer
	FieldRules      Field = "rule hits"         // Rules
	FieldTitles     Field = "titles"            // Titles: cited works, where names are no mentions
	FieldModel      Field = "model spans"       // Model
	FieldCleaned    Field = "clean model spans" // Cleaned
	FieldMentions   Field = "mentions"          // Mentions: spans, labels, sentences
	FieldReferences Field = "references"        // Mention.Ref: a short form's long form
	FieldLinks      Field = "links"             // Mention.Entity, Name, Kind
	FieldGraph      Field = "graph"             // Entities and Edges
)

// Contract is what a stage reads and sets of the Doc.
type Contract struct {
	// Needs must have been set by an earlier stage; every stage that
	// sets one of them runs earlier.
	Needs []Field
	// Uses are read when the pipeline has a stage that sets them (the
	// model's spans, without --no-ner); that stage runs earlier.
	Uses []Field
	// Sets are the fields the stage adds to or changes.
	Sets []Field
}

// checkOrder reports the first stage that reads a field before a stage
// that sets it, or reads a field no stage sets.
func checkOrder(stages []Stage) error {
	names := map[string]bool{}
	for i, s := range stages {
		if names[s.Name()] {
			return fmt.Errorf("pipeline: stage %s appears twice", s.Name())
		}
		names[s.Name()] = true
		c := s.Contract()
		for _, f := range slices.Concat(c.Needs, c.Uses) {
			setBefore := f == FieldText
			for j, o := range stages {
				if j == i || !slices.Contains(o.Contract().Sets, f) {
					continue
				}
				if j > i {
					return fmt.Errorf("pipeline: stage %s reads %s, which stage %s sets after it", s.Name(), f, o.Name())
				}
				setBefore = true
			}
			if !setBefore && slices.Contains(c.Needs, f) {
				return fmt.Errorf("pipeline: stage %s needs %s, which no stage before it sets", s.Name(), f)
			}
		}
	}
	return nil
}
