package pipeline

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	prose "github.com/jdkato/prose/v2"
)

func loadSeeds(b *testing.B) []string {
	b.Helper()
	files, err := filepath.Glob("../seeds/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatal("no seeds", err)
	}
	var texts []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(raw))
	}
	return texts
}

// benchCorpus runs process over every seed once per iteration and reports
// MB/s (SetBytes) and allocations per document besides allocations per pass.
func benchCorpus(b *testing.B, process func(text string)) {
	texts := loadSeeds(b)
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			process(t)
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/float64(b.N*len(texts)), "allocs/doc")
}

// BenchmarkPipeline is the whole pipeline, gazetteer and model, over the seeds.
func BenchmarkPipeline(b *testing.B) {
	p, err := New(Config{NER: true})
	if err != nil {
		b.Fatal(err)
	}
	benchCorpus(b, func(text string) {
		if _, err := p.Process("seed", "seed", text); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkPipelineNoNER is the pipeline without the model (--no-ner).
func BenchmarkPipelineNoNER(b *testing.B) {
	p, err := New(Config{NER: false})
	if err != nil {
		b.Fatal(err)
	}
	benchCorpus(b, func(text string) {
		if _, err := p.Process("seed", "seed", text); err != nil {
			b.Fatal(err)
		}
	})
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
