package gazetteer

import (
	"embed"
	"path"
	"sync"

	"github.com/extract-ca/extract/internal/fileerr"
)

// data holds the default gazetteer, one file per domain, embedded in the
// binary so that `extract run` needs no files beside it.
//
//go:embed data/*.gaz
var data embed.FS

var defaultOnce = sync.OnceValues(loadDefault)

// Default returns the entries of the embedded default gazetteer, parsed once
// per process. The slice is shared: do not modify it.
func Default() ([]*Entry, error) { return defaultOnce() }

// loadDefault returns the prepared default (prepared.go), or parses the
// data files when the index is out of date.
func loadDefault() ([]*Entry, error) {
	if p := defaultPrepared(); p != nil {
		return p.entries, nil
	}
	return parseDefault()
}

// parseDefault parses the data files.
func parseDefault() ([]*Entry, error) {
	names, err := dataFiles()
	if err != nil {
		return nil, err
	}
	var all []*Entry
	var errs fileerr.ErrorList
	for _, name := range names {
		f, err := data.Open(name)
		if err != nil {
			return nil, err
		}
		entries, err := Parse(f, path.Join("gazetteer", name))
		f.Close()
		if el, ok := err.(fileerr.ErrorList); ok {
			errs = append(errs, el...)
		} else if err != nil {
			return nil, err
		}
		all = append(all, entries...)
	}
	return all, errs.Err()
}
