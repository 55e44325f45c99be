// Package text is the one segmentation of a document that every part of
// extract works on: tokens with byte offsets (the statistical model's
// tokens, refined) and sentences. The pipeline's tokenize and sentences
// stages make it for each document; the gazetteer's matcher reads its
// words from the same tokens and its sentence starts from the same
// sentences, and segments its names with the same code.
//
// Use:
//
//	seg := text.Segment("Osh is calm. Batken is not.", nil)
//	for _, s := range seg.Sentences {
//		fmt.Println(seg.Text[s.Start:s.End])
//	}
package text

import (
	"strings"
	"sync"

	"github.com/extract-ca/extract/wordlist"
)

// Span is a byte range of a text, end exclusive.
type Span struct {
	Start, End int
}

// Len returns the length of s in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Token is one token of a text; Text is the text at its span.
type Token struct {
	Span
	Text string
}

// Segmentation is a text with its tokens and sentences, byte offsets into
// Text.
type Segmentation struct {
	Text      string
	Tokens    []Token // in text order, covering every visible character
	Sentences []Span  // in text order, each from its first token to its last
}

// defaultAbbreviations is the embedded list, read once: wordlist.Set makes
// a new map at each call, and Sentences only reads it.
var defaultAbbreviations = sync.OnceValue(func() map[string]bool { return wordlist.Set("abbreviations") })

// Segment segments text as the pipeline segments a document: Tokenize,
// then Sentences with abbreviations (nil: the embedded word list).
func Segment(text string, abbreviations map[string]bool) Segmentation {
	if abbreviations == nil {
		abbreviations = defaultAbbreviations()
	}
	toks := Tokenize(text, nil, nil)
	return Segmentation{Text: text, Tokens: toks, Sentences: Sentences(text, toks, abbreviations, nil)}
}

// SentenceOf returns the index of the sentence that contains byte offset
// i, or the last sentence that starts before it (0 when there is none).
func (s Segmentation) SentenceOf(i int) int {
	lo, hi := 0, len(s.Sentences)
	for lo < hi {
		mid := (lo + hi) / 2
		if s.Sentences[mid].Start <= i {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return 0
	}
	return lo - 1
}

// AtSentenceStart reports whether byte offset i begins its sentence, but
// for opening quotes, brackets and markup before it. Without sentences,
// only offset 0 does.
func (s Segmentation) AtSentenceStart(i int) bool {
	start := 0
	if len(s.Sentences) > 0 {
		start = s.Sentences[s.SentenceOf(i)].Start
	}
	if i < start {
		return true
	}
	return strings.TrimLeft(s.Text[start:i], " \t\"'“‘(*_#") == ""
}
