package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"

	"github.com/spf13/cobra"

	"github.com/extract-ca/extract/batch"
	"github.com/extract-ca/extract/model"
	"github.com/extract-ca/extract/output"
	"github.com/extract-ca/extract/pipeline"
)

// pipelineFlags are the flags that build the pipeline, shared by run and eval.
type pipelineFlags struct {
	gaz       gazetteerFlags
	noNER     bool
	workers   int
	repeats   string
	without   []string
	model     string
	beam      int
	minMargin float32
	wordlists string
}

func (f *pipelineFlags) register(c *cobra.Command) {
	f.gaz.register(c, gazetteerUsage)
	wordlistsFlag(c, &f.wordlists)
	c.Flags().BoolVar(&f.noNER, "no-ner", false, "use the gazetteer and rules only, not the statistical model")
	c.Flags().IntVar(&f.workers, "workers", 0, "documents processed in parallel (default: all cores)")
	c.Flags().StringSliceVar(&f.without, "without", nil, withoutUsage())
	c.Flags().StringVar(&f.model, "model", "default", "entity model: `default` (trained for extract, embedded), prose (prose's weights) or a FILE made by extract train")
	c.Flags().IntVar(&f.beam, "beam", 0, "width of a trained model's beam search (default 8; 1 decodes greedily)")
	c.Flags().Float32Var(&f.minMargin, "min-margin", 0, "drop a trained model's names decided by a margin below `M` that no gazetteer name overlaps (0: keep all)")
	c.Flags().StringVar(&f.repeats, "repeats", "shared", "how the model tags a word repeated within a sentence: `shared` (prose's way: every repeat takes the tag and label of the last) or separate")
}

// withoutUsage is the help of --without, naming what pipeline.Config.Without
// accepts.
func withoutUsage() string {
	return fmt.Sprintf("leave out `STAGES` (%s) or a rule of coref (coref/RULE, RULE one of %s), to measure what each adds",
		strings.Join(pipeline.OptionalStages(), ", "), strings.Join(pipeline.CorefRules(), ", "))
}

// build makes the pipeline: the default gazetteer with the user's files
// layered over it in order, an id already loaded refused, replaced or
// merged as --gazetteer-collisions says (what was replaced or merged is
// said on stderr). A gazetteer that cannot be loaded (a missing
// or bad file) is a usage error.
func (f *pipelineFlags) build(stderr io.Writer) (*pipeline.Pipeline, *model.EntityTagger, error) {
	if f.workers < 0 {
		return nil, nil, fmt.Errorf("--workers must be positive")
	}
	var repeats model.Repeats
	switch f.repeats {
	case "shared":
		repeats = model.SharedRepeats
	case "separate":
		repeats = model.SeparateRepeats
	default:
		return nil, nil, fmt.Errorf("--repeats must be shared or separate, not %q", f.repeats)
	}
	trained, _, err := batch.ReadModel(f.model, !f.noNER)
	if err != nil {
		return nil, nil, err
	}
	if trained != nil {
		trained.Beam = f.beam
		trained.MinMargin = f.minMargin
	}
	if f.beam < 0 {
		return nil, nil, fmt.Errorf("--beam must be positive")
	}
	if f.minMargin < 0 || math.IsNaN(float64(f.minMargin)) {
		return nil, nil, fmt.Errorf("--min-margin must be 0 or more")
	}
	if f.minMargin > 0 && trained == nil {
		return nil, nil, fmt.Errorf("--min-margin applies to a trained model (--model default or FILE), not to prose's weights or --no-ner")
	}
	l, err := f.gaz.load(stderr)
	if err != nil {
		return nil, nil, err
	}
	lists, err := loadWordlists(stderr, f.wordlists)
	if err != nil {
		return nil, nil, err
	}
	p, err := pipeline.New(pipeline.Config{Gazetteer: l.All, NER: !f.noNER, Model: trained, Repeats: repeats, Without: f.without, Wordlists: lists})
	return p, trained, err
}

type runOptions struct {
	pipelineFlags
	in         inputFlags
	output     string
	resume     bool
	cpuprofile string
}

func (a App) runCommand() *cobra.Command {
	var o runOptions
	c := &cobra.Command{
		Use:   "run [PATH...]",
		Short: "Extract the mention graph of articles, one JSON line per document",
		Long: `Run the pipeline over articles and write one JSON line per document, in input order.

PATH is a file, a directory (searched recursively for *.txt and *.md), a glob, or - for
standard input (the default when no PATH is given). With --input jsonl every line of the
input is {"id": ..., "text": ...}, so that extract works as a line-oriented worker.

Every input (file, JSONL line, standard input) yields exactly one line, in input order:
its result, or {"id","source","error"}. Ids are paths relative to the argument a file was
found under, without extension; a second input with the same id gets an error line.

Exit status: 0 when every document succeeded, 1 when some failed (their lines carry
"error"), 2 on usage errors, 130/143 when interrupted by SIGINT/SIGTERM (the output then
ends after the last complete line; -o FILE --resume continues it).

When standard error is a terminal, a progress line shows documents done (of the total, when
the inputs are files), MB/s and the time left; it is cleared before the summary.`,
		Example: `  extract run seeds/ > mentions.jsonl
  extract run examples/article.txt 'seeds/*.txt'
  extract run - < examples/article.txt
  extract run --input jsonl examples/docs.jsonl
  extract run --gazetteer examples/names.gaz --workers 4 -o mentions.jsonl seeds/ examples/article.txt
  extract run -o mentions.jsonl --resume seeds/`,
		RunE: func(c *cobra.Command, args []string) error { return a.run(c, o, args) },
	}
	o.register(c)
	o.in.register(c, "a larger one gets an error line without being read")
	outputFlag(c, &o.output, stdoutUsage)
	c.Flags().BoolVar(&o.resume, "resume", false, "continue the -o FILE of an interrupted run: keep its complete lines, skip the documents they hold, write the rest")
	c.Flags().StringVar(&o.cpuprofile, "cpuprofile", "", "write a CPU profile of the whole run to `FILE` (go tool pprof)")
	return c
}

func (a App) run(c *cobra.Command, o runOptions, args []string) error {
	if o.resume && o.output == "" {
		return batch.ErrResumeNeedsFile
	}
	reader, files, err := o.in.inputs(a, args)
	if err != nil {
		return err
	}
	if o.cpuprofile != "" {
		f, err := os.Create(o.cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	p, _, err := o.build(a.Stderr)
	if err != nil {
		return err
	}
	defer limitCores(o.workers)()
	inputs := reader.Inputs(files)
	var out io.Writer = a.Stdout
	var resume *batch.Resume
	switch {
	case o.resume:
		var f *os.File
		resume, f, err = batch.OpenResume(o.output)
		if err != nil {
			return err
		}
		defer f.Close()
		out = f
		inputs = resume.Inputs(p, inputs)
	case o.output != "":
		f, err := os.Create(o.output)
		if err != nil {
			return err
		}
		defer f.Close()
		out = f
	}
	w := output.NewWriter(out)
	var bar *progressBar
	if isTerminal(a.Stderr) {
		bar = newProgressBar(a.Stderr, progressTotal(reader.Format, files, o.resume))
		inputs = bar.count(inputs)
	}
	ctx := c.Context()
	// Records are flushed whenever nothing more is ready, so that a
	// reader of the stream (or of the file, after kill -9) has every
	// record that is done, and only whole lines.
	stats, err := batch.RunLines(ctx, p, inputs, o.workers, func(r *output.Record, line []byte) error {
		if r.Error != "" {
			if bar != nil {
				bar.clear() // the error gets a line of its own; the bar is redrawn below it
			}
			fmt.Fprintf(a.Stderr, "extract: %s\n", r.Error)
		}
		if bar != nil {
			bar.written()
		}
		return w.WriteLine(line)
	}, w.Flush)
	interrupted := err != nil && ctx.Err() != nil
	if err == nil || interrupted {
		if ferr := w.Flush(); ferr != nil {
			err = ferr
		}
	}
	if err == nil && resume != nil && resume.Err != nil {
		err = resume.Err
	}
	if bar != nil {
		bar.clear()
	}
	if interrupted {
		fmt.Fprintf(a.Stderr, "extract: interrupted after %d documents; the output ends after the last complete line\n", stats.Documents)
		return stopped(ctx, err)
	}
	if err != nil {
		return failure{err}
	}
	if resume != nil {
		fmt.Fprintf(a.Stderr, "extract: %d documents already in %s\n", resume.Kept, o.output)
	}
	fmt.Fprintf(a.Stderr, "extract: %d documents, %d mentions, %d errors, %.2f s, %.2f MB/s\n",
		stats.Documents, stats.Mentions, stats.Errors, stats.Elapsed.Seconds(), stats.MBPerSecond())
	if stats.Errors > 0 {
		return errSomeFailed
	}
	return nil
}

// progressTotal is the number of documents the run will write, when it is
// known before reading: every text file is one document, but a JSONL
// stream or standard input holds an unknown number, and with --resume
// the documents kept from the file are not written again.
func progressTotal(format batch.InputFormat, files []batch.File, resume bool) int {
	if format != batch.FormatText || resume {
		return 0
	}
	for _, f := range files {
		if f.Path == "-" {
			return 0
		}
	}
	return len(files)
}

// limitCores gives a run with fewer workers than cores as many cores as
// it has workers (GOMAXPROCS), unless the GOMAXPROCS variable says
// otherwise. The other cores would run no documents, only the hand-offs
// between the reading, working and writing goroutines and the garbage
// collector's background work, which cost more CPU than they save time:
// --workers 1 --no-ner over 2 MB on 2 cores took 0.47 CPU s and 0.50 s
// with both, 0.35 CPU s and 0.40 s with one. It is set after the pipeline
// is built, whose loading uses every core. It returns the function that
// gives the cores back, for a caller of App that goes on (a test binary).
func limitCores(workers int) (restore func()) {
	if workers > 0 && workers < runtime.GOMAXPROCS(0) && os.Getenv("GOMAXPROCS") == "" {
		before := runtime.GOMAXPROCS(workers)
		return func() { runtime.GOMAXPROCS(before) }
	}
	return func() {}
}
