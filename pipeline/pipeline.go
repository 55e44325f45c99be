package pipeline

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/internal/fileerr"
	"github.com/extract-ca/extract/model"
	"github.com/extract-ca/extract/output"
	"github.com/extract-ca/extract/wordlist"
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
	// Without names stages to leave out, for measuring what each adds:
	// any of OptionalStages (the rules and the model clean-up, clean), or
	// "coref/<rule>" for one rule of the coref stage (CorefRules). Without
	// clean, resolve takes the model's raw spans.
	Without []string
	// Wordlists are the word lists the rules consult (wordlist.Load with
	// Wordlists() makes them from a user's directory); nil means the
	// embedded ones. A list replaced in them that the pipeline does not
	// read is an error.
	Wordlists *wordlist.Lists
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
	lists   *words
	onStage func(string, time.Duration)
	docs    sync.Pool // *Doc whose buffers Record reuses
}

// New builds the pipeline of Config.
func New(cfg Config) (*Pipeline, error) {
	if cfg.NER {
		// Decoding the model's weights and building the gazetteer's
		// matcher take about as long each; on two cores they overlap.
		go model.Default()
	}
	reads := Wordlists()
	for _, name := range cfg.Wordlists.Replaced() {
		if !slices.Contains(reads, name) {
			return nil, fmt.Errorf("pipeline: the word list %s is not one the pipeline reads (%s)", name, strings.Join(reads, ", "))
		}
	}
	lists := wordsOf(cfg.Wordlists)
	entries := cfg.Gazetteer
	if entries == nil {
		var err error
		if entries, err = gazetteer.Load(cfg.GazetteerFiles...); err != nil {
			return nil, err
		}
	}
	m := gazetteer.NewMatcher(entries)
	steps, err := without(newSteps(cfg, m, newKindNames(entries, m, lists.kindAfter)), cfg.Without)
	if err != nil {
		return nil, err
	}
	if err := checkOrder(steps); err != nil {
		return nil, err
	}
	return &Pipeline{steps: steps, lists: lists, onStage: cfg.OnStage}, nil
}

// newSteps is the pipeline: every stage in order, with what it needs, reads
// when present, and sets (see Contract; docs/architecture.md shows it as a
// table).
func newSteps(cfg Config, m *gazetteer.Matcher, kinds kindNames) []step {
	steps := []step{
		{"tokenize", Contract{Needs: []Field{FieldText}, Sets: []Field{FieldTokens}}, Tokenize{model: cfg.NER}},
		{"sentences", Contract{Needs: []Field{FieldTokens}, Sets: []Field{FieldSentences}}, Sentences{}},
		{"gazetteer", Contract{Needs: []Field{FieldTokens, FieldSentences}, Sets: []Field{FieldGazetteer}}, Gazetteer{Matcher: m}},
		{"domains", Contract{Needs: []Field{FieldTokens}, Sets: []Field{FieldRules}}, Domains{}},
		{"citations", Contract{Needs: []Field{FieldText}, Sets: []Field{FieldRules, FieldTitles}}, Citations{}},
		{"works", Contract{Needs: []Field{FieldTokens}, Sets: []Field{FieldTitles}}, Works{}},
		{"orgnames", Contract{Needs: []Field{FieldTokens, FieldSentences}, Sets: []Field{FieldRules}}, OrgNames{}},
	}
	if cfg.NER {
		ner := Contract{Needs: []Field{FieldTokens, FieldSentences}, Sets: []Field{FieldModel}}
		if cfg.Model != nil && (cfg.Model.Gazetteer || cfg.Model.MinMargin > 0) {
			// The trained model reads the gazetteer's matches as features,
			// and they keep its close calls (MinMargin).
			ner.Needs = append(ner.Needs, FieldGazetteer)
		}
		steps = append(steps,
			step{"ner", ner, NER{model: model.Default(), repeats: cfg.Repeats, trained: cfg.Model}},
			step{"clean", Contract{Needs: []Field{FieldTokens, FieldSentences, FieldModel}, Sets: []Field{FieldCleaned}}, Clean{}})
	}
	return append(steps,
		step{"resolve", Contract{Needs: []Field{FieldTokens, FieldSentences, FieldGazetteer},
			Uses: []Field{FieldRules, FieldTitles, FieldModel, FieldCleaned}, Sets: []Field{FieldMentions}}, Resolve{Matcher: m}},
		step{"acronyms", Contract{Needs: []Field{FieldTokens, FieldMentions}, Sets: []Field{FieldMentions, FieldReferences}}, Acronyms{}},
		step{"coref", Contract{Needs: []Field{FieldTokens, FieldSentences, FieldMentions}, Uses: []Field{FieldTitles, FieldReferences},
			Sets: []Field{FieldMentions, FieldReferences}}, Coref{off: corefOff(cfg.Without)}},
		step{"link", Contract{Needs: []Field{FieldMentions}, Uses: []Field{FieldReferences}, Sets: []Field{FieldLinks}}, Link{kinds: kinds, spellings: new(entrySpellings)}},
		step{"graph", Contract{Needs: []Field{FieldMentions, FieldLinks}, Sets: []Field{FieldGraph}}, Graph{}},
	)
}

// optional are the stages Config.Without may leave out.
var optional = []string{"domains", "citations", "works", "orgnames", "clean", "acronyms", "coref"}

// OptionalStages returns the names of the stages Config.Without may leave
// out, in their order (a copy).
func OptionalStages() []string { return slices.Clone(optional) }

// without drops the named steps; "coref/<rule>" names one rule of the
// coref stage (CorefRules), which corefOff leaves out.
func without(steps []step, names []string) ([]step, error) {
	for _, n := range names {
		if rule, ok := strings.CutPrefix(n, "coref/"); ok {
			if !slices.Contains(corefRules[:], rule) {
				return nil, fmt.Errorf("pipeline: coref has no rule %q (rules: %s)", rule, strings.Join(corefRules[:], ", "))
			}
			continue
		}
		if !slices.Contains(optional, n) {
			return nil, fmt.Errorf("pipeline: cannot leave out stage %q (optional: %s; coref/RULE for a rule of coref)", n, strings.Join(optional, ", "))
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
	doc = &Doc{ID: id, Source: source, Text: text, lists: p.lists}
	if err := p.run(doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// Record runs every stage over one document, as Process does, and returns
// its output record. Between calls it keeps the Doc's per-token buffers
// (the tokens, sentences and gazetteer hits) for the next document, which
// a batch then does not allocate anew: a Doc's tokens take about 20 times
// the bytes of the text.
func (p *Pipeline) Record(id, source, text string) (*output.Record, error) {
	if !utf8.ValidString(text) {
		return nil, invalidUTF8(text)
	}
	doc, _ := p.docs.Get().(*Doc)
	if doc == nil {
		doc = new(Doc)
	}
	doc.ID, doc.Source, doc.Text, doc.lists = id, source, text, p.lists
	if err := p.run(doc); err != nil {
		return nil, err // a stage failed: its buffers are not trusted again
	}
	rec := doc.Record()
	// The record shares only the edges with the Doc (see Record).
	clear(doc.lower)
	*doc = Doc{
		ModelTokens: doc.ModelTokens[:0],
		Tokens:      doc.Tokens[:0],
		Sentences:   doc.Sentences[:0],
		Gazetteer:   doc.Gazetteer[:0],
		Mentions:    doc.Mentions[:0],
		Entities:    doc.Entities[:0],
		lower:       doc.lower,
		hits:        doc.hits[:0],
		candidates:  doc.candidates[:0],
	}
	p.docs.Put(doc)
	return rec, nil
}

// run runs the stages over doc in order.
func (p *Pipeline) run(doc *Doc) error {
	for _, s := range p.steps {
		start := time.Now()
		err := runStage(s, doc)
		if p.onStage != nil {
			p.onStage(s.name, time.Since(start))
		}
		if err != nil {
			return err
		}
	}
	return nil
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

// invalidUTF8 is the error of a text that is not valid UTF-8: the line and
// the column (in characters, fileerr.Column) of its first bad byte.
func invalidUTF8(text string) error {
	i := fileerr.InvalidUTF8(text)
	if i < 0 {
		return fmt.Errorf("invalid UTF-8")
	}
	start := strings.LastIndexByte(text[:i], '\n') + 1
	return fmt.Errorf("line %d, column %d: invalid UTF-8", 1+strings.Count(text[:start], "\n"), fileerr.Column(text[start:], i-start))
}

// corefOff returns the coref rules that names ("coref/<rule>") leave out.
func corefOff(names []string) map[string]bool {
	off := map[string]bool{}
	for _, n := range names {
		if rule, ok := strings.CutPrefix(n, "coref/"); ok {
			off[rule] = true
		}
	}
	return off
}
