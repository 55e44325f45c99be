package model

import (
	"testing"

	"github.com/extract-ca/extract/internal/testfile"
	prose "github.com/jdkato/prose/v2"
)

func seedTexts(b *testing.B) ([]string, int64) {
	texts := testfile.Seeds(b, "..")
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	return texts, n
}

// benchSeeds runs each process over the seed articles, one call per
// article, side by side as sub-benchmarks.
func benchSeeds(b *testing.B, process map[string]func(b *testing.B, text string)) {
	texts, n := seedTexts(b)
	for _, name := range []string{"engine", "prose"} {
		b.Run(name, func(b *testing.B) {
			process[name](b, texts[0]) // warm up: load the model outside the timer
			b.SetBytes(n)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				for _, t := range texts {
					process[name](b, t)
				}
			}
		})
	}
}

// BenchmarkDocument compares the engine with prose on the same work:
// tokenized, tagged and labelled.
func BenchmarkDocument(b *testing.B) {
	benchSeeds(b, map[string]func(*testing.B, string){
		"engine": func(_ *testing.B, t string) { Default().Document(t) },
		"prose": func(b *testing.B, t string) {
			if _, err := prose.NewDocument(t, prose.WithSegmentation(false), prose.UsingModel(proseModel())); err != nil {
				b.Fatal(err)
			}
		},
	})
}

// BenchmarkTokenize compares the tokenizers alone.
func BenchmarkTokenize(b *testing.B) {
	var toks []Token
	benchSeeds(b, map[string]func(*testing.B, string){
		"engine": func(_ *testing.B, t string) { toks = Tokenize(t, toks[:0]) },
		"prose": func(b *testing.B, t string) {
			if _, err := prose.NewDocument(t, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false)); err != nil {
				b.Fatal(err)
			}
		},
	})
}

// BenchmarkLoad is the cost of decoding the embedded weights, paid once
// per process.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(proseEN); err != nil {
			b.Fatal(err)
		}
	}
}
