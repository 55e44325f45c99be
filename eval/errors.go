package eval

import "errors"

// Sentinel errors wrapped by the readers' problems (each a
// fileerr.ParseError with file and line); test with errors.Is.
var (
	ErrSyntax       = errors.New("bad JSON")
	ErrMissingField = errors.New("missing field")
	ErrDuplicateID  = errors.New("duplicate document id")
	ErrOffset       = errors.New("bad offsets")
	ErrLabel        = errors.New("unknown label: want PERSON, PLACE or GROUP")
	ErrOverlap      = errors.New("overlapping spans")
	ErrSpanText     = errors.New("span text does not match the document text")
	ErrTag          = errors.New("bad tag: want O, B-TYPE or I-TYPE")
	ErrRow          = errors.New("bad row")
	// ErrNoDocuments is returned, unwrapped, when the gold files hold no
	// document at all.
	ErrNoDocuments = errors.New("eval: the gold files hold no documents")
)
