package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/extract-ca/extract/wordlist"
)

// The vocabulary of the rules lives in package wordlist (one file per list,
// each saying where it comes from); these are the lists the stages consult.
var (
	demonyms          = wordlist.Set("demonyms")            // adjectives of origin or faith: no mentions
	titles            = wordlist.Set("titles")              // precede a name, not part of it
	notNames          = wordlist.Set("not-names")           // never a name on their own (with orgHeads)
	commonWords       = wordlist.Set("sentence-start")      // capitalised only at a sentence start
	orgHeads          = wordlist.Set("org-heads")           // "Willowmere Institute", "Ministry of Water"
	facilityHeads     = wordlist.Set("facility-heads")      // "Chinese Embassy", "Toktogul Dam": places
	connectors        = wordlist.Set("name-connectors")     // may join the words of one name
	countryOf         = wordlist.Pairs("demonym-countries") // "kyrgyz" → KG
	placePrepositions = wordlist.Set("place-prepositions")  // "in Osh", "from Kunduz"
	placeNouns        = wordlist.Set("place-nouns")         // "Batken province", "the city of Osh"
	eventHeads        = wordlist.Set("event-heads")         // "Almaty Process": events and documents, no mentions
)

// inLower reports whether set holds w lower-cased (set[strings.ToLower(w)])
// without allocating for ASCII words: the rules look up most tokens of a
// text, and lower-casing a capitalised word allocated a string each time.
func inLower(set map[string]bool, w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return set[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return set[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// nameLike reports whether w looks like a word of a person's name:
// capitalised but not all capitals, and not a title, demonym, stop word or
// a word the document writes in lower case.
func nameLike(d *Doc, w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || strings.ToUpper(w) == w {
		return false
	}
	l := strings.ToLower(w)
	return !titles[l] && !demonyms[l] && !notNames[l] && !orgHeads[l] && !facilityHeads[l] && !commonWords[l] &&
		!english.IsStopWord(l) && !usedInLowerCase(d, l)
}

// usedInLowerCase reports whether the document contains w (lower case) as
// a token of its own, which a name never is.
func usedInLowerCase(d *Doc, w string) bool {
	if d.lower == nil {
		d.lower = map[string]bool{}
		for _, t := range d.Tokens {
			if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLower(r) {
				d.lower[t.Text] = true
			}
		}
	}
	return d.lower[w]
}
