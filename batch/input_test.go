package batch

import (
	"strings"
	"testing"
)

// FuzzReadJSONL: --input jsonl never panics, and yields one input per
// non-blank line, each with an id.
func FuzzReadJSONL(f *testing.F) {
	f.Add(`{"id":"a","text":"Osh"}` + "\n" + `{"id":1,"text":""}` + "\nnot json\n")
	f.Add(`{"text":null}`)
	f.Fuzz(func(t *testing.T, src string) {
		n := 0
		for in := range ReadInputs([]string{"-"}, FormatJSONL, strings.NewReader(src)) {
			n++
			if in.ID == "" {
				t.Fatalf("input without id: %+v", in)
			}
		}
		lines := 0
		for _, l := range strings.Split(src, "\n") {
			if strings.TrimSpace(l) != "" {
				lines++
			}
		}
		if n != lines && !strings.ContainsAny(src, "\r") {
			t.Fatalf("%d inputs for %d lines", n, lines)
		}
	})
}
