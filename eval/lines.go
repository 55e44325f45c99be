package eval

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// lineReader yields the lines of a text file with their 1-based numbers.
// Unlike bufio.Scanner it has no line length limit: one JSONL line holds a
// whole article.
type lineReader struct {
	r    *bufio.Reader
	line int
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64<<10)}
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// next returns the next line without its line end ("\n" or "\r\n") and
// without a leading byte order mark, or io.EOF after the last line. A last
// line without a line end is returned like any other.
func (l *lineReader) next() ([]byte, error) {
	b, err := l.r.ReadBytes('\n')
	if len(b) == 0 && err != nil {
		if errors.Is(err, io.EOF) {
			return nil, io.EOF
		}
		return nil, err
	}
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	l.line++
	b = bytes.TrimSuffix(b, []byte("\n"))
	b = bytes.TrimSuffix(b, []byte("\r"))
	if l.line == 1 {
		b = bytes.TrimPrefix(b, utf8BOM)
	}
	return b, nil
}
