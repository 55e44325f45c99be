package pipeline

import "unicode/utf8"

// codePoints converts byte offsets of one text to Unicode code point
// offsets. It is the one place where the two meet: the pipeline works in
// bytes, every file a user reads or writes is in code points.
//
// Offsets are converted in increasing order in O(1) amortised time each;
// going back restarts the scan, which is still correct.
type codePoints struct {
	text      string
	byteAt    int // last converted byte offset
	pointAt   int // its code point offset
	totalRune int
}

func newCodePoints(text string) *codePoints {
	return &codePoints{text: text, totalRune: -1}
}

// At returns the code point offset of byte offset b. b must lie on a rune
// boundary (every offset the pipeline produces does); an offset inside a
// rune is counted as the rune it lies in.
func (c *codePoints) At(b int) int {
	if b < c.byteAt {
		c.byteAt, c.pointAt = 0, 0
	}
	if b > len(c.text) {
		b = len(c.text)
	}
	c.pointAt += utf8.RuneCountInString(c.text[c.byteAt:b])
	c.byteAt = b
	return c.pointAt
}

// Len returns the length of the text in code points.
func (c *codePoints) Len() int {
	if c.totalRune < 0 {
		c.totalRune = utf8.RuneCountInString(c.text)
	}
	return c.totalRune
}
