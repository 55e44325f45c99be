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
	// the default when Gazetteer is nil.
	GazetteerFiles []string
	// NER runs the statistical model (prose's English model) besides the
	// gazetteer.
	NER bool
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
	stages  []Stage
	onStage func(string, time.Duration)
}

// New builds the pipeline of Config.
func New(cfg Config) (*Pipeline, error) {
	entries := cfg.Gazetteer
	if entries == nil {
		var err error
		if entries, err = gazetteer.Load(cfg.GazetteerFiles...); err != nil {
			return nil, err
		}
	}
	stages := []Stage{Tokenize{}, Sentences{}, Gazetteer{Matcher: gazetteer.NewMatcher(entries)}, Domains{}, Citations{}, OrgNames{}}
	if cfg.NER {
		stages = append(stages, NewNER(cfg.Repeats), Clean{})
	}
	stages = append(stages, Resolve{}, Acronyms{}, Link{}, Graph{})
	stages, err := without(stages, cfg.Without)
	if err != nil {
		return nil, err
	}
	if err := checkOrder(stages); err != nil {
		return nil, err
	}
	return &Pipeline{stages: stages, onStage: cfg.OnStage}, nil
}

// optional are the stages Config.Without may leave out.
var optional = []string{"domains", "citations", "orgnames", "clean", "acronyms"}

// without drops the named stages.
func without(stages []Stage, names []string) ([]Stage, error) {
	for _, n := range names {
		if !slices.Contains(optional, n) {
			return nil, fmt.Errorf("pipeline: cannot leave out stage %q (optional: %s)", n, strings.Join(optional, ", "))
		}
	}
	out := stages[:0:0]
	for _, s := range stages {
		switch {
		case slices.Contains(names, s.Name()):
			continue
		case s.Name() == "resolve" && slices.Contains(names, "clean"):
			s = Resolve{raw: true}
		}
		out = append(out, s)
	}
	return out, nil
}

// Stages returns the names of the stages in order.
func (p *Pipeline) Stages() []string {
	names := make([]string, len(p.stages))
	for i, s := range p.stages {
		names[i] = s.Name()
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
	for _, s := range p.stages {
		start := time.Now()
		err := runStage(s, doc)
		if p.onStage != nil {
			p.onStage(s.Name(), time.Since(start))
		}
		if err != nil {
			return nil, err
		}
	}
	return doc, nil
}

func runStage(s Stage, doc *Doc) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("stage %s failed: %v", s.Name(), r)
		}
	}()
	if err := s.Process(doc); err != nil {
		return fmt.Errorf("stage %s: %w", s.Name(), err)
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
