package batch

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/fileerr"
)

// FuzzReadJSONL: --input jsonl never panics, and yields one input per
// line (blank ones too), each with an id.
func FuzzReadJSONL(f *testing.F) {
	f.Add(`{"id":"a","text":"Osh"}` + "\n" + `{"id":1,"text":""}` + "\nnot json\n")
	f.Add(`{"text":null}`)
	f.Fuzz(func(t *testing.T, src string) {
		n := 0
		for in := range ReadInputs([]File{{Path: "-"}}, FormatJSONL, strings.NewReader(src)) {
			n++
			if in.ID == "" {
				t.Fatalf("input without id: %+v", in)
			}
		}
		lines := strings.Count(src, "\n")
		if src != "" && !strings.HasSuffix(src, "\n") {
			lines++ // a last line without its newline
		}
		if n != lines {
			t.Fatalf("%d inputs for %d lines", n, lines)
		}
	})
}

// A bad JSONL line, blank ones included, is reported with its file and
// line, as every reader of the module reports its problems.
func TestReadJSONLErrors(t *testing.T) {
	src := "{\"id\":\"a\",\"text\":\"Osh\"}\n\nnot json\n{\"id\":[1],\"text\":\"x\"}\n{\"id\":\"b\"}\n"
	var got []string
	for in := range ReadInputs([]File{{Path: "-"}}, FormatJSONL, strings.NewReader(src)) {
		if in.Err == nil {
			got = append(got, in.ID)
			continue
		}
		var pe *fileerr.ParseError
		if !errors.As(in.Err, &pe) || pe.File != "-" {
			t.Fatalf("%s: error %v (%T) is no ParseError of -", in.ID, in.Err, in.Err)
		}
		got = append(got, fmt.Sprint(pe.Line))
	}
	if want := []string{"a", "2", "3", "4", "5"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
