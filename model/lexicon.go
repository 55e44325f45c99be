package model

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Lexicon is a named list of words, such as given names, that an entity
// model knows as a feature (TrainOptions.Lexicons): a token whose lower
// case is in the list has the feature "in lexicon Name", joined with the
// token's shape, and training learns how much that says. It tells the
// model of words its training data never showed it: a given name met for
// the first time says "person" where its suffix and shape say nothing.
// The words go into the model file, so that the model computes the
// feature on new text as it did in training.
type Lexicon struct {
	Name  string
	Words []string // lower case, sorted, without repeats (Normalize)
}

// maxLexicons bounds the lexicons of a model: a token's lexicons are a
// 64-bit set.
const maxLexicons = 64

// Normalize lower-cases the words, sorts them and drops repeats, so that
// a model's file depends only on the set of words.
func (l *Lexicon) Normalize() {
	for i, w := range l.Words {
		l.Words[i] = strings.ToLower(w)
	}
	slices.Sort(l.Words)
	l.Words = slices.Compact(l.Words)
}

// check reports what makes the lexicon unusable: no name, or a word that
// is empty or holds a space (a token never does).
func (l *Lexicon) check() error {
	if l.Name == "" {
		return errors.New("a lexicon needs a name")
	}
	for _, w := range l.Words {
		if w == "" || strings.IndexFunc(w, unicode.IsSpace) >= 0 || !utf8.ValidString(w) {
			return fmt.Errorf("lexicon %s: %q is not one word", l.Name, w)
		}
	}
	return nil
}

// ReadLexicon reads a lexicon file: one word per line, in any case; blank
// lines and lines starting with '#' are skipped, and so is a byte order
// mark before the first line. A line holding more than
// one word, or bytes that are not UTF-8, is an error naming file and line.
// The lexicon comes back normalised.
func ReadLexicon(name, file string, r io.Reader) (Lexicon, error) {
	l := Lexicon{Name: name}
	if name == "" {
		return l, fmt.Errorf("%s: a lexicon needs a name", file)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if n == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !utf8.ValidString(line) {
			return l, fmt.Errorf("%s:%d: not UTF-8", file, n)
		}
		if strings.IndexFunc(line, unicode.IsSpace) >= 0 {
			return l, fmt.Errorf("%s:%d: %q: one word a line", file, n, line)
		}
		l.Words = append(l.Words, line)
	}
	if err := sc.Err(); err != nil {
		return l, fmt.Errorf("%s:%d: %w", file, n+1, err)
	}
	if len(l.Words) == 0 {
		return l, fmt.Errorf("%s: no words", file)
	}
	l.Normalize()
	return l, nil
}

// lexiconSet is a model's lexicons, indexed to look up which hold a word.
type lexiconSet struct {
	lexicons []Lexicon
	words    map[string]uint64 // lower-case word → bit set of lexicons
}

// newLexiconSet indexes lexicons; nil for none.
func newLexiconSet(lexicons []Lexicon) *lexiconSet {
	if len(lexicons) == 0 {
		return nil
	}
	s := &lexiconSet{lexicons: lexicons, words: map[string]uint64{}}
	for i, l := range lexicons {
		for _, w := range l.Words {
			s.words[w] |= 1 << i
		}
	}
	return s
}

// list returns the lexicons; nil for none.
func (s *lexiconSet) list() []Lexicon {
	if s == nil {
		return nil
	}
	return s.lexicons
}

// of returns the bit set of the lexicons that hold lower.
func (s *lexiconSet) of(lower string) uint64 {
	if s == nil {
		return 0
	}
	return s.words[lower]
}

// checkLexicons reports lexicons a model cannot take: too many, a name
// given twice, or a bad lexicon.
func checkLexicons(lexicons []Lexicon) error {
	if len(lexicons) > maxLexicons {
		return fmt.Errorf("%d lexicons: at most %d", len(lexicons), maxLexicons)
	}
	seen := map[string]bool{}
	for i := range lexicons {
		l := &lexicons[i]
		if err := l.check(); err != nil {
			return err
		}
		if seen[l.Name] {
			return fmt.Errorf("lexicon %s given twice", l.Name)
		}
		seen[l.Name] = true
	}
	return nil
}
