// Package wordlist holds the vocabulary the rules of extract consult: titles,
// demonyms, the head nouns of organisations, abbreviations and the like. Each
// list is a text file under data/, embedded in the binary, so that knowledge
// is reviewed as data and the Go code that uses it holds only logic.
//
//	titles := wordlist.Set("titles")       // map[string]bool, shared: do not modify
//	if titles[strings.ToLower(w)] { ... }
//	kinds := wordlist.Pairs("kinds-after") // "key | value" lines
//
// A file has one word or phrase per line, as the code looks it up (the files
// of lower-case lookups are written in lower case, the acronyms in capitals).
// Blank lines and lines starting with # are comments; the first line of every
// file is a comment saying what the list is and where it comes from. A file of
// pairs has lines "key | value". The files are parsed once, on first use;
// a word written twice in one file is kept once (and fails the package's
// tests).
package wordlist

import (
	"embed"
	"fmt"
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

var all = sync.OnceValue(func() map[string]*list {
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
	return m
})

// parse reads one file. A line holding " | " makes the file a file of pairs.
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

func get(name string) *list {
	l, ok := all()[name]
	if !ok {
		// A name is a constant in the code that asks for it: a wrong one
		// is a programming error, found by any test that runs the code.
		panic(fmt.Sprintf("wordlist: no list %q", name))
	}
	return l
}

// Set returns the words of the list name (the file data/name.txt) as a set.
// Each call returns a new map; callers keep it in a package variable.
func Set(name string) map[string]bool {
	l := get(name)
	m := make(map[string]bool, len(l.keys))
	for _, k := range l.keys {
		m[k] = true
	}
	return m
}

// Pairs returns the list name, whose lines are "key | value", as a map.
func Pairs(name string) map[string]string {
	l := get(name)
	m := make(map[string]string, len(l.pairs))
	for k, v := range l.pairs {
		m[k] = v
	}
	return m
}

// Words returns the words of the list name in file order.
func Words(name string) []string { return append([]string(nil), get(name).keys...) }

// Names returns the names of all lists, sorted.
func Names() []string {
	var names []string
	for n := range all() {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
