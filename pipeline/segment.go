package pipeline

import (
	"github.com/extract-ca/extract/model"
	"github.com/extract-ca/extract/text"
	"github.com/extract-ca/extract/wordlist"
)

// Tokenize splits the text into tokens with byte offsets, once per
// document (text.Tokenize): the document's tokens, which every later stage
// reads, and, for the ner stage when there is one (model), the statistical
// model's tokens in Doc.ModelTokens: prose's tokens, which the document's
// refine to cover every visible character.
type Tokenize struct {
	model bool
}

func (t Tokenize) Process(d *Doc) error {
	d.ModelTokens = d.ModelTokens[:0]
	var each func(text.ProseToken)
	if t.model {
		if need := len(d.Text)/5 + 8; cap(d.ModelTokens) < need {
			d.ModelTokens = make([]model.Token, 0, need) // ~5.5 bytes a token
		}
		each = func(p text.ProseToken) { d.ModelTokens = append(d.ModelTokens, model.Token{ProseToken: p}) }
	}
	d.Tokens = text.Tokenize(d.Text, d.Tokens[:0], each)
	return nil
}

// Sentences groups the tokens into sentences (text.Sentences, with the
// pipeline's abbreviations): a sentence never crosses a blank line.
type Sentences struct{}

func (Sentences) Process(d *Doc) error {
	d.Sentences = text.Sentences(d.Text, d.Tokens, d.words().abbreviations, d.Sentences[:0])
	return nil
}

// SentenceSplitter cuts texts into sentences as a pipeline with the same
// word lists does (the tokenize and sentences stages): extract train
// gives them to the model, so that it learns on the sentences it labels.
type SentenceSplitter struct {
	lists *words
}

// NewSentenceSplitter returns the splitter of a pipeline with the word
// lists lists (nil: the embedded ones; see Config.Wordlists).
func NewSentenceSplitter(lists *wordlist.Lists) SentenceSplitter {
	return SentenceSplitter{wordsOf(lists)}
}

// Segment returns the segmentation of text as the pipeline makes it: what
// the gazetteer's matcher reads (extract train's gazetteer features).
func (s SentenceSplitter) Segment(t string) text.Segmentation {
	return text.Segment(t, s.lists.abbreviations)
}

// SentenceRanges returns the byte ranges of the sentences of seg, as the
// model's training documents hold them.
func SentenceRanges(seg text.Segmentation) [][2]int {
	out := make([][2]int, len(seg.Sentences))
	for i, sent := range seg.Sentences {
		out[i] = [2]int{sent.Start, sent.End}
	}
	return out
}
