package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// align finds the tokens that prose produced in the text they came from.
//
// prose returns token strings without offsets, and before splitting it
// rewrites curly quotes to straight ones and "&rsquo;" to an apostrophe,
// so a token is not always a substring of the text. align walks the text
// once, skipping white space, and matches each token rune by rune with
// those rewrites undone. A token that cannot be found where expected is
// searched for a little further on; one that cannot be found at all is
// dropped rather than given a wrong offset.
//
// Offsets are bytes relative to text, added to base.
func align(text string, base int, toks []string, fn func(i int, s Span)) {
	pos := 0
	for i, tok := range toks {
		if tok == "" {
			continue
		}
		pos = skipSpace(text, pos)
		if end, ok := matchAt(text, pos, tok); ok {
			fn(i, Span{base + pos, base + end})
			pos = end
			continue
		}
		// Look ahead a bounded distance for the token (prose may have
		// dropped something between tokens).
		found := false
		for p, n := pos, 0; p < len(text) && n < maxAlignSkip; n++ {
			_, size := utf8.DecodeRuneInString(text[p:])
			p += size
			if end, ok := matchAt(text, p, tok); ok {
				fn(i, Span{base + p, base + end})
				pos = end
				found = true
				break
			}
		}
		_ = found // an unfound token is dropped; pos stays for the next one
	}
}

// maxAlignSkip bounds the look-ahead of align, in runes.
const maxAlignSkip = 64

func skipSpace(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// matchAt reports whether tok occurs at text[i:] once prose's rewrites are
// undone, and where it ends.
func matchAt(text string, i int, tok string) (int, bool) {
	for _, want := range tok {
		if i >= len(text) {
			return 0, false
		}
		got, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case got == want:
		case want == '"' && (got == '“' || got == '”'):
		case want == '\'' && (got == '‘' || got == '’'):
		case want == '\'' && strings.HasPrefix(text[i:], "&rsquo;"):
			size = len("&rsquo;")
		default:
			return 0, false
		}
		i += size
	}
	return i, true
}
