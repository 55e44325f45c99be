package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/extract-ca/extract/output"
)

// OrgNames finds the names of organisations the gazetteer does not know by
// their shape: a run of capitalised words, joined by "of", "for", "on",
// "and", "the" or "&", that ends in an organisation's head noun ("Willowmere
// Institute", "Aral Basin Studies Network") or starts with one
// followed by its complements ("Ministry of Water and Energy", "Committee
// on National Security of Kazakhstan"). A name of the same shape around
// the head noun of a facility ("Kyzyl-Tash Airport", "Embassy of Japan",
// "Kurpsai Gorge") is a place, as the annotation guideline has it. The
// hits are candidates beside the gazetteer's (Doc.Rules); a longer one
// wins over the place names inside it, as the annotation guideline's
// "flat, longest name" asks.
type OrgNames struct{}

func (OrgNames) Process(d *Doc) error {
	toks := d.Tokens
	for k := 0; k < len(toks); {
		if !capitalised(toks[k].Text) {
			k++
			continue
		}
		end := runEnd(d.words().connectors, d.Text, toks, k)
		if s, label, ok := orgSpan(d, toks[k:end]); ok {
			d.Rules = append(d.Rules, Mention{Span: s, Label: label, Source: output.SourceRule, Ref: -1})
		}
		k = end
	}
	return nil
}

// runEnd returns the end (exclusive) of the run of name words and
// connectors that starts at toks[k], on one line, separated by spaces.
func runEnd(connectors map[string]bool, text string, toks []Token, k int) int {
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

// orgSpan decides whether a run of words is the name of an organisation or
// a facility, and returns its span and label.
func orgSpan(d *Doc, run []Token) (Span, string, bool) {
	if len(run) < 2 {
		return Span{}, "", false // trimming below only shortens it
	}
	lists := d.words()
	// A role before the name stays out, up to its last title word and the
	// connectors after it: "Associate Professor of Political Science and
	// Director of the Willowmere Institute" names the institute. "X and the
	// Y" names two things; the run keeps the last.
	for i := len(run) - 2; i >= 0; i-- {
		w := run[i].Text
		if lists.connectors[run[i+1].Text] && inLower(lists.titles, w) || w == "and" && run[i+1].Text == "the" {
			run = run[i+1:]
			break
		}
	}
	for len(run) > 0 && (inLower(lists.titles, run[0].Text) || lists.connectors[run[0].Text]) {
		run = run[1:]
	}
	for len(run) > 0 && lists.connectors[run[len(run)-1].Text] {
		run = run[:len(run)-1]
	}
	if len(run) < 2 {
		return Span{}, "", false
	}
	// A sentence-initial "The" is the article; mid-sentence, capitalised,
	// it is part of the name ("The Jamestown Foundation"). A common word
	// that starts a sentence is no part of a name either ("Later the
	// Supreme Court", "Its Uzbek Service"), nor the connectors after it.
	if len(run) > 1 && d.AtSentenceStart(run[0].Start) && run[0].Text != "The" &&
		(inLower(lists.commonWords, run[0].Text) || english.IsStopWord(strings.ToLower(run[0].Text))) {
		run = run[1:]
		for len(run) > 0 && lists.connectors[run[0].Text] {
			run = run[1:]
		}
	}
	if len(run) > 0 && run[0].Text == "The" && d.AtSentenceStart(run[0].Start) {
		run = run[1:]
	}
	if len(run) < 2 {
		return Span{}, "", false
	}
	// The tokenizer keeps a sentence's full stop on a short last word
	// ("the Kambarata Dam."); a facility's head is no abbreviation.
	if last := &run[len(run)-1]; strings.HasSuffix(last.Text, ".") && inLower(lists.facilityHeads, strings.TrimSuffix(last.Text, ".")) {
		run = append(run[:len(run)-1:len(run)-1], Token{Span: Span{Start: last.Start, End: last.End - 1}, Text: strings.TrimSuffix(last.Text, ".")})
	}
	var head Token
	switch last := run[len(run)-1]; {
	case inLower(lists.orgHeads, last.Text) || inLower(lists.facilityHeads, last.Text):
		head = last
	case (inLower(lists.orgHeads, run[0].Text) || inLower(lists.facilityHeads, run[0].Text)) && lists.connectors[run[1].Text]:
		head = run[0]
	default:
		return Span{}, "", false
	}
	label := output.LabelGroup
	if inLower(lists.facilityHeads, head.Text) {
		label = output.LabelPlace
	}
	return Span{Start: run[0].Start, End: run[len(run)-1].End}, label, true
}
