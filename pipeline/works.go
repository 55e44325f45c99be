package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Works finds the titles of books, reports, films and other works named in
// running text, where the citations stage finds those of reference lists:
//
//	She is the author of Roads and Rivers in the Fergana Valley (Riverside Press, 2016)
//	and Water Politics (Bishkek Review, 2019).
//	The report “Countering Violent Extremism in Kazakhstan” found ...
//
// The annotation guideline makes a work's title, and the names inside it,
// no mentions (Doc.Titles, which resolve drops candidates inside of). A
// title is taken only where the text says it is one: after a cue
// (wordlist work-cues: "author of", "report", "titled"), either in quotes
// or italics, or, bare, in title case and followed by a bracket holding a
// year, as books are cited ("(Oxford, 2009)"). A bare capitalised phrase
// after "editor of" without the bracket may be a newspaper's name, which is
// a mention, and stays one.
type Works struct{}

// closingQuote maps an opening quote or italics mark to its closing one.
var closingQuote = map[string]string{"“": "”", "\"": "\"", "‘": "’", "«": "»", "*": "*", "_": "_", "**": "**"}

func (Works) Process(d *Doc) error {
	toks := d.Tokens
	for j := range toks {
		if !workCueEndsAt(d, j) {
			continue
		}
		k := j + 1
		if k < len(toks) && closingQuote[toks[k].Text] != "" {
			if t, ok := quotedTitle(d, k); ok {
				d.Titles = append(d.Titles, t)
			}
			continue
		}
		// Bare titles, each followed by its bracket with a year, joined
		// by "and" or a comma: "author of A (P, 2011) and B (Q, 2015)".
		for k < len(toks) {
			t, next, ok := bracketedTitle(d, k)
			if !ok {
				break
			}
			d.Titles = append(d.Titles, t)
			k = next
			for k < len(toks) && (toks[k].Text == "," || toks[k].Text == "and") && sameLine(d, k-1, k) {
				k++
			}
		}
	}
	return nil
}

// workCueEndsAt reports whether a cue of one or two words ends with token j.
func workCueEndsAt(d *Doc, j int) bool {
	lists, w := d.words(), d.Tokens[j].Text
	kind := lists.workCueWords.lookup(w)
	if kind&cueWord != 0 {
		return true
	}
	// A phrase ("author of") is looked up only where one can end: building
	// its key for every token was most of the stage's time.
	return j > 0 && kind&cueEnd != 0 && sameLine(d, j-1, j) &&
		lists.workCues[strings.ToLower(d.Tokens[j-1].Text)+" "+strings.ToLower(w)]
}

// quotedTitle returns the title between the quote at token k and its
// closing quote on the same line, when it starts with a capital letter.
func quotedTitle(d *Doc, k int) (Span, bool) {
	toks := d.Tokens
	want := closingQuote[toks[k].Text]
	for e := k + 1; e < len(toks) && e <= k+40 && sameLine(d, e-1, e); e++ {
		if toks[e].Text != want {
			continue
		}
		if e == k+1 || !workStart(toks[k+1].Text) {
			return Span{}, false
		}
		return Span{Start: toks[k+1].Start, End: toks[e-1].End}, true
	}
	return Span{}, false
}

// bracketedTitle returns the title-case phrase starting at token k when a
// bracket holding a year follows it on the same line, and the index of
// the token after the bracket.
func bracketedTitle(d *Doc, k int) (Span, int, bool) {
	toks := d.Tokens
	if !workStart(toks[k].Text) {
		return Span{}, 0, false
	}
	e := k // the title is toks[k:e+1]
	for i := k + 1; i < len(toks) && i <= k+30 && sameLine(d, i-1, i); i++ {
		w := toks[i].Text
		if w == "(" {
			break
		}
		if !workStart(w) && !titleSmallWord(d.words().titleLowerWords, w) {
			return Span{}, 0, false
		}
		e = i
	}
	if e+1 >= len(toks) || toks[e+1].Text != "(" || !workStart(toks[e].Text) && toks[e].Text != "?" {
		return Span{}, 0, false
	}
	year := false
	for i := e + 2; i < len(toks) && i <= e+12 && sameLine(d, i-1, i); i++ {
		if toks[i].Text == ")" {
			if !year {
				return Span{}, 0, false
			}
			return Span{Start: toks[k].Start, End: toks[e].End}, i + 1, true
		}
		year = year || isYear(toks[i].Text)
	}
	return Span{}, 0, false
}

// titleSmallWord reports whether w may stand inside a title-case phrase
// without a capital: a word title case keeps in lower case (lower:
// articles, conjunctions, prepositions: "of", "and", "the"), or a colon,
// dash, comma, question mark or possessive. Other lower-case words ("was",
// "met") end the phrase: a title capitalises them.
func titleSmallWord(lower map[string]bool, w string) bool {
	switch w {
	case ":", "-", "–", "—", "'s", "’s", "?", ",":
		return true
	}
	return lower[w]
}

// workStart reports whether w starts with an upper-case letter or a digit
// ("2015: the Challenge Ahead").
func workStart(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isYear reports whether w is a year of four digits from 1500 to 2099.
func isYear(w string) bool {
	if len(w) != 4 || w < "1500" || w > "2099" {
		return false
	}
	for i := 0; i < 4; i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// sameLine reports whether no line break separates tokens a and b.
func sameLine(d *Doc, a, b int) bool {
	return !strings.ContainsRune(d.Text[d.Tokens[a].End:d.Tokens[b].Start], '\n')
}
