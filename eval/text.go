package eval

import "strings"

// codePoints is a document text indexed by code point, built once per
// document so that offsets from gold files and output records are checked
// and cut without searching the text again.
type codePoints []rune

func newCodePoints(text string) codePoints { return codePoints(text) }

// slice returns text[start:end] in code points, clamped to the text, so
// that a bad predicted offset yields a short string rather than a panic.
func (c codePoints) slice(start, end int) string {
	start = max(0, min(start, len(c)))
	end = max(start, min(end, len(c)))
	return string(c[start:end])
}

// contextWidth is how many code points of text a context shows on each
// side of a mention: enough to judge a boundary, short enough for a line.
const contextWidth = 40

// context returns the text around [start, end) with the mention in
// [brackets], on one line: newlines and tabs become spaces.
func (c codePoints) context(start, end int) string {
	start = max(0, min(start, len(c)))
	end = max(start, min(end, len(c)))
	s := c.slice(start-contextWidth, start) + "[" + c.slice(start, end) + "]" + c.slice(end, end+contextWidth)
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, s)
}
