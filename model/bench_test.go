package model

import (
	"os"
	"path/filepath"
	"testing"

	prose "github.com/jdkato/prose/v2"
)

func seedTexts(b *testing.B) ([]string, int64) {
	files, _ := filepath.Glob("../seeds/*.txt")
	var texts []string
	var n int64
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(raw))
		n += int64(len(raw))
	}
	return texts, n
}

// BenchmarkDocument compares the engine with prose on the same work: the
// seed articles tokenized, tagged and labelled, one call per article.
func BenchmarkDocument(b *testing.B) {
	texts, n := seedTexts(b)
	b.Run("engine", func(b *testing.B) {
		m := Default()
		b.SetBytes(n)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				m.Document(t)
			}
		}
	})
	b.Run("prose", func(b *testing.B) {
		pm := proseModel()
		b.SetBytes(n)
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				if _, err := prose.NewDocument(t, prose.WithSegmentation(false), prose.UsingModel(pm)); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// BenchmarkTokenize compares the tokenizers alone.
func BenchmarkTokenize(b *testing.B) {
	texts, n := seedTexts(b)
	b.Run("engine", func(b *testing.B) {
		b.SetBytes(n)
		b.ReportAllocs()
		var toks []Token
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				toks = Tokenize(t, toks[:0])
			}
		}
	})
	b.Run("prose", func(b *testing.B) {
		b.SetBytes(n)
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			for _, t := range texts {
				if _, err := prose.NewDocument(t, prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false)); err != nil {
					b.Fatal(err)
				}
			}
		}
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
