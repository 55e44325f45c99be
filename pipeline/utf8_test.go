package pipeline

import "testing"

// TestInvalidUTF8 checks where the error of a text that is not UTF-8 puts
// its first bad byte: a line, and a column in characters (each bad byte
// one), never a byte offset.
func TestInvalidUTF8(t *testing.T) {
	for text, want := range map[string]string{
		"\xff":                  "line 1, column 1: invalid UTF-8",
		"a\n\xff":               "line 2, column 1: invalid UTF-8",
		"Ош\nКүн \xff":          "line 2, column 5: invalid UTF-8", // 7 bytes before it on its line
		"ab\xe2\x82":            "line 1, column 3: invalid UTF-8", // a rune cut short
		"x\n\ny😀\xc0\n\xff":     "line 3, column 3: invalid UTF-8",
		"\xfe\xff\nok":          "line 1, column 1: invalid UTF-8",
		"Ош\n\n\u0301e\x80 end": "line 3, column 3: invalid UTF-8", // a combining mark is a character
	} {
		if err := invalidUTF8(text); err == nil || err.Error() != want {
			t.Errorf("invalidUTF8(%q) = %v, want %s", text, err, want)
		}
	}
}
