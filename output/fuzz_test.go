package output

import (
	"io"
	"strings"
	"testing"
)

// FuzzReader: the output reader never panics, and stops with io.EOF.
func FuzzReader(f *testing.F) {
	f.Add(`{"id":"a","source":"a.txt","length":0,"sentences":[],"mentions":[],"entities":[],"edges":[]}` + "\n\n{bad\n")
	f.Fuzz(func(t *testing.T, src string) {
		r := NewReader(strings.NewReader(src))
		for i := 0; i < 10000; i++ {
			if _, err := r.Read(); err == io.EOF {
				return
			}
		}
		t.Fatal("reader did not reach EOF")
	})
}
