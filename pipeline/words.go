package pipeline

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

// words are the lists the stages consult, from the pipeline's
// wordlist.Lists (Config.Wordlists): each list is in package wordlist (one
// file per list, saying where it comes from), and a user may replace it.
// A Doc reaches them through Doc.words; the maps are shared by every
// document of the pipeline and never written.
type words struct {
	demonyms          map[string]bool   // adjectives of origin or faith: no mentions
	titles            map[string]bool   // precede a name, not part of it
	notNames          map[string]bool   // never a name on their own (with orgHeads)
	commonWords       map[string]bool   // capitalised only at a sentence start
	orgHeads          map[string]bool   // "Willowmere Institute", "Ministry of Water"
	facilityHeads     map[string]bool   // "Chinese Embassy", "Toktogul Dam": places
	connectors        map[string]bool   // may join the words of one name
	countryOf         map[string]string // "kyrgyz" → KG
	placePrepositions map[string]bool   // "in Osh", "from Kunduz"
	placeNouns        map[string]bool   // "Batken province", "the city of Osh"
	eventHeads        map[string]bool   // "Almaty Process": events and documents, no mentions
	eventStarts       map[string]bool   // "Operation ...", "Battle of ...": events, no mentions
	workCues          map[string]bool   // "author of", "report": a title of a work may follow
	workCueWords      cueIndex          // the words of workCues that may end one: cueWord, cueEnd
	titleLowerWords   map[string]bool   // "of", "and", "the": lower case inside a title of a work
	abbreviations     map[string]bool   // "Gen.", "Jan.": a full stop that ends no sentence
	topLevelDomains   map[string]bool   // the endings a site's name is recognised by
	particles         map[string]bool   // stand between a given name and a surname ("von", "bin")
	kindAfter         map[string]string // a word after a name → the kind it announces
	areaOfSeat        map[string]string // "city" → "region": a bare name of both is the seat
}

// listSource gives lists by name: a *wordlist.Lists, or the recorder of
// the names newWords asks for (Wordlists).
type listSource interface {
	Set(name string) map[string]bool
	Pairs(name string) map[string]string
}

func newWords(l listSource) *words {
	cues := l.Set("work-cues")
	return &words{
		demonyms:          l.Set("demonyms"),
		titles:            l.Set("titles"),
		notNames:          l.Set("not-names"),
		commonWords:       l.Set("sentence-start"),
		orgHeads:          l.Set("org-heads"),
		facilityHeads:     l.Set("facility-heads"),
		connectors:        l.Set("name-connectors"),
		countryOf:         l.Pairs("demonym-countries"),
		placePrepositions: l.Set("place-prepositions"),
		placeNouns:        l.Set("place-nouns"),
		eventHeads:        l.Set("event-heads"),
		eventStarts:       l.Set("event-starts"),
		workCues:          cues,
		workCueWords:      cueWords(cues),
		titleLowerWords:   l.Set("title-lower-words"),
		abbreviations:     l.Set("abbreviations"),
		topLevelDomains:   l.Set("top-level-domains"),
		particles:         l.Set("name-particles"),
		kindAfter:         l.Pairs("kinds-after"),
		areaOfSeat:        l.Pairs("seat-kinds"),
	}
}

// What a word is in a list of cues (cueWords).
const (
	cueWord uint8 = 1 << iota // a cue by itself ("report")
	cueEnd                    // the last word of a phrase ("of" of "author of")
)

// cueIndex holds the words that may end a cue (cueWords), and which
// lengths and first letters they have, so that most tokens are refused
// without lowering and hashing them: the works stage asks about every
// token.
type cueIndex struct {
	kinds map[string]uint8
	shape [32]uint32 // bit c-'a' of shape[n]: a word of n bytes starting with letter c is in kinds
}

// cueWords returns the words of set that may end a cue: the cues of one
// word and the last words of its phrases (entries with a space), so that
// one lookup per token answers both, and a phrase is built only where one
// can end.
func cueWords(set map[string]bool) cueIndex {
	c := cueIndex{kinds: map[string]uint8{}}
	for p := range set {
		if i := strings.LastIndexByte(p, ' '); i >= 0 {
			c.kinds[p[i+1:]] |= cueEnd
		} else {
			c.kinds[p] |= cueWord
		}
	}
	for w := range c.kinds {
		if b := w[0] | 0x20; len(w) < len(c.shape) && b >= 'a' && b <= 'z' {
			c.shape[len(w)] |= 1 << (b - 'a')
		}
	}
	return c
}

// lookup returns what w, lower-cased, is in the index (0: nothing). An
// ASCII word lower-cases to its own length and its first letter's lower
// case, which the shapes must have.
func (c *cueIndex) lookup(w string) uint8 {
	if n := len(w); n > 0 && n < len(c.shape) {
		if b := w[0] | 0x20; b >= 'a' && b <= 'z' && c.shape[n]&(1<<(b-'a')) == 0 && text.IsASCII(w) {
			return 0
		}
	}
	return text.InLower(c.kinds, w)
}

// defaultWords are the embedded lists, for a Doc made without a pipeline.
var defaultWords = sync.OnceValue(func() *words { return newWords(wordlist.Default()) })

// wordsOf returns the word lists of a pipeline whose Config.Wordlists is
// lists: the embedded ones, read once, when lists is nil.
func wordsOf(lists *wordlist.Lists) *words {
	if lists == nil {
		return defaultWords()
	}
	return newWords(lists)
}

// words returns the word lists the document is read with: its pipeline's.
func (d *Doc) words() *words {
	if d.lists == nil {
		return defaultWords()
	}
	return d.lists
}

// nameRecorder is a listSource that records the names asked for.
type nameRecorder []string

func (r *nameRecorder) Set(name string) map[string]bool     { *r = append(*r, name); return nil }
func (r *nameRecorder) Pairs(name string) map[string]string { *r = append(*r, name); return nil }

// Wordlists returns the names of the word lists the pipeline reads, sorted:
// those Config.Wordlists may replace (wordlist.Load(dir, Wordlists()...)).
func Wordlists() []string {
	var r nameRecorder
	newWords(&r)
	slices.Sort(r)
	return r
}

// inLower is text.InLower: whether a list of lower-case words holds w
// lower-cased, without allocating for ASCII words.
var inLower = text.InLower[bool]

// nameLike reports whether w looks like a word of a person's name:
// capitalised but not all capitals, and not a title, demonym, stop word or
// a word the document writes in lower case.
func nameLike(d *Doc, w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || strings.ToUpper(w) == w {
		return false
	}
	l, lists := strings.ToLower(w), d.words()
	return !lists.titles[l] && !lists.demonyms[l] && !lists.notNames[l] && !lists.orgHeads[l] && !lists.facilityHeads[l] && !lists.commonWords[l] &&
		!english.IsStopWord(l) && !usedInLowerCase(d, l)
}

// usedInLowerCase reports whether the document contains w (lower case) as
// a token of its own, which a name never is.
func usedInLowerCase(d *Doc, w string) bool {
	if !d.lowerDone {
		d.lowerDone = true
		if d.lower == nil {
			d.lower = map[string]bool{}
		}
		for _, t := range d.Tokens {
			if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLower(r) {
				d.lower[t.Text] = true
			}
		}
	}
	return d.lower[w]
}
