package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

func printTable(w io.Writer, rep *report) {
	c := rep.Corpus
	fmt.Fprintf(w, "corpus: %d bytes (%.2f MB) in %d documents, %s\n", c.Bytes, float64(c.Bytes)/1e6, c.Documents, c.Dir)
	if len(c.Sources) > 0 {
		var parts []string
		for _, s := range c.Sources {
			parts = append(parts, fmt.Sprintf("%s %d docs %d KB", s.Name, s.Documents, s.Bytes/1000))
		}
		fmt.Fprintf(w, "  from: %s\n", strings.Join(parts, ", "))
	}
	for _, n := range c.Notes {
		fmt.Fprintf(w, "  NOTE: %s\n", n)
	}
	fmt.Fprintf(w, "%s %s/%s, GOMAXPROCS %d, %d CPUs; %d run(s) of each variant, interleaved: median (min)\n",
		rep.GoVersion, rep.GOOS, rep.GOARCH, rep.GOMAXPROCS, rep.NumCPU, rep.Count)
	fmt.Fprintf(w, "load average (1 5 15 min): start %s, end %s\n", rep.LoadStart, rep.LoadEnd)
	if rep.Model != "" {
		fmt.Fprintf(w, "entity model of the runs with NER: %s\n", rep.Model)
	}
	fmt.Fprintln(w, "MB = 10^6 bytes of corpus. CPU = user+sys of the whole process (start-up and model loading")
	fmt.Fprintln(w, "included; \"start-up\" is the median CPU of the same command over one sentence).")
	fmt.Fprintln(w, "Ratio = this row's MB/s over row \"vs\"'s MB/s: above 1 is faster than it.")
	fmt.Fprintln(w)

	index := map[string]int{}
	for i, r := range rep.Rows {
		index[r.Key] = i + 1
	}
	width := 0
	for _, r := range rep.Rows {
		width = max(width, len(r.Title))
	}
	// Right-aligned columns; names padded to one width read left-aligned.
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "\t%-*s\tCPU s\tCPU MB/s\twall s\twall MB/s\tpeak RSS MB\tstart-up CPU s\tvs\tCPU ratio\twall ratio\t\n", width, "variant")
	for i, r := range rep.Rows {
		vs, cr, wr := "", "", ""
		if r.Versus != "" {
			vs = fmt.Sprint(index[r.Versus])
			cr, wr = fmt.Sprintf("%.2f", r.CPURatio), fmt.Sprintf("%.2f", r.WallRatio)
		}
		fmt.Fprintf(tw, "%d\t%-*s\t%s\t%s\t%s\t%s\t%.0f\t%.2f\t%s\t%s\t%s\t\n", i+1, width, r.Title,
			minMed(r.CPU), sig(r.CPUMBps), minMed(r.Wall), sig(r.WallMBps), r.MaxRSSMB, r.StartupCPU.Median, vs, cr, wr)
	}
	tw.Flush()

	if len(rep.Stages) == 0 {
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Pipeline stages, summed over the corpus, one pass, in-process, one goroutine on one thread")
	fmt.Fprintln(w, "(pipeline.Config.OnStage). CPU is that thread's time, share is of its total; GC assists land")
	fmt.Fprintln(w, "in the stage that allocates, background GC on other threads is not counted.")
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "stage     \tNER on: CPU s\tshare\twall s\tNER off: CPU s\tshare\twall s\t")
	cells := func(t *stageTime) string {
		if t == nil {
			return "-\t-\t-"
		}
		return fmt.Sprintf("%.3f\t%.1f%%\t%.3f", t.CPU, 100*t.Share, t.Wall)
	}
	for _, s := range rep.Stages {
		fmt.Fprintf(tw, "%-10s\t%s\t%s\t\n", s.Stage, cells(s.NER), cells(s.NoNER))
	}
	on, off := rep.StageTotals["ner"], rep.StageTotals["no-ner"]
	fmt.Fprintf(tw, "%-10s\t%s\t%s\t\n", "total", cells(&on), cells(&off))
	tw.Flush()
}

func minMed(s stat) string { return fmt.Sprintf("%.2f (%.2f)", s.Median, s.Min) }

// sig prints a speed with about three significant digits: the NER rows
// run at hundredths of a MB/s, the tokenizer at tens.
func sig(v float64) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f", v)
	case v >= 10:
		return fmt.Sprintf("%.1f", v)
	case v >= 1:
		return fmt.Sprintf("%.2f", v)
	default:
		return fmt.Sprintf("%.3g", v)
	}
}
