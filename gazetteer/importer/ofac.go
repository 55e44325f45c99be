package importer

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/internal/fileerr"
)

// OFACReader reads the US Treasury OFAC Specially Designated Nationals list
// in its CSV form (sdn.csv) one record at a time. The file has no header and
// 12 columns: ent_num, SDN_Name, SDN_Type ("individual", "vessel",
// "aircraft", or null for an entity), Program ("SDGT", "FTO] [SDGT", ...),
// Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks.
// Null is written "-0- "; lines end in CRLF; a last line holding only the
// DOS end-of-file byte 0x1A is skipped.
//
// Individuals become PERSON entries (ofac/person/<slug>-<ent_num>, kind
// "sanctioned individual"; "LASTNAME, Firstname" is turned into "Firstname
// Lastname"), entities GROUP entries (ofac/group/<slug>-<ent_num>, kind from
// their name and programs: see groupKind, where FTO is a list of militants
// and SDGT a terrorism list). Vessels and aircraft are skipped.
//
// Aliases come from the remarks: every "a.k.a. '...'", "f.k.a. '...'" and
// "n.k.a. '...'" (straight or typographic quotes). The country is the first
// "nationality X" of the remarks that names a known country.
type OFACReader struct {
	cr       *csv.Reader
	file     string
	programs map[string]bool
	done     bool
	line     int // of the last record read

	// Individuals and Entities count the records of each type read so far,
	// before the program filter; Skipped counts vessels, aircraft and the
	// records the filter dropped.
	Individuals, Entities, Skipped int
}

// ofacColumns is the number of columns of sdn.csv.
const ofacColumns = 12

// NewOFACReader returns a reader of the list in r; file names r in errors.
// When programs are given ("SDGT", "FTO"), only the records listed under at
// least one of them are returned.
func NewOFACReader(r io.Reader, file string, programs ...string) *OFACReader {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	rd := &OFACReader{cr: cr, file: file, programs: map[string]bool{}}
	for _, p := range programs {
		if p = strings.ToUpper(strings.TrimSpace(p)); p != "" {
			rd.programs[p] = true
		}
	}
	return rd
}

// Read returns the next entry, io.EOF at the end, or a *fileerr.ParseError
// for a record that cannot be imported; reading may go on after it.
func (r *OFACReader) Read() (*gazetteer.Entry, error) {
	for !r.done {
		rec, err := r.cr.Read()
		if err == io.EOF {
			r.done = true
			break
		}
		var ce *csv.ParseError
		if errors.As(err, &ce) {
			r.line = ce.Line
			return nil, &fileerr.ParseError{File: r.file, Line: ce.Line, Err: fmt.Errorf("column %d: %w", ce.Column, ce.Err)}
		}
		if err != nil {
			r.done = true
			return nil, &fileerr.ParseError{File: r.file, Line: r.line + 1, Err: err}
		}
		line, _ := r.cr.FieldPos(0)
		r.line = line
		if len(rec) == 1 && strings.Trim(rec[0], "\x1a \t") == "" {
			continue // the DOS end-of-file byte
		}
		if len(rec) != ofacColumns {
			return nil, &fileerr.ParseError{File: r.file, Line: line,
				Err: fmt.Errorf("%w: want %d separated by commas, found %d", ErrColumns, ofacColumns, len(rec))}
		}
		e, err := r.entry(rec)
		if e == nil && err == nil {
			continue // skipped
		}
		return placed(r.file, line, e, err)
	}
	return nil, io.EOF
}

// placed gives the entry that a record at file:line made, or its error,
// that place: OFACReader.Read and UNReader.Read return through it.
func placed(file string, line int, e *gazetteer.Entry, err error) (*gazetteer.Entry, error) {
	if err != nil {
		return nil, &fileerr.ParseError{File: file, Line: line, Err: err}
	}
	e.File, e.Line = file, line
	return e, nil
}

// entry makes the entry of one record, or returns nil for a record that is
// skipped.
func (r *OFACReader) entry(rec []string) (*gazetteer.Entry, error) {
	num, rawName := ofacField(rec[0]), ofacField(rec[1])
	typ := strings.ToLower(ofacField(rec[2]))
	if num == "" || digits(num) != num {
		return nil, fmt.Errorf("%w: ent_num %q", ErrNumber, num)
	}
	switch typ {
	case "individual":
		r.Individuals++
	case "":
		r.Entities++
	case "vessel", "aircraft":
		r.Skipped++
		return nil, nil
	default:
		return nil, fmt.Errorf("unknown SDN_Type %q: want individual, vessel, aircraft or -0-", typ)
	}
	programs := ofacPrograms(rec[3])
	if !r.wanted(programs) {
		r.Skipped++
		return nil, nil
	}
	remarks := ofacField(rec[11])
	ref := num
	var e *gazetteer.Entry
	if typ == "individual" {
		name := invertName(rawName)
		if !looksLikeName(name) {
			return nil, ErrNoName
		}
		e = &gazetteer.Entry{ID: listID(NamespaceOFAC, gazetteer.Person, name, ref), Type: gazetteer.Person, Kind: KindIndividual, Name: name}
		as := newAliasSet(name, 0)
		for _, a := range ofacAliases(remarks) {
			for _, n := range personNames(a) {
				as.add(n)
			}
		}
		e.Aliases = as.aliases
	} else {
		raw, extra := splitListName(rawName)
		name := groupName(raw, false)
		if !looksLikeName(name) {
			return nil, ErrNoName
		}
		e = &gazetteer.Entry{ID: listID(NamespaceOFAC, gazetteer.Group, name, ref), Type: gazetteer.Group, Name: name,
			Kind: groupKind(name, programs["FTO"], programs["FTO"] || programs["SDGT"])}
		as := newAliasSet(name, 0)
		for _, x := range extra {
			as.add(groupName(x, true))
		}
		for _, a := range ofacAliases(remarks) {
			as.add(groupName(a, false))
		}
		e.Aliases = as.aliases
	}
	e.Country = ofacNationality(remarks)
	return e, nil
}

// wanted reports whether a record under programs passes the filter.
func (r *OFACReader) wanted(programs map[string]bool) bool {
	if len(r.programs) == 0 {
		return true
	}
	for p := range programs {
		if r.programs[p] {
			return true
		}
	}
	return false
}

// ReadOFAC reads a whole SDN list; see OFACReader. Every problem is
// reported, with its line, in a fileerr.ErrorList returned with the
// entries of the good records.
func ReadOFAC(r io.Reader, file string, programs ...string) ([]*gazetteer.Entry, error) {
	return gazetteer.ReadAll(NewOFACReader(r, file, programs...), file)
}

// ofacField trims a field and maps the null "-0-" to "".
func ofacField(s string) string {
	s = strings.TrimSpace(s)
	if s == "-0-" {
		return ""
	}
	return s
}

// ofacPrograms splits a Program field: "FTO] [SDGT" → FTO, SDGT.
func ofacPrograms(s string) map[string]bool {
	out := map[string]bool{}
	for _, p := range strings.Split(ofacField(s), "] [") {
		if p = strings.ToUpper(strings.Trim(p, "[] ")); p != "" {
			out[p] = true
		}
	}
	return out
}

// invertName turns "LASTNAME, Firstname" into "Firstname Lastname",
// title-cased (see personNames); a name without a comma is only
// title-cased.
func invertName(s string) string {
	names := personNames(s)
	if len(names) == 1 {
		return names[0]
	}
	// More than one comma: "LAST, First, Middle" reads Last last.
	parts := strings.Split(cleanSpace(s), ",")
	return titleCase(strings.Join(strings.Fields(strings.Join(append(parts[1:], parts[0]), " ")), " "), false)
}

// ofacAliases returns the names quoted after "a.k.a.", "f.k.a." and
// "n.k.a." in the remarks: "a.k.a. 'IBB'; a.k.a. 'KIB'." → IBB, KIB. A quote
// inside a name ("a.k.a. 'ABU-'UMAR'") does not end it: a name ends at a
// quote followed by ";", ".", "," or the end of the remarks.
func ofacAliases(remarks string) []string {
	var out []string
	s := remarks
	for {
		i := indexAKA(s)
		if i < 0 {
			return out
		}
		s = strings.TrimLeft(s[i+len("a.k.a."):], " ")
		open, size := firstRune(s)
		if !isQuote(open) {
			continue
		}
		s = s[size:]
		end := closingQuote(s)
		if end < 0 {
			return out
		}
		if a := strings.Trim(strings.TrimSpace(s[:end]), `'’‘"“”`); a != "" {
			out = append(out, a)
		}
		s = s[end:]
	}
}

// indexAKA finds the next "a.k.a.", "f.k.a." or "n.k.a.".
func indexAKA(s string) int {
	best := -1
	for _, m := range []string{"a.k.a.", "f.k.a.", "n.k.a."} {
		if i := strings.Index(s, m); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// closingQuote returns the index of the quote that ends a name in s.
func closingQuote(s string) int {
	for i, r := range s {
		if !isQuote(r) {
			continue
		}
		rest := strings.TrimLeft(s[i+len(string(r)):], " ")
		if rest == "" || rest[0] == ';' || rest[0] == ',' || rest[0] == '.' && (len(rest) == 1 || rest[1] == ' ' || rest[1] == ';') {
			return i
		}
	}
	return -1
}

func isQuote(r rune) bool {
	return r == '\'' || r == '‘' || r == '’' || r == '"' || r == '“' || r == '”'
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

// ofacNationality returns the country of the first "nationality X" of the
// remarks that names a known country, or else of the first "citizen X".
func ofacNationality(remarks string) string {
	if c := remarkCountry(remarks, "nationality "); c != "" {
		return c
	}
	return remarkCountry(remarks, "citizen ")
}

// remarkCountry returns the country of the first "<label>X" of the remarks
// that names a known country.
func remarkCountry(remarks, label string) string {
	lower := asciiLower(remarks) // same byte offsets as remarks
	for from := 0; ; {
		i := strings.Index(lower[from:], label)
		if i < 0 {
			return ""
		}
		start := from + i + len(label)
		end := strings.IndexByte(remarks[start:], ';')
		if end < 0 {
			end = len(remarks) - start
		}
		if c := countryCode(remarks[start : start+end]); c != "" {
			return c
		}
		from = start
	}
}

// asciiLower lower-cases the ASCII letters of s only, so that byte offsets
// into the result are offsets into s.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
