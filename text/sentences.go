package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences appends to dst the sentences of text, whose tokens are toks
// (Tokenize's), and returns it; abbreviations are the words that a full
// stop follows without ending a sentence (the word list "abbreviations").
// A sentence ends after a full stop, question or exclamation mark (and
// any closing quotes or brackets) when the next token starts with a
// capital, a digit or an opening quote, unless the stop ends an
// abbreviation or an initial ("Aida K. Sultanova"). A blank line always
// ends a sentence, and so does a single line break unless the next line
// goes on in lower case: headings, list items and captions stand alone.
func Sentences(text string, toks []Token, abbreviations map[string]bool, dst []Span) []Span {
	first := 0
	for k := 0; k < len(toks); k++ {
		if k+1 == len(toks) || sentenceBreak(abbreviations, text, toks, k) {
			dst = append(dst, Span{Start: toks[first].Start, End: toks[k].End})
			first = k + 1
		}
	}
	return dst
}

// sentenceBreak reports whether a sentence ends between token k and k+1.
// abbreviations are the words that a full stop follows without ending
// a sentence.
func sentenceBreak(abbreviations map[string]bool, text string, toks []Token, k int) bool {
	next := toks[k+1]
	gap := text[toks[k].End:next.Start]
	if gap == " " {
		// Most tokens: a single space after a token that is no stop or
		// closing mark, where no sentence ends (see below).
		if t := toks[k].Text; !isStop(t) && !isClosing(t) {
			return false
		}
	}
	if nl := strings.Count(gap, "\n"); nl >= 2 {
		return true
	} else if nl == 1 {
		r, _ := utf8.DecodeRuneInString(next.Text)
		return !unicode.IsLower(r)
	}
	if gap == "" && !isClosing(next.Text) {
		return false
	}
	// Walk back over closing quotes and brackets to the stop.
	j := k
	for j > 0 && isClosing(toks[j].Text) {
		j--
	}
	if !isStop(toks[j].Text) {
		return false
	}
	if isClosing(next.Text) && !opensQuote(toks, k+1) {
		return false // the break comes after the closing mark
	}
	if toks[j].Text == "." && j > 0 && toks[j-1].End == toks[j].Start && isAbbreviation(abbreviations, toks[j-1].Text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next.Text)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || isOpening(next.Text) || !unicode.IsLetter(r) && !unicode.IsPunct(r)
}

func isStop(tok string) bool {
	// Every stop begins with one of these bytes ('…' with 0xE2); it is
	// asked of most tokens, which begin with none of them.
	if tok != "" && tok[0] != '.' && tok[0] != '!' && tok[0] != '?' && tok[0] != 0xE2 {
		return false
	}
	switch tok {
	case ".", "!", "?", "…", "?!", "!?":
		return true
	}
	return onlyOf(tok, ".") || onlyOf(tok, "!?")
}

// onlyOf reports whether every byte of tok is one of the ASCII bytes of
// set: strings.Trim(tok, set) == "", without building a cutset per call.
func onlyOf(tok, set string) bool {
	for i := 0; i < len(tok); i++ {
		if strings.IndexByte(set, tok[i]) < 0 {
			return false
		}
	}
	return true
}

func isClosing(tok string) bool {
	switch tok {
	case `"`, "”", "’", "'", ")", "]", "»", "*", "**", "_":
		return true
	}
	return false
}

// opensQuote reports whether toks[i], a straight quote, which can close
// or open, opens one: it stands apart from the token before and touches
// the token after (`gains. "Treasuries`), where a closing quote touches
// the token before (`gains."`).
func opensQuote(toks []Token, i int) bool {
	if t := toks[i].Text; t != `"` && t != "'" {
		return false
	}
	return i > 0 && toks[i-1].End < toks[i].Start && i+1 < len(toks) && toks[i+1].Start == toks[i].End
}

func isOpening(tok string) bool {
	switch tok {
	case `"`, "“", "‘", "'", "(", "[", "«":
		return true
	}
	return false
}

// isAbbreviation reports whether tok, followed by a full stop, is an
// abbreviation or an initial rather than the end of a sentence.
func isAbbreviation(abbreviations map[string]bool, tok string) bool {
	return initials(tok) || InLower(abbreviations, tok)
}

// initials reports whether tok is one capital letter or several joined by
// full stops and hyphens, the last without its stop ("K", "K.-J", "U.S"):
// the initials of a name.
func initials(tok string) bool {
	letter := false // the rune before was a letter
	for _, r := range tok {
		switch {
		case unicode.IsUpper(r) && !letter:
			letter = true
		case r == '.' || r == '-':
			letter = false
		default:
			return false
		}
	}
	return letter
}

// InLower returns set[strings.ToLower(w)] (LookupLower's value).
func InLower[V any](set map[string]V, w string) V {
	v, _ := LookupLower(set, w)
	return v
}

// LookupLower returns m[strings.ToLower(w)] and whether it is there,
// without allocating for ASCII words (a map index by string(bytes) does
// not copy): rules look up most words of a text in lists of lower-case
// words, and lower-casing a capitalised word allocated a string each time.
func LookupLower[V any](m map[string]V, w string) (V, bool) {
	var buf [32]byte
	if len(w) > len(buf) {
		v, ok := m[strings.ToLower(w)]
		return v, ok
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			v, ok := m[strings.ToLower(w)]
			return v, ok
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	v, ok := m[string(buf[:len(w)])]
	return v, ok
}
