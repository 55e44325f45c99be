package output

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"

	"github.com/extract-ca/extract/internal/fileerr"
)

// Writer writes Records as JSON Lines.
type Writer struct {
	w    *bufio.Writer
	line []byte // reused for every record
}

// NewWriter returns a Writer that writes to w. Call Flush when done.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: bufio.NewWriterSize(w, 1<<16)}
}

// Write writes one record as one line (see Record.AppendJSON).
func (w *Writer) Write(r *Record) error {
	w.line = append(r.AppendJSON(w.line[:0]), '\n')
	_, err := w.w.Write(w.line)
	return err
}

// WriteLine writes a record already encoded: Record.AppendJSON and a
// newline.
func (w *Writer) WriteLine(line []byte) error {
	_, err := w.w.Write(line)
	return err
}

// Flush writes any buffered data to the underlying writer.
func (w *Writer) Flush() error { return w.w.Flush() }

// maxLine bounds one output line; a long article's graph fits well within it.
const maxLine = 256 << 20

// Reader reads Records from JSON Lines, one at a time, so that a consumer
// never holds more than one document's graph in memory.
type Reader struct {
	s    *bufio.Scanner
	line int
	done bool // the stream failed (a read error, a line over maxLine): no more records
}

// NewReader returns a Reader that reads from r.
func NewReader(r io.Reader) *Reader {
	s := bufio.NewScanner(r)
	s.Buffer(make([]byte, 0, 64<<10), maxLine)
	return &Reader{s: s}
}

// Read returns the next record, or io.EOF after the last one. Blank lines
// are skipped. A malformed line yields a *fileerr.ParseError with its line (and no
// file: the Reader does not know the name); reading may go on with the next
// line. An error of the stream itself (a read error, a line over 256 MiB) is
// also a *fileerr.ParseError, at the line it stopped on; Read returns io.EOF
// after it.
func (r *Reader) Read() (*Record, error) {
	for !r.done && r.s.Scan() {
		r.line++
		b := r.s.Bytes()
		if len(trimSpace(b)) == 0 {
			continue
		}
		var rec Record
		if err := json.Unmarshal(b, &rec); err != nil {
			return nil, &fileerr.ParseError{Line: r.line, Err: err}
		}
		if rec.ID == "" {
			return nil, &fileerr.ParseError{Line: r.line, Err: errors.New(`record has no "id"`)}
		}
		return &rec, nil
	}
	if err := r.s.Err(); err != nil && !r.done {
		r.done = true
		return nil, &fileerr.ParseError{Line: r.line + 1, Err: err}
	}
	return nil, io.EOF
}

// Line is the line number of the last line Read returned (a record or an
// error), counting from 1.
func (r *Reader) Line() int { return r.line }

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
