// Package fileerr reports problems of input files with their place: one
// ParseError per problem (file, line, what), and an ErrorList that collects
// every problem of a file so that a user can fix it in one pass, in the
// manner of encoding/csv.ParseError and go/scanner.ErrorList.
//
// Every reader of the module returns these: gazetteer files, gold and
// prediction files (eval), output records (output.Reader) and the JSONL
// inputs of batch, so that a problem reads "file:line: what" wherever it
// comes from and errors.As finds it with one type.
package fileerr

import (
	"fmt"
	"sort"
	"strings"
)

// ParseError is one problem of a file, with its place.
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

// ErrorList is every problem found in one or more files.
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

// Err returns the sorted list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	l.Sort()
	return l
}
