package output

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/fileerr"
)

// failingReader gives its text, then fails as a disk would.
type failingReader struct{ r io.Reader }

func (f *failingReader) Read(p []byte) (int, error) {
	n, err := f.r.Read(p)
	if err == io.EOF {
		return n, errors.New("input/output error")
	}
	return n, err
}

// A bad line is an error of its own and reading goes on with the next, at
// the right line; a failing stream is one error, at the line it stopped
// on, and then io.EOF, never the same error again.
func TestReaderErrors(t *testing.T) {
	r := NewReader(&failingReader{strings.NewReader("{\"id\":\"a\"}\n{bad\n\n{\"id\":\"b\"}\n")})
	var got []string
	for range 6 {
		rec, err := r.Read()
		var pe *fileerr.ParseError
		switch {
		case err == io.EOF:
			got = append(got, "EOF")
		case errors.As(err, &pe):
			got = append(got, "error at "+string(rune('0'+pe.Line)))
		case err != nil:
			t.Fatalf("%v is not a ParseError", err)
		default:
			got = append(got, rec.ID+" at "+string(rune('0'+r.Line())))
		}
	}
	want := "a at 1, error at 2, b at 4, error at 5, EOF, EOF"
	if strings.Join(got, ", ") != want {
		t.Errorf("got %s, want %s", strings.Join(got, ", "), want)
	}
}
