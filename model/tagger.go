package model

import (
	"math"
	"regexp"
	"strings"

	"github.com/mingrammer/commonregex"
)

// The POS tagger is prose's port of TextBlob's averaged perceptron: a
// word tagged unambiguously in training takes its tag from a table; any
// other gets the best-scoring class over 14 features of the word, its
// neighbours and the two previous tags.

// noneTag matches the empty elements of the Penn Treebank, tagged -NONE-
// by prose before the model is asked.
var noneTag = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)

// tagPositions tags toks[i] into tags[i], each where it stands.
func (m *Model) tagPositions(toks []Token, tags []string, sc *scratch) {
	// ctx is prose's context: two start markers, the normalised words,
	// two end markers.
	ctx := sc.ctx[:0]
	ctx = append(ctx, "-START-", "-START2-")
	for i := range toks {
		ctx = append(ctx, sc.normalize(toks[i].Text))
	}
	ctx = append(ctx, "-END-", "-END2-")
	sc.ctx = ctx

	p1, p2 := "-START-", "-START2-"
	for i := range toks {
		word := toks[i].Text
		tag := m.fixedTag(word)
		if tag == "" {
			if c, ok := m.w.POSTagMap[word]; ok {
				tag = m.w.POSClasses[c]
			} else {
				tag = m.predictTag(sc, i+2, ctx, word, p1, p2)
			}
		}
		tags[i] = tag
		p2, p1 = p1, tag
	}
}

// fixedTag is the tag prose gives without its model, or "".
func (m *Model) fixedTag(word string) string {
	switch {
	case word == "-":
		return "-"
	case len(word) <= maxEmoticonLen && emoticons[word]:
		return "SYM"
	case mayBeLink(word) && commonregex.LinkRegex.MatchString(word),
		strings.IndexByte(word, '@') >= 0 && (word[0] == '@' || commonregex.EmailRegex.MatchString(word)):
		return "NN"
	case (word == "0" || word[0] == '*') && noneTag.MatchString(word):
		return "-NONE-"
	case isKeptTag(word):
		return word
	}
	return ""
}

// mayBeLink is a necessary condition for commonregex.LinkRegex to match: a
// full stop after [a-z0-9.-] with at least two bytes after it. It spares
// the regular expression for nearly every word.
func mayBeLink(w string) bool {
	for i := 1; i+2 < len(w); i++ {
		if w[i] == '.' {
			if b := w[i-1]; 'a' <= b && b <= 'z' || '0' <= b && b <= '9' || b == '.' || b == '-' {
				return true
			}
		}
	}
	return false
}

// isKeptTag matches prose's `^\-[A-Z]{3}\-$`: bracket tokens such as -LRB-
// are their own tag.
func isKeptTag(w string) bool {
	if len(w) != 5 || w[0] != '-' || w[4] != '-' {
		return false
	}
	for i := 1; i < 4; i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// predictTag scores the classes over prose's 14 features, summed in
// prose's order, and returns the best; "" when no feature is known.
func (m *Model) predictTag(sc *scratch, i int, ctx []string, w, p1, p2 string) string {
	scores := sc.posScores[:len(m.w.POSClasses)]
	seen := sc.posSeen[:len(m.w.POSClasses)]
	clear(scores)
	clear(seen)
	add := func(key []byte) {
		row, ok := m.w.POSFeature[string(key)]
		if !ok {
			return
		}
		for k := m.w.POSRow[row]; k < m.w.POSRow[row+1]; k++ {
			c := m.w.POSClass[k]
			scores[c] += m.w.POSWeight[k]
			seen[c] = true
		}
	}
	b := sc.key[:0]
	add(append(b, "bias"...))
	add(append(append(b, "i suffix "...), w[len(w)-min(len(w), 3):]...))
	add(append(append(b, "i pref1 "...), string(rune(w[0]))...))
	add(append(append(b, "i-1 tag "...), p1...))
	add(append(append(b, "i-2 tag "...), p2...))
	add(append(append(append(append(b, "i tag+i-2 tag "...), p1...), ' '), p2...))
	add(append(append(b, "i word "...), ctx[i]...))
	add(append(append(append(append(b, "i-1 tag+i word "...), p1...), ' '), ctx[i]...))
	add(append(append(b, "i-1 word "...), ctx[i-1]...))
	add(append(append(b, "i-1 suffix "...), suffix3(ctx[i-1])...))
	add(append(append(b, "i-2 word "...), ctx[i-2]...))
	add(append(append(b, "i+1 word "...), ctx[i+1]...))
	add(append(append(b, "i+1 suffix "...), suffix3(ctx[i+1])...))
	b = append(append(b, "i+2 word "...), ctx[i+2]...)
	add(b)
	sc.key = b

	best, bestScore := -1, math.Inf(-1)
	for c, s := range scores {
		if seen[c] && s > bestScore {
			best, bestScore = c, s
		}
	}
	if best < 0 {
		return ""
	}
	return m.w.POSClasses[best]
}

// suffix3 is the last three bytes of s, as prose slices them.
func suffix3(s string) string { return s[len(s)-min(len(s), 3):] }

// normalize is prose's normalisation of a context word: hyphenated words,
// four-digit numbers and words starting with a digit become classes,
// others are lower-cased.
func (sc *scratch) normalize(word string) string {
	switch {
	case word == "":
		return word
	case word[0] != '-' && strings.IndexByte(word, '-') >= 0:
		return "!HYPHEN"
	case len(word) == 4 && isAtoi(word):
		return "!YEAR"
	case '0' <= word[0] && word[0] <= '9':
		return "!DIGITS"
	}
	return sc.lower(word)
}

// isAtoi reports whether strconv.Atoi accepts s: an optional sign and at
// least one decimal digit (s is short enough never to overflow).
func isAtoi(s string) bool {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
