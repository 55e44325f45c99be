package pipeline

import (
	"crypto/sha256"
	"reflect"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/testfile"
)

// TestRecordReusesNothingVisible runs the seeds through Pipeline.Record,
// which reuses one Doc's buffers from document to document, long and short
// ones in turn, and requires each record to equal a fresh Doc's.
func TestRecordReusesNothingVisible(t *testing.T) {
	texts := []string{"", "Rahmon met Putin in Dushanbe."}
	for _, seed := range testfile.Seeds(t, "..") {
		texts = append(texts, seed, "Tashkent.")
	}
	p, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 2; round++ {
		for i, text := range texts {
			if round == 1 {
				text = texts[len(texts)-1-i] // the other order
			}
			got, err := p.Record("doc", "doc.txt", text)
			if err != nil {
				t.Fatal(err)
			}
			doc, err := p.Process("doc", "doc.txt", text)
			if err != nil {
				t.Fatal(err)
			}
			if want := doc.Record(); !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d, text %d: Record differs from Process(...).Record()", round, i)
			}
		}
	}
	if _, err := p.Record("bad", "bad.txt", "a\n\xff"); err == nil || err.Error() != "line 2, column 1: invalid UTF-8" {
		t.Errorf("invalid UTF-8: err = %v", err)
	}
}

// TestChecksum: the record's checksum is the SHA-256 of the text's bytes,
// across the stack buffer's boundary and for an empty text, and costs no
// allocation (the text is not copied, nor kept for the next document).
func TestChecksum(t *testing.T) {
	for _, n := range []int{0, 1, 4095, 4096, 4097, 10000} {
		text := strings.Repeat("Ош é", n)[:n]
		if got, want := checksum(text), sha256.Sum256([]byte(text)); got != want {
			t.Errorf("%d bytes: %x, want %x", n, got, want)
		}
	}
	text := strings.Repeat("Rahmon met Tokayev in Astana. ", 1000)
	if n := testing.AllocsPerRun(20, func() { checksum(text) }); n != 0 {
		t.Errorf("%v allocations per checksum, want 0", n)
	}
}
