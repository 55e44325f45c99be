// Package extractbeam runs extract's pipeline as an Apache Beam pipeline,
// so that a corpus too large for one machine runs on Flink, Spark (the
// portable runner) or Dataflow, and on the local prism runner unchanged.
//
//	p, s := beam.NewPipelineWithRoot()
//	cfg, err := extractbeam.NewConfig(extractbeam.Options{Input: "corpus/*.txt", Output: "mentions.jsonl"})
//	extractbeam.Build(s, cfg)
//	err = beamx.Run(ctx, p)
//
// Every record is the one `extract run` writes for the same document: the
// inputs are found and read by the root module's batch package (the same
// ids, the same error records), each document goes through
// batch.Record, and the line is output's encoding. What differs is the
// order: a PCollection has none, so the output file holds the records in
// the order the workers finish them. A document that fails is an error
// record, never a failed job.
//
// The stages:
//
//	glob ─expand─▶ files ─reshuffle─▶ ─read─▶ (id, input) ─GroupByKey─▶ ─process─▶ lines ─▶ Output
//	                                                                                  └─combine─▶ Graph
//
// expand lists the files once (batch.Expand for a local glob, which also
// walks directories; Beam's file system for gs://, s3://, memfs://); read
// turns a file into its inputs (one per text file, one per JSONL line);
// the GroupByKey on the id gives every id to one worker, which keeps the
// first input in input order and makes the later ones the error records
// `extract run` writes for a repeated id (batch.Reader.Unique); process
// builds the pipeline once per worker process and runs it over each input.
package extractbeam

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	// Local paths are the default file system: register it here, not
	// only where beamx does (gs:// comes with beamx, in the command).
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/extract-ca/extract/batch"
	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/model"
	"github.com/extract-ca/extract/pipeline"
	"github.com/extract-ca/extract/wordlist"
)

// Options are the command line's choices, as extract-beam takes them.
type Options struct {
	Input       string            // a glob, a file or a directory; gs://, s3:// and other Beam file systems for globs
	InputFormat batch.InputFormat // text (default) or jsonl
	Output      string            // the JSONL file of records
	Gazetteers  []string          // gazetteer files layered over the default, as extract run --gazetteer
	Collisions  string            // what an id a file repeats does: refuse (default), replace or merge, as --gazetteer-collisions
	NoNER       bool              // gazetteer and rules only
	Model       string            // "default" (or ""), "prose" or a file made by extract train
	Wordlists   string            // a directory of word lists replacing the embedded ones, as extract run --wordlists
	MaxBytes    int64             // largest document; 0 means batch.DefaultMaxBytes
	Graph       string            // when set, the corpus graph is written there
	GraphFormat string            // graphml (default), gexf or nodelink
	MinWeight   int               // graph: leave out edges of fewer sentences
	Labels      []string          // graph: keep entities of these labels only
}

// Config is what the workers need, made from Options on the machine that
// launches the job: the files the options name (gazetteers, a model) are
// read and checked there, once, and travel inside the pipeline, since a
// worker on Dataflow or in a container does not see the launcher's disk.
type Config struct {
	Input       string
	InputFormat batch.InputFormat
	Output      string
	MaxBytes    int64
	Pipeline    PipelineConfig
	Graph       GraphConfig
	// Notes are what the launcher should tell its user before the job
	// runs: which entries of the --gazetteer files replaced or merged into
	// earlier ones (gazetteer.Layered.Report), as extract run says them.
	Notes []string
}

// PipelineConfig makes the pipeline on a worker.
type PipelineConfig struct {
	NER bool
	// Gazetteer is the layered gazetteer when the user gave files (nil:
	// the embedded default, which every worker has).
	Gazetteer []*gazetteer.Entry
	// Model is a trained entity model's file (nil: prose's weights).
	Model []byte
	// Wordlists are the word lists with the user's in place of the
	// embedded ones (nil: the embedded ones); they travel as the text of
	// the replacing files (wordlist.Lists.MarshalJSON).
	Wordlists *wordlist.Lists
}

// GraphConfig says where and how the corpus graph is written; Path "" for none.
type GraphConfig struct {
	Path      string
	Format    string
	MinWeight int
	Labels    []string
}

// NewConfig checks opts and reads the files they name. Its errors are the
// user's to fix (a bad gazetteer or model file, a glob that matches
// nothing on the local disk), reported before any job is submitted.
func NewConfig(opts Options) (Config, error) {
	cfg := Config{Input: opts.Input, InputFormat: opts.InputFormat, Output: opts.Output, MaxBytes: opts.MaxBytes,
		Pipeline: PipelineConfig{NER: !opts.NoNER}}
	if cfg.InputFormat == "" {
		cfg.InputFormat = batch.FormatText
	}
	switch {
	case cfg.InputFormat != batch.FormatText && cfg.InputFormat != batch.FormatJSONL:
		return cfg, fmt.Errorf("--input-format must be text or jsonl, not %q", cfg.InputFormat)
	case opts.Input == "":
		return cfg, errors.New("--input is required: a glob, a file or a directory")
	case opts.Output == "":
		return cfg, errors.New("--output is required: the JSONL file to write")
	case opts.MaxBytes < 0:
		return cfg, errors.New("--max-bytes must be positive")
	}
	if !remote(opts.Input) {
		// Find the local inputs now, so that a typo is a message, not a
		// failed job; the workers expand the glob again.
		if _, err := batch.Expand([]string{opts.Input}, nil); err != nil {
			return cfg, err
		}
	}
	if opts.Collisions == "" {
		opts.Collisions = string(gazetteer.Refuse)
	}
	collisions, err := gazetteer.ParseCollisions(opts.Collisions)
	if err != nil {
		return cfg, err
	}
	if len(opts.Gazetteers) > 0 {
		l, err := gazetteer.LoadLayered(collisions, opts.Gazetteers...)
		if err != nil {
			return cfg, err
		}
		cfg.Pipeline.Gazetteer = l.All
		cfg.Notes = l.Report(collisions)
	}
	if opts.Wordlists != "" {
		lists, err := wordlist.Load(opts.Wordlists, pipeline.Wordlists()...)
		if err != nil {
			return cfg, err
		}
		cfg.Pipeline.Wordlists = lists
	}
	_, data, err := batch.ReadModel(opts.Model, !opts.NoNER)
	if err != nil {
		return cfg, err
	}
	cfg.Pipeline.Model = data
	if opts.Graph != "" {
		g, err := newGraphConfig(opts)
		if err != nil {
			return cfg, err
		}
		cfg.Graph = g
	}
	return cfg, nil
}

// remote says whether path names a Beam file system other than the local
// disk (gs://bucket/x, s3://, memfs://).
func remote(path string) bool { return strings.Contains(path, "://") }

// Build adds the job to s: the records of cfg.Input written to cfg.Output
// and, with cfg.Graph.Path, the corpus graph. It returns the records' lines.
func Build(s beam.Scope, cfg Config) beam.PCollection {
	s = s.Scope("extract")
	files := beam.ParDo(s, &expandFn{Glob: cfg.Input}, beam.Impulse(s))
	// The files come from one worker; spread them before reading.
	files = beam.Reshuffle(s, files)
	inputs := beam.ParDo(s, &readFn{Format: cfg.InputFormat, MaxBytes: cfg.MaxBytes}, files)
	lines := beam.ParDo(s, &processFn{Format: cfg.InputFormat, Config: cfg.Pipeline}, beam.GroupByKey(s, inputs))
	textio.Write(s, cfg.Output, lines)
	if cfg.Graph.Path != "" {
		writeGraph(s, cfg.Graph, lines)
	}
	return lines
}

// fileRef is a file to read: its place in the expansion (the input order
// of `extract run`), its path and id, and its size when listed remotely.
type fileRef struct {
	Index int
	Path  string
	ID    string
	Size  int64 // -1 when not known
}

// input is one document read, or the error of its input, with its place:
// the file's Index and the JSONL line (0 for a text file).
type input struct {
	Index, Line int
	ID, Source  string
	Text        string
	Err         string
}

func init() {
	register.DoFn3x1[context.Context, []byte, func(fileRef), error](&expandFn{})
	register.DoFn3x1[context.Context, fileRef, func(string, input), error](&readFn{})
	register.DoFn4x0[context.Context, string, func(*input) bool, func(string)](&processFn{})
	register.Emitter1[fileRef]()
	register.Emitter2[string, input]()
	register.Emitter1[string]()
	register.Iter1[input]()
}

// expandFn lists the files of a glob, once.
type expandFn struct {
	Glob string
}

func (fn *expandFn) ProcessElement(ctx context.Context, _ []byte, emit func(fileRef)) error {
	if !remote(fn.Glob) {
		files, err := batch.Expand([]string{fn.Glob}, func(msg string) { log.Warn(ctx, msg) })
		if err != nil {
			return err
		}
		for i, f := range files {
			emit(fileRef{Index: i, Path: f.Path, ID: f.ID, Size: -1})
		}
		return nil
	}
	fs, err := filesystem.New(ctx, fn.Glob)
	if err != nil {
		return err
	}
	defer fs.Close()
	paths, err := fs.List(ctx, fn.Glob)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%s: %w", fn.Glob, batch.ErrNoInput)
	}
	sort.Strings(paths) // batch.Expand's order for a glob
	for i, p := range paths {
		size, err := fs.Size(ctx, p)
		if err != nil {
			size = -1 // reading will say what is wrong, in the file's record
		}
		f := batch.FileOf(p)
		emit(fileRef{Index: i, Path: f.Path, ID: f.ID, Size: size})
	}
	return nil
}

// readFn reads one file into its inputs, keyed by id.
type readFn struct {
	Format   batch.InputFormat
	MaxBytes int64
}

func (fn *readFn) ProcessElement(ctx context.Context, f fileRef, emit func(string, input)) error {
	r := batch.Reader{Format: fn.Format, MaxBytes: fn.MaxBytes}
	file := batch.File{Path: f.Path, ID: f.ID}
	line := 0
	send := func(in batch.Input) {
		if fn.Format == batch.FormatJSONL {
			line++ // one input per line
		}
		out := input{Index: f.Index, Line: line, ID: in.ID, Source: in.Source, Text: in.Text}
		if in.Err != nil {
			out.Err = in.Err.Error()
		}
		emit(in.ID, out)
	}
	if !remote(f.Path) {
		// The local reader: the same checks as extract run (a named pipe
		// is refused unopened, a large file unread).
		for in := range r.Inputs([]batch.File{file}) {
			send(in)
		}
		return nil
	}
	fs, err := filesystem.New(ctx, f.Path)
	if err != nil {
		return err // no file system for the scheme: the job cannot work
	}
	defer fs.Close()
	var src io.Reader
	if rc, err := fs.OpenRead(ctx, f.Path); err != nil {
		src = &errReader{err}
	} else {
		defer rc.Close()
		src = rc
	}
	for in := range r.ReadFrom(file, f.Size, src) {
		send(in)
	}
	return nil
}

// errReader fails every read with the error of opening the file, so that
// the reader makes that error the file's record.
type errReader struct{ err error }

func (r *errReader) Read([]byte) (int, error) { return 0, r.err }

// processFn runs the pipeline over the inputs of one id.
type processFn struct {
	Format batch.InputFormat
	Config PipelineConfig

	p *pipeline.Pipeline
}

// Setup gets the pipeline of the worker process: the first DoFn instance
// builds it (the model's weights, the gazetteer's matcher), the others
// share it, as a pipeline is safe for concurrent use.
func (fn *processFn) Setup() error {
	p, err := sharedPipeline(fn.Config)
	fn.p = p
	return err
}

func (fn *processFn) ProcessElement(ctx context.Context, id string, inputs func(*input) bool, emit func(string)) {
	var group []input
	var in input
	for inputs(&in) {
		group = append(group, in)
	}
	// The input order of extract run: by file, then by line.
	slices.SortFunc(group, func(a, b input) int {
		if a.Index != b.Index {
			return a.Index - b.Index
		}
		return a.Line - b.Line
	})
	ins := func(yield func(batch.Input) bool) {
		for _, g := range group {
			bi := batch.Input{ID: g.ID, Source: g.Source, Text: g.Text}
			if g.Err != "" {
				bi.Err = errors.New(g.Err)
			}
			if !yield(bi) {
				return
			}
		}
	}
	var buf []byte
	for bi := range (batch.Reader{Format: fn.Format}).Unique(ins) {
		buf = batch.Record(fn.p, bi).AppendJSON(buf[:0])
		emit(string(buf))
	}
}

// The pipelines of this process, by configuration: built once, however
// many DoFn instances the runner makes.
var pipelines = struct {
	sync.Mutex
	byKey map[[32]byte]*sharedResult
}{byKey: map[[32]byte]*sharedResult{}}

type sharedResult struct {
	once sync.Once
	p    *pipeline.Pipeline
	err  error
}

func sharedPipeline(cfg PipelineConfig) (*pipeline.Pipeline, error) {
	data, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	key := sha256.Sum256(data)
	pipelines.Lock()
	r := pipelines.byKey[key]
	if r == nil {
		r = &sharedResult{}
		pipelines.byKey[key] = r
	}
	pipelines.Unlock()
	r.once.Do(func() { r.p, r.err = newPipeline(cfg) })
	return r.p, r.err
}

func newPipeline(cfg PipelineConfig) (*pipeline.Pipeline, error) {
	var trained *model.EntityTagger
	if cfg.Model != nil {
		var err error
		if trained, err = model.LoadEntityTagger(bytes.Clone(cfg.Model)); err != nil {
			return nil, err
		}
	}
	return pipeline.New(pipeline.Config{Gazetteer: cfg.Gazetteer, NER: cfg.NER, Model: trained, Wordlists: cfg.Wordlists})
}
