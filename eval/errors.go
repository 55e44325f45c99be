package eval

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ParseError is one problem of a gold or prediction file, with its place,
// in the manner of encoding/csv.ParseError.
type ParseError struct {
	File string
	Line int // 1-based; 0 when the problem belongs to no single line
	Err  error
}

func (e *ParseError) Error() string {
	switch {
	case e.File == "":
		return fmt.Sprintf("line %d: %v", e.Line, e.Err)
	case e.Line == 0:
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// ErrorList is every problem found in one or more files, sorted by file and
// line, in the manner of go/scanner.ErrorList. Readers return it whole so
// that an annotator can fix a file in one pass.
type ErrorList []*ParseError

// Add appends a problem at file:line.
func (l *ErrorList) Add(file string, line int, err error) {
	*l = append(*l, &ParseError{File: file, Line: line, Err: err})
}

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap lets errors.Is and errors.As look at every problem.
func (l ErrorList) Unwrap() []error {
	errs := make([]error, len(l))
	for i, e := range l {
		errs[i] = e
	}
	return errs
}

// Sort orders the list by file, then line; problems of one line keep the
// order in which they were found.
func (l ErrorList) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		if l[i].File != l[j].File {
			return l[i].File < l[j].File
		}
		return l[i].Line < l[j].Line
	})
}

// Err returns the sorted list as an error, or nil when it is empty, so that
// a function can end with "return docs, errs.Err()".
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}

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
