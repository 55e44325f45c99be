package text

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestProseTokens checks prose's tokenization with exact offsets; model's
// compatibility test (TestMatchesProse) checks it against prose itself.
func TestProseTokens(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // quoted token text @ start:end, separated by spaces
	}{
		{"plain", "Kabul is far.", `"Kabul"@0:5 "is"@6:8 "far"@9:12 "."@12:13`},
		{"leading marks", `($100) "yes"`, `"("@0:1 "$"@1:2 "100"@2:5 ")"@5:6 "\""@7:8 "yes"@8:11 "\""@11:12`},
		{"clitics", "they'll don't I'm", `"they"@0:4 "'ll"@4:7 "do"@8:10 "n't"@10:13 "I"@14:15 "'m"@15:17`},
		{"clitic then mark is dropped", "Kabul's, then", `"Kabul"@0:5 "then"@9:13`},
		{"curly quotes straightened", "“Kabul’s”", `"\""@0:3 "Kabul"@3:8`},
		{"&rsquo; is an apostrophe", "Bishkek&rsquo;s mayor", `"Bishkek"@0:7 "'s"@7:15 "mayor"@16:21`},
		{"abbreviations stay whole", "U.S. Dr. e.g. Jan.", `"U.S."@0:4 "Dr."@5:8 "e.g."@9:13 "Jan."@14:18`},
		{"emoticons stay whole", "fine :-) ok :-( xD", `"fine"@0:4 ":-)"@5:8 "ok"@9:11 ":-("@12:15 "xD"@16:18`},
		{"not every smiley is prose's emoticon", "fine :) ok", `"fine"@0:4 ":"@5:6 ")"@6:7 "ok"@8:10`},
		{"trailing marks in order", "end?!)", `"end"@0:3 "?"@3:4 "!"@4:5 ")"@5:6`},
		{"Cyrillic", "Рахмон, Душанбе.", `"Рахмон"@0:12 ","@12:13 "Душанбе"@14:28 "."@28:29`},
		{"other white space", "a\u00a0b\tc\nd", `"a"@0:1 "b"@3:4 "c"@5:6 "d"@7:8`},
		{"empty", "", ""},
		{"only space", " \n\t ", ""},
		// prose finds clitics in the lower-cased run and cuts the run at
		// that offset: 'İ' (2 bytes) lower-cases to 'i' (1 byte), so the
		// cut falls inside a letter, as in prose.
		{"clitic found in the lower-cased run", "İİİ's", `"İ\xc4"@0:3 "\xb0İ'"@3:7 "s"@7:8`},
		// 'Ⱥ' (2 bytes) lower-cases to 'ⱥ' (3 bytes): the offset lies past
		// the run, where prose panics; the engine keeps the run whole.
		{"clitic beyond the run after lower-casing", "ȺȺȺȺ's", `"ȺȺȺȺ's"@0:10`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			ProseTokens(tt.text, func(tok ProseToken) {
				got = append(got, fmt.Sprintf("%q@%d:%d", tok.Text, tok.Start, tok.End))
			})
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("\ngot  %s\nwant %s", g, tt.want)
			}
		})
	}
}

// FuzzProseTokens checks prose's tokenization on any text: offsets in
// order inside the text, each token's text the text at its offsets
// (straightened), its run the straightened run around it.
func FuzzProseTokens(f *testing.F) {
	for _, s := range []string{
		"Emomali Rahmon met Shavkat Mirziyoyev in Tashkent.",
		"“Kabul’s” U.S. :) they'll don't ($100)",
		"İİ's Ⱥ's KATHY's", "a-b 1999 12 *T*-1 -LRB- @user x@y.z http://a.bc/d",
		"\u00a0\u2028x\r\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		prev := 0
		ProseTokens(text, func(tok ProseToken) {
			if tok.Start < prev || tok.End > len(text) || tok.Start >= tok.End {
				t.Fatalf("token %q has offsets %d:%d after %d in a text of %d bytes", tok.Text, tok.Start, tok.End, prev, len(text))
			}
			prev = tok.End
			if s, _ := straighten(text[tok.Start:tok.End]); s != tok.Text {
				t.Fatalf("token %q at %d:%d is %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
			}
			if !strings.Contains(tok.Run, tok.Text) {
				t.Fatalf("token %q is not in its run %q", tok.Text, tok.Run)
			}
		})
	})
}
