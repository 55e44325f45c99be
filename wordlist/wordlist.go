// Package wordlist holds the vocabulary the rules of extract consult: titles,
// demonyms, the head nouns of organisations, abbreviations and the like. Each
// list is a text file under data/, embedded in the binary, so that knowledge
// is reviewed as data and the Go code that uses it holds only logic.
//
//	lists := wordlist.Default()            // or wordlist.Load(dir, names...)
//	titles := lists.Set("titles")          // map[string]bool
//	if titles[strings.ToLower(w)] { ... }
//	kinds := lists.Pairs("kinds-after")    // "key | value" lines
//
// A file has one word or phrase per line, as the code looks it up (the files
// of lower-case lookups are written in lower case, the acronyms in capitals).
// Blank lines and lines starting with # are comments; the first line of every
// embedded file is a comment saying what the list is and where it comes
// from. A file of pairs has lines "key | value". The embedded files are
// parsed once, on first use; a word written twice in one of them is kept
// once (and fails the package's tests).
//
// A user's directory of files replaces lists of the same name (Load): a
// replacement is checked line by line against the shape of the list it
// replaces (see Load), so that a word the code could never look up is an
// error with its file and line rather than a silent no-op.
package wordlist

import (
	"embed"
	"encoding/json"
	"fmt"
	"maps"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed data/*.txt
var data embed.FS

// list is one parsed file.
type list struct {
	keys  []string          // in file order, without duplicates
	pairs map[string]string // nil for a file of plain words
	dups  []string          // keys written more than once, for the tests
}

// Lists is a set of word lists: the embedded ones, some of them replaced
// by a user's files (Load). It is read-only once made, and safe for
// concurrent use.
type Lists struct {
	lists map[string]*list
	// replaced holds the text of each file that replaced an embedded
	// list, by list name: what MarshalJSON sends to another process.
	replaced map[string]string
}

var embedded = sync.OnceValue(func() *Lists {
	names, err := data.ReadDir("data")
	if err != nil {
		panic(err) // the embedded directory is part of the binary
	}
	m := make(map[string]*list, len(names))
	for _, n := range names {
		b, err := data.ReadFile(path.Join("data", n.Name()))
		if err != nil {
			panic(err)
		}
		m[strings.TrimSuffix(n.Name(), ".txt")] = parse(string(b))
	}
	return &Lists{lists: m}
})

// Default returns the embedded lists.
func Default() *Lists { return embedded() }

// parse reads one embedded file. A line holding " | " makes the file a
// file of pairs.
func parse(text string) *list {
	l := &list{}
	seen := map[string]bool{}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, value, isPair := strings.Cut(line, " | ")
		key = strings.TrimSpace(key)
		if seen[key] {
			l.dups = append(l.dups, key)
			continue
		}
		seen[key] = true
		l.keys = append(l.keys, key)
		if isPair {
			if l.pairs == nil {
				l.pairs = map[string]string{}
			}
			l.pairs[key] = strings.TrimSpace(value)
		}
	}
	return l
}

func (ls *Lists) get(name string) *list {
	if ls == nil {
		ls = Default()
	}
	l, ok := ls.lists[name]
	if !ok {
		// A name is a constant in the code that asks for it: a wrong one
		// is a programming error, found by any test that runs the code.
		panic(fmt.Sprintf("wordlist: no list %q", name))
	}
	return l
}

// Set returns the words of the list name as a set. Each call returns a
// new map; callers keep it for as long as they use the lists. A nil
// *Lists is the embedded lists.
func (ls *Lists) Set(name string) map[string]bool {
	l := ls.get(name)
	m := make(map[string]bool, len(l.keys))
	for _, k := range l.keys {
		m[k] = true
	}
	return m
}

// Pairs returns the list name, whose lines are "key | value", as a map
// (a copy, as Set's; nil for a list without pairs).
func (ls *Lists) Pairs(name string) map[string]string { return maps.Clone(ls.get(name).pairs) }

// Words returns the words of the list name in file order (the keys, for
// a list of pairs).
func (ls *Lists) Words(name string) []string { return append([]string(nil), ls.get(name).keys...) }

// Replaced returns the names of the lists a user's file replaced, sorted.
func (ls *Lists) Replaced() []string {
	if ls == nil {
		return nil
	}
	var names []string
	for n := range ls.replaced {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Set returns the embedded list name as a set (Default().Set).
func Set(name string) map[string]bool { return Default().Set(name) }

// Pairs returns the embedded list name as a map (Default().Pairs).
func Pairs(name string) map[string]string { return Default().Pairs(name) }

// Words returns the embedded list name in file order (Default().Words).
func Words(name string) []string { return Default().Words(name) }

// Names returns the names of all lists, sorted.
func Names() []string {
	var names []string
	for n := range Default().lists {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Text returns the embedded file of the list name, comments included: the
// starting point of a replacement.
func Text(name string) (string, error) {
	b, err := data.ReadFile(path.Join("data", name+".txt"))
	if err != nil {
		return "", fmt.Errorf("wordlist: no list %q", name)
	}
	return string(b), nil
}

// MarshalJSON writes the replaced lists' files, by list name: a process
// that receives them (a worker of a distributed run) makes the same Lists
// with UnmarshalJSON.
func (ls *Lists) MarshalJSON() ([]byte, error) {
	return json.Marshal(ls.replaced)
}

// UnmarshalJSON reads what MarshalJSON wrote, checking each file as Load
// does (its file name is then NAME.txt).
func (ls *Lists) UnmarshalJSON(b []byte) error {
	var files map[string]string
	if err := json.Unmarshal(b, &files); err != nil {
		return err
	}
	var srcs []source
	for name, text := range files {
		srcs = append(srcs, source{file: name + ".txt", name: name, text: text})
	}
	l, err := replace(srcs, nil)
	if err != nil {
		return err
	}
	*ls = *l
	return nil
}
