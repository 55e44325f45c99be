package batch

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/extract-ca/extract/internal/testfile"
	"github.com/extract-ca/extract/output"
	"github.com/extract-ca/extract/pipeline"
)

// runTo writes the records of files to w as extract run does.
func runTo(t *testing.T, p *pipeline.Pipeline, inputs func(func(Input) bool), w *os.File) {
	t.Helper()
	ow := output.NewWriter(w)
	_, err := RunLines(context.Background(), p, inputs, 3, func(_ *output.Record, line []byte) error { return ow.WriteLine(line) }, ow.Flush)
	if err != nil {
		t.Fatal(err)
	}
	if err := ow.Flush(); err != nil {
		t.Fatal(err)
	}
}

// Resuming a file cut anywhere (inside a line or between lines) ends with
// the bytes of an uninterrupted run, and skips the documents it kept.
func TestResumeFromAnyCut(t *testing.T) {
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for i := range 6 {
		text := fmt.Sprintf("Rahmon met Tokayev in Astana on day %d.", i)
		if i == 2 {
			text = "bad \xff byte" // an error record is kept like a result
		}
		testfile.Write(t, filepath.Join(dir, "in", fmt.Sprintf("d%d.txt", i)), text)
	}
	files, err := Expand([]string{filepath.Join(dir, "in")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	full := filepath.Join(dir, "full.jsonl")
	f, _ := os.Create(full)
	runTo(t, p, ReadInputs(files, FormatText, nil), f)
	f.Close()
	want, _ := os.ReadFile(full)

	// Cuts at, just before and just after every line end, and inside lines.
	cuts := []int{0, 1, len(want) / 3}
	for i, c := range want {
		if c == '\n' {
			cuts = append(cuts, i, i+1, min(i+2, len(want)))
		}
	}
	for _, cut := range cuts {
		path := filepath.Join(dir, "cut.jsonl")
		must(t, os.WriteFile(path, want[:cut], 0o644))
		rs, f, err := OpenResume(path)
		if err != nil {
			t.Fatal(err)
		}
		runTo(t, p, rs.Inputs(ReadInputs(files, FormatText, nil)), f)
		f.Close()
		got, _ := os.ReadFile(path)
		if !bytes.Equal(got, want) {
			t.Fatalf("cut at %d: resumed file differs:\n%s\nwant\n%s", cut, got, want)
		}
		if complete := bytes.Count(want[:cut], []byte("\n")); rs.Kept != complete {
			t.Errorf("cut at %d: kept %d records, want %d", cut, rs.Kept, complete)
		}
	}

	// A file whose inputs changed is written again from the first change.
	testfile.Write(t, filepath.Join(dir, "in", "d3.txt"), "Changed text about Osh.")
	path := filepath.Join(dir, "cut.jsonl")
	must(t, os.WriteFile(path, want, 0o644))
	rs, f, err := OpenResume(path)
	if err != nil {
		t.Fatal(err)
	}
	runTo(t, p, rs.Inputs(ReadInputs(files, FormatText, nil)), f)
	f.Close()
	if rs.Kept != 3 {
		t.Errorf("kept %d records before the changed document, want 3", rs.Kept)
	}
	fresh := filepath.Join(dir, "fresh.jsonl")
	f, _ = os.Create(fresh)
	runTo(t, p, ReadInputs(files, FormatText, nil), f)
	f.Close()
	a, _ := os.ReadFile(path)
	b, _ := os.ReadFile(fresh)
	if !bytes.Equal(a, b) {
		t.Error("resume after a changed input differs from a fresh run")
	}
}
