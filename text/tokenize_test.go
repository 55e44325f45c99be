package text

import (
	"fmt"
	"strings"
	"testing"
)

// tok writes a token as "text@start:end" (byte offsets).
func tok(text string, start, end int) string { return fmt.Sprintf("%s@%d:%d", text, start, end) }

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"curly quotes and possessive", "“Kabul’s” view", []string{
			tok("“", 0, 3), tok("Kabul", 3, 8), tok("’s", 8, 12), tok("”", 12, 15), tok("view", 16, 20)}},
		{"straight quotes", `He said "no" and 'yes'.`, []string{
			tok("He", 0, 2), tok("said", 3, 7), tok(`"`, 8, 9), tok("no", 9, 11), tok(`"`, 11, 12),
			tok("and", 13, 16), tok("'", 17, 18), tok("yes", 18, 21), tok("'", 21, 22), tok(".", 22, 23)}},
		{"hyphens stay inside words", "Hizb ut-Tahrir and Hizb-ut-Tahrir", []string{
			tok("Hizb", 0, 4), tok("ut-Tahrir", 5, 14), tok("and", 15, 18), tok("Hizb-ut-Tahrir", 19, 33)}},
		{"em dash between words", "Kabul—the city", []string{
			tok("Kabul", 0, 5), tok("—", 5, 8), tok("the", 8, 11), tok("city", 12, 16)}},
		{"ellipses", "well... Osh…", []string{
			tok("well", 0, 4), tok("...", 4, 7), tok("Osh", 8, 11), tok("…", 11, 14)}},
		{"URL keeps its underscores", "See https://example.com/a_b?x=1, now", []string{
			tok("See", 0, 3), tok("https://example.com/a_b?x=1", 4, 31), tok(",", 31, 32), tok("now", 33, 36)}},
		{"e-mail", "mail me@ex.com.", []string{
			tok("mail", 0, 4), tok("me@ex.com", 5, 14), tok(".", 14, 15)}},
		{"Cyrillic", "в Қазақстан", []string{tok("в", 0, 2), tok("Қазақстан", 3, 21)}},
		{"emoji", "Osh 🙂 ok", []string{tok("Osh", 0, 3), tok("🙂", 4, 8), tok("ok", 9, 11)}},
		{"CRLF line ends", "Osh\r\nBatken\r\n", []string{tok("Osh", 0, 3), tok("Batken", 5, 11)}},
		{"markdown emphasis", "**Kabul** and _Osh_", []string{
			tok("**", 0, 2), tok("Kabul", 2, 7), tok("**", 7, 9), tok("and", 10, 13),
			tok("_", 14, 15), tok("Osh", 15, 18), tok("_", 18, 19)}},
		{"footnote markup", "Kabul<sup>5</sup> fell", []string{
			tok("Kabul", 0, 5), tok("<sup>", 5, 10), tok("5", 10, 11), tok("</sup>", 11, 17), tok("fell", 18, 22)}},
		{"abbreviation and brackets", "U.S. forces (IMU)", []string{
			tok("U.S.", 0, 4), tok("forces", 5, 11), tok("(", 12, 13), tok("IMU", 13, 16), tok(")", 16, 17)}},
		{"html apostrophe entity", "Kabul&rsquo;s", []string{tok("Kabul", 0, 5), tok("&rsquo;s", 5, 13)}},
		{"empty", "", nil},
		{"only spaces", " \n\t ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := Tokenize(tt.text, nil, nil)
			var got []string
			for _, k := range toks {
				if k.Text != tt.text[k.Start:k.End] {
					t.Errorf("token text %q != text at %d:%d", k.Text, k.Start, k.End)
				}
				got = append(got, tok(k.Text, k.Start, k.End))
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("\ngot  %s\nwant %s", strings.Join(got, " "), strings.Join(tt.want, " "))
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two sentences", "Osh is calm. Batken is not.", []string{"Osh is calm.", "Batken is not."}},
		{"blank line", "Crossroads Asia\n\nA Nexus in Central Asia", []string{"Crossroads Asia", "A Nexus in Central Asia"}},
		{"blank line without stop", "Heading one\n\nbody text here.", []string{"Heading one", "body text here."}},
		{"wrapped line goes on", "in the\nregion of Osh.", []string{"in the\nregion of Osh."}},
		{"initials", "Mariya Y. Omelicheva wrote it.", []string{"Mariya Y. Omelicheva wrote it."}},
		{"title abbreviation", "Dr. Omelicheva and Gen. Sattarov met. Then they left.", []string{
			"Dr. Omelicheva and Gen. Sattarov met.", "Then they left."}},
		{"closing quote", `He said “go.” Then he left.`, []string{`He said “go.”`, "Then he left."}},
		{"hyphenated initials", "K.-J. Tokayev spoke. Then he left.", []string{"K.-J. Tokayev spoke.", "Then he left."}},
		{"straight closing quote", `He said "go." Then he left.`, []string{`He said "go."`, "Then he left."}},
		{"straight opening quote", `Yields rose. "Bonds fell," he said.`, []string{"Yields rose.", `"Bonds fell," he said.`}},
		{"straight single quote", `It ended. 'We won,' he said.`, []string{"It ended.", `'We won,' he said.`}},
		{"question and lower case", "Is it? yes it is.", []string{"Is it? yes it is."}},
		{"CRLF blank line", "One\r\n\r\nTwo", []string{"One", "Two"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seg := Segment(tt.text, nil)
			var got []string
			for _, s := range seg.Sentences {
				got = append(got, tt.text[s.Start:s.End])
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("\ngot  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestAddressSpan(t *testing.T) {
	tests := []struct {
		tok        string
		start, end int
		ok         bool
	}{
		{"http://example.kz/Osh", 0, 21, true},
		{"www.example.kz", 0, 14, true},
		{"name@example.kz", 0, 15, true},
		{"www.example.kz—Osh", 0, 14, true},
		{"**http://example.kz**", 2, 19, true},
		{"[https://example.kz/a](https://example.kz/a)", 1, 44, true},
		{"Example.kz", 0, 0, false},
		{"Osh", 0, 0, false},
		{"", 0, 0, false},
	}
	for _, tt := range tests {
		start, end, ok := AddressSpan(tt.tok)
		if start != tt.start || end != tt.end || ok != tt.ok {
			t.Errorf("AddressSpan(%q) = %d, %d, %v, want %d, %d, %v", tt.tok, start, end, ok, tt.start, tt.end, tt.ok)
		}
	}
}
