package model

import "github.com/extract-ca/extract/text"

// Token is one of the model's tokens: a token of prose's tokenizer
// (text.ProseTokens, the project's segmentation, which the document's
// tokens refine), with the tag and label the model gives it.
type Token struct {
	text.ProseToken
	Tag   string // part-of-speech tag, set by Tag or Annotate
	Label string // IOB entity label (B-PERSON, O, ...), set by Annotate
}

// Tokenize appends to dst the tokens prose's tokenizer makes of s
// (text.ProseTokens), untagged, and returns them.
func Tokenize(s string, dst []Token) []Token {
	// English runs ~5.5 bytes a token: one allocation instead of a dozen
	// doublings.
	if need := len(dst) + len(s)/5 + 8; cap(dst) < need {
		dst = append(make([]Token, 0, need), dst...)
	}
	text.ProseTokens(s, func(t text.ProseToken) { dst = append(dst, Token{ProseToken: t}) })
	return dst
}
