package importer

import "errors"

// Sentinel errors wrapped by the fileerr.ParseError values the importers
// return.
var (
	ErrColumns    = errors.New("wrong number of columns")
	ErrNumber     = errors.New("bad number")
	ErrNoName     = errors.New("no name")
	ErrNoRef      = errors.New("no reference number")
	ErrDuplicate  = errors.New("duplicate record")
	ErrLineLength = errors.New("line too long")
	ErrXML        = errors.New("malformed XML")
	ErrOption     = errors.New("bad option")
)
