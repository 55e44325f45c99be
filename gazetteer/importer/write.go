package importer

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/internal/fileerr"
)

// Header returns the comment header of an imported file: where the entries
// come from and when they were imported.
func Header(source string, date time.Time) string {
	return fmt.Sprintf("Imported from %s on %s by `extract gazetteer import`.\n"+
		"Do not edit by hand: re-run the import, or layer a file of your own over it.",
		source, date.UTC().Format("2006-01-02"))
}

// Write writes entries as a gazetteer file: the header as comment lines,
// the column names, then one line per entry (see (*gazetteer.Entry).String).
//
// Names, aliases and kinds are cleaned so that the file parses back: the
// characters the format reserves ("|", ";") and line breaks become spaces, a
// leading "?" (which would mark the name ambiguous) is dropped, and an alias
// that repeats the name or another alias goes. The entries themselves are
// not changed. Write returns an error, and writes nothing, when an entry
// cannot be written: a bad id, type, country or parent, an empty name, or an
// id used twice.
func Write(w io.Writer, entries []*gazetteer.Entry, header string) error {
	var p fileerr.ErrorList
	lines := make([]string, 0, len(entries))
	seen := map[string]bool{}
	for _, e := range entries {
		c, err := cleanEntry(e)
		if err == nil && seen[c.ID] {
			err = fmt.Errorf("%w %q", gazetteer.ErrDuplicate, c.ID)
		}
		if err != nil {
			p.Add(e.File, e.Line, err)
			continue
		}
		seen[c.ID] = true
		lines = append(lines, c.String())
	}
	if err := p.Err(); err != nil {
		return err
	}

	bw := bufio.NewWriter(w)
	for _, h := range strings.Split(strings.TrimRight(header, "\n"), "\n") {
		if h = strings.TrimRightFunc(h, unicode.IsSpace); h == "" {
			bw.WriteString("#\n")
		} else {
			bw.WriteString("# " + strings.TrimPrefix(strings.TrimPrefix(h, "#"), " ") + "\n")
		}
	}
	bw.WriteString("# id | type | kind | country | parent | name | aliases\n")
	for _, l := range lines {
		bw.WriteString(l)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// cleanEntry returns a copy of e fit for one line of the format.
func cleanEntry(e *gazetteer.Entry) (*gazetteer.Entry, error) {
	c := *e
	c.Kind = cleanField(e.Kind)
	c.Name = cleanName(e.Name)
	if err := c.Check(); err != nil {
		return nil, err
	}
	c.Aliases = nil
	seen := map[string]bool{c.Name: true}
	for _, a := range e.Aliases {
		text := cleanName(a.Text)
		if text == "" || seen[text] {
			continue
		}
		seen[text] = true
		c.Aliases = append(c.Aliases, gazetteer.Alias{Text: text, Ambiguous: a.Ambiguous})
	}
	return &c, nil
}

// cleanName cleans a field and drops leading question marks.
func cleanName(s string) string {
	return strings.TrimLeft(cleanField(s), "? ")
}

// cleanField makes s one line without the characters the format reserves.
func cleanField(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '|' || r == ';' || unicode.IsSpace(r) || unicode.IsControl(r) || r == '\uFEFF' {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, " "))
	return strings.Join(strings.Fields(s), " ")
}
