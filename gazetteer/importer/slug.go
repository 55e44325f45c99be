package importer

import (
	"strings"
	"unicode"

	"github.com/extract-ca/extract/gazetteer"
)

// maxSlugBytes bounds the readable part of an id; the reference number that
// follows it keeps ids unique.
const maxSlugBytes = 60

// slug returns the id part of name: lower-case ASCII letters and digits,
// words joined by "-". Latin letters lose their diacritics as in the
// gazetteer's keys (gazetteer.Latin: é→e, ş→sh); apostrophes vanish ("Raʼs al Khaymah" → "ras-al-khaymah"). ok is
// false when name has letters of another script (Cyrillic, Arabic...), which
// the slug would lose: the caller then slugs an ASCII form of the name.
func slug(name string) (s string, ok bool) {
	var b strings.Builder
	ok = true
	dash := false // a separator is pending
	for _, r := range name {
		var t string
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			t = string(r)
		case r >= 'A' && r <= 'Z':
			t = string(r + 'a' - 'A')
		case isApostrophe(r) || unicode.Is(unicode.Mn, r):
			continue
		default:
			if a, found := gazetteer.Latin(unicode.ToLower(r)); found {
				t = a
			} else {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					ok = false
				}
				dash = b.Len() > 0
				continue
			}
		}
		if dash {
			b.WriteByte('-')
			dash = false
		}
		b.WriteString(t)
	}
	return truncateSlug(b.String()), ok
}

// truncateSlug cuts s to maxSlugBytes at a word boundary.
func truncateSlug(s string) string {
	if len(s) <= maxSlugBytes {
		return s
	}
	s = s[:maxSlugBytes]
	if i := strings.LastIndexByte(s, '-'); i > 0 {
		s = s[:i]
	}
	return strings.TrimRight(s, "-")
}

// refSlug turns a list's reference ("QDi.123 ", "6725") into an id part:
// lower case, with every run of other characters made a single "-" or kept
// as ".". It returns "" when nothing is left.
func refSlug(ref string) string {
	var b strings.Builder
	var sep byte
	for _, r := range strings.ToLower(strings.TrimSpace(ref)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if sep != 0 && b.Len() > 0 {
				b.WriteByte(sep)
			}
			sep = 0
			b.WriteRune(r)
		case r == '.':
			if sep == 0 {
				sep = '.'
			}
		default:
			sep = '-'
		}
	}
	return b.String()
}

// isApostrophe is gazetteer.IsApostrophe: the importer's names split and
// fold as the matcher's.
func isApostrophe(r rune) bool { return gazetteer.IsApostrophe(r) }
