package batch

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/extract-ca/extract/internal/fileerr"
)

// FuzzReadText: standard input read as one text document gives back its
// bytes as they are, or, over MaxBytes, an error naming "-" and no text.
func FuzzReadText(f *testing.F) {
	f.Add([]byte("Rahmon met Mirziyoyev in Dushanbe.\n"), int64(0))
	f.Add([]byte("\uFEFFa\r\nb\x00\xff\xc3\x28"), int64(3))
	f.Add([]byte{}, int64(1))
	f.Add([]byte("12345"), int64(5))
	f.Add([]byte("123456"), int64(5))
	f.Fuzz(func(t *testing.T, data []byte, max int64) {
		if max > 1<<20 {
			max %= 1 << 20
		}
		n := 0
		for in := range (Reader{Format: FormatText, Stdin: bytes.NewReader(data), MaxBytes: max}).Inputs([]File{{Path: "-", ID: "stdin"}}) {
			n++
			if in.ID != "stdin" || in.Source != "-" {
				t.Fatalf("id %q, source %q", in.ID, in.Source)
			}
			limit := max
			if limit <= 0 {
				limit = DefaultMaxBytes
			}
			if int64(len(data)) > limit {
				var pe *fileerr.ParseError
				if !errors.As(in.Err, &pe) || pe.File != "-" || in.Text != "" {
					t.Fatalf("%d bytes over %d: err %v, %d bytes of text", len(data), limit, in.Err, len(in.Text))
				}
				continue
			}
			if in.Err != nil || in.Text != string(data) {
				t.Fatalf("%d bytes: err %v, text %q", len(data), in.Err, in.Text)
			}
		}
		if n != 1 {
			t.Fatalf("%d inputs for one document", n)
		}
	})
}

// FuzzJSONLRoundTrip: a document written as a JSONL line by encoding/json
// reads back with its id and text, among lines of any content, each of
// which gives one input; a line over MaxBytes gives an error and the next
// line is still read.
func FuzzJSONLRoundTrip(f *testing.F) {
	f.Add("doc-1", "Rahmon met Mirziyoyev in Dushanbe.", "not json", int64(0))
	f.Add("", "line\nbreak \"quoted\" \\ \u2028 \U0001F600", `{"id":"x","text":"\ud800"}`, int64(0))
	f.Add("42", "short", `{"text":"a very long line that goes over the limit"}`, int64(30))
	f.Add("a\u0000b", "", "", int64(1))
	f.Fuzz(func(t *testing.T, id, text, other string, max int64) {
		if !utf8.ValidString(id) || !utf8.ValidString(text) {
			return // encoding/json would write U+FFFD: another text
		}
		if max > 1<<20 {
			max %= 1 << 20
		}
		limit := max
		if limit <= 0 {
			limit = DefaultMaxBytes
		}
		rec := map[string]string{"text": text}
		if id != "" {
			rec["id"] = id
		}
		line, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		other = strings.ReplaceAll(other, "\n", " ")
		src := string(line) + "\n" + other + "\n" + string(line) + "\n"
		var got []Input
		for in := range (Reader{Format: FormatJSONL, Stdin: strings.NewReader(src), MaxBytes: max}).Inputs([]File{{Path: "-"}}) {
			got = append(got, in)
		}
		if len(got) != 3 {
			t.Fatalf("%d inputs for 3 lines", len(got))
		}
		first := got[0]
		if int64(len(line)) > limit {
			if first.Err == nil || first.Text != "" {
				t.Fatalf("a line of %d bytes over %d: err %v, text %q", len(line), limit, first.Err, first.Text)
			}
			return
		}
		wantID := id
		if id == "" {
			wantID = "-:1"
		}
		if first.Err != nil || first.Text != text || first.ID != wantID || first.Source != "-:1" {
			t.Fatalf("line %s read as id %q source %q text %q err %v", line, first.ID, first.Source, first.Text, first.Err)
		}
		// The same id again is refused, whatever came between.
		if id != "" && got[2].Err == nil {
			t.Fatalf("id %q given twice without an error", id)
		}
	})
}
