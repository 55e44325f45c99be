package gazetteer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
)

// maxLineBytes bounds one line of a gazetteer file (text, CSV or TSV). A
// longer line is a problem of its own line, skipped to its end without
// being held, and the reading goes on with the next line: one bad line
// never hides the problems of the lines after it.
const maxLineBytes = 1 << 20

// lineReader reads a file line by line with bounded memory.
type lineReader struct {
	r    *bufio.Reader
	line int  // number of the last line returned
	done bool // the reader is at its end or failed
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{r: bufio.NewReaderSize(r, 64*1024)}
}

// errLineTooLong is the problem of a line over maxLineBytes.
var errLineTooLong = fmt.Errorf("line too long (over %d bytes): skipped", maxLineBytes)

// next returns the next line without its line break (and a "\r" before
// it), with its number. At the end it returns io.EOF; for a line over
// maxLineBytes it returns errLineTooLong after skipping the line, and the
// next call reads the line after it; any other error ends the reading.
func (l *lineReader) next() (string, int, error) {
	if l.done {
		return "", l.line, io.EOF
	}
	var buf []byte
	tooLong := false
	for {
		chunk, err := l.r.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > maxLineBytes+2 { // room for "\r\n"
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil {
			l.done = true
			if err != io.EOF {
				l.line++
				return "", l.line, err
			}
			if len(buf) == 0 && !tooLong {
				return "", l.line, io.EOF
			}
		}
		l.line++
		if tooLong {
			return "", l.line, errLineTooLong
		}
		n := len(buf)
		if n > 0 && buf[n-1] == '\n' {
			n--
			if n > 0 && buf[n-1] == '\r' {
				n--
			}
		}
		if n > maxLineBytes {
			return "", l.line, errLineTooLong
		}
		return string(buf[:n]), l.line, nil
	}
}
