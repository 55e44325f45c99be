package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/testfile"
)

func TestBuildCorpusFallsBackToSeeds(t *testing.T) {
	root := t.TempDir()
	testfile.Write(t, filepath.Join(root, "seeds", "a.txt"), strings.Repeat("Rahmon met Putin. ", 10))
	info, err := buildCorpus(root, filepath.Join(root, "missing"), filepath.Join(root, "out"), 1000)
	if err != nil {
		t.Fatal(err)
	}
	if info.Bytes < 1000 || info.Documents != 6 {
		t.Errorf("got %d bytes in %d documents, want >= 1000 in 6", info.Bytes, info.Documents)
	}
	if !strings.Contains(strings.Join(info.Notes, "\n"), "seed articles repeated") {
		t.Errorf("no note about the fallback: %q", info.Notes)
	}
}

func TestBuildCorpusFromCoNLL(t *testing.T) {
	root := t.TempDir()
	shared := filepath.Join(root, "shared")
	testfile.Write(t, filepath.Join(root, "seeds", "a.txt"), "Seed.\n")
	testfile.Write(t, filepath.Join(shared, "ner-train/conll2003/eng.train"),
		"-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n. . O O\n\nPeter NNP I-NP I-PER\n")
	info, err := buildCorpus(root, shared, filepath.Join(root, "out"), 7)
	if err != nil {
		t.Fatal(err)
	}
	if info.Documents != 2 || len(info.Sources) != 2 || info.Sources[1].Name != "conll2003" {
		t.Fatalf("got %+v", info)
	}
	raw, err := os.ReadFile(filepath.Join(root, "out", "00002_conll2003.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(raw), "EU rejects. Peter\n"; got != want {
		t.Errorf("document = %q, want %q", got, want)
	}
	if len(info.Notes) != 3 { // gmb, wikigold, wnut17 absent
		t.Errorf("notes = %q", info.Notes)
	}
}

func TestBuildCorpusNoSeeds(t *testing.T) {
	root := t.TempDir()
	_, err := buildCorpus(root, root, filepath.Join(root, "out"), 1)
	if err == nil || !strings.Contains(err.Error(), "no seed articles") {
		t.Errorf("err = %v, want one about the missing seeds", err)
	}
}
