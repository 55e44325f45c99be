package wordlist

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/extract-ca/extract/internal/fileerr"
)

// Load returns the embedded lists with the files of dir in place of some:
// dir/NAME.txt replaces the list NAME whole (to add words, start from the
// embedded file, which Text returns, and add them there; to empty a list,
// give a file without words). names, when given, are the lists the caller
// reads and may be replaced; a file for another list is an error.
//
// A replacement has the format of the embedded files (one entry per line,
// blank lines and # comments ignored; the first comment saying where the
// list comes from is the project's rule for its own files, not required
// here) and the shape of the list it replaces, which the code's lookups
// were written for: pairs "key | value" where the list is of pairs, words
// otherwise; lower case where every embedded entry is, capitals where
// every embedded entry is; one word per entry where no embedded entry
// holds a space. Every problem of every file is reported, each with its
// file and line (a fileerr.ErrorList): a file whose name is no list, a
// line of the wrong shape, a word written twice, invalid UTF-8. Files
// whose names begin with "." are ignored.
func Load(dir string, names ...string) (*Lists, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		names = Names()
	}
	var errs fileerr.ErrorList
	var srcs []source
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		file := filepath.Join(dir, e.Name())
		name, ok := strings.CutSuffix(e.Name(), ".txt")
		switch {
		case !ok || e.IsDir():
			errs.Add(file, 0, fmt.Errorf("not a word list: the files of a word-list directory are NAME.txt, NAME one of %s", strings.Join(names, ", ")))
			continue
		case !slices.Contains(names, name):
			errs.Add(file, 0, fmt.Errorf("no list %q to replace: NAME.txt replaces the list NAME, one of %s", name, strings.Join(names, ", ")))
			continue
		}
		b, err := os.ReadFile(file)
		if err != nil {
			errs.Add(file, 0, err)
			continue
		}
		srcs = append(srcs, source{file: file, name: name, text: string(b)})
	}
	return replace(srcs, errs)
}

// source is a user's file that replaces the list name.
type source struct {
	file, name, text string
}

// replace makes the embedded lists with srcs in place of theirs, or
// returns every problem of srcs, with errs before them.
func replace(srcs []source, errs fileerr.ErrorList) (*Lists, error) {
	def := Default()
	out := &Lists{lists: maps.Clone(def.lists), replaced: map[string]string{}}
	for _, s := range srcs {
		d, ok := def.lists[s.name]
		if !ok {
			errs.Add(s.file, 0, fmt.Errorf("no list %q to replace", s.name))
			continue
		}
		l, problems := parseFile(s.file, s.name, s.text, shapeOf(d))
		errs = append(errs, problems...)
		out.lists[s.name] = l
		out.replaced[s.name] = s.text
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// shape is what the code's lookups of a list expect of its entries, read
// off the embedded list.
type shape struct {
	pairs      bool
	key, value column
}

// column is what every embedded key (or value) of a list has in common.
type column struct {
	lower  bool // no capital letter: looked up lower-cased
	upper  bool // no lower-case letter: written in capitals
	phrase bool // some entry holds a space: phrases are looked up
}

func shapeOf(l *list) shape {
	s := shape{pairs: l.pairs != nil}
	s.key = columnOf(l.keys)
	if s.pairs {
		s.value = columnOf(slices.Collect(maps.Values(l.pairs)))
	}
	return s
}

func columnOf(entries []string) column {
	c := column{lower: true, upper: true}
	for _, e := range entries {
		c.lower = c.lower && e == strings.ToLower(e)
		c.upper = c.upper && e == strings.ToUpper(e)
		c.phrase = c.phrase || strings.ContainsAny(e, " \t")
	}
	return c
}

// parseFile reads a user's file for the list name, of shape s, and
// returns the list with the entries of the lines that have no problem,
// and the problems.
func parseFile(file, name, text string, s shape) (*list, fileerr.ErrorList) {
	l := &list{}
	if s.pairs {
		l.pairs = map[string]string{}
	}
	var errs fileerr.ErrorList
	seen := map[string]int{} // entry → its line
	n := 0
	for line := range strings.Lines(text) {
		n++
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) {
			errs.Add(file, n, fmt.Errorf("invalid UTF-8"))
			continue
		}
		key, value, isPair := strings.Cut(line, " | ")
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		var err error
		switch {
		case isPair && !s.pairs:
			err = fmt.Errorf("%q: a line of %s is one entry, not \"key | value\"", line, name)
		case !isPair && s.pairs:
			err = fmt.Errorf("%q: a line of %s is \"key | value\"", line, name)
		case key == "" || isPair && value == "":
			err = fmt.Errorf("%q: key and value must not be empty", line)
		default:
			err = s.key.check(name, key)
			if err == nil && s.pairs {
				err = s.value.check(name, value)
			}
		}
		if err == nil {
			if first, dup := seen[key]; dup {
				err = fmt.Errorf("%q is already on line %d", key, first)
			}
		}
		if err != nil {
			errs.Add(file, n, err)
			continue
		}
		seen[key] = n
		l.keys = append(l.keys, key)
		if s.pairs {
			l.pairs[key] = value
		}
	}
	return l, errs
}

// check says what is wrong with entry e of the list name, if anything.
func (c column) check(name, e string) error {
	switch {
	case !c.phrase && strings.ContainsAny(e, " \t"):
		return fmt.Errorf("%q holds a space: %s is looked up one word at a time", e, name)
	case strings.ContainsAny(e, "|#"):
		return fmt.Errorf("%q: | and # are no part of an entry (a pair is \"key | value\", a comment a line of its own)", e)
	case c.lower && e != strings.ToLower(e):
		return fmt.Errorf("%q has capitals: %s is looked up in lower case (write %q)", e, name, strings.ToLower(e))
	case c.upper && e != strings.ToUpper(e):
		return fmt.Errorf("%q has lower-case letters: %s is written in capitals (write %q)", e, name, strings.ToUpper(e))
	}
	return nil
}
