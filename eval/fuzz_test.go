package eval

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/extract-ca/extract/internal/fileerr"
)

// Fuzz targets for the gold readers, which take files from outside: no
// input may panic, and every span returned must lie inside its document's
// text with start < end, whatever errors come with it.

func FuzzReadJSONL(f *testing.F) {
	addSeeds(f, "gold.jsonl", "bad.jsonl", "doccano.jsonl")
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := ReadJSONL(bytes.NewReader(data), "fuzz")
		checkReaderOutput(t, docs, err)
	})
}

func FuzzReadDoccano(f *testing.F) {
	addSeeds(f, "doccano.jsonl", "doccano_bad.jsonl", "gold.jsonl")
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := ReadDoccano(bytes.NewReader(data), "fuzz", nil)
		checkReaderOutput(t, docs, err)
	})
}

func FuzzReadCoNLL(f *testing.F) {
	addSeeds(f, "iob1.conll", "bad.conll", "wnut.tsv")
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := ReadCoNLL(bytes.NewReader(data), "fuzz", WNUTLabelMap())
		checkReaderOutput(t, docs, err)
		docs, err = ReadCoNLL(bytes.NewReader(data), "fuzz", nil)
		checkReaderOutput(t, docs, err)
	})
}

func FuzzReadGMB(f *testing.F) {
	addSeeds(f, "gmb.csv", "bad.csv")
	f.Fuzz(func(t *testing.T, data []byte) {
		docs, err := ReadGMB(bytes.NewReader(data), "fuzz", nil)
		checkReaderOutput(t, docs, err)
	})
}

func addSeeds(f *testing.F, files ...string) {
	for _, name := range files {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte{})
}

func checkReaderOutput(t *testing.T, docs []Document, err error) {
	t.Helper()
	var list fileerr.ErrorList
	if err != nil && !errors.As(err, &list) {
		t.Fatalf("error is %T, want fileerr.ErrorList: %v", err, err)
	}
	for _, d := range docs {
		n := utf8.RuneCountInString(d.Text)
		for _, s := range d.Spans {
			if s.Start < 0 || s.Start >= s.End || s.End > n {
				t.Fatalf("document %q: span [%d,%d) outside a text of %d code points", d.ID, s.Start, s.End, n)
			}
		}
	}
	// Scoring what was read must not panic either.
	Score(docs, docs)
}
