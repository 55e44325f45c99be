package gazetteer

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/extract-ca/extract/internal/fileerr"
)

var (
	// An id is type/slug (curated: place/almaty) or namespace/type/slug
	// (imported: geonames/place/almaty); see ValidID.
	idPattern      = regexp.MustCompile(`^(?:[a-z]+/)?[a-z]+/[a-z0-9]+(?:[-.][a-z0-9]+)*$`)
	countryPattern = regexp.MustCompile(`^[A-Z]{2}$`)
)

// ValidCountry reports whether code has the shape of an ISO 3166-1 alpha-2
// code (two capital letters), as the country field wants it.
func ValidCountry(code string) bool { return countryPattern.MatchString(code) }

// ValidID reports whether id has the shape of an entry's id: type/slug, as
// the curated files write them (person/emomali-rahmon), or
// namespace/type/slug, as importers write them
// (geonames/place/almaty), with lowercase ascii letters and digits joined
// by "-" or "." in the slug. A namespace keeps imported ids apart from
// curated ones: it is neither a type nor "auto", the namespace of the ids
// the pipeline makes for names the gazetteer does not know. That the type
// part names the entry's type is checked by Validate.
func ValidID(id string) bool {
	if !idPattern.MatchString(id) {
		return false
	}
	parts := strings.Split(id, "/")
	if len(parts) == 3 {
		switch Type(strings.ToUpper(parts[0])) {
		case Person, Place, Group, "AUTO":
			return false
		}
	}
	return true
}

// IDType returns the type part of an id, lower case: "place" for
// place/almaty and for geonames/place/almaty.
func IDType(id string) string {
	parts := strings.Split(id, "/")
	if len(parts) < 2 {
		return ""
	}
	return parts[len(parts)-2]
}

// Check reports the first field of e that a gazetteer file cannot hold: an
// id or parent that is not lowercase ascii type/name, a type other than the
// three, a country that is not an alpha-2 code, or an empty name. The
// readers check every line with it, and so does importer.Write before it
// writes one, so that what is written always reads back.
func (e *Entry) Check() error {
	switch {
	case !ValidID(e.ID):
		return fmt.Errorf("%w: %q", ErrID, e.ID)
	case !e.Type.Valid():
		return fmt.Errorf("%w: %q", ErrType, e.Type)
	case e.Country != "" && !ValidCountry(e.Country):
		return fmt.Errorf("%w: %q", ErrCountry, e.Country)
	case e.Parent != "" && !ValidID(e.Parent):
		return fmt.Errorf("%w (parent): %q", ErrID, e.Parent)
	case e.Name == "":
		return ErrEmptyName
	}
	return nil
}

// Reader reads entries from a gazetteer file one at a time.
type Reader struct {
	file  string
	lines *lineReader
}

// NewReader returns a Reader of r; file names r in error messages.
func NewReader(r io.Reader, file string) *Reader {
	return &Reader{file: file, lines: newLineReader(r)}
}

// Read returns the next entry, io.EOF at the end, or a *fileerr.ParseError
// for a malformed line or a line over 1 MiB; reading goes on after it. A
// failing reader ends the file: the next Read returns io.EOF.
func (r *Reader) Read() (*Entry, error) {
	for {
		text, n, err := r.lines.next()
		if err == io.EOF {
			return nil, io.EOF
		}
		if err != nil {
			return nil, &fileerr.ParseError{File: r.file, Line: n, Err: err}
		}
		line := strings.TrimSpace(text)
		if n == 1 {
			line = strings.TrimPrefix(line, "\uFEFF")
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		e, err := parseLine(line)
		if err != nil {
			return nil, &fileerr.ParseError{File: r.file, Line: n, Err: err}
		}
		e.File, e.Line = r.file, n
		return e, nil
	}
}

// Parse reads a whole gazetteer file. It reports every problem of the file,
// not only the first, as a fileerr.ErrorList.
func Parse(r io.Reader, file string) ([]*Entry, error) {
	return ReadAll(NewReader(r, file), file)
}

// EntryReader is a streaming reader of entries: Reader, the CSV and TSV
// reader behind ParseTable, and the importers' readers.
type EntryReader interface {
	// Read returns the next entry, io.EOF at the end, or an error; reading
	// goes on after a *fileerr.ParseError, and stops after any other error.
	Read() (*Entry, error)
}

// ReadAll reads every entry of rd, a reader of file, and returns the good
// ones with every problem in one fileerr.ErrorList: the malformed records,
// and each record that repeats an id of an earlier one.
func ReadAll(rd EntryReader, file string) ([]*Entry, error) {
	var entries []*Entry
	var errs fileerr.ErrorList
	seen := map[string]int{}
	for {
		e, err := rd.Read()
		if err == io.EOF {
			break
		}
		var pe *fileerr.ParseError
		if errors.As(err, &pe) {
			errs = append(errs, pe)
			continue
		}
		if err != nil {
			errs.Add(file, 0, err)
			break
		}
		if first, dup := seen[e.ID]; dup {
			errs.Add(file, e.Line, fmt.Errorf("%w %q (first on line %d)", ErrDuplicate, e.ID, first))
			continue
		}
		seen[e.ID] = e.Line
		entries = append(entries, e)
	}
	return entries, errs.Err()
}

func parseLine(line string) (*Entry, error) {
	if !utf8.ValidString(line) {
		return nil, ErrEncoding
	}
	f := strings.Split(line, "|")
	if len(f) != 7 {
		return nil, fmt.Errorf("%w (found %d)", ErrFieldCount, len(f))
	}
	for i := range f {
		f[i] = strings.TrimSpace(f[i])
	}
	e := &Entry{ID: f[0], Type: Type(f[1]), Kind: f[2], Country: f[3], Parent: f[4], Name: f[5]}
	if strings.HasPrefix(e.Name, "?") {
		e.Name = strings.TrimSpace(e.Name[1:])
		e.NameAmbiguous = true
	}
	if err := e.Check(); err != nil {
		return nil, err
	}
	for _, a := range strings.Split(f[6], ";") {
		a = strings.TrimSpace(a)
		amb := strings.HasPrefix(a, "?")
		a = strings.TrimSpace(strings.TrimPrefix(a, "?"))
		if a == "" || a == e.Name {
			continue
		}
		e.Aliases = append(e.Aliases, Alias{Text: a, Ambiguous: amb})
	}
	return e, nil
}
