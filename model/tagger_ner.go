package model

import (
	"cmp"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// EntityTagger is a trained entity model: an averaged-perceptron sequence
// tagger over BIO labels of PERSON, PLACE and GROUP, decoded left to right
// so that the labels already given can be features of the next token:
// greedily or by a beam search in training (TrainOptions.Beam), by a beam
// search in Annotate (see DefaultBeam). It
// is made by Train or LoadEntityTagger, is read-only after that and is
// safe for concurrent use.
//
// Features are hashed (64-bit FNV-1a of a template id and its value):
// the model stores no strings, only the hashes of the features that
// training gave a non-zero weight, which keeps the file small.
type EntityTagger struct {
	labels  []string         // "O", then B-X, I-X for each type
	index   map[uint64]int32 // feature hash → row
	weights []float32        // rows of len(labels)
	// lex holds the word lists of the lexicon features
	// (TrainOptions.Lexicons); nil for none.
	lex *lexiconSet
	// Gazetteer says whether the model was trained with gazetteer
	// features: callers should then pass the gazetteer's matches.
	Gazetteer bool
	// Recipe is how the model was trained, as its maker recorded it
	// (extract train --recipe): the default model and the models that
	// cross-validate it carry the same one. Empty when none was given.
	Recipe string
	// Beam is the width of Annotate's beam search: 1 decodes greedily,
	// left to right; 0 means DefaultBeam.
	Beam int
	// MinMargin, when positive, is the smallest margin (Margins) the
	// pipeline keeps a name of the model at where no gazetteer name
	// overlaps it: a closer call is dropped. 0 keeps every name.
	MinMargin float32
}

// Labels returns the model's labels, "O" first.
func (t *EntityTagger) Labels() []string { return t.labels }

// Lexicons returns the word lists the model was trained with as features
// (TrainOptions.Lexicons). They are part of the model; do not modify them.
func (t *EntityTagger) Lexicons() []Lexicon { return t.lex.list() }

// labelIndex maps each of the model's labels to its index, to read back
// the labels Annotate wrote on tokens.
func (t *EntityTagger) labelIndex() map[string]int {
	index := make(map[string]int, len(t.labels))
	for l, name := range t.labels {
		index[name] = l
	}
	return index
}

// GazMatch is a gazetteer name found in the text: byte offsets, the
// entry's type (PERSON, PLACE, GROUP) and kind ("city", "militant
// group"). The model does not depend on the gazetteer package: any
// list of names will do.
type GazMatch struct {
	Start, End int
	Type, Kind string
}

// Sentence is a range of token indexes [Start, End).
type Sentence struct{ Start, End int }

// Feature templates. Their numbers are part of the model file format:
// append, never renumber.
const (
	tBias byte = iota
	tWord
	tLower
	tPrefix3
	tSuffix3
	tShape
	tWordLen
	tPOS
	tPrevWord
	tNextWord
	tPrevPOS
	tNextPOS
	tWordNextPOS
	tWordlist
	tPrev2Word
	tNext2Word
	tShapeAt // + offset byte
	tShapeTri
	tShort
	tSentStart
	tAllCaps
	tGazType
	tGazKind
	tPrevLabel
	tPrev2Label
	tPrevLabelWord
	tPrevLabelShape
	tPrevLabelPOS
	tMemory
	tPrefix2
	tSuffix2
	tSuffix4
	tPrevShortNext
	tLexicon
)

// fnv-1a, 64 bit.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

type hasher uint64

func newHash(t byte) hasher { return hasher(fnvOffset).byte(t) }

func (h hasher) byte(b byte) hasher { return (h ^ hasher(b)) * fnvPrime }

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		h = (h ^ hasher(s[i])) * fnvPrime
	}
	// A separator, so that ("ab","c") and ("a","bc") differ.
	return h.byte(0xff)
}

// tokenInfo is what the features need of a token, computed once.
type tokenInfo struct {
	word, lower, shape, short, pos string
	wordlist                       bool
	lex                            uint64 // the lexicons holding the word, a bit set
}

// shortShape maps upper-case letters to X, lower-case to x, digits to d
// and keeps other characters, collapsing repeats: "Rahmon" → "Xx",
// "U.S." → "X.X.", "1990s" → "dx". It tells initials, acronyms and
// numbers apart where prose's five shapes do not.
func shortShape(w string) string {
	var b strings.Builder
	var last rune = -1
	for _, r := range w {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c != last {
			b.WriteRune(c)
			last = c
		}
	}
	return b.String()
}

// featureContext is the per-document state of feature extraction.
type featureContext struct {
	info    []tokenInfo
	gaz     []gazPos // by token
	allCaps []bool   // by sentence
	memory  map[string]int
	lex     *lexiconSet
}

// gazPos is the gazetteer match covering a token, if any.
type gazPos struct {
	typ, kind string
	begin     bool
	ok        bool
}

// prepare computes the word-level information of a document's tokens.
// lex, when not nil, are the model's lexicons.
func prepare(toks []Token, sents []Sentence, hits []GazMatch, lex *lexiconSet) *featureContext {
	fc := &featureContext{info: make([]tokenInfo, len(toks)), memory: map[string]int{}, lex: lex}
	var words map[string]bool
	if d := Default(); d != nil {
		words = d.w.NERWords
	}
	for i, t := range toks {
		lower := strings.ToLower(t.Text)
		fc.info[i] = tokenInfo{
			word:     t.Text,
			lower:    lower,
			shape:    shape(t.Text),
			short:    shortShape(t.Text),
			pos:      t.Tag,
			wordlist: words[t.Text],
			lex:      lex.of(lower),
		}
	}
	fc.allCaps = make([]bool, len(sents))
	for s, sent := range sents {
		upper, lower := 0, 0
		for _, t := range toks[sent.Start:sent.End] {
			for _, r := range t.Text {
				if unicode.IsUpper(r) {
					upper++
				} else if unicode.IsLower(r) {
					lower++
				}
			}
		}
		fc.allCaps[s] = upper > 3 && lower == 0
	}
	if len(hits) > 0 {
		fc.gaz = make([]gazPos, len(toks))
		// Hits are few and tokens ordered: for each hit mark the tokens
		// inside it, the longest hit winning where hits overlap.
		best := make([]int, len(toks))
		for _, h := range hits {
			first := true
			for i := searchToken(toks, h.Start); i < len(toks) && toks[i].End <= h.End; i++ {
				if toks[i].Start < h.Start {
					continue
				}
				if n := h.End - h.Start; n > best[i] {
					best[i] = n
					fc.gaz[i] = gazPos{typ: h.Type, kind: h.Kind, begin: first, ok: true}
				}
				first = false
			}
		}
	}
	return fc
}

// searchToken returns the index of the first token that ends after off.
func searchToken(toks []Token, off int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		mid := (lo + hi) / 2
		if toks[mid].End <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// staticFeatures appends the hashes of the features of token i of
// sentence s that do not depend on labels.
func (fc *featureContext) staticFeatures(dst []uint64, sents []Sentence, s, i int) []uint64 {
	sent := sents[s]
	at := func(j int) *tokenInfo {
		if j < sent.Start || j >= sent.End {
			return nil
		}
		return &fc.info[j]
	}
	w := &fc.info[i]
	add := func(h hasher) { dst = append(dst, uint64(h)) }
	add(newHash(tBias))
	add(newHash(tWord).str(w.word))
	add(newHash(tLower).str(w.lower))
	add(newHash(tPrefix3).str(prefix(w.lower, 3)))
	add(newHash(tPrefix2).str(prefix(w.lower, 2)))
	add(newHash(tSuffix3).str(suffix(w.lower, 3)))
	add(newHash(tSuffix2).str(suffix(w.lower, 2)))
	add(newHash(tSuffix4).str(suffix(w.lower, 4)))
	add(newHash(tShape).str(w.shape))
	add(newHash(tShort).str(w.short))
	add(newHash(tWordLen).str(strconv.Itoa(min(utf8.RuneCountInString(w.word), 12))))
	add(newHash(tPOS).str(w.pos))
	add(newHash(tWordlist).str(strconv.FormatBool(w.wordlist)).str(w.shape))
	str := func(t *tokenInfo, f func(*tokenInfo) string) string {
		if t == nil {
			return "<none>"
		}
		return f(t)
	}
	lower := func(t *tokenInfo) string { return t.lower }
	pos := func(t *tokenInfo) string { return t.pos }
	short := func(t *tokenInfo) string { return t.short }
	add(newHash(tPrevWord).str(str(at(i-1), lower)))
	add(newHash(tNextWord).str(str(at(i+1), lower)))
	add(newHash(tPrev2Word).str(str(at(i-2), lower)))
	add(newHash(tNext2Word).str(str(at(i+2), lower)))
	add(newHash(tPrevPOS).str(str(at(i-1), pos)))
	add(newHash(tNextPOS).str(str(at(i+1), pos)))
	add(newHash(tWordNextPOS).str(w.lower).str(str(at(i+1), pos)))
	for d := -2; d <= 2; d++ {
		if d != 0 {
			add(newHash(tShapeAt).byte(byte(d + 2)).str(str(at(i+d), short)))
		}
	}
	add(newHash(tShapeTri).str(str(at(i-1), short)).str(w.short).str(str(at(i+1), short)))
	add(newHash(tPrevShortNext).str(str(at(i-1), lower)).str(w.short).str(str(at(i+1), lower)))
	// Capitals prove little at the start of a sentence or in a line
	// written all in capitals: the features let the model learn how
	// much less.
	start := i == sent.Start
	if !start {
		// Opening quotes and brackets before the first word.
		start = true
		for j := sent.Start; j < i; j++ {
			if fc.info[j].shape != "punct" {
				start = false
				break
			}
		}
	}
	if start {
		add(newHash(tSentStart).str(w.shape).str(strconv.FormatBool(w.wordlist)))
	}
	for set := w.lex; set != 0; set &= set - 1 {
		add(newHash(tLexicon).str(fc.lex.lexicons[bits.TrailingZeros64(set)].Name).str(w.shape))
	}
	if fc.allCaps[s] {
		add(newHash(tAllCaps).str(w.lower))
		add(newHash(tAllCaps).str(w.short))
	}
	if fc.gaz != nil {
		if g := fc.gaz[i]; g.ok {
			bi := "I"
			if g.begin {
				bi = "B"
			}
			add(newHash(tGazType).str(g.typ).str(bi))
			add(newHash(tGazKind).str(g.typ).str(g.kind).str(bi))
		} else {
			add(newHash(tGazType).str("none"))
		}
	}
	return dst
}

// dynamicFeatures appends the features of token i that depend on the
// labels given before it: prev[0] and prev[1] are the labels of the two
// previous tokens of the sentence (-1 for none).
func (fc *featureContext) dynamicFeatures(dst []uint64, i int, p1, p2 int) []uint64 {
	w := &fc.info[i]
	l1, l2 := byte(p1+1), byte(p2+1)
	dst = append(dst,
		uint64(newHash(tPrevLabel).byte(l1)),
		uint64(newHash(tPrev2Label).byte(l1).byte(l2)),
		uint64(newHash(tPrevLabelWord).byte(l1).str(w.lower)),
		uint64(newHash(tPrevLabelShape).byte(l1).str(w.short)),
		uint64(newHash(tPrevLabelPOS).byte(l1).str(w.pos)))
	// Document memory: a name keeps its type through an article; the
	// earlier label is a hint even where the context is poor ("Rahmon
	// said" after "President Emomali Rahmon").
	if w.shape == "upcase" || w.shape == "mixedcase" {
		if l, ok := fc.memory[w.word]; ok {
			dst = append(dst, uint64(newHash(tMemory).byte(byte(l))))
		} else {
			dst = append(dst, uint64(newHash(tMemory).byte(0xfe)))
		}
	}
	return dst
}

// remember records the type label l (an index into labels) of token i for
// the document memory: the entity type, whatever the B/I.
func (fc *featureContext) remember(i int, typ int) {
	w := &fc.info[i]
	if w.shape == "upcase" || w.shape == "mixedcase" {
		fc.memory[w.word] = typ
	}
}

func prefix(s string, n int) string {
	k := 0
	for i := range s {
		if k == n {
			return s[:i]
		}
		k++
	}
	return s
}

func suffix(s string, n int) string {
	k := len(s)
	for c := 0; c < n && k > 0; c++ {
		_, size := utf8.DecodeLastRuneInString(s[:k])
		k -= size
	}
	return s[k:]
}

// typeOf maps a label index to its entity type index (0 for O): labels are
// O, B-1, I-1, B-2, I-2, ...
func typeOf(l int) int { return (l + 1) / 2 }

// Annotate sets the Label of every token of toks to a BIO label (O,
// B-PERSON, I-PLACE, ...). The tokens must carry POS tags (Model.Annotate
// sets them); sents are the sentences as token ranges, in order; hits are
// the gazetteer's matches in the text (byte offsets), used only when the
// model was trained with them. Tokens outside every sentence are labelled
// O.
func (t *EntityTagger) Annotate(toks []Token, sents []Sentence, hits []GazMatch) {
	for i := range toks {
		toks[i].Label = "O"
	}
	if !t.Gazetteer {
		hits = nil
	}
	sents = validSentences(sents, len(toks))
	fc := prepare(toks, sents, hits, t.lex)
	scores := make([]float32, len(t.labels))
	var feats []uint64
	if k := t.beam(); k > 1 {
		t.annotateBeam(toks, sents, fc, k)
		return
	}
	for s, sent := range sents {
		p1, p2 := -1, -1
		for i := sent.Start; i < sent.End; i++ {
			feats = fc.staticFeatures(feats[:0], sents, s, i)
			feats = fc.dynamicFeatures(feats, i, p1, p2)
			l := t.predict(feats, scores, p1)
			toks[i].Label = t.labels[l]
			fc.remember(i, typeOf(l))
			p2, p1 = p1, l
		}
	}
}

// DefaultBeam is the width of the beam search Annotate decodes with when
// EntityTagger.Beam is zero. Measured (3 December 2026) with the models
// of scripts/train-default, strict F1 of the pipeline in the order CoNLL
// dev, WikiGold, WNUT-17, GMB, seeds (cross-validated by scripts/seedcv):
// trained for a beam of 4 (--beam 4 --orders 5 --iterations 25, --seed 1),
// beam 4 → 8 → 16: 0.8930 → 0.8934 → 0.8937, 0.6452 → 0.6452 → 0.6466,
// 0.2735 → 0.2772 → 0.2775, 0.6617 → 0.6619 → 0.6620, 0.9404 → 0.9415 →
// 0.9415 (--seed 2 alike); trained greedily (--orders 5 --iterations 25,
// --min-margin 2), beam 4 → 8: 0.8891 → 0.8895, 0.6459 → 0.6499, 0.2620 →
// 0.2665, 0.6584 → 0.6586, 0.9402 → 0.9408. 8 gains over 4 on every set
// but one, where it equals it, and costs little (scripts/bench's 2 MB
// corpus: within the noise of a few runs); 16 adds little more for twice
// the work.
const DefaultBeam = 8

func (t *EntityTagger) beam() int {
	if t.Beam == 0 {
		return DefaultBeam
	}
	return t.Beam
}

// hypothesis is a labelling of a sentence's first tokens and its score,
// the sum of the scores of its labels.
type hypothesis struct {
	node   int32 // its last label's node in the sentence's trail; -1 before the first token
	p1, p2 int   // its last two labels, -1 where there are none
	score  float32
	from   int // the index in the previous beam of the hypothesis it extends
}

// trailNode is one label of a hypothesis and the node of the label before
// it: hypotheses share their histories instead of copying them.
type trailNode struct {
	prev  int32
	label int32
}

// candidate extends the hypothesis beam[from] with label.
type candidate struct {
	from, label int
	score       float32
}

// annotateBeam labels each sentence with the best of k hypotheses kept
// token by token (a beam search): a label that looks best alone can lose
// to a sequence that scores more as a whole ("Dynamo Moscow" as one
// group rather than a place after a person). The label-free features are
// scored once per token; only the features of the previous labels are
// scored per hypothesis. The document memory is updated after each
// sentence, from its best hypothesis.
func (t *EntityTagger) annotateBeam(toks []Token, sents []Sentence, fc *featureContext, k int) {
	b := newBeamSearch(k, len(t.labels))
	var feats []uint64
	var labels []int
	for s, sent := range sents {
		b.reset()
		for i := sent.Start; i < sent.End; i++ {
			feats = fc.staticFeatures(feats[:0], sents, s, i)
			t.sum(feats, b.static)
			b.step(func(p1, p2 int, scores []float32) {
				feats = fc.dynamicFeatures(feats[:0], i, p1, p2)
				t.sum(feats, scores)
			})
		}
		labels = b.best(labels[:0])
		for j, l := range labels {
			toks[sent.Start+j].Label = t.labels[l]
			fc.remember(sent.Start+j, typeOf(l))
		}
	}
}

// beamSearch keeps the k best labellings of a sentence's first tokens,
// token by token: Annotate decodes with it, and training (TrainOptions.Beam)
// learns with it.
type beamSearch struct {
	k      int
	beam   []hypothesis
	next   []hypothesis
	cands  []candidate
	trail  []trailNode
	static []float32 // the scores of the token's label-free features, set by the caller before step
	// dynamic holds the scores of each hypothesis's previous-label
	// features, labels apart; hypotheses that end in the same two labels
	// share them, so they are scored once.
	dynamic []float32
	n       int // labels
}

func newBeamSearch(k, labels int) *beamSearch {
	return &beamSearch{k: k, static: make([]float32, labels), dynamic: make([]float32, k*labels), n: labels}
}

// reset starts a sentence: one empty hypothesis.
func (b *beamSearch) reset() {
	b.beam = append(b.beam[:0], hypothesis{node: -1, p1: -1, p2: -1})
	b.trail = b.trail[:0]
}

// step extends every hypothesis by every label that may follow its last
// one and keeps the k best. b.static holds the scores of the token's
// label-free features; dynamic sets scores to those of its features after
// the labels p1, p2.
func (b *beamSearch) step(dynamic func(p1, p2 int, scores []float32)) {
	b.cands = b.cands[:0]
	n := b.n
	for from, h := range b.beam {
		scores := b.dynamic[from*n : from*n+n]
		same := -1
		for j := range from {
			if b.beam[j].p1 == h.p1 && b.beam[j].p2 == h.p2 {
				same = j
				break
			}
		}
		if same >= 0 {
			copy(scores, b.dynamic[same*n:same*n+n])
		} else {
			dynamic(h.p1, h.p2, scores)
		}
		for l, x := range scores {
			if !allowedAfter(l, h.p1) {
				continue // I-X only continues X
			}
			b.keep(candidate{from, l, h.score + b.static[l] + x})
		}
	}
	b.next = b.next[:0]
	for _, c := range b.cands {
		h := b.beam[c.from]
		b.trail = append(b.trail, trailNode{prev: h.node, label: int32(c.label)})
		b.next = append(b.next, hypothesis{node: int32(len(b.trail) - 1), p1: c.label, p2: h.p1, score: c.score, from: c.from})
	}
	b.beam, b.next = b.next, b.beam
}

// keep adds c to b.cands, the k best candidates so far from best to
// worst, if it is among them. On equal scores the earlier candidate (the
// earlier hypothesis, then the lower label, O first) stays ahead, for
// determinism.
//
// Scores compare as cmp.Compare has them, a NaN below every number: the
// weights of a model file are finite, but their sums can overflow to
// infinities of both signs, whose sum is NaN.
func (b *beamSearch) keep(c candidate) {
	top := b.cands
	if len(top) == b.k && cmp.Compare(c.score, top[len(top)-1].score) <= 0 {
		return
	}
	at := len(top)
	for at > 0 && cmp.Less(top[at-1].score, c.score) {
		at--
	}
	if len(top) < b.k {
		top = append(top, candidate{})
	}
	copy(top[at+1:], top[at:len(top)-1])
	top[at] = c
	b.cands = top
}

// best appends the labels of the best hypothesis to dst, first token first.
func (b *beamSearch) best(dst []int) []int {
	n := len(dst)
	for node := b.beam[0].node; node >= 0; node = b.trail[node].prev {
		dst = append(dst, int(b.trail[node].label))
	}
	slices.Reverse(dst[n:])
	return dst
}

// sum sets scores to the sum of the weights of feats.
func (t *EntityTagger) sum(feats []uint64, scores []float32) {
	clear(scores)
	n := len(t.labels)
	for _, f := range feats {
		// Rows past the weights belong to a model still in training.
		if row, ok := t.index[f]; ok && int(row)*n < len(t.weights) {
			w := t.weights[int(row)*n : int(row)*n+n]
			for l := range scores {
				scores[l] += w[l]
			}
		}
	}
}

// validSentences drops ranges that are empty, reversed, out of bounds or
// overlap an earlier one, so that bad input cannot make Annotate panic.
func validSentences(sents []Sentence, n int) []Sentence {
	ok := true
	last := 0
	for _, s := range sents {
		if s.Start < last || s.End <= s.Start || s.End > n {
			ok = false
			break
		}
		last = s.End
	}
	if ok {
		return sents
	}
	var out []Sentence
	last = 0
	for _, s := range sents {
		if s.Start >= last && s.End > s.Start && s.End <= n {
			out = append(out, s)
			last = s.End
		}
	}
	return out
}

// predict returns the best label for the features; an I- label is allowed
// only after a B- or I- of its type, so that the output is always valid
// BIO.
func (t *EntityTagger) predict(feats []uint64, scores []float32, prev int) int {
	t.sum(feats, scores)
	return bestLabel(scores, prev)
}

// allowedAfter reports whether label l may follow label prev (-1 at a
// sentence's start): O and B-X anywhere, I-X only after B-X or I-X.
func allowedAfter(l, prev int) bool {
	return l == 0 || l%2 == 1 || prev >= 0 && typeOf(prev) == typeOf(l)
}

// bestLabel picks the highest score among the labels allowed after prev;
// ties go to the lower index (O first), for determinism.
func bestLabel(scores []float32, prev int) int {
	best := 0
	for l := 1; l < len(scores); l++ {
		if !allowedAfter(l, prev) {
			continue
		}
		if scores[l] > scores[best] {
			best = l
		}
	}
	return best
}
