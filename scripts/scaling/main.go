// Command scaling measures how the pipeline's time and memory grow with the
// size of one document, to support the README's claim that every stage is
// linear or n·log n and that the peak memory of one document is a small
// multiple of its size.
//
// It builds single documents of growing size from the seed articles,
// repeated (1, 2, 4, 8 and 10 MB by default, -sizes), plus a 10 MB
// document that is one line without a sentence end (the seeds with every
// line break and . ! ? replaced by spaces), and for each:
//
//   - in this process, on one goroutine locked to its thread, runs the
//     pipeline once and sums each stage's thread CPU time through
//     pipeline.Config.OnStage, printed as CPU seconds per MB;
//   - as a child, `extract run --workers 1 FILE` timed by its rusage:
//     CPU seconds (user+sys), peak RSS, and K = (peak RSS - the peak RSS of a
//     run on a one-sentence document) / document size.
//
// A stage whose CPU s/MB grows with the size is super-linear. With -big it
// also runs the 100 MB document twice, followed by a small one: with the
// default --max-bytes (refused at once) and with --max-bytes raised.
//
// Usage: scripts/scaling [-sizes 1,2,4,8,10] [-oneline=false] [-big] [-ner=false]
// (go run ./scripts/scaling, from the repository root). Documents go to a
// temporary directory, removed at the end.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/extract-ca/extract/internal/cputime"
	"github.com/extract-ca/extract/internal/gobuild"
	"github.com/extract-ca/extract/pipeline"
)

type options struct {
	root    string
	sizes   string
	oneline bool
	big     bool
	ner     bool
	count   int
	stages  bool
}

func main() {
	var o options
	flag.StringVar(&o.root, "root", ".", "repository root (seeds/, and the module for building extract)")
	flag.StringVar(&o.sizes, "sizes", "1,2,4,8,10", "document sizes in MB (10^6 bytes), comma-separated")
	flag.BoolVar(&o.oneline, "oneline", true, "also measure a 10 MB document of one line without sentence ends")
	flag.BoolVar(&o.big, "big", false, "also run a 100 MB document: refused by the default --max-bytes, then accepted with it raised")
	flag.BoolVar(&o.ner, "ner", true, "run the statistical model (as extract run does by default)")
	flag.IntVar(&o.count, "count", 1, "child runs per document; the one with the least CPU time is reported")
	flag.BoolVar(&o.stages, "stages", true, "measure each stage in-process")
	flag.Parse()
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "scaling:", err)
		os.Exit(1)
	}
}

type document struct {
	name string
	path string
	size int
}

func run(o options) error {
	seeds, err := filepath.Glob(filepath.Join(o.root, "seeds", "*.txt"))
	if err != nil || len(seeds) == 0 {
		return fmt.Errorf("no seeds/*.txt under %s", o.root)
	}
	var base []byte
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			return err
		}
		base = append(append(base, b...), "\n\n"...)
	}
	tmp, err := os.MkdirTemp("", "scaling")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "extract")
	if err := gobuild.Build(o.root, "./cmd/extract", bin); err != nil {
		return err
	}

	var docs []document
	add := func(name string, text []byte) error {
		path := filepath.Join(tmp, name+".txt")
		docs = append(docs, document{name, path, len(text)})
		return os.WriteFile(path, text, 0o644)
	}
	for _, s := range strings.Split(o.sizes, ",") {
		mb, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil {
			return fmt.Errorf("-sizes: %w", err)
		}
		if err := add(fmt.Sprintf("%gMB", mb), repeatTo(base, int(mb*1e6))); err != nil {
			return err
		}
	}
	if o.oneline {
		flat := bytes.Map(func(r rune) rune {
			switch r {
			case '\n', '\r', '.', '!', '?':
				return ' '
			}
			return r
		}, base)
		if err := add("10MB-one-line", repeatTo(flat, 10e6)); err != nil {
			return err
		}
	}
	small := filepath.Join(tmp, "small.txt")
	if err := os.WriteFile(small, []byte("Emomali Rahmon met officials in Dushanbe on Monday.\n"), 0o644); err != nil {
		return err
	}

	var args []string
	if !o.ner {
		args = append(args, "--no-ner")
	}
	baseline, err := measure(bin, append(args, small), o.count)
	if err != nil {
		return err
	}
	fmt.Printf("extract run --workers 1%s; baseline (one sentence): %.2f s CPU, peak RSS %.0f MB\n",
		strings.Join(append([]string{""}, args...), " "), baseline.cpu, baseline.rssMB)
	fmt.Printf("K = (peak RSS - baseline) / document size; load average %s\n\n", cputime.LoadAverage())

	var big strings.Builder
	if o.big {
		if err := bigDocument(&big, bin, args, base, tmp, small); err != nil {
			return err
		}
	}
	// The children first: a child's peak RSS counts this process's own
	// resident memory at the time it was started (Linux carries the
	// high-water mark over exec), which the in-process runs below raise.
	results := make([]result, len(docs))
	for i, d := range docs {
		if results[i], err = measure(bin, append(append([]string{}, args...), d.path), o.count); err != nil {
			return fmt.Errorf("%s: %w", d.name, err)
		}
		fmt.Fprintf(os.Stderr, "scaling: %s child run done\n", d.name)
	}
	var stageNames []string
	stageRows := map[string]map[string]float64{}
	if o.stages {
		if stageNames, err = stageTimes(docs, o.ner, stageRows); err != nil {
			return err
		}
	}

	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	header := "document\tMB\tCPU s\tCPU s/MB\tpeak RSS MB\tK\t"
	for _, s := range stageNames {
		header += s + "\t"
	}
	fmt.Fprintln(w, header+"\t")
	for i, d := range docs {
		r := results[i]
		mb := float64(d.size) / 1e6
		line := fmt.Sprintf("%s\t%.1f\t%.2f\t%.2f\t%.0f\t%.1f\t", d.name, mb, r.cpu, (r.cpu-baseline.cpu)/mb, r.rssMB, (r.rssMB-baseline.rssMB)/mb)
		for _, s := range stageNames {
			line += fmt.Sprintf("%.3f\t", stageRows[d.name][s]/mb)
		}
		fmt.Fprintln(w, line+"\t")
	}
	w.Flush()
	if len(stageNames) > 0 {
		fmt.Println("\nstage columns: that stage's thread CPU seconds per MB, in-process (pipeline.Config.OnStage)")
	}
	fmt.Print(big.String())
	return nil
}

// repeatTo returns base repeated up to n bytes, cut back to a UTF-8
// boundary.
func repeatTo(base []byte, n int) []byte {
	out := bytes.Repeat(base, n/len(base)+1)[:n]
	for len(out) > 0 && out[len(out)-1]&0xC0 == 0x80 {
		out = out[:len(out)-1]
	}
	if len(out) > 0 && out[len(out)-1] >= 0xC0 {
		out = out[:len(out)-1]
	}
	return out
}

// bigDocument runs a 100 MB document followed by a small one, with the
// default --max-bytes and then with it raised, and says what came out.
func bigDocument(out io.Writer, bin string, args []string, base []byte, tmp, small string) error {
	dir := filepath.Join(tmp, "big")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "a-100MB.txt"), repeatTo(base, 100e6), 0o644); err != nil { // 100,000,000 bytes: over the default 52,428,800
		return err
	}
	after, err := os.ReadFile(small)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "b-after.txt"), after, 0o644); err != nil {
		return err
	}
	fmt.Fprintln(out)
	for _, extra := range [][]string{nil, {"--max-bytes", "200000000"}} {
		all := append(append(append([]string{}, args...), extra...), dir)
		r, err := measure(bin, all, 1)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "extract run --workers 1 %s: exit %d, %.2f s CPU, %.2f s wall, peak RSS %.0f MB\n",
			strings.Join(all[:len(all)-1], " ")+" DIR(100 MB, small)", r.exit, r.cpu, r.wall, r.rssMB)
		for _, l := range bytes.Split(bytes.TrimSpace(r.stdout), []byte("\n")) {
			if len(l) > 160 {
				l = append(l[:160:160], "..."...)
			}
			fmt.Fprintf(out, "  %s\n", l)
		}
	}
	return nil
}

type result struct {
	cpu, wall, rssMB float64
	exit             int
	stdout           []byte
}

// measure runs extract run --workers 1 with args count times and returns
// the run of least CPU time, from the child's rusage.
func measure(bin string, args []string, count int) (result, error) {
	var best result
	for i := 0; i < max(count, 1); i++ {
		cmd := exec.Command(bin, append([]string{"run", "--workers", "1"}, args...)...)
		var out bytes.Buffer
		cmd.Stdout = &out
		start := time.Now()
		err := cmd.Run()
		wall := time.Since(start).Seconds()
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			return result{}, err
		}
		ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		r := result{
			cpu:    time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds(),
			wall:   wall,
			rssMB:  float64(ru.Maxrss) * 1024 / 1e6,
			exit:   cmd.ProcessState.ExitCode(),
			stdout: out.Bytes(),
		}
		if i == 0 || r.cpu < best.cpu {
			best = r
		}
	}
	return best, nil
}

// stageTimes runs the pipeline in this process over each document and
// stores each stage's thread CPU seconds in rows[document][stage].
func stageTimes(docs []document, ner bool, rows map[string]map[string]float64) ([]string, error) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	var last time.Duration
	var row map[string]float64
	p, err := pipeline.New(pipeline.Config{
		NER: ner,
		OnStage: func(stage string, _ time.Duration) {
			now, _ := cputime.Thread()
			row[stage] += (now - last).Seconds()
			last = now
		},
	})
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		raw, err := os.ReadFile(d.path)
		if err != nil {
			return nil, err
		}
		row = map[string]float64{}
		rows[d.name] = row
		runtime.GC()
		debug.FreeOSMemory()
		last, _ = cputime.Thread()
		if _, err := p.Process(d.name, d.path, string(raw)); err != nil {
			return nil, fmt.Errorf("%s: %w", d.name, err)
		}
		fmt.Fprintf(os.Stderr, "scaling: %s in-process done\n", d.name)
	}
	return p.Stages(), nil
}
