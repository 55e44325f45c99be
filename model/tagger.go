package model

import (
	_ "embed"
	"math"
	"regexp"
	"strings"
	"sync"

	"github.com/extract-ca/extract/text"
)

// The POS tagger is prose's port of TextBlob's averaged perceptron: a
// word tagged unambiguously in training takes its tag from a table; any
// other gets the best-scoring class over 14 features of the word, its
// neighbours and the two previous tags.

// noneTag matches the empty elements of the Penn Treebank, tagged -NONE-
// by prose before the model is asked.
var noneTag = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)

// tagPositions tags toks[i] into tags[i], each where it stands. words[i]
// is the cache index of toks[i].Text.
func (m *Model) tagPositions(toks []Token, words []int32, tags []string, sc *scratch) {
	c := &sc.cache
	// ctx(j) is the rows of prose's context word j: two start markers,
	// the words, two end markers.
	ctx := func(j int) *wordRows {
		switch {
		case j < 2:
			return &m.edges[j]
		case j >= len(toks)+2:
			return &m.edges[j-len(toks)]
		}
		return c.rows[words[j-2]]
	}
	p1, p2 := "-START-", "-START2-"
	for i := range toks {
		word := toks[i].Text
		tag := m.fixedTag(word)
		if tag == "" {
			if cl, ok := m.w.POSTagMap[word]; ok {
				tag = m.w.POSClasses[cl]
			} else {
				tag = m.predictTag(sc, i+2, ctx, p1, p2)
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
	case text.IsEmoticon(word):
		return "SYM"
	case mayBeLink(word) && linkPatterns().link.MatchString(word),
		strings.IndexByte(word, '@') >= 0 && (word[0] == '@' || linkPatterns().email.MatchString(word)):
		return "NN"
	case (word == "0" || word[0] == '*') && noneTag.MatchString(word):
		return "-NONE-"
	case isKeptTag(word):
		return word
	}
	return ""
}

// commonregexPatterns are commonregex's LinkRegex and EmailRegex, which
// prose's tagger tags NN, one per line (go generate: internal/genpatterns).
//
//go:embed data/commonregex.txt
var commonregexPatterns string

// linkPatterns compiles commonregexPatterns on first use: the engine needs
// them rarely, and importing commonregex would compile all of its
// expressions at every start.
var linkPatterns = sync.OnceValue(func() (p struct{ link, email *regexp.Regexp }) {
	lines := strings.Split(strings.TrimSuffix(commonregexPatterns, "\n"), "\n")
	p.link = regexp.MustCompile(lines[0]) // the file is ours and tested: TestPatternsAreCommonregex
	p.email = regexp.MustCompile(lines[len(lines)-1])
	return p
})

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

// predictTag scores the classes over prose's 14 features of context word
// j and returns the best; "" when no feature is known.
//
// The weights are multiples of 0.001, summed here exactly as integers.
// prose sums float64s in the random order of Go maps and picks the best
// in random order too, so where two classes tie exactly prose's choice is
// itself random; elsewhere the two agree. Ties go to the first class here.
func (m *Model) predictTag(sc *scratch, j int, ctx func(int) *wordRows, p1, p2 string) string {
	c := &sc.cache
	w := ctx(j)
	var pair int32
	pair, sc.key = c.pair(m, p1, p2, sc.key)
	scores := sc.posScores[:len(m.w.POSClasses)]
	static, tags := w.static, c.vector(m, pair)
	for k := range scores {
		scores[k] = static[k] + tags[k]
	}
	seen := w.staticSeen | c.seen[pair]
	add := func(row int32) { m.addRow(scores, &seen, row) }
	b := append(append(append(append(sc.key[:0], "i-1 tag+i word "...), p1...), ' '), w.norm...)
	add(m.posRow(b))
	sc.key = b
	add(ctx(j - 1).posPrevWord)
	add(ctx(j - 1).posPrevSuffix)
	add(ctx(j - 2).posPrev2Word)
	add(ctx(j + 1).posNextWord)
	add(ctx(j + 1).posNextSuffix)
	add(ctx(j + 2).posNext2Word)

	best, bestScore := -1, int64(math.MinInt64)
	for cl, s := range scores {
		if seen&(1<<cl) != 0 && s > bestScore {
			best, bestScore = cl, s
		}
	}
	if best < 0 {
		return ""
	}
	return m.w.POSClasses[best]
}

// addRow adds the perceptron weights of row (none when -1) to scores, and
// the classes it touches to seen. Integer sums: exact, so order does not
// matter.
func (m *Model) addRow(scores []int64, seen *uint64, row int32) {
	if row < 0 {
		return
	}
	for k := m.w.POSRow[row]; k < m.w.POSRow[row+1]; k++ {
		cl := m.w.POSClass[k]
		scores[cl] += int64(m.w.POSWeight[k])
		*seen |= 1 << cl
	}
}

// suffix3 is the last three bytes of s, as prose slices them.
func suffix3(s string) string { return s[len(s)-min(len(s), 3):] }

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
