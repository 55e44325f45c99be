package gazetteer

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/extract-ca/extract/text"
)

// word is one matching unit of a text: a run of letters, digits and marks,
// with the apostrophes of names such as O‘zbekiston or Ma'ruf kept inside
// and the full stops of abbreviations such as U.S. kept inside. Offsets are
// bytes, end exclusive.
type word struct {
	start, end int
	// joinable reports whether a name may go on from this word into the
	// next: only a short gap of spaces, one hyphen, dash, slash,
	// ampersand, a full stop inside a domain name (Knb.kz) or after an
	// initial or abbreviation (stopInSentence), an apostrophe inside a
	// word (apostropheInWord), or a comma and a space (comma, below) lies
	// between them, and no line break.
	joinable bool
	// comma reports that a comma and a space lie between this word and the
	// next. A name goes on across it only where the name itself has a
	// comma there ("United Nations Educational, Scientific and Cultural
	// Organization", "Washington, D.C."): the key marks it (commaKey), so
	// that a list such as "Kazakhstan, Kyrgyzstan" joins no names.
	comma bool
}

// commaKey is the byte that stands for a comma between two words in a key:
// folded words hold letters and digits only.
const commaKey = ','

// isWordRune reports whether r is a letter, digit or mark.
func isWordRune(r rune) bool {
	// Most text is ASCII, and most of the rest (names in the gazetteer,
	// Russian and Central Asian text) Latin or Cyrillic: spare them the
	// Unicode tables, whose search costs more than the rest of splitting.
	// TestIsWordRune checks the ranges against the tables.
	switch {
	case r < utf8.RuneSelf:
		c := byte(r) | 0x20
		return c >= 'a' && c <= 'z' || r >= '0' && r <= '9'
	case r >= 0xC0 && r <= 0x24F: // Latin-1 letters, Latin Extended-A and -B
		return r != 0xD7 && r != 0xF7 // × and ÷
	case r >= 0x400 && r <= 0x52F: // Cyrillic and its supplement
		return r != 0x482 // ҂, the thousands sign
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isLetterOrDigit is unicode.IsLetter(r) || unicode.IsDigit(r), with
// isWordRune's short cuts for ASCII, Latin and Cyrillic.
func isLetterOrDigit(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		c := byte(r) | 0x20
		return c >= 'a' && c <= 'z' || r >= '0' && r <= '9'
	case r >= 0xC0 && r <= 0x24F:
		return r != 0xD7 && r != 0xF7
	case r >= 0x400 && r <= 0x52F:
		return r < 0x482 || r > 0x489 // ҂ and the combining marks
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', '’', '‘', '`', '´', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '′': // IsApostrophe's
		return true
	}
	return false
}

// appendWords appends to words the matching units of seg's tokens and
// returns them. Words never cross a token: each token is cut where a rune
// is no letter, digit or mark ("Hizb-ut-Tahrir" is one token and three
// words, "Knb.kz" one token and two), but for an apostrophe followed by a
// letter (O'zbekiston, and "n't", a token of its own), a possessive 's,
// which is no word, and an abbreviation of single letters (U.S.), which
// is one. A URL or e-mail address (text.AddressSpan) has no words. Offsets
// are those of the tokens; the text between tokens is read only to
// decide which words a name may join.
func appendWords(seg text.Segmentation, words []word) []word {
	src := seg.Text
	first := len(words)
	for _, t := range seg.Tokens {
		if plainWord(t.Text) {
			// Most tokens: ASCII letters and digits only, one word.
			words = append(words, word{start: t.Start, end: t.End})
			continue
		}
		if start, end, ok := text.AddressSpan(t.Text); ok {
			// An address is no name and holds none (the annotation
			// guideline), though names stand in its path; what the token
			// holds before or after it may ("www.example.kz—Kazakhstan").
			words = appendTokenWords(src[:t.Start+start], t.Start, words)
			words = appendTokenWords(src[:t.End], t.Start+end, words)
			continue
		}
		words = appendTokenWords(src[:t.End], t.Start, words)
	}
	for k := first; k+1 < len(words); k++ {
		gap := src[words[k].end:words[k+1].start]
		next := src[words[k+1].start:words[k+1].end]
		words[k].comma = commaGap(gap)
		words[k].joinable = words[k].comma || joinableGap(gap) || stopInSentence(seg, gap, words[k+1].start) || apostropheInWord(gap, next)
	}
	return words
}

// commaGap reports whether gap is a comma followed by one or two spaces:
// the comma inside a name, as the names that have one write it.
func commaGap(gap string) bool {
	rest, ok := strings.CutPrefix(gap, ",")
	return ok && (rest == " " || rest == "  " || rest == "\u00a0")
}

// plainWord reports whether tok is made of ASCII letters and digits only:
// one word, as appendTokenWords would find it (it cuts only at other
// runes, and an abbreviation needs full stops).
func plainWord(tok string) bool {
	for i := 0; i < len(tok); i++ {
		if !asciiAlnum[tok[i]] {
			return false
		}
	}
	return tok != ""
}

var asciiAlnum = func() (t [256]bool) {
	for c := range t {
		t[c] = 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9'
	}
	return t
}()

// appendTokenWords appends the words of the token that runs from i to the
// end of text.
func appendTokenWords(text string, i int, words []word) []word {
	for i < len(text) {
		r, size := decodeRune(text, i)
		if !isWordRune(r) {
			if isApostrophe(r) && i+size < len(text) {
				// A possessive 's after a name is no word: "Rahmon" "'s".
				if next, nsize := utf8.DecodeRuneInString(text[i+size:]); isPossessive(text, i+size, next, nsize) {
					size += nsize
				}
			}
			i += size
			continue
		}
		start := i
		if end, ok := abbreviationEnd(text, i); ok {
			words = append(words, word{start: start, end: end})
			i = end
			continue
		}
		i += size
		possessive := 0 // length of a possessive 's after the word
		for i < len(text) {
			r, size = decodeRune(text, i)
			if isWordRune(r) {
				i += size
				continue
			}
			if isApostrophe(r) {
				next, nsize := utf8.DecodeRuneInString(text[i+size:])
				if isPossessive(text, i+size, next, nsize) {
					possessive = size + nsize
					break
				}
				if !unicode.IsLetter(next) {
					break
				}
				i += size
				continue
			}
			break
		}
		words = append(words, word{start: start, end: i})
		i += possessive // the s of 's is no word of its own
	}
	return words
}

// nameWords returns the words of a name (an alias), segmented as a text
// is: text.Tokenize, then appendWords, so that a name and the same name
// in a document have the same words. The tokens and words reuse s.
func (s *nameScratch) nameWords(name string) []word {
	s.toks = text.Tokenize(name, s.toks[:0], nil)
	s.words = appendWords(text.Segmentation{Text: name, Tokens: s.toks}, s.words[:0])
	return s.words
}

// nameScratch holds what segmenting many names in a row reuses.
type nameScratch struct {
	toks  []text.Token
	words []word
}

// decodeRune is utf8.DecodeRuneInString(text[i:]) with ASCII, most of a
// text, decoded inline.
func decodeRune(text string, i int) (rune, int) {
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// isPossessive reports whether the apostrophe before position i begins a
// possessive 's (the s followed by a non-letter), which stays outside names.
func isPossessive(text string, i int, next rune, nsize int) bool {
	if next != 's' && next != 'S' {
		return false
	}
	after, _ := utf8.DecodeRuneInString(text[i+nsize:])
	return i+nsize >= len(text) || !isWordRune(after)
}

// abbreviationEnd recognises dotted abbreviations of single letters, U.S.,
// U.K., U.S.A., and returns the end of the last full stop.
func abbreviationEnd(s string, i int) (int, bool) {
	n := 0
	j := i
	for j+1 < len(s) && text.IsASCIILetter(s[j]) && s[j+1] == '.' {
		n++
		j += 2
	}
	if n < 2 {
		return 0, false
	}
	// A letter right after the last stop means this was not an abbreviation
	// of single letters (e.g. "e.g.x").
	if j < len(s) && text.IsASCIILetter(s[j]) {
		return 0, false
	}
	return j, true
}

// stopInSentence reports whether a name may continue across gap, a full
// stop and what joinableGap allows, to the word at next: a capitalised
// word in the same sentence, so the stop ends an initial or an
// abbreviation ("George W. Bush", "K.-J. Tokayev", "St. Petersburg", as
// the segmentation's abbreviations have it). A name, segmented without
// sentences, is one.
func stopInSentence(seg text.Segmentation, gap string, next int) bool {
	if len(gap) < 2 || gap[0] != '.' || !joinableGap(gap[1:]) {
		return false
	}
	// A capital goes on a name; a number does not ("Annex G. 20 people").
	r, _ := utf8.DecodeRuneInString(seg.Text[next:])
	return unicode.IsUpper(r) && !seg.AtSentenceStart(next)
}

// apostropheInWord reports whether gap, an apostrophe between two words
// the tokenizer cut apart, lies inside one word ("Ne'matzoda", cut as "Ne"
// "'matzoda" the way "I'm" is cut), so that a name goes on across it; not
// before an English contraction's ending ("She'll").
func apostropheInWord(gap, next string) bool {
	r, size := utf8.DecodeRuneInString(gap)
	if size != len(gap) || !isApostrophe(r) {
		return false
	}
	return !text.IsClitic(next)
}

// joinableGap decides whether a name may continue across gap.
func joinableGap(gap string) bool {
	if gap == "" {
		return true
	}
	if len(gap) > 8 {
		return false
	}
	// A possessive inside a name: "Prosecutor General's Office",
	// "Kurdistan Workers' Party".
	for _, p := range []string{"'s ", "’s ", "' ", "’ "} {
		if gap == p {
			return true
		}
	}
	punct := 0
	spaces := 0
	for _, r := range gap {
		switch {
		case r == ' ' || r == '\t' || r == '\u00a0':
			spaces++
		case r == '-' || r == '‐' || r == '‑' || r == '–' || r == '—' || r == '/' || r == '&':
			punct++
		case r == '.':
			// Only inside a domain name: no spaces around it.
			if len(gap) != 1 {
				return false
			}
			punct++
		default:
			return false
		}
	}
	return punct <= 1 && spaces <= 2
}
