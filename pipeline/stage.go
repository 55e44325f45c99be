package pipeline

import (
	"fmt"
	"slices"
)

// Stage is one step of the pipeline: it reads what earlier stages set on
// the Doc and adds its own part.
type Stage interface {
	Process(*Doc) error
}

// step is a stage in its place in the pipeline, with its name and its
// contract. The pipeline's steps are declared in one table (newSteps) and
// checked when the pipeline is built, so that a stage placed before what
// it reads fails then, not on a document.
type step struct {
	name string
	Contract
	stage Stage
}

// Field is a part of the Doc that stages set and read.
type Field string

// The parts of a Doc, in the order the default pipeline sets them.
const (
	FieldText       Field = "text"              // Text: the input
	FieldTokens     Field = "tokens"            // Tokens, and ModelTokens with the ner stage
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

// checkOrder reports the first step that reads a field before a step
// that sets it, or needs a field no step sets. A step that reads and sets
// a field refines it (acronyms and coref add to the mentions): it may run
// before another step that refines the same field, since each refines what
// the steps before it left.
func checkOrder(steps []step) error {
	names := map[string]bool{}
	for i, s := range steps {
		if names[s.name] {
			return fmt.Errorf("pipeline: stage %s appears twice", s.name)
		}
		names[s.name] = true
		for _, f := range slices.Concat(s.Needs, s.Uses) {
			setBefore := f == FieldText
			for j, o := range steps {
				if j == i || !slices.Contains(o.Sets, f) {
					continue
				}
				if j > i && !(slices.Contains(s.Sets, f) && slices.Contains(slices.Concat(o.Needs, o.Uses), f)) {
					return fmt.Errorf("pipeline: stage %s reads %s, which stage %s sets after it", s.name, f, o.name)
				}
				setBefore = true
			}
			if !setBefore && slices.Contains(s.Needs, f) {
				return fmt.Errorf("pipeline: stage %s needs %s, which no stage before it sets", s.name, f)
			}
		}
	}
	return nil
}
