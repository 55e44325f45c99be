package importer

import (
	"strings"
	"unicode"

	"github.com/extract-ca/extract/wordlist"
)

// isRealName reports whether one of the GeoNames alternate names of a place
// is worth an alias: a name written in Latin or Cyrillic letters (with
// spaces, hyphens, apostrophes and periods), with at least one capital.
// Dropped: anything in capitals only (codes such as IATA "ALA" and ICAO
// "UAAA", and names written in capitals, which the matcher would take for
// acronyms), anything with a digit, links, names in other scripts, names
// mixing Latin and Cyrillic letters, and all-lower-case romanisations made
// by machine ("a la mu tu", "almaty") — real names are capitalised; and
// demonyms (word list demonyms: "Kazakh", which GeoNames gives Petropavl),
// which name a people, not a place, and are not mentions at all in the
// annotation guideline.
func isRealName(a string) bool {
	a = strings.TrimSpace(a)
	if a == "" || wordlist.Set("demonyms")[strings.ToLower(a)] {
		return false
	}
	latin, cyrillic, upper := false, false, false
	letters := 0
	for _, r := range a {
		switch {
		case unicode.Is(unicode.Latin, r):
			latin = true
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic = true
		case unicode.Is(unicode.Mn, r), r == ' ', r == '-', r == '.', isApostrophe(r):
			continue
		default:
			return false
		}
		letters++
		if unicode.IsUpper(r) {
			upper = true
		}
	}
	if !upper || latin && cyrillic {
		return false
	}
	if letters >= 2 && isCaps(a) {
		return false // a code (IATA "ALA", ICAO "UAAA") or a name in capitals
	}
	lower := strings.ToLower(a)
	if strings.Contains(lower, "www.") || strings.Contains(lower, "http") {
		return false
	}
	for i := 1; i+1 < len(a); i++ {
		if a[i] == '.' && isLowerASCII(a[i-1]) && isLowerASCII(a[i+1]) {
			return false // a domain: wikipedia.org
		}
	}
	return true
}

func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }
