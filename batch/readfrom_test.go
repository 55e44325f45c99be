package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/testfile"
)

// describeInputs writes inputs one a line, error text included, for exact
// comparison.
func describeInputs(ins []Input) []string {
	var out []string
	for _, in := range ins {
		s := fmt.Sprintf("%s %s %q", in.ID, in.Source, in.Text)
		if in.Err != nil {
			s += " error: " + in.Err.Error()
		}
		out = append(out, s)
	}
	return out
}

// A front end that opens the files itself (Beam) gets what Inputs gives:
// ReadFrom over each file, then Unique over the whole, yields the same
// inputs with the same errors, for text and JSONL, bad inputs and
// repeated ids included; and FileOf gives a glob's match the id Expand gives.
func TestReadFromAndUniqueAreInputs(t *testing.T) {
	dir := t.TempDir()
	testfile.Write(t, filepath.Join(dir, "a.txt"), "Rahmon visited Osh.")
	testfile.Write(t, filepath.Join(dir, "a.md"), "Same id as a.txt.")
	testfile.Write(t, filepath.Join(dir, "bad.txt"), "Osh \xff")
	testfile.Write(t, filepath.Join(dir, "big.txt"), strings.Repeat("x", 101))
	testfile.Write(t, filepath.Join(dir, "x.jsonl"), "{\"id\":\"a\",\"text\":\"Osh\"}\n\n{\"text\":\"no id\"}\nnot json\n{\"id\":\"b\",\"text\":\"\xff\"}\n")
	testfile.Write(t, filepath.Join(dir, "y.jsonl"), "{\"id\":\"a\",\"text\":\"again\"}\n{\"id\":\"c\",\"text\":\"Bishkek\"}")

	for _, tc := range []struct {
		format InputFormat
		glob   string
	}{{FormatText, "*.[tm][xd]*"}, {FormatJSONL, "*.jsonl"}} {
		files, err := Expand([]string{filepath.Join(dir, tc.glob)}, nil)
		if err != nil {
			t.Fatal(err)
		}
		r := Reader{Format: tc.format, MaxBytes: 100}
		want := describeInputs(slices.Collect(r.Inputs(files)))

		var each []Input
		for _, f := range files {
			if g := FileOf(f.Path); g != f {
				t.Errorf("FileOf(%s) = %+v, Expand made %+v", f.Path, g, f)
			}
			fh, err := os.Open(f.Path)
			if err != nil {
				t.Fatal(err)
			}
			info, err := fh.Stat()
			if err != nil {
				t.Fatal(err)
			}
			each = slices.AppendSeq(each, r.ReadFrom(f, info.Size(), fh))
			fh.Close()
		}
		got := describeInputs(slices.Collect(r.Unique(slices.Values(each))))
		if !slices.Equal(got, want) {
			t.Errorf("%s: ReadFrom and Unique give\n%s\nInputs gives\n%s", tc.format, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		errs := 0
		for _, s := range want {
			if strings.Contains(s, " error: ") {
				errs++
			}
		}
		// text: a.md's id repeats a.txt's, bad.txt is invalid UTF-8 only
		// for the pipeline (read fine here), big.txt is over the limit;
		// jsonl: blank, not json, invalid UTF-8, and "a" again in y.jsonl.
		if wantErrs := map[InputFormat]int{FormatText: 2, FormatJSONL: 4}[tc.format]; errs != wantErrs {
			t.Errorf("%s: %d error inputs, want %d:\n%s", tc.format, errs, wantErrs, strings.Join(want, "\n"))
		}
	}
}
