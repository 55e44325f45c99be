package importer

import (
	"strings"
	"unicode"
)

// maxSlugBytes bounds the readable part of an id; the reference number that
// follows it keeps ids unique.
const maxSlugBytes = 60

// slug returns the id part of name: lower-case ASCII letters and digits,
// words joined by "-". Latin letters lose their diacritics through a small
// table; apostrophes vanish ("Raʼs al Khaymah" → "ras-al-khaymah"). ok is
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
			if a, found := ascii[r]; found {
				t = a
			} else if a, found := ascii[unicode.ToLower(r)]; found {
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

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', '`', '´', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '′':
		return true
	}
	return false
}

// ascii transliterates the lower-case Latin letters with diacritics, and the
// few ligatures, that occur in place and person names.
var ascii = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ă': "a", 'ą': "a", 'ǎ': "a", 'ạ': "a", 'ả': "a", 'ấ': "a", 'ầ': "a", 'ậ': "a", 'ắ': "a", 'ặ': "a",
	'æ': "ae", 'ǽ': "ae",
	'ç': "c", 'ć': "c", 'ĉ': "c", 'ċ': "c", 'č': "c",
	'ď': "d", 'đ': "d", 'ḍ': "d", 'ḏ': "d", 'ð': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ĕ': "e", 'ė': "e", 'ę': "e", 'ě': "e", 'ẹ': "e", 'ế': "e", 'ề': "e", 'ệ': "e", 'ə': "a", 'ǝ': "e",
	'ğ': "g", 'ĝ': "g", 'ġ': "g", 'ģ': "g", 'ǧ': "g", 'ǵ': "g", 'ḡ': "g",
	'ĥ': "h", 'ħ': "h", 'ḥ': "h", 'ḫ': "h", 'ẖ': "h",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ĩ': "i", 'ī': "i", 'ĭ': "i", 'į': "i", 'ı': "i", 'ǐ': "i", 'ị': "i",
	'ĵ': "j", 'ǰ': "j",
	'ķ': "k", 'ǩ': "k", 'ḳ': "k", 'ĸ': "k",
	'ĺ': "l", 'ļ': "l", 'ľ': "l", 'ŀ': "l", 'ł': "l", 'ḷ': "l",
	'ñ': "n", 'ń': "n", 'ņ': "n", 'ň': "n", 'ŋ': "n", 'ṇ': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ŏ': "o", 'ő': "o", 'ǒ': "o", 'ọ': "o", 'ố': "o", 'ồ': "o", 'ộ': "o", 'ơ': "o", 'ờ': "o", 'ớ': "o", 'ɵ': "o",
	'œ': "oe",
	'ŕ': "r", 'ŗ': "r", 'ř': "r", 'ṛ': "r",
	'ś': "s", 'ŝ': "s", 'ş': "s", 'š': "s", 'ș': "s", 'ṣ': "s", 'ß': "ss",
	'ţ': "t", 'ť': "t", 'ŧ': "t", 'ț': "t", 'ṭ': "t", 'þ': "th",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ũ': "u", 'ū': "u", 'ŭ': "u", 'ů': "u", 'ű': "u", 'ų': "u", 'ǔ': "u", 'ư': "u", 'ụ': "u", 'ủ': "u", 'ứ': "u", 'ừ': "u",
	'ŵ': "w", 'ẇ': "w",
	'ý': "y", 'ÿ': "y", 'ŷ': "y", 'ỳ': "y", 'ỹ': "y",
	'ź': "z", 'ż': "z", 'ž': "z", 'ẓ': "z", 'ẕ': "z",
}
