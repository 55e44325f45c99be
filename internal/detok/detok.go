// Package detok turns the tokens of a tokenized corpus (CoNLL, GMB,
// WikiGold, WNUT-17) back into text as a newspaper would print it, so that
// the tokenizer and segmenter see ordinary prose rather than
// "U.S. , he said ." (which no user gives them). The benchmark corpus
// (scripts/benchrun) and the model's compatibility corpus (model tests)
// are built with it.
package detok

import "strings"

// Join joins the tokens of one sentence.
//
// Punctuation, clitics ('s, n't, 're) and closing brackets attach to the
// word before; opening brackets and opening quotes attach to the word
// after. A straight double quote opens or closes depending on how many
// came before it in the sentence; a lone ' is almost always the
// possessive of a plural ("ministers ' meeting"), so it attaches left.
// PTB escapes (doubled back and straight quotes, -LRB-, -RRB-) become
// the characters they stand for.
func Join(tokens []string) string {
	var b strings.Builder
	quoteOpen := false // inside a straight double quote
	glueNext := false  // the previous token wants no space after it
	for _, tok := range tokens {
		if tok == "" {
			continue
		}
		tok = unescapePTB(tok)
		space := b.Len() > 0 && !glueNext
		glueNext = false
		switch {
		case tok == `"`:
			if quoteOpen {
				space = false
			} else {
				glueNext = true
			}
			quoteOpen = !quoteOpen
		case tok == "“" || tok == "‘":
			glueNext = true
		case attachesLeft(tok):
			space = false
		case opensRight[tok]:
			glueNext = true
		}
		if space {
			b.WriteByte(' ')
		}
		b.WriteString(tok)
	}
	return b.String()
}

var ptb = map[string]string{
	"``": "“", "''": "”", "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]",
	"-LCB-": "{", "-RCB-": "}",
}

func unescapePTB(tok string) string {
	if r, ok := ptb[tok]; ok {
		return r
	}
	return tok
}

// opensRight are the tokens written with no space after them.
var opensRight = map[string]bool{"(": true, "[": true, "{": true, "$": true, "£": true, "€": true}

// leftPunct are the tokens written with no space before them.
var leftPunct = map[string]bool{
	",": true, ".": true, ";": true, ":": true, "!": true, "?": true, "%": true,
	")": true, "]": true, "}": true, "”": true, "’": true, "'": true, "...": true, "…": true,
}

// clitics are the tokens PTB tokenization splits off a word ("do n't",
// "Tuesday 's"), written back onto it.
var clitics = map[string]bool{"n't": true, "'s": true, "'re": true, "'ve": true, "'ll": true, "'d": true, "'m": true}

func attachesLeft(tok string) bool {
	if leftPunct[tok] {
		return true
	}
	// Runs of sentence punctuation ("?!", "..") also attach.
	if strings.Trim(tok, ".!?") == "" {
		return true
	}
	return clitics[strings.ToLower(strings.ReplaceAll(tok, "’", "'"))]
}
