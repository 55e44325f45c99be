package text

import "unicode/utf8"

// IsASCII reports whether s is all ASCII: the fast paths of the tokenizer,
// the matcher and the model take such words without decoding runes.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// IsASCIILetter reports whether b is an ASCII letter, either case.
func IsASCIILetter(b byte) bool { return b|0x20 >= 'a' && b|0x20 <= 'z' }
