package importer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/extract-ca/extract/internal/fileerr"
)

// Input is one input file: its content and the name error messages give it.
type Input struct {
	R    io.Reader
	Name string
}

// maxLineBytes bounds one line of a tab-separated input; GeoNames rows with
// every alternate name of a capital stay well under it.
const maxLineBytes = 1 << 20

// readTSV calls fn with the tab-separated fields of every line of in that
// is neither blank nor a comment (#), with the line number. A line that is
// too long ends the reading with a problem; so does a read error.
func readTSV(in Input, p *fileerr.ErrorList, fn func(line int, fields []string)) {
	if in.R == nil {
		p.Add(in.Name, 0, fmt.Errorf("%w: no input", ErrOption))
		return
	}
	s := bufio.NewScanner(in.R)
	s.Buffer(make([]byte, 0, 64*1024), maxLineBytes)
	line := 0
	for s.Scan() {
		line++
		text := strings.TrimSuffix(s.Text(), "\r")
		if line == 1 {
			text = strings.TrimPrefix(text, "\uFEFF")
		}
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fn(line, strings.Split(text, "\t"))
	}
	if err := s.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			err = fmt.Errorf("%w (over %d bytes); the rest of the file is not read", ErrLineLength, maxLineBytes)
		}
		p.Add(in.Name, line+1, err)
	}
}

// columns checks that a row has want fields.
func columns(p *fileerr.ErrorList, file string, line int, fields []string, want int) bool {
	if len(fields) != want {
		p.Add(file, line, fmt.Errorf("%w: want %d separated by tabs, found %d", ErrColumns, want, len(fields)))
		return false
	}
	return true
}
