package gazetteer

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/extract-ca/extract/text"
	"github.com/extract-ca/extract/wordlist"
)

// Matcher finds the names of a gazetteer in a segmented text.
//
// It matches over words, which it takes from the text's tokens (see
// appendWords): every alias is segmented as a text is, each word is folded
// (see Fold) and the keys are concatenated, so hyphen, space and joined
// spellings of a name share one key: "Hizb ut-Tahrir", "Hizb-ut-Tahrir" and
// "Hizbut-Tahrir" are all "hizbuttahrir". The keys go into one byte trie.
// Matching walks the trie from each word of the text across joinable gaps
// and reports, for each start word, the longest alias that ends on a word
// boundary and passes the case and context rules:
//
//   - An acronym (two or more letters, all capitals: IS, US, CIS, GKNB) or a
//     short alias (three letters or fewer) matches only as written, letter
//     for letter; full stops do not count, so "U.S." matches US.
//   - An alias that starts with a capital matches only text that starts with
//     a capital, so "turkey" and "china" in lower case are not places; and
//     when text and alias have the same number of words, each capitalised
//     word of the alias must be capitalised in the text: "Batken region"
//     is the name Batken and a common noun, not "Batken Region".
//   - An acronym that is also an English word (IS, US, IT, ...) is refused
//     inside a run of capitals, where it is most likely the word itself
//     ("WHAT IS AT STAKE").
//   - An alias marked ambiguous ("?") is refused at the start of a sentence
//     (the segmentation's; a line that is no continuation starts one),
//     where capitalisation proves nothing, right after a colon, and right
//     after an initial, where it ends a longer name ("W. Bush").
//   - The last word of a name may take an English plural ending when
//     snowball gives both forms one stem ("Basmachis", "the Tablighis"),
//     but never an acronym or short name, and never a different word:
//     "Islamic" is not "Islam".
//
// The cost of Match is linear in the text (times the longest alias in words)
// and does not depend on the number of entries.
type Matcher struct {
	entries []*Entry
	all     aliasTable // every alias
	// The aliases that may match a text starting with a lower-case letter,
	// those that do not start with a capital themselves (see accept): the
	// walks from most words of a text, which start in lower case, go
	// through this much smaller trie, mostly in a core's cache.
	lower  aliasTable
	maxLen int // longest alias in words

	// MatchKey of every name of every entry, entry by entry, in one
	// string: name k's key ends at keyEnds[k] (uint32s, as the trie's),
	// and entry i's names are k = keyStart[i] up to keyStart[i+1].
	keys     string
	keyEnds  string
	keyStart string
}

// alias is one name of one entry, as stored at a trie node.
type alias struct {
	entry         int32
	letters       string // letters and digits of the alias, as written (case-sensitive aliases only)
	caseSensitive bool
	capital       bool   // starts with an upper-case letter
	capitalWords  string // per word, 1 if it starts with a capital, else 0
	stopword      bool   // acronym that is also an English word
	ambiguous     bool
}

// Hit is one name found in a text. Offsets are bytes, end exclusive.
type Hit struct {
	Start, End int
	Key        string   // the folded key that matched
	Entries    []*Entry // every entry with this name, in gazetteer order
	Ambiguous  bool     // matched through an alias marked "?"
}

// NewMatcher builds a matcher over entries as given: layering files, where
// a later entry replaces an earlier one of the same id, is Load's job. For
// the default gazetteer itself (the slice Default returns) it returns the
// matcher prepared at build time (see prepared.go), decoded once.
func NewMatcher(entries []*Entry) *Matcher {
	if m := preparedMatcher(entries); m != nil {
		return m
	}
	return buildMatcher(entries)
}

// buildMatcher builds the matcher of entries from their names.
func buildMatcher(entries []*Entry) *Matcher {
	m := &Matcher{entries: entries}
	// Every alias's key goes into one buffer (ends[k] closes alias k's),
	// and its behaviour into pending; the trie is built from all keys at
	// once.
	names, size := 0, 0
	for _, e := range entries {
		names += 1 + len(e.Aliases)
		size += len(e.Name)
		for _, a := range e.Aliases {
			size += len(a.Text)
		}
	}
	var (
		buf       = make([]byte, 0, size) // a key is about as long as its name
		ends      = make([]int, 0, names)
		pending   = make([]alias, 0, names)
		segmenter nameScratch
		scratch   aliasScratch
	)
	var (
		allKeys  = make([]byte, 0, size)
		keyEnds  = make([]byte, 0, 4*names)
		keyStart = appendU32(make([]byte, 0, 4*len(entries)+4), int32(0))
	)
	add := func(entry int, a Alias) {
		words := segmenter.nameWords(a.Text)
		start := len(buf)
		buf = appendFoldedWords(buf, a.Text, words)
		al := scratch.describe(int32(entry), a, words)
		allKeys = appendKey(allKeys, al, buf[start:])
		keyEnds = appendU32(keyEnds, int32(len(allKeys)))
		if len(words) == 0 {
			return
		}
		ends = append(ends, len(buf))
		m.maxLen = max(m.maxLen, len(words))
		pending = append(pending, al)
	}
	for i, e := range entries {
		add(i, Alias{Text: e.Name, Ambiguous: e.NameAmbiguous})
		for _, a := range e.Aliases {
			add(i, a)
		}
		keyStart = appendU32(keyStart, int32(len(keyEnds)/4))
	}
	m.keys, m.keyEnds, m.keyStart = string(allKeys), string(keyEnds), string(keyStart)
	keys := make([][]byte, len(ends))
	start := 0
	for k, end := range ends {
		keys[k] = buf[start:end:end]
		start = end
	}
	m.all = newAliasTable(keys, pending)
	var lowerKeys [][]byte
	var lowerAliases []alias
	for k, a := range pending {
		if !a.capital {
			lowerKeys, lowerAliases = append(lowerKeys, keys[k]), append(lowerAliases, a)
		}
	}
	m.lower = newAliasTable(lowerKeys, lowerAliases)
	return m
}

// appendFoldedWords appends the folded words of name, concatenated: the
// key under which the trie stores an alias.
func appendFoldedWords(dst []byte, name string, words []word) []byte {
	for k, w := range words {
		if k > 0 && words[k-1].comma {
			dst = append(dst, commaKey)
		}
		dst = appendFold(dst, name[w.start:w.end])
	}
	return dst
}

// appendKey appends the key MatchKey gives alias a, whose folded words
// are folded: "=" and its letters as written when it matches
// case-sensitively, else its folded words.
func appendKey(dst []byte, a alias, folded []byte) []byte {
	if a.caseSensitive {
		return append(append(dst, '='), a.letters...)
	}
	return append(dst, folded...)
}

// aliasTable is a trie of aliases' keys with the aliases that end at each
// node.
type aliasTable struct {
	trie  *trie
	terms string // per trie node: the group of aliases ending there, or -1 (uint32s, as the trie's)
	// The aliases, group by group (those ending at one node): group k's
	// are records groups[k] up to groups[k+1] of aliases, aliasRecord
	// bytes each, whose letters and capitals are in aliasText. Read in
	// place, like the trie (see alias).
	groups    string
	aliases   string
	aliasText string
}

// newAliasTable makes the table of aliases, whose keys are keys[k].
func newAliasTable(keys [][]byte, aliases []alias) aliasTable {
	var t aliasTable
	var nodes []int32
	t.trie, nodes = buildTrie(keys)
	terms := make([]int32, t.trie.size())
	for n := range terms {
		terms[n] = -1
	}
	// In the order of the entries, so that a node's aliases (and a hit's
	// entries) are in gazetteer order.
	var groups [][]alias
	for k, a := range aliases {
		n := nodes[k]
		if terms[n] < 0 {
			terms[n] = int32(len(groups))
			groups = append(groups, nil)
		}
		groups[terms[n]] = appendAlias(groups[terms[n]], a)
	}
	t.terms = string(appendU32(nil, terms...))
	t.setAliases(groups)
	return t
}

// NameKey returns the key of name n (in the order of Entry.Names) of the
// matcher's entry i (of the entries it was built over): MatchKey of the
// name, made once when the matcher was built.
func (m *Matcher) NameKey(i, n int) string {
	k := int32(u32(m.keyStart, int32(i))) + int32(n)
	start := int32(0)
	if k > 0 {
		start = int32(u32(m.keyEnds, k-1))
	}
	return m.keys[start:u32(m.keyEnds, k)]
}

// aliasRecord is the size of an alias's record: entry, start of its
// letters and of its capitals in aliasText, the number of letter bytes
// and of words (uint32s), flags (a byte).
const aliasRecord = 21

// Flags of an alias record.
const (
	flagCaseSensitive = 1 << iota
	flagCapital
	flagStopword
	flagAmbiguous
)

// setAliases lays out groups in t's records.
func (t *aliasTable) setAliases(groups [][]alias) {
	var recs, text, starts []byte
	n := 0
	for _, list := range groups {
		starts = appendU32(starts, int32(n))
		for _, a := range list {
			flags := byte(0)
			if a.caseSensitive {
				flags |= flagCaseSensitive
			}
			if a.capital {
				flags |= flagCapital
			}
			if a.stopword {
				flags |= flagStopword
			}
			if a.ambiguous {
				flags |= flagAmbiguous
			}
			recs = appendU32(recs, a.entry, int32(len(text)), int32(len(text)+len(a.letters)), int32(len(a.letters)), int32(len(a.capitalWords)))
			recs = append(recs, flags)
			text = append(append(text, a.letters...), a.capitalWords...)
			n++
		}
	}
	t.groups = string(appendU32(starts, int32(n)))
	t.aliases, t.aliasText = string(recs), string(text)
}

// alias returns alias record i.
func (t *aliasTable) alias(i int32) alias {
	r := t.aliases[int(i)*aliasRecord : int(i+1)*aliasRecord]
	letters, capitals := u32(r, 1), u32(r, 2)
	flags := r[20]
	return alias{
		entry:         int32(u32(r, 0)),
		letters:       t.aliasText[letters : letters+u32(r, 3)],
		capitalWords:  t.aliasText[capitals : capitals+u32(r, 4)],
		caseSensitive: flags&flagCaseSensitive != 0,
		capital:       flags&flagCapital != 0,
		stopword:      flags&flagStopword != 0,
		ambiguous:     flags&flagAmbiguous != 0,
	}
}

// aliasesAt returns the range of the aliases that end at node, if any.
func (t *aliasTable) aliasesAt(node int32) (aliasRange, bool) {
	if k := int32(u32(t.terms, node)); k >= 0 {
		return aliasRange{int32(u32(t.groups, k)), int32(u32(t.groups, k+1))}, true
	}
	return aliasRange{}, false
}

// aliasRange is the aliases lo up to hi.
type aliasRange struct{ lo, hi int32 }

// appendAlias adds a unless the same entry already has an alias of the
// same behaviour at this node (e.g. "Kyrgyzstan" and "Kirgizstan"). Words
// capitalised differently are a different behaviour: "Kaktus Media" and
// "Kaktus.media" fold alike, and the text may write either.
func appendAlias(list []alias, a alias) []alias {
	for _, b := range list {
		if b.entry == a.entry && b.caseSensitive == a.caseSensitive &&
			b.capital == a.capital && b.ambiguous == a.ambiguous &&
			b.capitalWords == a.capitalWords &&
			(!a.caseSensitive || b.letters == a.letters) {
			return list
		}
	}
	return append(list, a)
}

// aliasScratch holds what building the aliases of a gazetteer reuses:
// buffers for letters and capitals.
type aliasScratch struct {
	letters  []byte
	capitals []byte
}

// newAlias describes alias a of entry on its own; words are its words.
func newAlias(entry int32, a Alias, words []word) alias {
	var s aliasScratch
	return s.describe(entry, a, words)
}

// describe describes alias a of entry, whose words are words.
func (s *aliasScratch) describe(entry int32, a Alias, words []word) alias {
	s.letters = s.letters[:0]
	n := 0
	allUpper, anyCased := true, false // strings.ToUpper(letters) == letters, ToLower(letters) != letters
	first := rune(-1)
	for _, r := range a.Text {
		if !isLetterOrDigit(r) {
			continue
		}
		if first < 0 {
			first = r
		}
		n++
		s.letters = utf8.AppendRune(s.letters, r)
		if !allUpper && anyCased {
			continue // settled: not all capitals
		}
		if r < utf8.RuneSelf {
			allUpper = allUpper && !('a' <= r && r <= 'z')
			anyCased = anyCased || 'A' <= r && r <= 'Z'
			continue
		}
		allUpper = allUpper && unicode.ToUpper(r) == r
		anyCased = anyCased || unicode.ToLower(r) != r
	}
	upper := n >= 2 && allUpper && anyCased
	s.capitals = s.capitals[:0]
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(a.Text[w.start:])
		c := byte(0)
		if unicode.IsUpper(r) {
			c = 1
		}
		s.capitals = append(s.capitals, c)
	}
	al := alias{
		entry:         entry,
		caseSensitive: upper || n <= 3,
		capital:       unicode.IsUpper(first),
		capitalWords:  string(s.capitals),
		ambiguous:     a.Ambiguous,
	}
	if al.caseSensitive {
		al.letters = string(s.letters)
		al.stopword = upper && englishWords[strings.ToLower(al.letters)]
	}
	return al
}

// englishWords are short English words that are also acronyms of entries.
var englishWords = wordlist.Set("acronym-words")

// lettersOf returns the letters and digits of s, dropping everything else.
func lettersOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Match returns, for each word of seg at which a name starts, the longest
// name found there. Hits may overlap; choosing among them is the caller's
// policy (the pipeline's resolve stage). The segmentation is the
// pipeline's (a Doc's tokens and sentences); for a text of its own, a
// caller segments it with text.Segment, the same code.
func (m *Matcher) Match(seg text.Segmentation) []Hit { return m.AppendMatches(nil, seg) }

// AppendMatches appends Match's hits to dst and returns it: a caller that
// matches many texts reuses one buffer of hits.
func (m *Matcher) AppendMatches(dst []Hit, seg text.Segmentation) []Hit {
	buf := matchBuffers.Get().(*matchBuffer)
	defer matchBuffers.Put(buf)
	src := seg.Text
	size := 0 // bytes the tokens span
	if n := len(seg.Tokens); n > 0 {
		size = seg.Tokens[n-1].End - seg.Tokens[0].Start
	}
	// About one word in six bytes of English: one allocation for most texts.
	words := appendWords(seg, slices.Grow(buf.words[:0], size/6+1))
	// Every word is folded once, into one buffer: the key of word k is
	// keys[bounds[k]:bounds[k+1]], so the key of words i..j is
	// keys[bounds[i]:bounds[j+1]] (less a leading commaKey).
	keys := slices.Grow(buf.keys[:0], size)
	bounds := append(buf.bounds[:0], make([]int, len(words)+1)...)
	// A word after a comma gap starts with commaKey, which only a name
	// that goes on across the comma passes (see word.comma).
	for k, w := range words {
		if k > 0 && words[k-1].comma {
			keys = append(keys, commaKey)
		}
		keys = appendFold(keys, src[w.start:w.end])
		bounds[k+1] = len(keys)
	}
	buf.words, buf.keys, buf.bounds = words, keys, bounds
	hits := dst
	for i := range words {
		node := int32(0)
		var best Hit
		found := false
		tab := &m.all
		if r, _ := utf8.DecodeRuneInString(src[words[i].start:]); unicode.IsLower(r) {
			tab = &m.lower // no alias with a capital matches (see accept)
		}
		start := bounds[i] // where the key of a name from word i starts
		if i > 0 && words[i-1].comma {
			start++ // after the commaKey that begins word i's key
		}
		for j := i; j < len(words) && j-i < m.maxLen; j++ {
			if j > i && !words[j-1].joinable {
				break
			}
			folded := keys[max(bounds[j], start):bounds[j+1]]
			// Nodes of the word without its last one or two letters, for a
			// plural; stemming runs only when a name ends there.
			var short [3]int32
			whole := true // the trie holds the whole word
			for k := 0; k < len(folded); k++ {
				if d := len(folded) - k; d <= 2 {
					short[d] = node
				}
				c, ok := tab.trie.next(node, folded[k])
				if !ok {
					whole = false
					break
				}
				node = c
			}
			key := keys[start:bounds[j+1]]
			if list, ok := tab.aliasesAt(node); whole && ok {
				span := src[words[i].start:words[j].end]
				if h, ok := m.accept(seg, tab, words, i, j, span, list, false); ok {
					h.Key = string(key)
					best, found = h, true
					continue
				}
			}
			if h, ok := m.plural(seg, tab, words, i, j, short, key, len(folded)); ok {
				best, found = h, true
			}
			if !whole {
				break
			}
		}
		if found {
			hits = append(hits, best)
		}
	}
	return hits
}

// matchBuffer is what Match needs for one text and drops when done: the
// words, their keys and where each key ends. Reused through matchBuffers
// instead of allocated per text, they were a seventh of the bytes a
// --no-ner run allocates.
type matchBuffer struct {
	words  []word
	keys   []byte
	bounds []int
}

var matchBuffers = sync.Pool{New: func() any { return new(matchBuffer) }}

// accept applies the case and context rules to the aliases stored at one
// trie node for the span of words i..j, and returns the hit if any alias
// passes.
// With plural, only the aliases that may take a plural ending are tried:
// not acronyms or short names, which match only as written.
func (m *Matcher) accept(seg text.Segmentation, tab *aliasTable, words []word, i, j int, span string, list aliasRange, plural bool) (Hit, bool) {
	src := seg.Text
	h := Hit{Start: words[i].start, End: words[j].end}
	first, _ := utf8.DecodeRuneInString(span)
	ambiguousOnly := true
	for k := list.lo; k < list.hi; k++ {
		a := tab.alias(k)
		if plural && a.caseSensitive {
			continue
		}
		if a.caseSensitive {
			if !sameLetters(span, a.letters) {
				continue
			}
			if a.stopword && inCapitalsRun(src, words, i, j) {
				continue
			}
		} else if a.capital && unicode.IsLower(first) || !sameCapitals(src, words[i:j+1], a.capitalWords) {
			continue
		}
		if a.ambiguous && (seg.AtSentenceStart(words[i].start) || afterMark(src, words, i)) {
			continue
		}
		if !a.ambiguous {
			ambiguousOnly = false
		}
		e := m.entries[a.entry]
		if !containsEntry(h.Entries, e) {
			h.Entries = append(h.Entries, e)
		}
	}
	h.Ambiguous = ambiguousOnly
	return h, len(h.Entries) > 0
}

// sameLetters reports whether the letters and digits of s, in order, are
// letters (which lettersOf gave), without building them.
func sameLetters(s, letters string) bool {
	k := 0
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		want, size := utf8.DecodeRuneInString(letters[k:])
		if k >= len(letters) || want != r {
			return false
		}
		k += size
	}
	return k == len(letters)
}

func containsEntry(list []*Entry, e *Entry) bool {
	for _, x := range list {
		if x == e {
			return true
		}
	}
	return false
}

// inCapitalsRun reports whether the word before i or after j is an English
// word written in capitals, as in a shouted headline ("WHAT IS AT
// STAKE"); other acronyms around it ("the EU, US, OSCE") do not count.
func inCapitalsRun(text string, words []word, i, j int) bool {
	isCaps := func(k int) bool {
		if k < 0 || k >= len(words) {
			return false
		}
		l := lettersOf(text[words[k].start:words[k].end])
		lower := strings.ToLower(l)
		return utf8.RuneCountInString(l) >= 2 && strings.ToUpper(l) == l && lower != l &&
			(englishWords[lower] || english.IsStopWord(lower))
	}
	return isCaps(i-1) || isCaps(j+1)
}

// afterMark reports whether word i follows an initial ("J. Kerrigan"),
// where an ambiguous name ends a longer person's name that the gazetteer
// does not know, or a colon ("Scorer: Vladimir ..."), after which a
// capital proves no more than at the start of a sentence. The document's
// sentences end at neither.
func afterMark(text string, words []word, i int) bool {
	if i == 0 {
		return false
	}
	w := words[i-1]
	gap := strings.TrimRight(text[w.end:words[i].start], " \t\"'“‘(")
	if strings.HasSuffix(gap, ":") {
		return true
	}
	r, size := utf8.DecodeRuneInString(text[w.start:w.end])
	return size == w.end-w.start && unicode.IsUpper(r) && gap == "."
}

// sameCapitals reports whether no word of the text is in lower case where
// the alias's word is capitalised. It checks only when both have the same
// number of words; joined and hyphenated variants are not compared.
func sameCapitals(text string, words []word, capitalWords string) bool {
	if len(words) != len(capitalWords) {
		return true
	}
	for k, w := range words {
		r, _ := utf8.DecodeRuneInString(text[w.start:])
		if capitalWords[k] == 1 && unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// pluralEnding returns the length of the English plural ending of w that
// stemming removes ("Basmachis" → 1, "Tablighis" → 1, "Churches" → 2), or
// 0. The word must keep four letters or more without it, be written in
// Latin letters, and snowball must give the plural and the singular one
// stem: "Islamic" is no plural of "Islam", nor "Kabulis" of anything.
func pluralEnding(w string) int {
	lower := strings.ToLower(w)
	if len(lower) < 5 || lower[len(lower)-1] != 's' || strings.ToUpper(w) == w {
		return 0
	}
	for _, r := range lower {
		if r > unicode.MaxASCII || !unicode.IsLetter(r) {
			return 0
		}
	}
	for _, n := range []int{2, 1} {
		if n == 2 && !strings.HasSuffix(lower, "es") {
			continue
		}
		if len(lower)-n >= 4 && english.Stem(lower, true) == english.Stem(lower[:len(lower)-n], true) {
			return n
		}
	}
	return 0
}

// plural tries the aliases at the node reached by the words i..j with the
// last word's plural ending left out, for aliases that may take a plural:
// not acronyms or short names, which match only as written. key is the
// folded key of words i..j, of which the last lastLen bytes are word j's.
func (m *Matcher) plural(seg text.Segmentation, tab *aliasTable, words []word, i, j int, short [3]int32, key []byte, lastLen int) (Hit, bool) {
	src := seg.Text
	if lastLen == 0 || key[len(key)-1] != 's' { // asked at every word: the cheap test first
		return Hit{}, false
	}
	_, has1 := tab.aliasesAt(short[1])
	_, has2 := tab.aliasesAt(short[2])
	if !has1 && !has2 {
		return Hit{}, false
	}
	cut := pluralEnding(src[words[j].start:words[j].end])
	if cut == 0 || cut > lastLen {
		return Hit{}, false
	}
	list, ok := tab.aliasesAt(short[cut])
	if !ok {
		return Hit{}, false
	}
	span := src[words[i].start:words[j].end]
	h, ok := m.accept(seg, tab, words, i, j, span, list, true)
	if ok {
		h.Key = string(key[:len(key)-cut])
	}
	return h, ok
}
