package pipeline

import (
	"strings"
	"unicode/utf8"

	"github.com/extract-ca/extract/wordlist"
)

// The vocabulary of the rules lives in package wordlist (one file per list,
// each saying where it comes from); these are the lists the stages consult.
var (
	demonyms          = wordlist.Set("demonyms")           // adjectives of origin or faith: no mentions
	titles            = wordlist.Set("titles")             // precede a name, not part of it
	notNames          = wordlist.Set("not-names")          // never a name on their own (with orgHeads)
	commonWords       = wordlist.Set("sentence-start")     // capitalised only at a sentence start
	orgHeads          = wordlist.Set("org-heads")          // "Willowmere Institute", "Ministry of Water"
	placePrepositions = wordlist.Set("place-prepositions") // "in Osh", "from Kunduz"
	placeNouns        = wordlist.Set("place-nouns")        // "Batken province", "the city of Osh"
	eventHeads        = wordlist.Set("event-heads")        // "Almaty Process": events and documents, no mentions
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
