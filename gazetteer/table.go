package gazetteer

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/extract-ca/extract/internal/fileerr"
)

// ErrHeader is returned for a CSV or TSV file without the columns needed.
var ErrHeader = errors.New("header must name the columns id, type, name (and may name kind, country, parent, aliases)")

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
	field := func(rec []string, name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return strings.ReplaceAll(strings.TrimSpace(rec[i]), "|", " ")
		}
		return ""
	}
	var entries []*Entry
	var errs fileerr.ErrorList
	seen := map[string]int{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		line, _ := cr.FieldPos(0)
		if err != nil {
			errs = append(errs, &fileerr.ParseError{File: file, Line: line, Err: err})
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		// Build the line of the text format and parse it, so both formats
		// obey the same rules.
		text := strings.Join([]string{field(rec, "id"), field(rec, "type"), field(rec, "kind"), field(rec, "country"),
			field(rec, "parent"), field(rec, "name"), field(rec, "aliases")}, " | ")
		e, err := parseLine(text)
		if err != nil {
			errs = append(errs, &fileerr.ParseError{File: file, Line: line, Err: err})
			continue
		}
		if first, dup := seen[e.ID]; dup {
			errs = append(errs, &fileerr.ParseError{File: file, Line: line, Err: fmt.Errorf("%w %q (first on line %d)", ErrDuplicate, e.ID, first)})
			continue
		}
		seen[e.ID] = line
		e.File, e.Line = file, line
		entries = append(entries, e)
	}
	return entries, errs.Err()
}
