package pipeline

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/model"
)

// Config says how to build a Pipeline.
type Config struct {
	// Gazetteer is the list of entries to match; nil means the embedded
	// default with GazetteerFiles layered over it (gazetteer.Load).
	Gazetteer []*gazetteer.Entry
	// GazetteerFiles are the user's gazetteer files, layered in order over
	// the default when Gazetteer is nil; an id already loaded is refused
	// (gazetteer.Load; to replace or merge, load with gazetteer.LoadLayered
	// and set Gazetteer).
	GazetteerFiles []string
	// NER runs the statistical model (prose's English model) besides the
	// gazetteer.
	NER bool
	// Model, when non-nil, is a trained entity model (extract train) that
	// labels the tokens in the ner stage instead of prose's weights;
	// prose's tagger still gives the POS tags it reads.
	Model *model.EntityTagger
	// Repeats says how the model tags a run of text repeated within a
	// sentence; the zero value is prose's behaviour.
	Repeats model.Repeats
	// Without names stages to leave out: the rules (domains, citations,
	// orgnames, acronyms) and the model clean-up (clean), for measuring
	// what each adds. Without clean, resolve takes the model's raw spans.
	Without []string
	// OnStage, when non-nil, is called after each stage of Process (also
	// one that fails) with the stage's name and its wall time, for
	// profiling (scripts/bench). It runs on the goroutine that called
	// Process, so with several workers it must be safe for concurrent use.
	OnStage func(stage string, elapsed time.Duration)
}

// Pipeline runs its stages over documents. It is safe for concurrent use:
// stages hold only read-only state, shared by all workers.
type Pipeline struct {
	steps   []step
	onStage func(string, time.Duration)
}

// New builds the pipeline of Config.
func New(cfg Config) (*Pipeline, error) {
	if cfg.NER {
		// Decoding the model's weights and building the gazetteer's
		// matcher take about as long each; on two cores they overlap.
		go model.Default()
	}
	entries := cfg.Gazetteer
	if entries == nil {
		var err error
		if entries, err = gazetteer.Load(cfg.GazetteerFiles...); err != nil {
			return nil, err
		}
	}
	steps, err := without(newSteps(cfg, gazetteer.NewMatcher(entries)), cfg.Without)
	if err != nil {
		return nil, err
	}
	if err := checkOrder(steps); err != nil {
		return nil, err
	}
	return &Pipeline{steps: steps, onStage: cfg.OnStage}, nil
}

// newSteps is the pipeline: every stage in order, with what it needs, reads
// when present, and sets (see Contract; docs/architecture.md shows it as a
// table).
func newSteps(cfg Config, m *gazetteer.Matcher) []step {
	steps := []step{
		{"tokenize", Contract{Needs: []Field{FieldText}, Sets: []Field{FieldTokens}}, Tokenize{}},
		{"sentences", Contract{Needs: []Field{FieldTokens}, Sets: []Field{FieldSentences}}, Sentences{}},
		{"gazetteer", Contract{Needs: []Field{FieldText}, Sets: []Field{FieldGazetteer}}, Gazetteer{Matcher: m}},
		{"domains", Contract{Needs: []Field{FieldTokens}, Sets: []Field{FieldRules}}, Domains{}},
		{"citations", Contract{Needs: []Field{FieldText}, Sets: []Field{FieldRules, FieldTitles}}, Citations{}},
		{"orgnames", Contract{Needs: []Field{FieldTokens, FieldSentences}, Sets: []Field{FieldRules}}, OrgNames{}},
	}
	if cfg.NER {
		ner := Contract{Needs: []Field{FieldTokens, FieldSentences}, Sets: []Field{FieldModel}}
		if cfg.Model != nil && cfg.Model.Gazetteer {
			// The trained model reads the gazetteer's matches as features.
			ner.Needs = append(ner.Needs, FieldGazetteer)
		}
		steps = append(steps,
			step{"ner", ner, NER{model: model.Default(), repeats: cfg.Repeats, trained: cfg.Model}},
			step{"clean", Contract{Needs: []Field{FieldTokens, FieldSentences, FieldModel}, Sets: []Field{FieldCleaned}}, Clean{}})
	}
	return append(steps,
		step{"resolve", Contract{Needs: []Field{FieldSentences, FieldGazetteer},
			Uses: []Field{FieldRules, FieldTitles, FieldModel, FieldCleaned}, Sets: []Field{FieldMentions}}, Resolve{}},
		step{"acronyms", Contract{Needs: []Field{FieldTokens, FieldMentions}, Sets: []Field{FieldMentions, FieldReferences}}, Acronyms{}},
		step{"link", Contract{Needs: []Field{FieldMentions}, Uses: []Field{FieldReferences}, Sets: []Field{FieldLinks}}, Link{}},
		step{"graph", Contract{Needs: []Field{FieldMentions, FieldLinks}, Sets: []Field{FieldGraph}}, Graph{}},
	)
}

// optional are the stages Config.Without may leave out.
var optional = []string{"domains", "citations", "orgnames", "clean", "acronyms"}

// without drops the named steps.
func without(steps []step, names []string) ([]step, error) {
	for _, n := range names {
		if !slices.Contains(optional, n) {
			return nil, fmt.Errorf("pipeline: cannot leave out stage %q (optional: %s)", n, strings.Join(optional, ", "))
		}
	}
	out := steps[:0:0]
	for _, s := range steps {
		if !slices.Contains(names, s.name) {
			out = append(out, s)
		}
	}
	return out, nil
}

// Stages returns the names of the stages in order.
func (p *Pipeline) Stages() []string {
	names := make([]string, len(p.steps))
	for i, s := range p.steps {
		names[i] = s.name
	}
	return names
}

// Process runs every stage over one document. Text that is not valid
// UTF-8 is refused with the line of the first bad byte. Process never
// panics on input: a panic inside a stage (a bug, or one of a dependency)
// is returned as the document's error so that the other documents of a
// batch go on.
func (p *Pipeline) Process(id, source, text string) (doc *Doc, err error) {
	if !utf8.ValidString(text) {
		return nil, invalidUTF8(text)
	}
	doc = &Doc{ID: id, Source: source, Text: text}
	for _, s := range p.steps {
		start := time.Now()
		err := runStage(s, doc)
		if p.onStage != nil {
			p.onStage(s.name, time.Since(start))
		}
		if err != nil {
			return nil, err
		}
	}
	return doc, nil
}

func runStage(s step, doc *Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("stage %s failed: %v", s.name, r)
		}
	}()
	if err := s.stage.Process(doc); err != nil {
		return fmt.Errorf("stage %s: %w", s.name, err)
	}
	return nil
}

func invalidUTF8(text string) error {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			line := 1 + strings.Count(text[:i], "\n")
			return fmt.Errorf("line %d: invalid UTF-8 (byte offset %d)", line, i)
		}
		i += size
	}
	return fmt.Errorf("invalid UTF-8")
}
