package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/extract-ca/extract/output"
)

// OrgNames finds the names of organisations the gazetteer does not know by
// their shape: a run of capitalised words, joined by "of", "for", "on",
// "and", "the" or "&", that ends in an organisation's head noun ("Willowmere
// Institute", "Aral Basin Studies Network") or starts with one
// followed by its complements ("Ministry of Water and Energy", "Committee
// on National Security of Kazakhstan"). The hits are candidates beside the
// gazetteer's (Doc.Rules); a longer one wins over the place names inside
// it, as the annotation guideline's "flat, longest name" asks.
type OrgNames struct{}

func (OrgNames) Process(d *Doc) error {
	toks := d.Tokens
	for k := 0; k < len(toks); {
		if !capitalised(toks[k].Text) {
			k++
			continue
		}
		end := runEnd(d.Text, toks, k)
		if s, ok := orgSpan(d, toks[k:end]); ok {
			d.Rules = append(d.Rules, Mention{Span: s, Label: output.LabelGroup, Source: output.SourceRule, Ref: -1})
		}
		k = end
	}
	return nil
}

// runEnd returns the end (exclusive) of the run of name words and
// connectors that starts at toks[k], on one line, separated by spaces.
func runEnd(text string, toks []Token, k int) int {
	last := k // last capitalised word
	for j := k + 1; j < len(toks); j++ {
		if gap := text[toks[j-1].End:toks[j].Start]; !onlySpacesOrNBSP(gap) || gap == "" {
			break
		}
		switch {
		case capitalised(toks[j].Text):
			last = j
		case connectors[toks[j].Text] && j-last <= 2:
		default:
			return last + 1
		}
	}
	return last + 1
}

func onlySpacesOrNBSP(s string) bool { return strings.Trim(s, " \u00a0") == "" }

// capitalised: a word that starts with a capital letter (a name word).
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) && len(w) > 1
}

// orgSpan decides whether a run of words is an organisation's name, and
// returns its span.
func orgSpan(d *Doc, run []Token) (Span, bool) {
	// A role before the name stays out, up to its last title word and the
	// connectors after it: "Associate Professor of Political Science and
	// Director of the Willowmere Institute" names the institute. "X and the
	// Y" names two things; the run keeps the last.
	for i := len(run) - 2; i >= 0; i-- {
		w := run[i].Text
		if inLower(titles, w) && connectors[run[i+1].Text] || w == "and" && run[i+1].Text == "the" {
			run = run[i+1:]
			break
		}
	}
	for len(run) > 0 && (inLower(titles, run[0].Text) || connectors[run[0].Text]) {
		run = run[1:]
	}
	for len(run) > 0 && connectors[run[len(run)-1].Text] {
		run = run[:len(run)-1]
	}
	if len(run) < 2 {
		return Span{}, false
	}
	// A sentence-initial "The" is the article; mid-sentence, capitalised,
	// it is part of the name ("The Jamestown Foundation").
	if run[0].Text == "The" && d.AtSentenceStart(run[0].Start) {
		run = run[1:]
		if len(run) < 2 {
			return Span{}, false
		}
	}
	head := func(t Token) bool { return inLower(orgHeads, t.Text) }
	switch {
	case head(run[len(run)-1]):
	case head(run[0]) && connectors[run[1].Text]:
	default:
		return Span{}, false
	}
	return Span{run[0].Start, run[len(run)-1].End}, true
}
