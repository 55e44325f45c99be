package gazetteer

import (
	"testing"
	"unicode"
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
