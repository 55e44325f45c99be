package pipeline

import (
	"encoding/json"
	"io"
	"runtime"
	"testing"

	prose "github.com/jdkato/prose/v2"

	"github.com/extract-ca/extract/internal/cputime"
	"github.com/extract-ca/extract/internal/testfile"
	"github.com/extract-ca/extract/output"
)

// benchCorpus runs process over every seed once per iteration and reports
// MB/s (SetBytes) and allocations per document besides allocations per pass.
func benchCorpus(b *testing.B, process func(text string)) {
	texts := testfile.Seeds(b, "..")
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	benchPasses(b, len(texts), total, func() {
		for _, t := range texts {
			process(t)
		}
	})
}

// benchPasses runs pass, one pass over n documents of total bytes, once
// per iteration and reports MB/s, CPU time and allocations per document.
func benchPasses(b *testing.B, n, total int, pass func()) {
	b.SetBytes(int64(total))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	cpu := cputime.Used()
	for i := 0; i < b.N; i++ {
		pass()
	}
	cputime.Report(b, cpu, int64(total))
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N*n), "allocs/doc")
}

// BenchmarkPipeline is the whole pipeline over the seeds, with the model
// and without it (--no-ner).
func BenchmarkPipeline(b *testing.B) {
	for _, ner := range []bool{true, false} {
		name := map[bool]string{true: "ner", false: "no-ner"}[ner]
		b.Run(name, func(b *testing.B) {
			p, err := New(Config{NER: ner})
			if err != nil {
				b.Fatal(err)
			}
			benchCorpus(b, func(text string) {
				if _, err := p.Process("seed", "seed", text); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}

// BenchmarkProse is prose's own NewDocument on the same text with the model
// reused: the cost of the statistical model alone, for comparison.
func BenchmarkProse(b *testing.B) {
	model := proseModel()
	benchCorpus(b, func(text string) {
		if _, err := prose.NewDocument(text, prose.UsingModel(model)); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkProseTokenizer is prose's tokenizer alone (segmentation, tagging
// and extraction off): the throughput the rest of the pipeline aims at.
func BenchmarkProseTokenizer(b *testing.B) {
	benchCorpus(b, func(text string) {
		if _, err := prose.NewDocument(text,
			prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false)); err != nil {
			b.Fatal(err)
		}
	})
}

// tokenized holds the seeds tokenized once, so that the benchmarks below
// measure what comes after the tokenizer (which is being replaced).
func tokenized(b *testing.B) []*Doc {
	b.Helper()
	var docs []*Doc
	for _, t := range testfile.Seeds(b, "..") {
		d := &Doc{ID: "seed", Source: "seed", Text: t}
		if err := (Tokenize{}).Process(d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// benchAfterTokenize runs fn over a fresh copy of each tokenized seed per
// iteration and reports MB/s and allocations per document.
func benchAfterTokenize(b *testing.B, fn func(d *Doc)) {
	docs := tokenized(b)
	total := 0
	for _, d := range docs {
		total += len(d.Text)
	}
	benchPasses(b, len(docs), total, func() {
		for _, d := range docs {
			fn(&Doc{ID: d.ID, Source: d.Source, Text: d.Text, Tokens: d.Tokens})
		}
	})
}

// BenchmarkAfterTokenize is --no-ner without the tokenizer: every stage from
// sentences on, Record, and the JSON line written for the document.
func BenchmarkAfterTokenize(b *testing.B) {
	p, err := New(Config{NER: false})
	if err != nil {
		b.Fatal(err)
	}
	w := output.NewWriter(io.Discard)
	benchAfterTokenize(b, func(d *Doc) {
		for _, s := range p.steps[1:] {
			if err := s.stage.Process(d); err != nil {
				b.Fatal(err)
			}
		}
		if err := w.Write(d.Record()); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkStage measures each stage after tokenize on its own, with the
// stages before it run outside the timer.
func BenchmarkStage(b *testing.B) {
	p, err := New(Config{NER: false})
	if err != nil {
		b.Fatal(err)
	}
	docs := tokenized(b)
	for k := 1; k < len(p.steps); k++ {
		stage := p.steps[k]
		b.Run(stage.name, func(b *testing.B) {
			// The input of the stage: the stages before it, run once.
			inputs := make([]Doc, len(docs))
			total := 0
			for i, d := range docs {
				inputs[i] = Doc{ID: d.ID, Source: d.Source, Text: d.Text, Tokens: d.Tokens}
				for _, s := range p.steps[1:k] {
					if err := s.stage.Process(&inputs[i]); err != nil {
						b.Fatal(err)
					}
				}
				total += len(d.Text)
			}
			b.SetBytes(int64(total))
			b.ReportAllocs()
			b.ResetTimer()
			cpu := cputime.Used()
			for i := 0; i < b.N; i++ {
				for j := range inputs {
					d := inputs[j] // stages write slices of their own; copy them
					d.Rules = append([]Mention(nil), d.Rules...)
					d.Mentions = append([]Mention(nil), d.Mentions...)
					d.Entities, d.Edges, d.lower = nil, nil, nil
					if err := stage.stage.Process(&d); err != nil {
						b.Fatal(err)
					}
				}
			}
			cputime.Report(b, cpu, int64(total))
		})
	}
}

// BenchmarkRecord is the conversion of finished documents to output records.
func BenchmarkRecord(b *testing.B) {
	docs := processed(b)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Used()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			d.Record()
		}
	}
	cputime.Report(b, cpu, 0)
}

// BenchmarkWrite is the JSON encoding of the output records.
func BenchmarkWrite(b *testing.B) {
	var recs []*output.Record
	size := 0
	for _, d := range processed(b) {
		r := d.Record()
		recs = append(recs, r)
		raw, _ := json.Marshal(r)
		size += len(raw)
	}
	w := output.NewWriter(io.Discard)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Used()
	for i := 0; i < b.N; i++ {
		for _, r := range recs {
			if err := w.Write(r); err != nil {
				b.Fatal(err)
			}
		}
	}
	cputime.Report(b, cpu, int64(size))
}

func processed(b *testing.B) []*Doc {
	b.Helper()
	p, err := New(Config{NER: false})
	if err != nil {
		b.Fatal(err)
	}
	var docs []*Doc
	for _, t := range testfile.Seeds(b, "..") {
		d, err := p.Process("seed", "seed", t)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}
