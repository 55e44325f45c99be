package pipeline

import "github.com/extract-ca/extract/text"

// Tokenize splits the text into tokens with byte offsets, once per
// document (text.Tokenize): the statistical model's tokens, kept in
// Doc.ModelTokens for the ner stage, and the document's tokens, the same
// refined to cover every visible character, which every later stage reads.
type Tokenize struct{}

func (Tokenize) Process(d *Doc) error {
	d.ModelTokens, d.Tokens = text.Tokenize(d.Text, d.ModelTokens[:0], d.Tokens[:0])
	return nil
}

// Sentences groups the tokens into sentences (text.Sentences): a sentence
// never crosses a blank line.
type Sentences struct{}

func (Sentences) Process(d *Doc) error {
	d.Sentences = text.Sentences(d.Text, d.Tokens, d.Sentences[:0])
	return nil
}

// SplitSentences returns the byte ranges of the sentences of text as the
// pipeline cuts them (the tokenize and sentences stages): extract train
// gives them to the model, so that it learns on the sentences it labels.
func SplitSentences(s string) [][2]int {
	seg := text.Segment(s)
	out := make([][2]int, len(seg.Sentences))
	for i, sent := range seg.Sentences {
		out[i] = [2]int{sent.Start, sent.End}
	}
	return out
}
