package batch

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/testfile"
	"github.com/extract-ca/extract/output"
	"github.com/extract-ca/extract/pipeline"
)

// runTo writes the records of files to w as extract run does.
func runTo(t *testing.T, p *pipeline.Pipeline, inputs func(func(Input) bool), w io.Writer) {
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

// runFull writes n documents dNN.txt into dir/in, "Rahmon met Tokayev in
// Astana on day N." unless special gives another text for N, and returns
// their files and the bytes of an uninterrupted run over them.
func runFull(t *testing.T, p *pipeline.Pipeline, dir string, n int, special func(i int) string) ([]File, []byte) {
	t.Helper()
	for i := range n {
		text := special(i)
		if text == "" {
			text = fmt.Sprintf("Rahmon met Tokayev in Astana on day %d.", i)
		}
		testfile.Write(t, filepath.Join(dir, "in", fmt.Sprintf("d%02d.txt", i)), text)
	}
	files, err := Expand([]string{filepath.Join(dir, "in")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return files, freshRun(t, p, files)
}

// freshRun returns the bytes of an uninterrupted run of p over files.
func freshRun(t *testing.T, p *pipeline.Pipeline, files []File) []byte {
	t.Helper()
	var b bytes.Buffer
	runTo(t, p, ReadInputs(files, FormatText, nil), &b)
	return b.Bytes()
}

// resumeRun resumes the file at path over files with p, as extract run
// --resume does, and returns the Resume and the file's bytes after it.
func resumeRun(t *testing.T, p *pipeline.Pipeline, path string, files []File) (*Resume, []byte) {
	t.Helper()
	rs, f, err := OpenResume(path)
	if err != nil {
		t.Fatal(err)
	}
	runTo(t, p, rs.Inputs(p, ReadInputs(files, FormatText, nil)), f)
	f.Close()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return rs, got
}

// Resuming a file cut anywhere (inside a line or between lines) ends with
// the bytes of an uninterrupted run, and skips the documents it kept.
func TestResumeFromAnyCut(t *testing.T) {
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, want := runFull(t, p, dir, 6, func(i int) string {
		if i == 2 {
			return "bad \xff byte" // an error record is kept like a result
		}
		return ""
	})

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
		rs, got := resumeRun(t, p, path, files)
		if !bytes.Equal(got, want) {
			t.Fatalf("cut at %d: resumed file differs:\n%s\nwant\n%s", cut, got, want)
		}
		if complete := bytes.Count(want[:cut], []byte("\n")); rs.Kept != complete {
			t.Errorf("cut at %d: kept %d records, want %d", cut, rs.Kept, complete)
		}
	}

	// A file whose inputs changed is written again from the first change.
	testfile.Write(t, filepath.Join(dir, "in", "d03.txt"), "Changed text about Osh.")
	path := filepath.Join(dir, "cut.jsonl")
	must(t, os.WriteFile(path, want, 0o644))
	rs, a := resumeRun(t, p, path, files)
	if rs.Kept != 3 {
		t.Errorf("kept %d records before the changed document, want 3", rs.Kept)
	}
	if !bytes.Equal(a, freshRun(t, p, files)) {
		t.Error("resume after a changed input differs from a fresh run")
	}
}

// A file written with other settings is refused, and left as it was: its
// lines are not what this pipeline writes for their documents.
func TestResumeRefusesOtherSettings(t *testing.T) {
	withNER, err := pipeline.New(pipeline.Config{NER: true})
	if err != nil {
		t.Fatal(err)
	}
	withoutNER, err := pipeline.New(pipeline.Config{NER: false})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, want := runFull(t, withNER, dir, 40, func(i int) string {
		// Only the model finds Jonathan Whitfield; the gazetteer finds
		// the rest, so most records are the same either way.
		if i == 29 {
			return "Jonathan Whitfield met Rahmon in Dushanbe."
		}
		return ""
	})
	lines := bytes.SplitAfter(want, []byte("\n"))

	for _, tc := range []struct {
		kept    int    // complete lines left in the file
		refused string // the line named, or "" when the resume is accepted
	}{
		{kept: 35, refused: "line 30 "}, // an evenly spaced sample
		{kept: 30, refused: "line 30 "}, // the last kept line
		{kept: 29},                      // no kept line differs
	} {
		path := filepath.Join(dir, "cut.jsonl")
		cut := bytes.Join(lines[:tc.kept], nil)
		must(t, os.WriteFile(path, cut, 0o644))
		rs, got := resumeRun(t, withoutNER, path, files)
		if tc.refused == "" {
			if rs.Err != nil {
				t.Errorf("kept %d: %v", tc.kept, rs.Err)
			}
			continue
		}
		if rs.Err == nil || !strings.Contains(rs.Err.Error(), tc.refused) || !strings.Contains(rs.Err.Error(), `"d29"`) {
			t.Errorf("kept %d: error %v, want one naming %sand d29", tc.kept, rs.Err, tc.refused)
		}
		if !bytes.Equal(got, cut) {
			t.Errorf("kept %d: a refused file was changed", tc.kept)
		}
	}
}

func TestResumeSamples(t *testing.T) {
	for _, n := range []int{1, 15, 16, 17, 40, 1000} {
		rs := &Resume{lines: make([]doneLine, n)}
		var got []int
		for i := range n {
			if rs.sampled(i) {
				got = append(got, i)
			}
		}
		if want := min(n, checkSamples); len(got) != want || got[0] != 0 || got[len(got)-1] != n-1 {
			t.Errorf("%d lines: samples %v, want %d from 0 to %d", n, got, want, n-1)
		}
	}
}
