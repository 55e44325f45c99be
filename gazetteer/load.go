package gazetteer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/extract-ca/extract/internal/fileerr"
)

// Load returns the embedded default gazetteer with files layered over it,
// in order: an entry whose id was already seen replaces the earlier one in
// its place, and new ids are added. This is how a user's --gazetteer file
// overrides the default: same id, new content.
//
// Every file is read whole and the layered gazetteer is checked with
// Validate, so that a file run accepts is one `gazetteer validate` accepts.
// The error lists every problem of the files, each with its file and line
// (a fileerr.ErrorList: errors.As finds each *fileerr.ParseError, errors.Is
// the sentinels), but none of the default, whose own problems are its
// tests' business; or it is the error of a file that cannot be opened. Load with no files is Default.
func Load(files ...string) ([]*Entry, error) {
	all, _, err := load(files)
	return all, err
}

// LoadFiles is Load without the default in the result: only the entries of
// files, layered. They are still checked against the default, which their
// parents may name.
func LoadFiles(files ...string) ([]*Entry, error) {
	_, own, err := load(files)
	return own, err
}

// load reads files, layers them over the default and validates the result.
// It returns the whole gazetteer and the files' entries alone.
func load(files []string) (all, own []*Entry, err error) {
	def, err := Default()
	if err != nil {
		return nil, nil, err
	}
	if len(files) == 0 {
		return def, nil, nil
	}
	layers := make([][]*Entry, 0, len(files))
	var errs fileerr.ErrorList
	for _, f := range files {
		entries, err := ReadFile(f)
		var list fileerr.ErrorList
		if errors.As(err, &list) {
			errs = append(errs, list...)
		} else if err != nil {
			return nil, nil, err
		}
		layers = append(layers, entries)
	}
	own = merge(layers...)
	all = merge(def, own)

	// Report only the problems of the user's files: the check sees the
	// default because parents and shared names reach across files.
	mine := map[string]bool{}
	for _, f := range files {
		mine[f] = true
	}
	var list fileerr.ErrorList
	if errors.As(Validate(all), &list) {
		for _, p := range list {
			if mine[p.File] {
				errs = append(errs, p)
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, nil, err
	}
	return all, own, nil
}

// merge layers gazetteers: entries are kept in order, and an entry whose id
// was already seen replaces the earlier one in its place.
func merge(layers ...[]*Entry) []*Entry {
	var out []*Entry
	pos := map[string]int{}
	for _, layer := range layers {
		for _, e := range layer {
			if i, ok := pos[e.ID]; ok {
				out[i] = e
				continue
			}
			pos[e.ID] = len(out)
			out = append(out, e)
		}
	}
	return out
}

// ReadFile reads one gazetteer file: CSV (.csv) or TSV (.tsv) with a header
// row (see ParseTable), or else the text format of this package. It does not
// layer or validate; Load does.
func ReadFile(path string) ([]*Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return ParseTable(f, path, ',')
	case ".tsv":
		return ParseTable(f, path, '\t')
	}
	return Parse(f, path)
}
