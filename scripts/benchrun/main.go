// Command benchrun is the driver behind scripts/bench: it measures the
// extract pipeline against plain prose on one corpus, each variant a child
// process timed by its own rusage, and prints the table side by side.
//
// The corpus is built from seeds/*.txt and from sentences of the outside
// NER sets under ../shared/external (read only; the corpus goes to a temp
// directory, never into the repository), or given with --corpus DIR.
//
// Variants, each run --count times, interleaved round by round (the order
// rotating) so that noise from other users of the machine hits all alike:
//
//	ner      extract run --workers 1 DIR    (with --model FILE: --model FILE)
//	no-ner   extract run --workers 1 --no-ner DIR
//	prose    proseref DIR          (prose.NewDocument, defaults, model reused)
//	tokens   proseref -tokens DIR  (prose's tokenizer alone)
//	ner-w2   extract run --workers 2 DIR   (unless --scaling=false; --model as ner)
//	base-ner, base-no-ner   ner and no-ner with --baseline BIN (another extract,
//	         say main's): before and after a change in one run
//
// After each run the same command runs over a one-sentence corpus: its
// CPU time is the variant's fixed start-up cost (gazetteer and model
// loading), which the whole-process figures include.
//
// Then, in this process and on one goroutine, the pipeline with and
// without NER over the corpus once, summing pipeline.Config.OnStage times
// per stage.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/extract-ca/extract/batch"
	"github.com/extract-ca/extract/internal/cputime"
	"github.com/extract-ca/extract/internal/gobuild"
	"github.com/extract-ca/extract/model"
	"github.com/extract-ca/extract/pipeline"
)

type options struct {
	root, shared, corpus string
	extract, proseref    string
	count                int
	sizeMB               float64
	quick, asJSON        bool
	scaling, stages      bool
	keep                 bool
	writeCorpus          string
	model                string
	baseline             string
}

func main() {
	var o options
	flag.StringVar(&o.root, "root", ".", "repository root (seeds/, and the module for building)")
	flag.StringVar(&o.shared, "shared", "", "outside data directory (default ROOT/../shared/external)")
	flag.StringVar(&o.corpus, "corpus", "", "use this directory of .txt/.md files instead of building a corpus")
	flag.StringVar(&o.extract, "extract", "", "extract binary (default: built from ROOT)")
	flag.StringVar(&o.proseref, "proseref", "", "proseref binary (default: built from ROOT)")
	flag.IntVar(&o.count, "count", 3, "runs of each variant; the median is reported")
	flag.Float64Var(&o.sizeMB, "size", 2, "corpus size to build, in MB (10^6 bytes)")
	flag.BoolVar(&o.quick, "quick", false, "0.5 MB corpus, count 1 (unless -size or -count are given)")
	flag.BoolVar(&o.asJSON, "json", false, "print one JSON object instead of the table")
	flag.BoolVar(&o.scaling, "scaling", true, "also run extract with --workers 2")
	flag.BoolVar(&o.stages, "stages", true, "measure the per-stage shares in-process")
	flag.BoolVar(&o.keep, "keep", false, "keep the temp directory (corpus and binaries)")
	flag.StringVar(&o.writeCorpus, "write-corpus", "", "only build the corpus of -size MB into `DIR` (new or empty), for measuring other commands on it (beam/README.md)")
	flag.StringVar(&o.baseline, "baseline", "", "also run the extract binary `BIN` (say, built from main) with and without NER, in the same rounds: before and after side by side")
	flag.StringVar(&o.model, "model", "", "entity model `FILE` (extract train) for the runs with NER, passed as extract run --model (default: extract's default model)")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "benchrun: unexpected arguments %q\n", flag.Args())
		os.Exit(2)
	}
	if o.quick {
		set := map[string]bool{}
		flag.Visit(func(f *flag.Flag) { set[f.Name] = true })
		if !set["size"] {
			o.sizeMB = 0.5
		}
		if !set["count"] {
			o.count = 1
		}
	}
	if o.count < 1 || o.sizeMB <= 0 {
		fmt.Fprintln(os.Stderr, "benchrun: -count and -size must be positive")
		os.Exit(2)
	}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
}

// report is everything measured; --json prints it as is.
type report struct {
	Corpus     corpusInfo `json:"corpus"`
	GoVersion  string     `json:"go_version"`
	GOOS       string     `json:"goos"`
	GOARCH     string     `json:"goarch"`
	GOMAXPROCS int        `json:"gomaxprocs"`
	NumCPU     int        `json:"num_cpu"`
	Count      int        `json:"count"`
	Model      string     `json:"model,omitempty"` // --model of the runs with NER
	LoadStart  string     `json:"loadavg_start"`
	LoadEnd    string     `json:"loadavg_end"`
	Rows       []*row     `json:"rows"`
	Stages     []stageRow `json:"stages,omitempty"`
	// StageTotals sum the stages of the in-process runs, keyed "ner" and
	// "no-ner".
	StageTotals map[string]stageTime `json:"stage_totals,omitempty"`
}

// row is one variant. Speeds are in MB (10^6 bytes) of corpus per second
// of CPU time (user+sys of the whole process) or of wall time, from the
// medians. Ratios are this row's speed over its reference row's: above 1
// is faster than the reference.
type row struct {
	Key      string   `json:"key"`
	Title    string   `json:"title"`
	Command  []string `json:"command"`
	Runs     []sample `json:"runs"`
	CPU      stat     `json:"cpu_seconds"`
	Wall     stat     `json:"wall_seconds"`
	CPUMBps  float64  `json:"cpu_mb_per_s"`
	WallMBps float64  `json:"wall_mb_per_s"`
	MaxRSSMB float64  `json:"max_rss_mb"` // the largest of the runs
	// Startup is the same command over a one-sentence corpus: the fixed
	// cost (loading the gazetteer and the model) inside CPU and wall.
	StartupRuns []sample `json:"startup_runs"`
	StartupCPU  stat     `json:"startup_cpu_seconds"`
	StartupWall stat     `json:"startup_wall_seconds"`
	Versus      string   `json:"versus,omitempty"`
	CPURatio    float64  `json:"cpu_ratio,omitempty"`
	WallRatio   float64  `json:"wall_ratio,omitempty"`

	path        string
	args        []string
	startupArgs []string
}

type sample struct {
	CPU      float64 `json:"cpu_seconds"`
	User     float64 `json:"user_seconds"`
	Sys      float64 `json:"sys_seconds"`
	Wall     float64 `json:"wall_seconds"`
	MaxRSSKB int64   `json:"max_rss_kb"`
}

type stat struct {
	Median float64 `json:"median"`
	Min    float64 `json:"min"`
}

// stageRow is one stage's time in the in-process runs; NoNER is nil for
// a stage that does not run without NER.
type stageRow struct {
	Stage string     `json:"stage"`
	NER   *stageTime `json:"ner"`
	NoNER *stageTime `json:"no_ner,omitempty"`
}

// stageTime is summed over the corpus. CPU is the time of the thread that
// ran the stage (the driver locks the pipeline to one thread), so that
// other processes on a busy machine inflate wall but hardly CPU; Share is
// the fraction of the run's CPU total.
type stageTime struct {
	CPU   float64 `json:"cpu_seconds"`
	Wall  float64 `json:"wall_seconds"`
	Share float64 `json:"share"`
}

func run(o options) error {
	if o.writeCorpus != "" {
		shared := o.shared
		if shared == "" {
			shared = filepath.Join(o.root, "..", "shared", "external")
		}
		info, err := buildCorpus(o.root, shared, o.writeCorpus, int64(o.sizeMB*1e6))
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "bench: corpus %s, %d bytes, %d documents\n", info.Dir, info.Bytes, info.Documents)
		for _, n := range info.Notes {
			fmt.Fprintln(os.Stderr, "bench:", n)
		}
		return nil
	}
	rep := &report{
		GoVersion: runtime.Version(), GOOS: runtime.GOOS, GOARCH: runtime.GOARCH,
		GOMAXPROCS: runtime.GOMAXPROCS(0), NumCPU: runtime.NumCPU(), Count: o.count,
		LoadStart: cputime.LoadAverage(),
	}
	tmp, err := os.MkdirTemp("", "extract-bench-")
	if err != nil {
		return err
	}
	if o.keep {
		fmt.Fprintln(os.Stderr, "bench: keeping", tmp)
	} else {
		defer os.RemoveAll(tmp)
	}

	if o.extract == "" {
		o.extract = filepath.Join(tmp, "extract")
		if err := gobuild.Build(o.root, "./cmd/extract", o.extract); err != nil {
			return err
		}
	}
	if o.proseref == "" {
		o.proseref = filepath.Join(tmp, "proseref")
		if err := gobuild.Build(o.root, "./scripts/proseref", o.proseref); err != nil {
			return err
		}
	}
	for _, bin := range []string{o.extract, o.proseref} {
		if _, err := os.Stat(bin); err != nil {
			return err
		}
	}

	if o.corpus != "" {
		rep.Corpus, err = scanCorpus(o.corpus)
	} else {
		shared := o.shared
		if shared == "" {
			shared = filepath.Join(o.root, "..", "shared", "external")
		}
		rep.Corpus, err = buildCorpus(o.root, shared, filepath.Join(tmp, "corpus"), int64(o.sizeMB*1e6))
	}
	if err != nil {
		return err
	}
	dir := rep.Corpus.Dir
	fmt.Fprintf(os.Stderr, "bench: corpus %s, %d bytes, %d documents\n", dir, rep.Corpus.Bytes, rep.Corpus.Documents)

	var modelArgs []string
	modelTitle := ""
	if o.model != "" {
		rep.Model = o.model
		modelArgs = []string{"--model", o.model}
		modelTitle = " --model " + filepath.Base(o.model)
	}
	ner := &row{Key: "ner", Title: "extract run --workers 1" + modelTitle, path: o.extract, args: slices.Concat([]string{"run", "--workers", "1"}, modelArgs, []string{dir})}
	noNER := &row{Key: "no-ner", Title: "extract run --workers 1 --no-ner", path: o.extract, args: []string{"run", "--workers", "1", "--no-ner", dir}}
	prose := &row{Key: "prose", Title: "prose NewDocument, model reused", path: o.proseref, args: []string{dir}}
	tokens := &row{Key: "tokens", Title: "prose tokenizer alone", path: o.proseref, args: []string{"-tokens", dir}}
	rows := []*row{ner, noNER, prose, tokens}
	var w2, baseNER, baseNoNER *row
	if o.scaling {
		w2 = &row{Key: "ner-w2", Title: "extract run --workers 2" + modelTitle, path: o.extract, args: slices.Concat([]string{"run", "--workers", "2"}, modelArgs, []string{dir})}
		rows = append(rows, w2)
	}
	if o.baseline != "" {
		if _, err := os.Stat(o.baseline); err != nil {
			return err
		}
		baseNER = &row{Key: "base-ner", Title: "baseline: " + ner.Title, path: o.baseline, args: ner.args}
		baseNoNER = &row{Key: "base-no-ner", Title: "baseline: " + noNER.Title, path: o.baseline, args: noNER.args}
		rows = append(rows, baseNER, baseNoNER)
	}
	tiny := filepath.Join(tmp, "startup")
	if err := os.MkdirAll(tiny, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(tiny, "one.txt"), []byte(startupText), 0o644); err != nil {
		return err
	}
	for _, r := range rows {
		r.Command = append([]string{filepath.Base(r.path)}, r.args...)
		r.startupArgs = append(r.args[:len(r.args)-1:len(r.args)-1], tiny)
	}

	for round := range o.count {
		for i := range rows {
			r := rows[(i+round)%len(rows)] // rotate, so no variant always runs first
			s, err := measure(r.path, r.args)
			if err != nil {
				return fmt.Errorf("%s: %w", strings.Join(r.Command, " "), err)
			}
			r.Runs = append(r.Runs, s)
			fmt.Fprintf(os.Stderr, "bench: round %d/%d %-7s cpu %6.2fs wall %6.2fs rss %4.0f MB\n",
				round+1, o.count, r.Key, s.CPU, s.Wall, float64(s.MaxRSSKB)/1024)
			if s, err = measure(r.path, r.startupArgs); err != nil {
				return fmt.Errorf("%s (start-up): %w", strings.Join(r.Command, " "), err)
			}
			r.StartupRuns = append(r.StartupRuns, s)
		}
	}
	mb := float64(rep.Corpus.Bytes) / 1e6
	for _, r := range rows {
		r.summarize(mb)
	}
	compare(ner, prose)
	compare(noNER, tokens)
	if w2 != nil {
		compare(w2, ner)
	}
	if o.baseline != "" {
		compare(baseNER, prose)
		compare(baseNoNER, tokens)
	}
	rep.Rows = rows

	if o.stages {
		if err := stageShares(rep, dir); err != nil {
			return err
		}
	}
	rep.LoadEnd = cputime.LoadAverage()

	if o.asJSON {
		enc := json.NewEncoder(os.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rep)
	}
	printTable(os.Stdout, rep)
	return nil
}

// startupText is the one document of the start-up runs: short enough that
// the time is all fixed cost, with a name for each stage to find.
const startupText = "Emomali Rahmon met Vladimir Putin in Dushanbe on Tuesday.\n"

// measure runs one child process with its output discarded and returns
// its CPU time and peak memory as the kernel accounted them, so that the
// figure covers every thread and the runtime's own work (GC, start-up,
// model loading) and nothing of this process.
func measure(path string, args []string) (sample, error) {
	cmd := exec.Command(path, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr // Stdout nil: /dev/null
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if len(msg) > 2000 {
			msg = "..." + msg[len(msg)-2000:]
		}
		return sample{}, fmt.Errorf("%w\n%s", err, msg)
	}
	ps := cmd.ProcessState
	s := sample{
		User: ps.UserTime().Seconds(),
		Sys:  ps.SystemTime().Seconds(),
		Wall: wall.Seconds(),
	}
	s.CPU = s.User + s.Sys
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		s.MaxRSSKB = int64(ru.Maxrss) // KB on Linux
		if runtime.GOOS == "darwin" {
			s.MaxRSSKB /= 1024 // bytes there
		}
	}
	return s, nil
}

func (r *row) summarize(mb float64) {
	r.CPU = median(r.Runs, func(s sample) float64 { return s.CPU })
	r.Wall = median(r.Runs, func(s sample) float64 { return s.Wall })
	r.StartupCPU = median(r.StartupRuns, func(s sample) float64 { return s.CPU })
	r.StartupWall = median(r.StartupRuns, func(s sample) float64 { return s.Wall })
	for _, s := range r.Runs {
		r.MaxRSSMB = max(r.MaxRSSMB, float64(s.MaxRSSKB)/1024)
	}
	if r.CPU.Median > 0 {
		r.CPUMBps = mb / r.CPU.Median
	}
	if r.Wall.Median > 0 {
		r.WallMBps = mb / r.Wall.Median
	}
}

func compare(r, ref *row) {
	r.Versus = ref.Key
	if ref.CPUMBps > 0 {
		r.CPURatio = r.CPUMBps / ref.CPUMBps
	}
	if ref.WallMBps > 0 {
		r.WallRatio = r.WallMBps / ref.WallMBps
	}
}

func median(runs []sample, f func(sample) float64) stat {
	v := make([]float64, len(runs))
	for i, s := range runs {
		v[i] = f(s)
	}
	slices.Sort(v)
	m := v[len(v)/2]
	if len(v)%2 == 0 {
		m = (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return stat{Median: m, Min: v[0]}
}

// stageShares runs the pipeline in this process, on one goroutine locked
// to its thread, over the corpus once with NER and once without, summing
// each stage's thread CPU time and wall time through Config.OnStage.
// Documents are read one at a time, as extract does, and the model is
// loaded by pipeline.New, before any timing; with --model, the runs with
// NER use that model, as extract run --model does.
func stageShares(rep *report, dir string) error {
	files, err := batch.ExpandPaths([]string{dir})
	if err != nil {
		return err
	}
	trained, _, err := batch.ReadModel(rep.Model, true)
	if err != nil {
		return err
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if _, err := cputime.Thread(); err != nil {
		return fmt.Errorf("%w (-stages=false to skip)", err)
	}
	sums := map[string]map[string]*stageTime{}
	var order []string
	for _, withNER := range []bool{true, false} {
		key := "no-ner"
		if withNER {
			key = "ner"
		}
		sum := map[string]*stageTime{}
		sums[key] = sum
		var last time.Duration // thread CPU at the end of the previous stage
		var m *model.EntityTagger
		if withNER {
			m = trained
		}
		p, err := pipeline.New(pipeline.Config{
			NER:   withNER,
			Model: m,
			OnStage: func(stage string, wall time.Duration) {
				now, _ := cputime.Thread()
				t := sum[stage]
				if t == nil {
					t = &stageTime{}
					sum[stage] = t
				}
				t.CPU += (now - last).Seconds()
				t.Wall += wall.Seconds()
				last = now
			},
		})
		if err != nil {
			return err
		}
		if withNER {
			order = p.Stages()
		}
		fmt.Fprintf(os.Stderr, "bench: stages, %s, in-process\n", key)
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				return err
			}
			text := string(raw)
			last, _ = cputime.Thread()
			if _, err := p.Process(f, f, text); err != nil {
				return fmt.Errorf("%s: %w", f, err)
			}
		}
	}
	rep.StageTotals = map[string]stageTime{}
	for key, sum := range sums {
		var total stageTime
		for _, t := range sum {
			total.CPU += t.CPU
			total.Wall += t.Wall
		}
		total.Share = 1
		for _, t := range sum {
			if total.CPU > 0 {
				t.Share = t.CPU / total.CPU
			}
		}
		rep.StageTotals[key] = total
	}
	for _, stage := range order {
		rep.Stages = append(rep.Stages, stageRow{Stage: stage, NER: sums["ner"][stage], NoNER: sums["no-ner"][stage]})
	}
	// A stage only the run without NER has would be missing from the table.
	for stage := range sums["no-ner"] {
		if !slices.Contains(order, stage) {
			return errors.New("stage " + stage + " runs without NER but not with it")
		}
	}
	return nil
}
