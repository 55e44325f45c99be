package text

import "unicode/utf8"

// CodePoints converts between the byte offsets of one text, which the code
// works in, and its Unicode code point offsets, which every file a user
// reads or writes holds (output records, gold files). It is the one place
// where the two meet.
//
// Offsets converted in increasing order cost O(1) amortised each, in either
// direction: the converter remembers where the last conversion ended. Going
// back restarts the scan from the start, which is still correct.
type CodePoints struct {
	text   string
	byteAt int // a byte offset on a rune boundary, where the scan stands
	point  int // its code point offset
	total  int // the text's length in code points, or -1 until asked
}

// NewCodePoints returns a converter for the offsets of text.
func NewCodePoints(text string) *CodePoints {
	return &CodePoints{text: text, total: -1}
}

// Point returns the code point offset of byte offset b, clamped to the text.
// An offset inside a rune counts as the rune it lies in.
func (c *CodePoints) Point(b int) int {
	b = max(0, min(b, len(c.text)))
	if b < len(c.text) && !utf8.RuneStart(c.text[b]) {
		// Inside a rune: to its start. A stray continuation byte of a
		// text that is not UTF-8 is a rune of its own, as RuneCount has it.
		s := b
		for s > 0 && s > b-utf8.UTFMax && !utf8.RuneStart(c.text[s]) {
			s--
		}
		if _, size := utf8.DecodeRuneInString(c.text[s:]); s+size > b {
			b = s
		}
	}
	if b < c.byteAt {
		c.byteAt, c.point = 0, 0
	}
	c.point += utf8.RuneCountInString(c.text[c.byteAt:b])
	c.byteAt = b
	return c.point
}

// Byte returns the byte offset of code point offset p, clamped to the text:
// Byte(Len()) is the text's length in bytes.
func (c *CodePoints) Byte(p int) int {
	if p < c.point {
		c.byteAt, c.point = 0, 0
	}
	for c.point < p && c.byteAt < len(c.text) {
		_, size := utf8.DecodeRuneInString(c.text[c.byteAt:])
		c.byteAt += size
		c.point++
	}
	return c.byteAt
}

// Len returns the length of the text in code points.
func (c *CodePoints) Len() int {
	if c.total < 0 {
		c.total = utf8.RuneCountInString(c.text)
	}
	return c.total
}
