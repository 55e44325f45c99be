package gazetteer

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/extract-ca/extract/internal/fileerr"
)

// ParseTable reads a gazetteer written as CSV (comma) or TSV (tab, with
// comma = '\t') with a header row naming its columns: id, type and name are
// required; kind, country, parent and aliases (";"-separated, "?" for
// ambiguous, as in the text format) are optional; other columns are
// ignored. Every row is checked like a line of the text format, and every
// problem is reported with its line.
//
// The table is strict CSV (RFC 4180) with one record per line: a field is
// either plain, without a double quote, or quoted whole ("a ""b"" c"), and
// a quoted field closes on its own line. A stray quote, or a quote left
// open, is a problem of its line and never swallows the rows after it, as
// a quoted field running over line breaks would.
func ParseTable(r io.Reader, file string, comma rune) ([]*Entry, error) {
	lines := newLineReader(r)
	col := map[string]int{}
	for {
		text, n, err := lines.next()
		if err == io.EOF {
			return nil, fileerr.ErrorList{{File: file, Line: 1, Err: fmt.Errorf("%w: the file is empty", ErrHeader)}}
		}
		if err == nil {
			var header []string
			if header, err = splitRecord(strings.TrimPrefix(text, "\uFEFF"), comma); err == nil && !blank(header) {
				for i, h := range header {
					col[strings.ToLower(strings.TrimSpace(h))] = i
				}
				break
			}
		}
		if err != nil {
			return nil, fileerr.ErrorList{{File: file, Line: n, Err: fmt.Errorf("%w: %v", ErrHeader, err)}}
		}
	}
	for _, need := range []string{"id", "type", "name"} {
		if _, ok := col[need]; !ok {
			return nil, fileerr.ErrorList{{File: file, Line: lines.line, Err: ErrHeader}}
		}
	}
	return ReadAll(&tableReader{lines: lines, comma: comma, col: col, file: file}, file)
}

// tableReader reads the rows of a CSV or TSV gazetteer after its header.
type tableReader struct {
	lines *lineReader
	comma rune
	col   map[string]int // column of each lower-cased header name
	file  string
}

// field returns the named field of rec as the text format can hold it: a
// "|" becomes a space.
func (r *tableReader) field(rec []string, name string) string {
	if i, ok := r.col[name]; ok && i < len(rec) {
		return strings.TrimSpace(strings.ReplaceAll(rec[i], "|", " "))
	}
	return ""
}

// Read returns the entry of the next row that is not blank.
func (r *tableReader) Read() (*Entry, error) {
	for {
		text, n, err := r.lines.next()
		if err == io.EOF {
			return nil, io.EOF
		}
		var rec []string
		if err == nil {
			rec, err = splitRecord(text, r.comma)
		}
		if err != nil {
			return nil, &fileerr.ParseError{File: r.file, Line: n, Err: err}
		}
		if blank(rec) {
			continue
		}
		// Build the line of the text format and parse it, so both formats
		// obey the same rules.
		line := strings.Join([]string{r.field(rec, "id"), r.field(rec, "type"), r.field(rec, "kind"), r.field(rec, "country"),
			r.field(rec, "parent"), r.field(rec, "name"), r.field(rec, "aliases")}, " | ")
		e, err := parseLine(line)
		if err != nil {
			return nil, &fileerr.ParseError{File: r.file, Line: n, Err: err}
		}
		e.File, e.Line = r.file, n
		return e, nil
	}
}

func blank(rec []string) bool { return len(rec) == 1 && strings.TrimSpace(rec[0]) == "" }

// Problems of one CSV or TSV line.
var (
	errBareQuote  = errors.New(`stray " in a field that is not quoted: quote the whole field and double the quote ("a ""b"" c")`)
	errOpenQuote  = errors.New(`quoted field not closed on its line (a record is one line)`)
	errAfterQuote = errors.New(`text after the closing " of a quoted field`)
)

// splitRecord splits one line of a table into its fields, strictly: see
// ParseTable. A problem names the column (counted in characters from 1)
// where it is.
func splitRecord(line string, comma rune) ([]string, error) {
	var fields []string
	col := func(i int) int { return fileerr.Column(line, i) }
	i := 0
	for {
		if i < len(line) && line[i] == '"' {
			var b strings.Builder
			j := i + 1
			for {
				k := strings.IndexByte(line[j:], '"')
				if k < 0 {
					return nil, fmt.Errorf("column %d: %w", col(i), errOpenQuote)
				}
				b.WriteString(line[j : j+k])
				j += k + 1
				if j < len(line) && line[j] == '"' { // "" is a quote
					b.WriteByte('"')
					j++
					continue
				}
				break
			}
			fields = append(fields, b.String())
			if j == len(line) {
				return fields, nil
			}
			if r, _ := utf8.DecodeRuneInString(line[j:]); r != comma {
				return nil, fmt.Errorf("column %d: %w", col(j), errAfterQuote)
			}
			i = j + len(string(comma))
			continue
		}
		end := strings.IndexRune(line[i:], comma)
		f := line[i:]
		if end >= 0 {
			f = line[i : i+end]
		}
		if q := strings.IndexByte(f, '"'); q >= 0 {
			return nil, fmt.Errorf("column %d: %w", col(i+q), errBareQuote)
		}
		fields = append(fields, f)
		if end < 0 {
			return fields, nil
		}
		i += end + len(string(comma))
	}
}
