package fileerr

import "unicode/utf8"

// Column returns the column of byte offset i of line, for a message a user
// reads: in characters (Unicode code points) from 1, each byte that is not
// valid UTF-8 counting as one, the rule of text.CodePoints.
func Column[T string | []byte](line T, i int) int {
	return utf8.RuneCountInString(string(line[:i])) + 1
}

// InvalidUTF8 returns the byte offset of the first byte of s that is not
// valid UTF-8, or -1 when s is valid.
func InvalidUTF8[T string | []byte](s T) int {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(string(s[i:min(len(s), i+utf8.UTFMax)]))
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}
