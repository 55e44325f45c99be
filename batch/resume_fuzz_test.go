package batch

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// FuzzOpenResume: whatever a file to resume holds (it is the user's, and
// may be damaged anywhere), OpenResume keeps a prefix of whole lines, each
// a record with an id, and drops the rest; with no inputs left to match,
// Inputs then empties it. It never panics.
func FuzzOpenResume(f *testing.F) {
	f.Add([]byte(`{"id":"a","sha256":"00","mentions":[]}` + "\n" + `{"id":"b","error":"b.txt: line 2: invalid UTF-8"}` + "\n" + `{"id":"c","sha`))
	f.Add([]byte("\n\n"))
	f.Add([]byte(`{"id":"","sha256":"00"}` + "\n"))
	f.Add([]byte(`{"id":"a"}` + "\n"))
	f.Add([]byte(`{"id":"a","sha256":"00"}` + "\r\n" + `not json` + "\n"))
	f.Add(bytes.Repeat([]byte("x"), 1<<17))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "out.jsonl")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		rs, file, err := OpenResume(path)
		if err != nil {
			t.Fatal(err) // a readable file is never an error, whatever it holds
		}
		defer file.Close()
		kept, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(data, kept) || (len(kept) > 0 && kept[len(kept)-1] != '\n') {
			t.Fatalf("kept %q of %q: not a prefix of whole lines", kept, data)
		}
		lines := bytes.SplitAfter(kept, []byte("\n"))
		lines = slices.DeleteFunc(lines, func(l []byte) bool { return len(l) == 0 })
		if len(lines) != len(rs.lines) {
			t.Fatalf("%d lines kept, %d records", len(lines), len(rs.lines))
		}
		var end int64
		for i, l := range lines {
			end += int64(len(l))
			var rec struct{ ID string }
			if json.Unmarshal(l, &rec) != nil || rec.ID != rs.lines[i].id || rec.ID == "" || rs.lines[i].end != end {
				t.Fatalf("line %d %q: record %+v", i+1, l, rs.lines[i])
			}
		}
		for range rs.Inputs(nil, func(func(Input) bool) {}) {
			t.Fatal("no inputs, yet one yielded")
		}
		if rs.Err != nil || rs.Kept != 0 {
			t.Fatalf("no inputs: kept %d, err %v", rs.Kept, rs.Err)
		}
		if st, err := os.Stat(path); err != nil || st.Size() != 0 {
			t.Fatalf("no inputs match, yet the file was not emptied: %v", err)
		}
	})
}
