package model

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/extract-ca/extract/text"
)

// The entity classifier is prose's maximum-entropy model: each token, left
// to right, gets the label whose weights over 17 features of the token,
// its neighbours, their POS tags and the previous label sum highest.

// feature template indexes, in prose's order (weightfile.FeatureOrder).
const (
	fBias = iota
	fEnWordlist
	fNextPOS
	fNextWord
	fPOS
	fPOSPrevTag
	fPrefix3
	fPrevPOS
	fPrevTag
	fPrevWord
	fShape
	fShapePrevTag
	fSuffix3
	fWord
	fWordNextPOS
	fWordLower
	fWordLen
	nFeatures
)

// labelPositions labels toks[i] into labels[i] (an index into the model's
// labels), each where it stands, reading the tags set on toks. words[i] is
// the cache index of toks[i].Text.
func (m *Model) labelPositions(toks []Token, words []int32, labels []int, sc *scratch) {
	c := &sc.cache
	nl := m.nerLabels
	scores := sc.nerScores[:nl]
	var rows [nFeatures]int32
	prev := 0 // index into m.prevTags: "None"
	for i := range toks {
		w := c.rows[words[i]]
		t := c.trows[c.tag(m, toks[i].Tag)]
		rows[fBias] = m.nerBias
		rows[fEnWordlist] = w.nerWordlist
		nextPOS := "None"
		if i+1 < len(toks) {
			next := c.trows[c.tag(m, toks[i+1].Tag)]
			rows[fNextPOS] = next.nerNextPOS
			rows[fNextWord] = c.rows[words[i+1]].nerNextWord
			nextPOS = next.lower
		} else {
			rows[fNextPOS] = m.nerNone[fNextPOS]
			rows[fNextWord] = m.nerNone[fNextWord]
		}
		rows[fPOS] = t.nerPOS
		rows[fPOSPrevTag] = t.nerPOSPrevTag[prev]
		rows[fPrefix3] = w.nerPrefix3
		prevShape := shapeNone
		if i == 0 {
			rows[fPrevPOS] = m.nerNone[fPrevPOS]
			rows[fPrevWord] = m.nerNone[fPrevWord]
		} else {
			rows[fPrevPOS] = c.trows[c.tag(m, toks[i-1].Tag)].nerPrevPOS
			rows[fPrevWord] = c.rows[words[i-1]].nerPrevWord
			if i > 1 {
				prevShape = c.rows[words[i-1]].shape
			}
		}
		rows[fPrevTag] = m.nerPrevTag[prev]
		rows[fShape] = w.nerShape
		rows[fShapePrevTag] = m.nerShapePrevTag[prevShape][prev]
		rows[fSuffix3] = w.nerSuffix3
		rows[fWord] = w.nerWord
		b := append(append(append(sc.key[:0], w.lower...), '+'), nextPOS...)
		rows[fWordNextPOS] = m.nerRow(fWordNextPOS, b)
		sc.key = b
		rows[fWordLower] = w.nerWordLower
		rows[fWordLen] = w.nerWordLen

		// Sum in prose's feature order so that every total is
		// bit-identical to prose's; a missing key adds nothing, and
		// adding a stored 0 would not change a sum either.
		clear(scores)
		for _, row := range rows {
			if row < 0 {
				continue
			}
			w := m.w.NERRows[int(row)*nl : int(row)*nl+nl]
			for l := range scores {
				scores[l] += w[l]
			}
		}
		best, bestScore := 0, math.Inf(-1)
		for l, s := range scores {
			if s > bestScore {
				best, bestScore = l, s
			}
		}
		labels[i] = best
		prev = m.prevTagOf[best]
	}
}

// appendLower appends strings.ToLower(s) to b, without allocating for
// ASCII.
func appendLower(b []byte, s string) []byte {
	if !text.IsASCII(s) {
		return append(b, strings.ToLower(s)...)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// shape is prose's word shape: number, punct (ends in a character that
// is not an ASCII letter, digit or underscore), downcase, upcase (title
// case) or mixedcase.
func shape(w string) string {
	if isNumeric(w) {
		return "number"
	}
	if w == "" {
		return "other"
	}
	if r, _ := utf8.DecodeLastRuneInString(w); !isWordRune(r) {
		return "punct"
	}
	if text.IsASCII(w) {
		lower, title := true, true
		sep := true
		for i := 0; i < len(w); i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				lower = false
			}
			if sep && 'a' <= c && c <= 'z' {
				title = false
			}
			sep = !isWordRune(rune(c))
		}
		switch {
		case lower:
			return "downcase"
		case title:
			return "upcase"
		}
		return "mixedcase"
	}
	switch {
	case strings.ToLower(w) == w:
		return "downcase"
	case strings.Title(w) == w: //nolint:staticcheck // prose's definition
		return "upcase"
	}
	return "mixedcase"
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (text.IsASCIILetter(byte(r)) || '0' <= r && r <= '9' || r == '_')
}

// isNumeric is prose's test, strconv.ParseFloat succeeding, after a
// cheap check that spares the call (and its error) for ordinary words.
func isNumeric(w string) bool {
	s := w
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case '0' <= c && c <= '9', c == '.':
		for i := 1; i < len(s); i++ {
			if !strings.ContainsRune("0123456789abcdefABCDEFxXpP._+-", rune(s[i])) {
				return false
			}
		}
	case c == 'i' || c == 'I' || c == 'n' || c == 'N':
		if !strings.EqualFold(s, "inf") && !strings.EqualFold(s, "infinity") && !strings.EqualFold(s, "nan") {
			return false
		}
	default:
		return false
	}
	_, err := strconv.ParseFloat(w, 64)
	return err == nil
}
