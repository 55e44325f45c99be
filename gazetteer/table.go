package gazetteer

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/extract-ca/extract/internal/fileerr"
)

// ParseTable reads a gazetteer written as CSV (comma) or TSV (tab, with
// comma = '\t') with a header row naming its columns: id, type and name are
// required; kind, country, parent and aliases (";"-separated, "?" for
// ambiguous, as in the text format) are optional; other columns are
// ignored. Every row is checked like a line of the text format, and every
// problem is reported with its line.
func ParseTable(r io.Reader, file string, comma rune) ([]*Entry, error) {
	cr := csv.NewReader(r)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		return nil, fileerr.ErrorList{{File: file, Line: 1, Err: fmt.Errorf("%w: %v", ErrHeader, err)}}
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF")))] = i
	}
	for _, need := range []string{"id", "type", "name"} {
		if _, ok := col[need]; !ok {
			return nil, fileerr.ErrorList{{File: file, Line: 1, Err: ErrHeader}}
		}
	}
	return ReadAll(&tableReader{cr: cr, col: col, file: file}, file)
}

// tableReader reads the rows of a CSV or TSV gazetteer after its header.
type tableReader struct {
	cr   *csv.Reader
	col  map[string]int // column of each lower-cased header name
	file string
	done bool // the reader failed: nothing more to read
}

// field returns the named field of rec as the text format can hold it: a
// "|" and a line break inside a quoted cell (a spreadsheet's cell of two
// lines) become spaces.
func (r *tableReader) field(rec []string, name string) string {
	if i, ok := r.col[name]; ok && i < len(rec) {
		return strings.TrimSpace(cellSpaces.Replace(rec[i]))
	}
	return ""
}

var cellSpaces = strings.NewReplacer("|", " ", "\r\n", " ", "\n", " ", "\r", " ")

// Read returns the entry of the next row that is not blank.
func (r *tableReader) Read() (*Entry, error) {
	for !r.done {
		rec, err := r.cr.Read()
		if err == io.EOF {
			break
		}
		var ce *csv.ParseError
		if errors.As(err, &ce) { // a bad row: the next one may be good
			return nil, &fileerr.ParseError{File: r.file, Line: ce.Line, Err: ce.Err}
		}
		if err != nil { // the reader failed, and would fail again
			r.done = true
			return nil, &fileerr.ParseError{File: r.file, Err: err}
		}
		line, _ := r.cr.FieldPos(0)
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		// Build the line of the text format and parse it, so both formats
		// obey the same rules.
		text := strings.Join([]string{r.field(rec, "id"), r.field(rec, "type"), r.field(rec, "kind"), r.field(rec, "country"),
			r.field(rec, "parent"), r.field(rec, "name"), r.field(rec, "aliases")}, " | ")
		e, err := parseLine(text)
		if err != nil {
			return nil, &fileerr.ParseError{File: r.file, Line: line, Err: err}
		}
		e.File, e.Line = r.file, line
		return e, nil
	}
	return nil, io.EOF
}
