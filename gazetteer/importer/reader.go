package importer

import (
	"errors"
	"fmt"
	"io"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/internal/fileerr"
)

// entryReader is a streaming importer.
type entryReader interface {
	Read() (*gazetteer.Entry, error)
}

// readAll reads every entry of rd, reporting records that repeat an id.
func readAll(rd entryReader, file string) ([]*gazetteer.Entry, error) {
	var entries []*gazetteer.Entry
	var p fileerr.ErrorList
	seen := map[string]int{}
	for {
		e, err := rd.Read()
		if err == io.EOF {
			break
		}
		var pe *fileerr.ParseError
		if errors.As(err, &pe) {
			p = append(p, pe)
			continue
		}
		if err != nil {
			p.Add(file, 0, err)
			continue
		}
		if first, dup := seen[e.ID]; dup {
			p.Add(file, e.Line, fmt.Errorf("%w: id %s (first on line %d)", ErrDuplicate, e.ID, first))
			continue
		}
		seen[e.ID] = e.Line
		entries = append(entries, e)
	}
	return entries, p.Err()
}
