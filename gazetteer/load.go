package gazetteer

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/extract-ca/extract/internal/fileerr"
)

// Collisions says what loading does with an entry of a file whose id is
// the id of an entry loaded before it: one of the default gazetteer or of
// an earlier file. An entry identical to the earlier one collides with
// nothing.
type Collisions string

const (
	// Refuse makes every collision a problem of the later entry's file and
	// line: nothing the user did not ask for replaces a curated entry.
	Refuse Collisions = "refuse"
	// Replace puts the later entry in the earlier one's place.
	Replace Collisions = "replace"
	// Merge keeps the earlier entry, in its place, and gives it the later
	// one's name and aliases as aliases, and its kind, country and parent
	// where the earlier entry has none.
	Merge Collisions = "merge"
)

// ParseCollisions reads a Collisions from its name, as flags give it.
func ParseCollisions(s string) (Collisions, error) {
	switch c := Collisions(s); c {
	case Refuse, Replace, Merge:
		return c, nil
	}
	return "", fmt.Errorf("gazetteer collisions must be refuse, replace or merge, not %q", s)
}

// Collision is an entry of a file whose id an earlier entry has.
type Collision struct {
	Entry   *Entry // the later entry, as read from its file
	Earlier *Entry // the entry it collides with
}

// Layered is a gazetteer loaded in layers: the default, then files.
type Layered struct {
	All        []*Entry    // the whole gazetteer
	Own        []*Entry    // the files' entries alone, layered
	Collisions []Collision // every collision, whatever was done with it
}

// Report describes what c, the policy the gazetteer was loaded with, did
// to earlier entries: a line for each file whose entries replaced or
// merged into them, in order, with how many and the first few ids, so
// that no curated entry changes unsaid. Nothing under Refuse, which loads
// no collision.
func (l *Layered) Report(c Collisions) []string {
	var files []string
	ids := map[string][]string{}
	for _, x := range l.Collisions {
		f := x.Entry.File
		if ids[f] == nil {
			files = append(files, f)
		}
		ids[f] = append(ids[f], x.Entry.ID)
	}
	verb := map[Collisions]string{Replace: "replace", Merge: "were merged into"}[c]
	var lines []string
	for _, f := range files {
		list := ids[f]
		shown := strings.Join(list[:min(len(list), 3)], ", ")
		if len(list) > 3 {
			shown += ", ..."
		}
		lines = append(lines, fmt.Sprintf("%s: %d entries %s earlier entries of the same id (--gazetteer-collisions %s): %s", f, len(list), verb, c, shown))
	}
	return lines
}

// Load returns the embedded default gazetteer with files layered over it,
// in order: new ids are added, and an entry whose id is already loaded is a
// problem (Refuse; see LoadLayered to replace or merge instead).
//
// Every file is read whole and the layered gazetteer is checked with
// Validate, so that a file run accepts is one `gazetteer validate` accepts.
// The error lists every problem of the files, each with its file and line
// (a fileerr.ErrorList: errors.As finds each *fileerr.ParseError, errors.Is
// the sentinels), but none of the default, whose own problems are its
// tests' business; or it is the error of a file that cannot be opened. Load with no files is Default.
func Load(files ...string) ([]*Entry, error) {
	l, err := LoadLayered(Refuse, files...)
	if err != nil {
		return nil, err
	}
	return l.All, nil
}

// LoadFiles is Load without the default in the result: only the entries of
// files, layered. They are still checked against the default, which their
// parents may name.
func LoadFiles(files ...string) ([]*Entry, error) {
	l, err := LoadLayered(Refuse, files...)
	if err != nil {
		return nil, err
	}
	return l.Own, nil
}

// LoadLayered is Load with the choice of what a collision does, and with
// the collisions listed in the result. With Refuse each is a problem
// (ErrCollision) in the error; with Replace and Merge the caller should say
// what was replaced or merged (extract prints a line per file).
//
// A file that is a copy of one of the default's files (its path ends with
// the file's name in the default, gazetteer/data/NAME.gaz) takes the place
// of that file instead of being layered over it, so that an edited default
// file is checked as it will be embedded.
func LoadLayered(c Collisions, files ...string) (*Layered, error) {
	if _, err := ParseCollisions(string(c)); err != nil {
		return nil, err
	}
	def, err := Default()
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return &Layered{All: def}, nil
	}
	def = withoutDefaultFiles(def, files)
	var errs fileerr.ErrorList
	l := &Layered{}
	var own []*Entry
	for _, f := range files {
		entries, err := ReadFile(f)
		var list fileerr.ErrorList
		if errors.As(err, &list) {
			errs = append(errs, list...)
		} else if err != nil {
			return nil, err
		}
		own, l.Collisions = layer(c, own, entries, l.Collisions)
	}
	l.Own = own
	l.All, l.Collisions = layer(c, slices.Clone(def), own, l.Collisions)
	if c == Refuse {
		for _, x := range l.Collisions {
			errs.Add(x.Entry.File, x.Entry.Line, fmt.Errorf("%w: %q (at %s:%d); choose to replace or merge it, or give the entry an id of its own",
				ErrCollision, x.Entry.ID, x.Earlier.File, x.Earlier.Line))
		}
	}

	// Report only the problems of the user's files: the check sees the
	// default because parents and shared names reach across files.
	mine := map[string]bool{}
	for _, f := range files {
		mine[f] = true
	}
	var list fileerr.ErrorList
	if errors.As(Validate(l.All), &list) {
		for _, p := range list {
			if mine[p.File] {
				errs = append(errs, p)
			}
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return l, nil
}

// withoutDefaultFiles drops from def the entries of the default's files
// that files replace (see LoadLayered).
func withoutDefaultFiles(def []*Entry, files []string) []*Entry {
	replaced := map[string]bool{}
	for _, f := range files {
		f = filepath.ToSlash(filepath.Clean(f))
		for _, e := range def {
			if f == e.File || strings.HasSuffix(f, "/"+e.File) {
				replaced[e.File] = true
			}
		}
	}
	if len(replaced) == 0 {
		return def
	}
	var out []*Entry
	for _, e := range def {
		if !replaced[e.File] {
			out = append(out, e)
		}
	}
	return out
}

// layer adds the entries of a layer to out, in order, dealing with each
// collision as c says (Refuse keeps the earlier entry) and appending it to
// collisions. out is changed in place: it must not be shared.
func layer(c Collisions, out, entries []*Entry, collisions []Collision) ([]*Entry, []Collision) {
	pos := make(map[string]int, len(out))
	for i, e := range out {
		pos[e.ID] = i
	}
	for _, e := range entries {
		i, ok := pos[e.ID]
		if !ok {
			pos[e.ID] = len(out)
			out = append(out, e)
			continue
		}
		earlier := out[i]
		if earlier.String() == e.String() {
			continue
		}
		collisions = append(collisions, Collision{Entry: e, Earlier: earlier})
		switch c {
		case Replace:
			out[i] = e
		case Merge:
			out[i] = merged(earlier, e)
		}
	}
	return out, collisions
}

// merged returns a new entry: earlier with the names of later as aliases,
// and later's kind, country and parent where earlier has none. It carries
// later's file and line, where the change was asked for.
func merged(earlier, later *Entry) *Entry {
	m := *earlier
	m.Aliases = slices.Clone(earlier.Aliases)
	have := map[string]bool{}
	for _, a := range m.Names() {
		have[a.Text] = true
	}
	for _, a := range later.Names() {
		if !have[a.Text] {
			have[a.Text] = true
			m.Aliases = append(m.Aliases, a)
		}
	}
	if m.Kind == "" {
		m.Kind = later.Kind
	}
	if m.Country == "" {
		m.Country = later.Country
	}
	if m.Parent == "" {
		m.Parent = later.Parent
	}
	m.File, m.Line = later.File, later.Line
	return &m
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
