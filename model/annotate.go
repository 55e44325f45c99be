package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/extract-ca/extract/text"
)

// Repeats says how tokens that repeat within one call are tagged.
type Repeats int

const (
	// SharedRepeats reproduces prose: its tokenizer caches the tokens of
	// each whitespace-separated run within one call (but the text's last
	// run), so every repeat of a run shares one token object; the tagger
	// and the classifier write through it, and every repeat ends with the
	// tag and label of its last occurrence, which also feed the features
	// of the tokens labelled after the tags were set.
	SharedRepeats Repeats = iota
	// SeparateRepeats tags and labels every token where it stands.
	SeparateRepeats
)

// Annotate sets the POS tag and entity label of every token of toks, as
// one call of prose.NewDocument over text spanning exactly these tokens
// (prose's per-call behaviour matters with SharedRepeats). toks must be
// whole runs: every token of a whitespace-separated run, in order, as
// Tokenize made them; a sentence of a tokenized document is.
func (m *Model) Annotate(toks []Token, r Repeats) { m.annotate(toks, r, false) }

// Document tokenizes, tags and labels text as prose.NewDocument(text,
// prose.WithSegmentation(false)) does.
func (m *Model) Document(s string) []Token {
	toks := Tokenize(s, nil)
	if len(toks) == 0 {
		return toks
	}
	// prose caches every run but the text's last, and that one too when
	// white space follows it. A last run that gives no token ("'M0", which
	// prose drops) leaves the run before it cached.
	last, _ := utf8.DecodeLastRuneInString(s)
	runs := int32(len(strings.FieldsFunc(s, text.IsSpace)))
	m.annotate(toks, SharedRepeats, unicode.IsSpace(last) || toks[len(toks)-1].RunNum < runs-1)
	return toks
}

// annotate is Annotate; lastCached says whether prose would have cached
// the last run too (it does when white space follows it).
func (m *Model) annotate(toks []Token, r Repeats, lastCached bool) {
	if len(toks) == 0 {
		return
	}
	sc := getScratch()
	defer putScratch(sc)
	m.tag(sc, toks, r, lastCached)
	n := len(toks)
	slot, words := sc.slot, sc.words
	labels := grow(sc.labels, n)
	sc.labels = labels

	m.labelPositions(toks, words, labels, sc)
	sc.finalLabel = grow(sc.finalLabel, n)
	lastWins(slot, labels, sc.finalLabel)
	for i := range toks {
		toks[i].Label = m.w.NERLabels[labels[i]]
	}
}

// lastWins gives every position the value of the last position of its
// slot, as writing through prose's shared token objects does; final is
// scratch of len(vals).
func lastWins[T any](slot []int32, vals, final []T) {
	for i := range vals {
		final[slot[i]] = vals[i]
	}
	for i := range vals {
		vals[i] = final[slot[i]]
	}
}

// tag sets the POS tags of toks, leaving in sc the slots of prose's shared
// tokens and the word rows of the call for the classifier.
func (m *Model) tag(sc *scratch, toks []Token, r Repeats, lastCached bool) {
	n := len(toks)
	slot := grow(sc.slot, n)
	tags := grow(sc.tags, n)
	sc.slot, sc.tags = slot, tags
	if r == SharedRepeats {
		sc.slots(toks, slot, lastCached)
	} else {
		for i := range slot {
			slot[i] = int32(i)
		}
	}
	sc.cache.begin(m)
	words := grow(sc.words, n)
	sc.words = words
	for i := range toks {
		words[i] = sc.cache.word(m, toks[i].Text)
	}
	m.tagPositions(toks, words, tags, sc)
	sc.final = grow(sc.final, n)
	lastWins(slot, tags, sc.final)
	for i := range toks {
		toks[i].Tag = tags[i]
	}
	clear(sc.final) // let go of the tag strings
}

// slots gives each token the position of the token object prose would
// have for it: the first occurrence of the same piece of the same run
// text, except for the last run unless lastCached.
func (sc *scratch) slots(toks []Token, slot []int32, lastCached bool) {
	clear(sc.runs)
	lastRun := toks[len(toks)-1].RunNum
	base, firstPiece := int32(0), int32(0)
	for i := range toks {
		t := &toks[i]
		if i == 0 || t.RunNum != toks[i-1].RunNum {
			base, firstPiece = int32(i), t.Piece
			if t.RunNum != lastRun || lastCached {
				if b, ok := sc.runs[t.Run]; ok {
					base = b
				} else {
					sc.runs[t.Run] = base
				}
			}
		}
		slot[i] = base + t.Piece - firstPiece
	}
}

// scratch holds the buffers of one call, reused across calls.
type scratch struct {
	slot       []int32
	tags       []string
	final      []string
	labels     []int
	finalLabel []int
	runs       map[string]int32
	words      []int32
	cache      rowCache
	key        []byte
	posScores  []int64
	nerScores  []float64
}

// idle holds the scratch of calls that have finished, for the next. It is
// a free list rather than a sync.Pool because a pool is emptied by every
// garbage collection, and with it the rows of every word seen so far.
var idle = make(chan *scratch, 64)

func getScratch() *scratch {
	select {
	case sc := <-idle:
		return sc
	default:
		return &scratch{
			runs:      map[string]int32{},
			posScores: make([]int64, 256),
			nerScores: make([]float64, 256),
		}
	}
}

func putScratch(sc *scratch) {
	select {
	case idle <- sc:
	default: // more calls at once than the list holds: let it go
	}
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}
