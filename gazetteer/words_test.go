package gazetteer

import (
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/extract-ca/extract/text"
)

// TestIsWordRune checks the ranges of isWordRune and isLetterOrDigit for Latin and Cyrillic against
// the Unicode tables, over every code point.
func TestIsWordRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if got := isWordRune(r); got != want {
			t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
		}
		want = unicode.IsLetter(r) || unicode.IsDigit(r)
		if got := isLetterOrDigit(r); got != want {
			t.Errorf("isLetterOrDigit(%U) = %v, want %v", r, got, want)
		}
	}
}

func TestAppendWords(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // each word as text@start:end, + before a word a name may join
	}{
		{"hyphens inside one token", "Hizb-ut-Tahrir met", "Hizb@0:4 +ut@5:7 +Tahrir@8:14 +met@15:18"},
		{"possessive is no word", "Rahmon's men", "Rahmon@0:6 +men@9:12"},
		{"curly possessive", "Rahmon’s men", "Rahmon@0:6 +men@11:14"},
		{"apostrophe inside a name", "O‘zbekiston and Ma'ruf", "O‘zbekiston@0:13 +and@14:17 +Ma'ruf@18:24"},
		{"contraction: two tokens, two words", "don't", "do@0:2 +n't@2:5"},
		{"contraction before an apostrophe", "She'll go", "She@0:3 ll@4:6 +go@7:9"},
		{"dotted abbreviation whole", "the U.S. army", "the@0:3 +U.S.@4:8 +army@9:13"},
		{"domain", "Knb.kz said", "Knb@0:3 +kz@4:6 +said@7:11"},
		{"no join across a line break", "Central\nAsia", "Central@0:7 Asia@8:12"},
		{"markup", "**Kabul** fell", "Kabul@2:7 fell@10:14"},
		{"Cyrillic", "в Қазақстан", "в@0:2 +Қазақстан@3:21"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := appendWords(text.Segment(tt.text, nil), nil)
			var got []string
			for k, w := range words {
				s := fmt.Sprintf("%s@%d:%d", tt.text[w.start:w.end], w.start, w.end)
				if k > 0 && words[k-1].joinable {
					s = "+" + s
				}
				got = append(got, s)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("\ngot  %s\nwant %s", g, tt.want)
			}
		})
	}
}
