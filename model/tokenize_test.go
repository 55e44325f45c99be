package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzMatchesProse checks the engine against prose on any text: the same
// tokens, tags and labels wherever prose does not panic, and offsets that
// give every token's text. prose is slow (and the fuzzer minimises every new input through it), so inputs are kept short.
func FuzzMatchesProse(f *testing.F) {
	for _, s := range []string{
		"Emomali Rahmon met Shavkat Mirziyoyev in Tashkent.",
		"“Kabul’s” U.S. :) they'll don't ($100)",
		"İİ's Ⱥ's KATHY's", "a-b 1999 12 *T*-1 -LRB- @user x@y.z http://a.bc/d",
		"New York New York New York", "\u00a0\u2028x\r\n",
	} {
		f.Add(s)
	}
	m := Default()
	f.Fuzz(func(t *testing.T, text string) {
		if len(text) > 300 || !utf8.ValidString(text) {
			return
		}
		toks := Tokenize(text, nil)
		for _, tok := range toks {
			if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End {
				t.Fatalf("token %q has offsets %d:%d in a text of %d bytes", tok.Text, tok.Start, tok.End, len(text))
			}
			if s := straightened(text[tok.Start:tok.End]); s != tok.Text {
				t.Fatalf("token %q at %d:%d is %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
			}
		}
		// diffProse lets prose run again where it picks among tied POS
		// scores in map order, as TestMatchesProse does.
		if _, diffs, _ := diffProse(m, text, 5); len(diffs) > 0 {
			t.Fatal(diffs[0])
		}
	})
}

// straightened is the text of a token as prose writes it: curly quotes and
// "&rsquo;" straightened (text.ProseTokens does it; its tests check how).
var straightened = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "&rsquo;", "'").Replace
