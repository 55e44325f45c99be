package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tokenize appends to toks the tokens of text, with byte offsets, and
// returns them. prose's tokenizer (ProseTokens) makes the statistical
// model's tokens, each passed to each (nil: nobody needs them); the tokens
// appended are the same, refined: text prose's tokenizer drops is
// tokenized, and what it leaves attached is split off: HTML tags such as
// <sup>5</sup>, markdown emphasis (*, _, ~, `), and dashes and ellipses
// between words ("Kabul—the", "Tashkent…").
func Tokenize(text string, toks []Token, each func(ProseToken)) []Token {
	// English runs ~5.5 bytes a token: one allocation instead of a dozen
	// doublings.
	if need := len(toks) + len(text)/5 + 8; cap(toks) < need {
		toks = append(make([]Token, 0, need), toks...)
	}
	first := len(toks)
	covered := 0
	ProseTokens(text, func(t ProseToken) {
		if each != nil {
			each(t)
		}
		toks = splitGap(text, Span{covered, t.Start}, toks)
		toks = splitMarkup(text, t.Span, toks)
		covered = t.End
	})
	toks = splitGap(text, Span{covered, len(text)}, toks)
	return toks[:first+len(joinEllipses(text, toks[first:]))] // joined in place
}

// splitGap tokenizes text that prose dropped: its splitter loses some
// clitic-and-quote runs such as ’s” entirely. A run of letters and digits,
// with a leading apostrophe, is one token; any other visible rune is one.
func splitGap(text string, gap Span, toks []Token) []Token {
	i := gap.Start
	for i < gap.End {
		if c := text[i]; c == ' ' || c == '\n' { // most gaps are a space or a line break
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:gap.End])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		start := i
		i += size
		if isWordChar(r) || r == '\'' || r == '’' {
			for i < gap.End {
				r, size := utf8.DecodeRuneInString(text[i:gap.End])
				if !isWordChar(r) {
					break
				}
				i += size
			}
		}
		toks = append(toks, Token{Span{start, i}, text[start:i]})
	}
	return toks
}

func isWordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// joinEllipses merges the single full stops prose splits "..." into.
func joinEllipses(text string, toks []Token) []Token {
	out := toks[:0]
	for _, t := range toks {
		if n := len(out); n > 0 && t.Text == "." && out[n-1].End == t.Start &&
			onlyOf(out[n-1].Text, ".") {
			out[n-1].End = t.End
			out[n-1].Text = text[out[n-1].Start:t.End]
			continue
		}
		out = append(out, t)
	}
	return out
}

// splitMarkup appends the pieces of the token at s to toks: every HTML tag,
// run of emphasis marks, dash or ellipsis becomes a token of its own.
func splitMarkup(text string, s Span, toks []Token) []Token {
	tok := text[s.Start:s.End]
	// One look at every byte tells whether the token may be an address or
	// hold markup at all: most tokens are plain words, kept whole.
	kinds := kindsOf(tok)
	if isAddress(tok, kinds) {
		return append(toks, Token{s, tok})
	}
	start := s.Start
	if n := openingQuoteLen(tok); n > 0 {
		toks = append(toks, Token{Span{s.Start, s.Start + n}, text[s.Start : s.Start+n]})
		start += n
	}
	emit := func(a, b int) {
		if a < b {
			toks = append(toks, Token{Span{a, b}, text[a:b]})
		}
	}
	if kinds&mayStartMarkup == 0 {
		emit(start, s.End)
		return toks
	}
	// Byte by byte: markup begins with an ASCII byte or 0xE2, which are
	// never inside a rune, so no other byte need be looked at closer.
	for i := start; i < s.End; {
		if !startsMarkup(text[i]) {
			i++
			continue
		}
		rest := text[i:s.End]
		n := markupLen(rest)
		if n == 0 || (n == len(rest) && i == start) {
			i++
			continue
		}
		emit(start, i)
		emit(i, i+n)
		i += n
		start = i
	}
	emit(start, s.End)
	return toks
}

// startsMarkup reports whether markup (see markupLen) may begin with b.
func startsMarkup(b byte) bool { return byteKinds[b]&mayStartMarkup != 0 }

// byteKinds says of every byte value what a token holding it may be: one
// table, since it is asked of every byte of the text.
var byteKinds = func() (kinds [256]uint8) {
	for _, b := range []byte{'<', '*', '_', '~', '`', 0xE2, '-', '.'} {
		kinds[b] |= mayStartMarkup
	}
	for _, b := range []byte{'@', ':'} { // "@" and "://" of isAddress
		kinds[b] |= mayBeAddress
	}
	return kinds
}()

const (
	mayStartMarkup = 1 << iota // markup (markupLen) may begin at the byte
	mayBeAddress               // the token may be an address (isAddress)
)

// markupLen returns the length of the markup that begins s, or 0. It is
// asked at every byte of every token, so it decides by the first byte.
func markupLen(s string) int {
	switch s[0] {
	case '<':
		if end := strings.IndexByte(s, '>'); end > 1 && isTagName(s[1:end]) {
			return end + 1
		}
	case '*', '_', '~', '`':
		n := 1
		for n < len(s) && s[n] == s[0] {
			n++
		}
		return n
	case 0xE2: // the first byte of —, – and …
		if strings.HasPrefix(s, "—") || strings.HasPrefix(s, "–") || strings.HasPrefix(s, "…") {
			return 3
		}
	case '-', '.':
		if strings.HasPrefix(s, "--") || strings.HasPrefix(s, "...") {
			n := 2
			for n < len(s) && s[n] == s[0] {
				n++
			}
			return n
		}
	}
	return 0
}

// isTagName reports whether s is the inside of an HTML tag: "sup", "/sup",
// "a href=...", "br/".
func isTagName(s string) bool {
	s = strings.TrimPrefix(s, "/")
	if s == "" || !IsASCIILetter(s[0]) {
		return false
	}
	return !strings.ContainsAny(s, "<\n")
}

// AddressSpan returns where the address lies in tok when tok, a token,
// holds a URL or e-mail address (isAddress: it starts with "www.", or holds
// "://" or "@", a handle's too), which Tokenize keeps whole: byte offsets
// after any brackets or emphasis marks it opens with, up to a dash,
// ellipsis, curly quote or emphasis mark, which no address holds
// ("www.example.kz—Kazakhstan", "**http://…**"). An address names nothing
// a reader would call a name, although words of names stand in its path
// ("…/CSTO-to-supply-weapons-to-Tajikistan"); the rest of the token may.
// ok is false for any other token.
func AddressSpan(tok string) (start, end int, ok bool) {
	if !isAddress(tok, kindsOf(tok)) {
		return 0, 0, false
	}
	start = len(tok) - len(strings.TrimLeft(tok, "*_[(<"))
	end = len(tok)
	if i := strings.IndexAny(tok[start:], "—–…“”«»*"); i >= 0 {
		end = start + i
	}
	return start, end, true
}

// kindsOf returns the byteKinds of tok's bytes, OR-ed.
func kindsOf(tok string) uint8 {
	var kinds uint8
	for i := 0; i < len(tok); i++ {
		kinds |= byteKinds[tok[i]]
	}
	return kinds
}

// isAddress reports whether tok is a URL or e-mail address, which keep their
// underscores and tildes; kinds are its bytes' byteKinds, OR-ed.
func isAddress(tok string, kinds uint8) bool {
	if strings.HasPrefix(tok, "www.") {
		return true
	}
	if kinds&mayBeAddress == 0 {
		return false
	}
	// One pass for "://" and "@": it is asked of every token.
	for i := 0; i < len(tok); i++ {
		switch tok[i] {
		case '@':
			return true
		case ':':
			if strings.HasPrefix(tok[i+1:], "//") {
				return true
			}
		}
	}
	return false
}

// openingQuoteLen returns the length of a quote that opens tok ("'yes",
// "«Kabul"), or 0. Clitics such as 's and n't keep their apostrophe.
func openingQuoteLen(tok string) int {
	r, size := utf8.DecodeRuneInString(tok)
	switch r {
	case '\'', '‘', '’', '"', '“', '«', '„':
	default:
		return 0
	}
	if size == len(tok) || IsClitic(tok[size:]) {
		return 0
	}
	return size
}

// IsClitic reports whether rest, what follows an apostrophe, is the ending
// of an English contraction or possessive ("s", "ll", "re", "m", "ve",
// "d", "t"), which the tokenizer cuts off as a token of its own.
func IsClitic(rest string) bool {
	switch strings.ToLower(rest) {
	case "s", "ll", "re", "m", "ve", "d", "t":
		return true
	}
	return false
}
