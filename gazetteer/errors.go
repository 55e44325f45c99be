package gazetteer

import "errors"

// Sentinel errors wrapped by the problems Parse, ParseTable and Validate
// report (each a fileerr.ParseError with file and line); test with
// errors.Is. They stand together, as in eval and importer, so that what a
// caller can test for is read in one place.
var (
	// Parse: one line of the text format.
	ErrFieldCount = errors.New("want 7 fields separated by |: id | type | kind | country | parent | name | aliases")
	ErrID         = errors.New("bad id: want lowercase ascii type/name like person/emomali-rahmon, or source/type/name like geonames/place/almaty (source not a type nor auto)")
	ErrType       = errors.New("bad type: want PERSON, PLACE or GROUP")
	ErrCountry    = errors.New("bad country: want an ISO 3166-1 alpha-2 code such as KZ")
	ErrEmptyName  = errors.New("empty name")
	ErrEncoding   = errors.New("invalid UTF-8")
	ErrDuplicate  = errors.New("duplicate id")

	// A CSV or TSV file without the columns needed.
	ErrHeader = errors.New("header must name the columns id, type, name (and may name kind, country, parent, aliases)")

	// Load: an entry of a file has the id of an entry loaded before it (of
	// the default or an earlier file), and Refuse is in force.
	ErrCollision = errors.New("id already in the gazetteer")

	// Validate: the gazetteer as a whole.
	ErrMissingParent = errors.New("parent does not exist")
	ErrSharedAlias   = errors.New("name shared with an entry of another type; mark it ambiguous with a leading ?")
	ErrIDType        = errors.New("the type part of the id does not match the type")
)
