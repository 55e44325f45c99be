package importer

import (
	"strings"
	"sync"
	"unicode"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/wordlist"
)

// titleCase rewrites the upper-case words of a name from a sanctions list
// in title case: "ISLAMIC MOVEMENT OF UZBEKISTAN" → "Islamic Movement of
// Uzbekistan", "ABD AL-RAHMAN" → "Abd al-Rahman", "JAISH-I-MOHAMMED" →
// "Jaish-i-Mohammed". Small words (of, the, and, al, bin...) stay lower
// case except at the start; a letter after an apostrophe stays lower case
// ("JAM'YAH" → "Jam'yah"). Words already written in mixed case are kept.
//
// Acronyms keep their capitals: the well-known ones (ISIL, TTP, IMU...),
// Roman numerals, and for groups (group true) words without a vowel (HQN)
// and, in a name that is not all capitals, short words (ISIS in "ISIS in
// Yemen").
func titleCase(s string, group bool) string {
	mixed := strings.IndexFunc(s, unicode.IsLower) >= 0
	words := strings.Split(s, " ")
	first := true
	for i, w := range words {
		if !hasLetter(w) {
			continue
		}
		stem, possessive := cutPossessive(w)
		switch {
		case possessive && keepCaps(stem, group, mixed):
			words[i] = w[:len(w)-1] + "s" // ISIL’S → ISIL’s
		case isCaps(w) && !keepCaps(w, group, mixed):
			words[i] = titleWord(w, first, group)
		}
		first = false
	}
	return strings.Join(words, " ")
}

// cutPossessive splits a final 'S or ’S off an upper-case word.
func cutPossessive(w string) (string, bool) {
	for _, s := range []string{"'S", "’S"} {
		if stem, ok := strings.CutSuffix(w, s); ok && stem != "" {
			return stem, true
		}
	}
	return w, false
}

// titleWord title-cases one upper-case word; first is set for the first
// word of the name.
func titleWord(w string, first, group bool) string {
	lower := strings.ToLower(w)
	if !first && smallWords[strings.Trim(lower, `,.()"“”`)] {
		return lower
	}
	segs := strings.Split(w, "-")
	for j, seg := range segs {
		if keepCaps(seg, group, false) {
			continue
		}
		ls := strings.ToLower(seg)
		if smallSegments[ls] && len(segs) > 1 && (j > 0 || !first) {
			segs[j] = ls
			continue
		}
		segs[j] = capitalize(seg)
	}
	return strings.Join(segs, "-")
}

// capitalize makes the first letter of seg, and every letter after a
// period, an opening bracket or quote, upper case and the others lower
// case. A letter after an apostrophe inside the word stays lower case.
func capitalize(seg string) string {
	var b strings.Builder
	capNext, seen := true, false
	for _, r := range seg {
		switch {
		case unicode.IsLetter(r):
			if capNext {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			capNext, seen = false, true
			continue
		case r == '.' || r == '(' || r == '"' || r == '“' || r == '/':
			capNext = true
		case isApostrophe(r):
			capNext = !seen
		default:
			capNext = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// keepCaps reports whether the upper-case word w is an acronym to keep as
// written.
func keepCaps(w string, group, mixed bool) bool {
	core := strings.Trim(w, `,.;:()"“”'’`)
	if !isCaps(core) {
		return false
	}
	if knownAcronyms()[core] || romanNumerals[core] {
		return true
	}
	if !group || notAcronyms[core] {
		return false
	}
	letters := 0
	vowel := false
	for _, r := range core {
		switch {
		case unicode.IsLetter(r):
			letters++
			if strings.ContainsRune("AEIOUYÀÁÂÄÉÈÊËÍÌÎÏÓÒÔÖÚÙÛÜ", r) {
				vowel = true
			}
		case r != '.' && r != '&':
			return false
		}
	}
	return letters >= 2 && (!vowel || mixed && letters <= 5)
}

// isAcronym reports whether s, a whole alias or a bracketed part of a name,
// is an abbreviation: one token of 2 to maxLetters letters, mostly capitals
// ("IMU", "ISIL-K", "JuA", "K.A.S.").
func isAcronym(s string, maxLetters int) bool {
	upper, lower := 0, 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		case r == '-' || r == '.' || r == '&' || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return upper >= 2 && upper > lower && upper+lower <= maxLetters
}

func isCaps(w string) bool {
	return hasLetter(w) && strings.IndexFunc(w, unicode.IsLower) < 0
}

func hasLetter(w string) bool { return strings.IndexFunc(w, unicode.IsLetter) >= 0 }

// smallWords stay lower case inside a name.
var smallWords = wordlist.Set("title-small-words")

// smallSegments stay lower case as the non-final parts of a hyphenated
// word: "al-Islamiya", "Lashkar-e-Tayyiba", "Harakat ul-Mujahidin".
var smallSegments = wordlist.Set("title-small-segments")

// knownAcronyms keep their capitals inside a name ("ISIL Khorasan"): the
// acronyms the gazetteer gives its entries of the kinds of acronym-kinds
// (countries and armed groups), and the
// company forms and foreign groups of the word list. Built on first use, as
// it reads the default gazetteer.
var knownAcronyms = sync.OnceValue(func() map[string]bool {
	m := wordlist.Set("known-acronyms")
	kinds := wordlist.Set("acronym-kinds")
	entries, _ := gazetteer.Default() // embedded, kept valid by its own tests
	for _, e := range entries {
		if !kinds[e.Kind] {
			continue
		}
		for _, a := range e.Aliases {
			if !a.Ambiguous && isCaps(a.Text) && isAcronym(a.Text, 8) {
				m[a.Text] = true
			}
		}
	}
	return m
})

// notAcronyms are abbreviations without a vowel that are written as words.
var notAcronyms = wordlist.Set("not-acronyms")

var romanNumerals = wordlist.Set("roman-numerals")
