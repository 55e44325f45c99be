package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/extract-ca/extract/wordlist"
)

// Sentences groups tokens into sentences. A sentence ends after a full
// stop, question or exclamation mark (and any closing quotes or brackets)
// when the next token starts with a capital, a digit or an opening quote,
// unless the stop ends an abbreviation or an initial ("Aida K.
// Sultanova"). A blank line always ends a sentence, and so does a single
// line break unless the next line goes on in lower case: headings, list
// items and captions stand alone.
type Sentences struct{}

func (Sentences) Process(d *Doc) error {
	d.Sentences = d.Sentences[:0]
	if len(d.Tokens) == 0 {
		return nil
	}
	first, abbreviations := 0, d.words().abbreviations
	for k := 0; k < len(d.Tokens); k++ {
		if k+1 == len(d.Tokens) || sentenceBreak(abbreviations, d.Text, d.Tokens, k) {
			d.Sentences = append(d.Sentences, Span{d.Tokens[first].Start, d.Tokens[k].End})
			first = k + 1
		}
	}
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
	if lists == nil {
		return SentenceSplitter{defaultWords()}
	}
	return SentenceSplitter{newWords(lists)}
}

// Split returns the byte ranges of the sentences of text.
func (s SentenceSplitter) Split(text string) [][2]int {
	d := &Doc{Text: text, lists: s.lists}
	Tokenize{}.Process(d)
	Sentences{}.Process(d)
	out := make([][2]int, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = [2]int{s.Start, s.End}
	}
	return out
}

// sentenceBreak reports whether a sentence ends between token k and k+1.
// abbreviations are the words that a full stop follows without ending
// a sentence.
func sentenceBreak(abbreviations map[string]bool, text string, toks []Token, k int) bool {
	next := toks[k+1]
	gap := text[toks[k].End:next.Start]
	if nl := strings.Count(gap, "\n"); nl >= 2 {
		return true
	} else if nl == 1 {
		r, _ := utf8.DecodeRuneInString(next.Text)
		return !unicode.IsLower(r)
	}
	if gap == "" && !isClosing(next.Text) {
		return false
	}
	// Walk back over closing quotes and brackets to the stop.
	j := k
	for j > 0 && isClosing(toks[j].Text) {
		j--
	}
	if !isStop(toks[j].Text) {
		return false
	}
	if isClosing(next.Text) {
		return false // the break comes after the closing mark
	}
	if toks[j].Text == "." && j > 0 && toks[j-1].End == toks[j].Start && isAbbreviation(abbreviations, toks[j-1].Text) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next.Text)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || isOpening(next.Text) || !unicode.IsLetter(r) && !unicode.IsPunct(r)
}

func isStop(tok string) bool {
	// Every stop begins with one of these bytes ('…' with 0xE2); it is
	// asked of most tokens, which begin with none of them.
	if tok != "" && tok[0] != '.' && tok[0] != '!' && tok[0] != '?' && tok[0] != 0xE2 {
		return false
	}
	switch tok {
	case ".", "!", "?", "…", "?!", "!?":
		return true
	}
	return onlyOf(tok, ".") || onlyOf(tok, "!?")
}

// onlyOf reports whether every byte of tok is one of the ASCII bytes of
// set: strings.Trim(tok, set) == "", without building a cutset per call.
func onlyOf(tok, set string) bool {
	for i := 0; i < len(tok); i++ {
		if strings.IndexByte(set, tok[i]) < 0 {
			return false
		}
	}
	return true
}

func isClosing(tok string) bool {
	switch tok {
	case `"`, "”", "’", "'", ")", "]", "»", "*", "**", "_":
		return true
	}
	return false
}

func isOpening(tok string) bool {
	switch tok {
	case `"`, "“", "‘", "'", "(", "[", "«":
		return true
	}
	return false
}

// isAbbreviation reports whether tok, followed by a full stop, is an
// abbreviation or an initial rather than the end of a sentence.
func isAbbreviation(abbreviations map[string]bool, tok string) bool {
	if n := utf8.RuneCountInString(tok); n == 1 {
		r, _ := utf8.DecodeRuneInString(tok)
		return unicode.IsUpper(r)
	}
	return inLower(abbreviations, tok)
}
