package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/extract-ca/extract/wordlist"
)

// This file cleans the names and aliases of the sanctions lists, which are
// written in capitals, wrapped over lines, with acronyms and remarks in
// brackets and several names in one field.

// cleanSpace makes s one line: a line break after a hyphen vanishes
// ("ISIL-\nK" → "ISIL-K"), every other run of white space or control
// characters becomes one space, and invalid UTF-8 is dropped.
func cleanSpace(s string) string {
	s = strings.ToValidUTF8(s, "")
	var b strings.Builder
	pending := false // white space seen since the last character written
	joined := false  // it held a line break after a word's hyphen
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			if r == '\n' && brokenAfterHyphen(b.String()) {
				joined = true
			}
			pending = true
			continue
		}
		if pending && b.Len() > 0 && !joined {
			b.WriteByte(' ')
		}
		pending, joined = false, false
		b.WriteRune(r)
	}
	return b.String()
}

// brokenAfterHyphen reports whether s ends with a hyphen right after a
// letter: a word that was broken over two lines.
func brokenAfterHyphen(s string) bool {
	rest, ok := strings.CutSuffix(s, "-")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(rest)
	return unicode.IsLetter(r)
}

// splitListName splits the name of a list entity into the name proper and
// the acronyms and other names written with it: "EASTERN TURKISTAN ISLAMIC
// MOVEMENT (ETIM)" → "EASTERN TURKISTAN ISLAMIC MOVEMENT" and "ETIM";
// "AL-ITIHAAD AL-ISLAMIYA / AIAI" → "AL-ITIHAAD AL-ISLAMIYA" and "AIAI".
// Other bracketed words, such as a country, stay in the name:
// "AL-HARAMAIN FOUNDATION (INDONESIA)".
func splitListName(s string) (name string, extra []string) {
	s = cleanSpace(s)
	parts := strings.Split(s, " / ")
	s, extra = parts[0], append(extra, parts[1:]...)
	var b strings.Builder
	for s != "" {
		open := strings.IndexByte(s, '(')
		if open < 0 {
			b.WriteString(s)
			break
		}
		end := strings.IndexByte(s[open:], ')')
		if end < 0 {
			b.WriteString(s)
			break
		}
		inner := strings.TrimSpace(s[open+1 : open+end])
		b.WriteString(s[:open])
		if isAcronym(inner, 8) && countryCode(inner) == "" {
			extra = append(extra, inner)
		} else {
			b.WriteString(s[open : open+end+1])
		}
		s = s[open+end+1:]
	}
	return strings.Join(strings.Fields(b.String()), " "), extra
}

// aliasPieces splits one alias field of a list into the names it holds:
// several names separated by ";", a name in another script followed by its
// transliteration in brackets, an acronym in brackets. Brackets followed by
// more of the name belong to it and split nothing: "Leader (Hong Kong)
// International Trading Limited" is one name. Remarks are dropped:
// bracketed notes in lower case ("(combat name)"), anything with a digit
// (passport numbers, dates), "original script:" labels, ", born ..." and
// " - sub-unit name" tails.
func aliasPieces(s string) []string {
	s = cleanSpace(s)
	if i := strings.Index(s, ", born"); i >= 0 {
		s = s[:i]
	}
	var out []string
	for _, p := range splitAliasField(s) {
		p = strings.TrimSpace(p)
		if i := strings.Index(strings.ToLower(p), "original script"); i >= 0 {
			p = strings.TrimLeft(p[i+len("original script"):], ": ")
		}
		p = strings.Trim(p, ` "“”«»,:`)
		p = trimQuotes(p)
		if i := strings.LastIndex(p, " - "); i > 0 && !hasUpperLatin(p[i:]) {
			p = p[:i] // "Ansar al-Mujahideen Network - sub-unit name"
		}
		if p == "" || strings.IndexFunc(p, unicode.IsDigit) >= 0 || !looksLikeName(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// splitAliasField splits s at every ";" and around every bracketed part
// that ends its name, that is, one after which no letter comes before the
// next ";" or the end: "A (B; C); D" → "A", "B", "C", "D". A bracketed part
// with more of the name after it stays in the name, brackets and all, and
// so does a country that ends it ("Al-Haramain Foundation (Pakistan)", as
// splitListName keeps it).
// Unmatched brackets split as separators.
func splitAliasField(s string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		out = append(out, cur.String())
		cur.Reset()
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ';', ')', ']':
			flush()
		case '(', '[':
			closer := byte(')')
			if c == '[' {
				closer = ']'
			}
			end := strings.IndexByte(s[i+1:], closer)
			if end < 0 {
				flush()
				continue
			}
			end += i + 1
			rest := s[end+1:]
			if j := strings.IndexByte(rest, ';'); j >= 0 {
				rest = rest[:j]
			}
			inName := strings.IndexFunc(rest, unicode.IsLetter) >= 0 || countryCode(s[i+1:end]) != ""
			if inName && strings.TrimSpace(cur.String()) != "" {
				cur.WriteString(s[i : end+1]) // part of the name
				i = end
				continue
			}
			flush()
			for _, inner := range strings.Split(s[i+1:end], ";") {
				out = append(out, inner)
			}
			i = end
		default:
			cur.WriteByte(c)
		}
	}
	flush()
	return out
}

func hasUpperLatin(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsUpper(r) && unicode.Is(unicode.Latin, r) }) >= 0
}

// trimQuotes removes one pair of quotes around s: 'IMU', ‘IMU’, "IMU". A
// lone quote is no pair: it is the first and the last rune at once.
func trimQuotes(s string) string {
	if utf8.RuneCountInString(s) < 2 {
		return s
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if (first == '"' || isApostrophe(first)) && (last == '"' || isApostrophe(last) || last == '”') {
		return strings.TrimSpace(s[utf8.RuneLen(first) : len(s)-utf8.RuneLen(last)])
	}
	return s
}

// looksLikeName reports whether p can be a name: it has a letter, and when
// it is written in Latin letters only, at least one capital (a note such as
// "previously listed as" has none). Names in scripts without case (Arabic)
// pass.
func looksLikeName(p string) bool {
	latinOnly, upper, letters := true, false, 0
	for _, r := range p {
		if !unicode.IsLetter(r) {
			continue
		}
		letters++
		if !unicode.Is(unicode.Latin, r) {
			latinOnly = false
		}
		if unicode.IsUpper(r) {
			upper = true
		}
	}
	if letters == 0 || strings.EqualFold(p, "na") || strings.EqualFold(p, "n/a") {
		return false
	}
	return upper || !latinOnly
}

// personName turns a name written "LASTNAME, Firstname" into "Firstname
// Lastname", title-cased; a suffix stays at the end ("LAVILLA, JR" →
// "Lavilla Jr"). A field with more than one comma lists variants, which are
// returned one by one. Honorifics that news writing drops (Dr., Mr.) go.
func personNames(s string) []string {
	s = cleanSpace(s)
	parts := strings.Split(s, ",")
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	var names []string
	switch {
	case len(parts) == 2 && suffixes[strings.ToUpper(strings.TrimRight(parts[1], "."))]:
		names = []string{parts[0] + " " + parts[1]}
	case len(parts) == 2:
		names = []string{parts[1] + " " + parts[0]}
	case len(parts) == 3 && suffixes[strings.ToUpper(strings.TrimRight(parts[2], "."))]:
		names = []string{parts[1] + " " + parts[0] + " " + parts[2]}
	default:
		names = parts
	}
	out := names[:0]
	for _, n := range names {
		n = strings.Join(strings.Fields(n), " ")
		n = dropHonorific(n)
		if n != "" && looksLikeName(n) {
			out = append(out, titleCase(n, false))
		}
	}
	return out
}

// dropHonorific drops an honorific (word list honorifics: "Dr.", "MRS",
// "Prof") that opens n when two words of the name remain.
func dropHonorific(n string) string {
	first, rest, ok := strings.Cut(n, " ")
	if ok && honorifics[strings.ToLower(strings.TrimSuffix(first, "."))] && strings.Contains(rest, " ") {
		return rest
	}
	return n
}

// honorifics open a name and are not part of it, lower case.
var honorifics = wordlist.Set("honorifics")

// suffixes end a person's name ("Jr"), upper case.
var suffixes = wordlist.Set("name-suffixes")

// groupName title-cases a group's name or alias, keeping an acronym in
// capitals, and drops a leading "The" ("THE ARMY OF EMIGRANTS AND
// SUPPORTERS" → "Army of Emigrants and Supporters").
func groupName(s string, acronym bool) string {
	s = strings.Join(strings.Fields(s), " ")
	if acronym && isAcronym(s, 8) {
		return s
	}
	if isAcronym(s, 4) && isCaps(s) {
		return s
	}
	return dropThe(titleCase(s, true))
}

// dropThe removes a leading "The" when at least two words remain: a name
// is not written with its article in the gazetteer.
func dropThe(s string) string {
	for _, the := range []string{"The ", "THE ", "the "} {
		if rest, ok := strings.CutPrefix(s, the); ok && strings.Contains(rest, " ") {
			return rest
		}
	}
	return s
}
