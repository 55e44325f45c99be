package gazetteer

import (
	"fmt"
	"strings"

	"github.com/extract-ca/extract/internal/fileerr"
)

// Validate checks a whole gazetteer, as loaded from one or more files, and
// returns every problem as a fileerr.ErrorList (nil when there is none):
//   - ids are unique across all files;
//   - every parent exists;
//   - the type part of an id is its type (person/x, un/person/x);
//   - no name matches entries of different types unless every such use is
//     marked ambiguous.
//
// Parse already rejects empty names and malformed fields line by line.
func Validate(entries []*Entry) error {
	var errs fileerr.ErrorList
	at := func(e *Entry, err error) {
		errs = append(errs, &fileerr.ParseError{File: e.File, Line: e.Line, Err: err})
	}

	byID := map[string]*Entry{}
	for _, e := range entries {
		if first, dup := byID[e.ID]; dup {
			at(e, fmt.Errorf("%w %q (first at %s:%d)", ErrDuplicate, e.ID, first.File, first.Line))
			continue
		}
		byID[e.ID] = e
		if IDType(e.ID) != strings.ToLower(string(e.Type)) {
			at(e, fmt.Errorf("%w: %q is %s", ErrIDType, e.ID, e.Type))
		}
	}
	for _, e := range entries {
		if e.Parent != "" && byID[e.Parent] == nil {
			at(e, fmt.Errorf("%w: %q", ErrMissingParent, e.Parent))
		}
	}

	// Names by matching key: an unmarked name that also matches an entry of
	// another type would silently give one of them the other's mentions.
	type use struct {
		e         *Entry
		text      string
		ambiguous bool
	}
	byKey := map[string][]use{}
	for _, e := range entries {
		for _, a := range e.Names() {
			k := MatchKey(a.Text)
			if k == "" {
				continue
			}
			byKey[k] = append(byKey[k], use{e, a.Text, a.Ambiguous})
		}
	}
	for _, e := range entries {
		for _, a := range e.Names() {
			if a.Ambiguous {
				continue
			}
			for _, u := range byKey[MatchKey(a.Text)] {
				if u.e.Type != e.Type {
					at(e, fmt.Errorf("%w: %q also names %s (%s:%d)", ErrSharedAlias, a.Text, u.e.ID, u.e.File, u.e.Line))
					break
				}
			}
		}
	}
	return errs.Err()
}

// MatchKey returns the key under which the matcher stores name: the folded
// words of the name, concatenated, or the name's letters as written for an
// acronym or short name that matches case-sensitively (prefixed with "=").
func MatchKey(name string) string {
	var scratch nameScratch
	words := scratch.nameWords(name)
	a := newAlias(0, Alias{Text: name}, words)
	return string(appendKey(nil, a, appendFoldedWords(nil, name, words)))
}
