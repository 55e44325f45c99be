package model

import (
	"strconv"
	"strings"
	"sync"
)

// Both models look up most of their features by the word alone: its
// suffix, prefix, shape, its lower case, or the word as a neighbour. A
// lookup in the weight tables (hundreds of thousands of keys) costs a
// cache miss or two, so each distinct word's rows are looked up once per
// process, kept in a table the workers share (sharedWords), and each
// worker keeps pointers to the rows it has used in a small table of its
// own (rowCache), so that most tokens touch no lock. Per token only the
// features that join a word with a tag are looked up in the weight tables.

// wordRows are the rows of one word's features; -1 where the model has no
// weights for the feature.
type wordRows struct {
	norm string // the word normalised as a POS context word

	// POS features of the word itself: bias, suffix, first letter and
	// the word, summed into one vector (the perceptron's integer sums do
	// not depend on order), with the classes they touch as a bit set.
	static     []int64
	staticSeen uint64
	// POS features of the word as context, by its normalised form.
	posWord, posPrevWord, posPrev2Word, posNextWord, posNext2Word int32
	posPrevSuffix, posNextSuffix                                  int32

	// NER features of the word itself, and as a neighbour.
	nerWordlist, nerPrefix3, nerShape, nerSuffix3, nerWord int32
	nerWordLower, nerWordLen, nerPrevWord, nerNextWord     int32
	shape                                                  int // index into shapes
	lower                                                  string
}

// tagRows are the rows of one POS tag's features.
type tagRows struct {
	posPrevTag, posPrev2Tag int32
	nerPOS, nerPrevPOS      int32
	nerNextPOS              int32
	nerPOSPrevTag           []int32 // by prevtag index
	lower                   string
}

var shapes = []string{"number", "punct", "downcase", "upcase", "mixedcase", "other", "None"}

const shapeNone = 6

func shapeIndex(s string) int {
	for i, sh := range shapes {
		if sh == s {
			return i
		}
	}
	return len(shapes) - 1
}

// posRow looks a POS feature key up; -1 when absent.
func (m *Model) posRow(key []byte) int32 {
	if row, ok := m.w.POSFeature[string(key)]; ok {
		return row
	}
	return -1
}

// nerRow looks up the row of value for NER feature template f; -1 when absent.
func (m *Model) nerRow(f int, value []byte) int32 {
	if row, ok := m.w.NERValue[f][string(value)]; ok {
		return row
	}
	return -1
}

func (m *Model) newWordRows(word string, b []byte) (*wordRows, []byte) {
	r := &wordRows{}
	norm := normalize(word)
	r.norm = norm
	m.contextRows(r, norm, b)
	r.static = make([]int64, len(m.w.POSClasses))
	for _, row := range []int32{
		m.posBias,
		m.posRow(append(append(b[:0], "i suffix "...), word[len(word)-min(len(word), 3):]...)),
		m.posRow(append(append(b[:0], "i pref1 "...), string(rune(word[0]))...)),
		r.posWord,
	} {
		m.addRow(r.static, &r.staticSeen, row)
	}

	r.lower = strings.ToLower(word)
	if m.w.NERWords[word] {
		r.nerWordlist = m.nerRow(fEnWordlist, append(b[:0], "True"...))
	} else {
		r.nerWordlist = m.nerRow(fEnWordlist, append(b[:0], "False"...))
	}
	r.nerPrefix3 = m.nerRow(fPrefix3, appendLower(b[:0], word[:min(len(word), 3)]))
	sh := shape(word)
	r.shape = shapeIndex(sh)
	r.nerShape = m.nerRow(fShape, append(b[:0], sh...))
	r.nerSuffix3 = m.nerRow(fSuffix3, appendLower(b[:0], word[len(word)-min(len(word), 3):]))
	r.nerWord = m.nerRow(fWord, append(b[:0], word...))
	r.nerWordLower = m.nerRow(fWordLower, append(b[:0], r.lower...))
	r.nerWordLen = m.nerRow(fWordLen, strconv.AppendInt(b[:0], int64(len(word)), 10))
	r.nerPrevWord = m.nerRow(fPrevWord, append(b[:0], r.lower...))
	r.nerNextWord = m.nerRow(fNextWord, append(b[:0], r.lower...))
	return r, b
}

// contextRows fills the rows of the normalised word as a POS context.
func (m *Model) contextRows(r *wordRows, norm string, b []byte) {
	r.posWord = m.posRow(append(append(b[:0], "i word "...), norm...))
	r.posPrevWord = m.posRow(append(append(b[:0], "i-1 word "...), norm...))
	r.posPrev2Word = m.posRow(append(append(b[:0], "i-2 word "...), norm...))
	r.posNextWord = m.posRow(append(append(b[:0], "i+1 word "...), norm...))
	r.posNext2Word = m.posRow(append(append(b[:0], "i+2 word "...), norm...))
	r.posPrevSuffix = m.posRow(append(append(b[:0], "i-1 suffix "...), suffix3(norm)...))
	r.posNextSuffix = m.posRow(append(append(b[:0], "i+1 suffix "...), suffix3(norm)...))
}

func (m *Model) newTagRows(tag string, b []byte) tagRows {
	var r tagRows
	r.posPrevTag = m.posRow(append(append(b[:0], "i-1 tag "...), tag...))
	r.posPrev2Tag = m.posRow(append(append(b[:0], "i-2 tag "...), tag...))
	r.nerPOS = m.nerRow(fPOS, append(b[:0], tag...))
	r.nerPrevPOS = m.nerRow(fPrevPOS, append(b[:0], tag...))
	r.lower = strings.ToLower(tag)
	r.nerNextPOS = m.nerRow(fNextPOS, append(b[:0], r.lower...))
	for _, prev := range m.prevTags {
		r.nerPOSPrevTag = append(r.nerPOSPrevTag, m.nerRow(fPOSPrevTag, append(append(append(b[:0], tag...), '+'), prev...)))
	}
	return r
}

// normalize is prose's normalisation of a context word: hyphenated words,
// four-digit numbers and words starting with a digit become classes,
// others are lower-cased.
func normalize(word string) string {
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
	return strings.ToLower(word)
}

// rowCache keeps the rows of the words and tags a worker has seen, for one
// model. It is bounded: past maxCached words it starts afresh.
type rowCache struct {
	model *Model
	// vectors holds dense POS score vectors, len(POSClasses) each, with
	// the classes they touch as a bit set in seen.
	vectors []int64
	seen    []uint64
	pairs   map[[2]int32]int32 // tags (i-1, i-2) → vector of their three features
	words   map[string]int32
	rows    []*wordRows
	tags    map[string]int32
	trows   []tagRows
	key     []byte
}

const maxCached = 1 << 16

func (c *rowCache) reset(m *Model) {
	c.model = m
	c.words = make(map[string]int32, 4096)
	c.rows = c.rows[:0]
	c.tags = make(map[string]int32, 64)
	c.trows = c.trows[:0]
	c.vectors = c.vectors[:0]
	c.seen = c.seen[:0]
	c.pairs = make(map[[2]int32]int32, 256)
}

// newVector sums the perceptron rows into a new dense vector and returns
// its index.
func (c *rowCache) newVector(m *Model, rows ...int32) int32 {
	n := len(m.w.POSClasses)
	i := int32(len(c.seen))
	c.vectors = append(c.vectors, make([]int64, n)...)
	v := c.vectors[len(c.vectors)-n:]
	var seen uint64
	for _, row := range rows {
		m.addRow(v, &seen, row)
	}
	c.seen = append(c.seen, seen)
	return i
}

// vector returns vector i.
func (c *rowCache) vector(m *Model, i int32) []int64 {
	n := len(m.w.POSClasses)
	return c.vectors[int(i)*n : int(i)*n+n]
}

// pair returns the vector of the features of the two previous tags.
func (c *rowCache) pair(m *Model, p1, p2 string, key []byte) (int32, []byte) {
	t1, t2 := c.tag(m, p1), c.tag(m, p2)
	if i, ok := c.pairs[[2]int32{t1, t2}]; ok {
		return i, key
	}
	key = append(append(append(append(key[:0], "i tag+i-2 tag "...), p1...), ' '), p2...)
	i := c.newVector(m, c.trows[t1].posPrevTag, c.trows[t2].posPrev2Tag, m.posRow(key))
	c.pairs[[2]int32{t1, t2}] = i
	return i, key
}

// begin readies the cache for a call of model m; it is emptied between
// calls only, so that indexes handed out during a call stay valid.
func (c *rowCache) begin(m *Model) {
	if c.model != m || len(c.rows) >= maxCached || len(c.trows) >= maxCached {
		c.reset(m)
	}
}

func (c *rowCache) word(m *Model, w string) int32 {
	if i, ok := c.words[w]; ok {
		return i
	}
	var r *wordRows
	r, c.key = m.words.get(m, w, c.key)
	i := int32(len(c.rows))
	c.rows = append(c.rows, r)
	// The key is copied: a slice of the document would keep all of it
	// alive for as long as the cache lives.
	c.words[strings.Clone(w)] = i
	return i
}

// sharedWords is the rows of every word the process has seen, shared by
// the workers so that each word is looked up once, not once per worker.
// It is bounded: past maxShared words it starts afresh (rows already
// handed out stay valid).
type sharedWords struct {
	mu   sync.RWMutex
	rows map[string]*wordRows
}

const maxShared = 1 << 17

func (s *sharedWords) get(m *Model, w string, key []byte) (*wordRows, []byte) {
	s.mu.RLock()
	r := s.rows[w]
	s.mu.RUnlock()
	if r != nil {
		return r, key
	}
	// Made outside the lock: two workers meeting a new word at once both
	// make its rows, and the first stored wins; both are the same.
	r, key = m.newWordRows(w, key)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.rows == nil || len(s.rows) >= maxShared {
		s.rows = make(map[string]*wordRows, 1<<12)
	}
	if old := s.rows[w]; old != nil {
		return old, key
	}
	s.rows[strings.Clone(w)] = r
	return r, key
}

func (c *rowCache) tag(m *Model, t string) int32 {
	i, ok := c.tags[t]
	if !ok {
		i = int32(len(c.trows))
		c.trows = append(c.trows, m.newTagRows(t, c.key))
		c.tags[strings.Clone(t)] = i
	}
	return i
}
