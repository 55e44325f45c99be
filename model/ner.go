package model

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
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
// labels), each where it stands, reading the tags set on toks.
func (m *Model) labelPositions(toks []Token, labels []int, sc *scratch) {
	nl := m.nerLabels
	scores := sc.nerScores[:nl]
	var rows [nFeatures]int32
	prevTag := "None"
	for i := range toks {
		word := toks[i].Text
		lookup := func(f int, value []byte) int32 {
			if row, ok := m.w.NERValue[f][string(value)]; ok {
				return row
			}
			return -1
		}
		b := sc.key[:0]
		rows[fBias] = lookup(fBias, append(b, "True"...))
		if m.w.NERWords[word] {
			rows[fEnWordlist] = lookup(fEnWordlist, append(b, "True"...))
		} else {
			rows[fEnWordlist] = lookup(fEnWordlist, append(b, "False"...))
		}
		nextPOS := append(sc.next[:0], "None"...)
		if i+1 < len(toks) {
			nextPOS = appendLower(nextPOS[:0], toks[i+1].Tag)
			rows[fNextWord] = lookup(fNextWord, appendLower(b, toks[i+1].Text))
		} else {
			rows[fNextWord] = lookup(fNextWord, append(b, "None"...))
		}
		sc.next = nextPOS
		rows[fNextPOS] = lookup(fNextPOS, nextPOS)
		tag := toks[i].Tag
		rows[fPOS] = lookup(fPOS, append(b, tag...))
		rows[fPOSPrevTag] = lookup(fPOSPrevTag, append(append(append(b, tag...), '+'), prevTag...))
		rows[fPrefix3] = lookup(fPrefix3, appendLower(b, word[:min(len(word), 3)]))
		prevShape := "None"
		if i == 0 {
			rows[fPrevPOS] = lookup(fPrevPOS, append(b, "None"...))
			rows[fPrevWord] = lookup(fPrevWord, append(b, "None"...))
		} else {
			rows[fPrevPOS] = lookup(fPrevPOS, append(b, toks[i-1].Tag...))
			rows[fPrevWord] = lookup(fPrevWord, appendLower(b, toks[i-1].Text))
			if i > 1 {
				prevShape = shape(toks[i-1].Text)
			}
		}
		rows[fPrevTag] = lookup(fPrevTag, append(b, prevTag...))
		rows[fShape] = lookup(fShape, append(b, shape(word)...))
		rows[fShapePrevTag] = lookup(fShapePrevTag, append(append(append(b, prevShape...), '+'), prevTag...))
		rows[fSuffix3] = lookup(fSuffix3, appendLower(b, word[len(word)-min(len(word), 3):]))
		rows[fWord] = lookup(fWord, append(b, word...))
		b = appendLower(b, word)
		rows[fWordLower] = lookup(fWordLower, b)
		rows[fWordNextPOS] = lookup(fWordNextPOS, append(append(b, '+'), nextPOS...))
		rows[fWordLen] = lookup(fWordLen, strconv.AppendInt(b[:0], int64(len(word)), 10))
		sc.key = b

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
		prevTag = m.simple[best]
	}
}

// appendLower appends strings.ToLower(s) to b, without allocating for
// ASCII.
func appendLower(b []byte, s string) []byte {
	if !isASCII(s) {
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
	if isASCII(w) {
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
	return r < utf8.RuneSelf && (isASCIILetter(byte(r)) || '0' <= r && r <= '9' || r == '_')
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
