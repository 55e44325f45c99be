package eval

import (
	"errors"

	"github.com/extract-ca/extract/internal/fileerr"
)

// ParseError is one problem of a gold or prediction file, with its place
// (see package fileerr).
type ParseError = fileerr.ParseError

// ErrorList is every problem found in one or more files, sorted by file and
// line. Readers return it whole so that an annotator can fix a file in one
// pass.
type ErrorList = fileerr.ErrorList

// Sentinel errors wrapped by ParseError; test with errors.Is.
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
)
