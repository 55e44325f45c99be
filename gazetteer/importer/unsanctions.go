package importer

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/internal/fileerr"
)

// UNReader reads the UN Security Council consolidated sanctions list (the
// XML file published at scsanctions.un.org) one record at a time, without
// loading the whole document: each <INDIVIDUAL> becomes a PERSON entry and
// each <ENTITY> a GROUP entry.
//
// Ids are un/person/<slug>-<reference> and un/group/<slug>-<reference>, with the
// list's reference number in lower case ("QDe.010" →
// un/group/islamic-movement-of-uzbekistan-qde.010), so that they survive a new
// edition of the list.
//
// Names, written in capitals by the list, are title-cased; acronyms given
// with a name ("(ETIM)") become aliases in capitals. Aliases of quality
// "Good", "a.k.a." and "f.k.a." are kept, "Low" ones dropped.
//
// Kinds: on the Al-Qaida/ISIL list a person is a militant; on the Taliban
// list an official when the designation names an office of the Taliban
// government, a militant otherwise; on the other lists a sanctioned
// individual. Entities: see groupKind. A person's country is the first
// nationality that names a known country.
type UNReader struct {
	d    *xml.Decoder
	file string
	done bool

	// Individuals and Entities count the records read so far, good or bad.
	Individuals, Entities int
}

// NewUNReader returns a reader of the list in r; file names r in errors.
func NewUNReader(r io.Reader, file string) *UNReader {
	return &UNReader{d: xml.NewDecoder(r), file: file}
}

// unIndividual and unEntity are the parts of a record that are read.
type unIndividual struct {
	First         string    `xml:"FIRST_NAME"`
	Second        string    `xml:"SECOND_NAME"`
	Third         string    `xml:"THIRD_NAME"`
	Fourth        string    `xml:"FOURTH_NAME"`
	ListType      string    `xml:"UN_LIST_TYPE"`
	Ref           string    `xml:"REFERENCE_NUMBER"`
	Designations  []string  `xml:"DESIGNATION>VALUE"`
	Nationalities []string  `xml:"NATIONALITY>VALUE"`
	Aliases       []unAlias `xml:"INDIVIDUAL_ALIAS"`
}

type unEntity struct {
	Name     string    `xml:"FIRST_NAME"`
	ListType string    `xml:"UN_LIST_TYPE"`
	Ref      string    `xml:"REFERENCE_NUMBER"`
	Aliases  []unAlias `xml:"ENTITY_ALIAS"`
}

type unAlias struct {
	Quality string `xml:"QUALITY"`
	Name    string `xml:"ALIAS_NAME"`
}

// Read returns the next entry, io.EOF at the end, or a *fileerr.ParseError
// for a record that cannot be imported (no name, no reference number);
// reading may go on after it. Malformed XML ends the reading: Read returns
// the error once, then io.EOF.
func (r *UNReader) Read() (*gazetteer.Entry, error) {
	for !r.done {
		tok, err := r.d.Token()
		if err == io.EOF {
			r.done = true
			break
		}
		if err != nil {
			return nil, r.fail(err)
		}
		start, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		line, _ := r.d.InputPos()
		switch start.Name.Local {
		case "INDIVIDUAL":
			r.Individuals++
			return decodeUNRecord(r, &start, line, unPerson)
		case "ENTITY":
			r.Entities++
			return decodeUNRecord(r, &start, line, unGroup)
		}
	}
	return nil, io.EOF
}

// decodeUNRecord decodes the record that start opens into a T and makes
// it an entry with convert: individuals and entities differ only in their
// XML shape and conversion.
func decodeUNRecord[T any](r *UNReader, start *xml.StartElement, line int, convert func(T) (*gazetteer.Entry, error)) (*gazetteer.Entry, error) {
	var rec T
	if err := r.d.DecodeElement(&rec, start); err != nil {
		return nil, r.fail(err)
	}
	e, err := convert(rec)
	return placed(r.file, line, e, err)
}

// fail ends the reading on malformed XML.
func (r *UNReader) fail(err error) error {
	r.done = true
	line, _ := r.d.InputPos()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		line, err = se.Line, errors.New(se.Msg)
	}
	return &fileerr.ParseError{File: r.file, Line: line,
		Err: fmt.Errorf("%w: %v; the rest of the file is not read", ErrXML, err)}
}

// ReadUNSanctions reads a whole UN consolidated list; see UNReader. Every
// problem is reported, with its line, in a fileerr.ErrorList returned with
// the entries of the good records.
func ReadUNSanctions(r io.Reader, file string) ([]*gazetteer.Entry, error) {
	return gazetteer.ReadAll(NewUNReader(r, file), file)
}

// unPerson makes the entry of one individual.
func unPerson(rec unIndividual) (*gazetteer.Entry, error) {
	var parts []string
	for _, n := range []string{rec.First, rec.Second, rec.Third, rec.Fourth} {
		if n = cleanSpace(n); looksLikeName(n) {
			parts = append(parts, n)
		}
	}
	if len(parts) == 0 {
		return nil, ErrNoName
	}
	name := titleCase(strings.Join(parts, " "), false)
	ref := refSlug(rec.Ref)
	if ref == "" {
		return nil, fmt.Errorf("%w (individual %s)", ErrNoRef, name)
	}
	e := &gazetteer.Entry{ID: listID(NamespaceUN, gazetteer.Person, name, ref), Type: gazetteer.Person, Name: name}
	e.Kind = unPersonKind(rec.ListType, rec.Designations)
	for _, n := range rec.Nationalities {
		if e.Country = countryCode(cleanSpace(n)); e.Country != "" {
			break
		}
	}
	as := newAliasSet(name, 0)
	for _, a := range rec.Aliases {
		if !keepQuality(a.Quality) {
			continue
		}
		for _, piece := range aliasPieces(a.Name) {
			for _, n := range personNames(piece) {
				as.add(n)
			}
		}
	}
	e.Aliases = as.aliases
	return e, nil
}

// unGroup makes the entry of one entity.
func unGroup(rec unEntity) (*gazetteer.Entry, error) {
	raw, extra := splitListName(rec.Name)
	name := groupName(raw, false)
	if !looksLikeName(name) {
		return nil, ErrNoName
	}
	ref := refSlug(rec.Ref)
	if ref == "" {
		return nil, fmt.Errorf("%w (entity %s)", ErrNoRef, name)
	}
	e := &gazetteer.Entry{ID: listID(NamespaceUN, gazetteer.Group, name, ref), Type: gazetteer.Group, Name: name}
	e.Kind = groupKind(name, isMilitantList(rec.ListType), isMilitantList(rec.ListType))
	as := newAliasSet(name, 0)
	for _, x := range extra {
		as.add(groupName(x, true))
	}
	for _, a := range rec.Aliases {
		if !keepQuality(a.Quality) {
			continue
		}
		// In a field written in mixed case, capitals are meant: an acronym.
		mixed := strings.IndexFunc(a.Name, unicode.IsLower) >= 0
		for _, piece := range aliasPieces(a.Name) {
			as.add(groupName(piece, mixed))
		}
	}
	e.Aliases = as.aliases
	return e, nil
}

// unPersonKind gives the kind of an individual from the list it is on and
// its designations.
func unPersonKind(listType string, designations []string) string {
	switch {
	case isTalibanList(listType):
		for _, d := range designations {
			if isOfficialDesignation(d) {
				return KindOfficial
			}
		}
		return KindMilitant
	case isMilitantList(listType):
		return KindMilitant
	}
	return KindIndividual
}

// isMilitantList reports whether a UN_LIST_TYPE is the Al-Qaida/ISIL
// (Da'esh) list or the Taliban list.
func isMilitantList(t string) bool {
	t = strings.ToLower(t)
	return strings.Contains(t, "qaida") || strings.Contains(t, "isil") || strings.Contains(t, "da'esh") || isTalibanList(t)
}

func isTalibanList(t string) bool { return strings.Contains(strings.ToLower(t), "taliban") }

// keepQuality reports whether an alias of that quality is kept: "Good",
// "a.k.a." and "f.k.a.", or none given; "Low" is dropped.
func keepQuality(q string) bool {
	return !strings.EqualFold(strings.TrimSpace(q), "low")
}

// listID makes the id of a listed person or group, in the namespace of its
// list: the slug of its name followed by the list's reference.
func listID(namespace string, t gazetteer.Type, name, ref string) string {
	prefix := namespace + "/" + strings.ToLower(string(t)) + "/"
	s, _ := slug(name)
	if s == "" {
		return prefix + ref
	}
	return prefix + s + "-" + ref
}
