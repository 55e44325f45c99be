package eval

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"

	"github.com/extract-ca/extract/internal/jsonid"
)

// checks shared by the JSON readers, which take offsets from the file
// rather than computing them.

// checkOffsets reports whether [start, end) is a non-empty range inside a
// text of n code points.
func checkOffsets(start, end, n int) error {
	switch {
	case start < 0 || end < 0:
		return fmt.Errorf("%w: [%d,%d) is negative", ErrOffset, start, end)
	case start >= end:
		return fmt.Errorf("%w: [%d,%d) is empty (start must be < end)", ErrOffset, start, end)
	case end > n:
		return fmt.Errorf("%w: [%d,%d) ends past the text (%d code points)", ErrOffset, start, end, n)
	}
	return nil
}

// dropOverlaps returns spans in text order without any span that overlaps
// one kept before it, reporting each such pair: gold spans are flat
// (docs/annotation.md: one span per name, never nested), and the scorer relies on it.
func dropOverlaps(spans []Span, report func(error)) []Span {
	sorted := append([]Span(nil), spans...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if sorted[i].Start != sorted[j].Start {
			return sorted[i].Start < sorted[j].Start
		}
		return sorted[i].End < sorted[j].End
	})
	kept := sorted[:0]
	for _, s := range sorted {
		if n := len(kept); n > 0 && overlaps(kept[n-1], s) {
			p := kept[n-1]
			report(fmt.Errorf("%w: [%d,%d) %s and [%d,%d) %s", ErrOverlap, p.Start, p.End, p.Label, s.Start, s.End, s.Label))
			continue
		}
		kept = append(kept, s)
	}
	return kept
}

// parseID reads a document id written as a JSON string or number; it
// returns "" for a missing or null id.
func parseID(raw json.RawMessage) (string, error) {
	id, ok := jsonid.Parse(raw)
	if !ok {
		return "", fmt.Errorf("%w: \"id\" is %s, want a string or a number", ErrSyntax, raw)
	}
	return id, nil
}

// idSet remembers the line of each document id to report duplicates.
type idSet map[string]int

func (s idSet) add(id string, line int) error {
	if first, dup := s[id]; dup {
		return fmt.Errorf("%w %s (first on line %d)", ErrDuplicateID, strconv.Quote(id), first)
	}
	s[id] = line
	return nil
}

// syntaxError words a JSON decoding error for an annotator, without the
// names of this package's Go types.
func syntaxError(b []byte, err error) error {
	var typeErr *json.UnmarshalTypeError
	switch trimmed := bytes.TrimSpace(b); {
	case len(trimmed) > 0 && trimmed[0] != '{':
		return fmt.Errorf("%w: the line is not a JSON object", ErrSyntax)
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return fmt.Errorf("%w: %q is a JSON %s, want %s", ErrSyntax, typeErr.Field, typeErr.Value, jsonKind(typeErr.Type.Kind()))
	}
	return fmt.Errorf("%w: %v", ErrSyntax, err)
}

func jsonKind(k reflect.Kind) string {
	switch k {
	case reflect.Int:
		return "an integer"
	case reflect.String:
		return "a string"
	case reflect.Slice:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return k.String()
}
