package batch

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// FuzzJSONLFileMatchesStream: a JSONL file, whose long lines are measured
// and then read again (see lineReader), gives the same inputs as the same
// bytes read as a stream: the same ids, texts and errors (the file's name
// in place of "-"), with a reader buffer of 16 bytes so that short inputs
// take the long-line path.
func FuzzJSONLFileMatchesStream(f *testing.F) {
	f.Add("{\"id\":\"a\",\"text\":\"Osh\"}\n\n{\"id\":\"b\",\"text\":\"a line longer than the buffer\"}\r\nnot json", int64(0))
	f.Add("{\"text\":\"over the limit of thirty bytes, surely\"}\n{\"id\":\"z\",\"text\":\"ok\"}", int64(30))
	f.Add("{\"id\":\"x\",\"text\":\"abc\"}", int64(23))
	f.Add("{\"id\":\"x\",\"text\":\"abc\"}\n", int64(22))
	f.Add("", int64(1))
	f.Fuzz(func(t *testing.T, data string, max int64) {
		if max > 1<<20 || max < 0 {
			max = max % (1 << 20)
			if max < 0 {
				max = -max
			}
		}
		old := jsonlBufferSize
		jsonlBufferSize = 16
		defer func() { jsonlBufferSize = old }()
		path := filepath.Join(t.TempDir(), "in.jsonl")
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		fromFile := slices.Collect(Reader{Format: FormatJSONL, MaxBytes: max}.Inputs([]File{{Path: path, ID: "in"}}))
		fromStream := slices.Collect(Reader{Format: FormatJSONL, MaxBytes: max, Stdin: strings.NewReader(data)}.Inputs([]File{{Path: "-", ID: "stdin"}}))
		if len(fromFile) != len(fromStream) {
			t.Fatalf("%d inputs from the file, %d from the stream", len(fromFile), len(fromStream))
		}
		for i := range fromFile {
			a, b := fromFile[i], fromStream[i]
			if strings.ReplaceAll(a.ID, path, "-") != b.ID || a.Text != b.Text || (a.Err == nil) != (b.Err == nil) {
				t.Fatalf("input %d: file %q %q %v; stream %q %q %v", i, a.ID, a.Text, a.Err, b.ID, b.Text, b.Err)
			}
			if a.Err != nil && strings.ReplaceAll(a.Err.Error(), path, "-") != b.Err.Error() {
				t.Fatalf("input %d: file error %q, stream error %q", i, a.Err, b.Err)
			}
		}
	})
}
