package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/extract-ca/extract/output"
)

// Acronyms handles the acronyms an article defines for itself: a name
// followed by an acronym in brackets, "Steppe Policy Institute
// (SPI)", makes the acronym a mention of the same entity there and at
// every other place in the document where it stands as a word, replacing
// what the model made of it there: the acronym refers to its long form
// (Mention.Ref), and link gives it the long form's entity and label.
// Acronyms the gazetteer already knows are left to the gazetteer.
type Acronyms struct{}

func (Acronyms) Process(d *Doc) error {
	// Model mentions of a defined acronym give way to it: the article's own
	// definition is better evidence than the model's guess.
	defined := map[string]int{} // acronym → index of its long form in d.Mentions
	// The mentions before this stage adds any, indexed: asking each
	// candidate against every mention took time quadratic in the text.
	gazetteerSpans := newSpanIndex(spansOf(d.Mentions, func(m *Mention) bool { return m.Source == output.SourceGazetteer }))
	for i, m := range d.Mentions {
		acr, ok := bracketedAcronym(d.Text, m.End)
		if !ok || gazetteerSpans.any(acr) {
			continue
		}
		word := d.Text[acr.Start:acr.End]
		if _, dup := defined[word]; dup || !plausibleAcronym(d.Text[m.Start:m.End], word, m.Label) {
			continue
		}
		defined[word] = i
	}
	if len(defined) == 0 {
		return nil
	}
	// The tokens are disjoint and in text order, so a mention added for
	// one never overlaps a later one: the mentions to compare with are
	// those the stage began with.
	added := d.Mentions
	existing := newSpanIndex(spansOf(d.Mentions, nil))
	at := make(map[Span]int, len(d.Mentions)) // span → its first mention
	for i := len(d.Mentions) - 1; i >= 0; i-- {
		at[d.Mentions[i].Span] = i
	}
	for _, t := range d.Tokens {
		ref, ok := defined[t.Text]
		if !ok || gazetteerSpans.any(t.Span) {
			continue
		}
		if i, ok := at[t.Span]; ok && i == ref {
			continue // the long form itself, written as its acronym: "AA (AA)"
		}
		if i, ok := at[t.Span]; ok && added[i].Source == output.SourceNER {
			// The model's label stays until link gives the short form its
			// long form's entity and label.
			added[i].Source, added[i].Ref = output.SourceRule, ref
			continue
		}
		if existing.any(t.Span) {
			continue
		}
		added = append(added, Mention{
			Span:     t.Span,
			Source:   output.SourceRule,
			Ref:      ref,
			Sentence: d.SentenceOf(t.Start),
		})
	}
	sortMentions(added)
	d.Mentions = added
	return nil
}

// bracketedAcronym finds "(ACR)" right after byte offset i.
func bracketedAcronym(text string, i int) (Span, bool) {
	rest := text[i:]
	trimmed := strings.TrimLeft(rest, " ")
	if len(rest)-len(trimmed) > 1 || !strings.HasPrefix(trimmed, "(") {
		return Span{}, false
	}
	start := i + len(rest) - len(trimmed) + 1
	// A space may pad the acronym inside its brackets, as in text joined
	// from tokens ("( OSCE )").
	pad := 0
	if start < len(text) && text[start] == ' ' {
		start, pad = start+1, 1
	}
	// Look no further than the longest acronym: a search to the next ")"
	// of the text, for every mention followed by "(", is quadratic in a
	// text without one.
	end := strings.IndexByte(text[start:min(len(text), start+maxAcronym*utf8.UTFMax+1+pad)], ')')
	if end >= 1 && pad == 1 && text[start+end-1] == ' ' {
		end--
	} else if pad == 1 {
		return Span{}, false
	}
	if end < 1 {
		return Span{}, false
	}
	word := text[start : start+end]
	if !isAcronym(word) {
		return Span{}, false
	}
	return Span{Start: start, End: start + end}, true
}

// maxAcronym is the most letters and digits an acronym has.
const maxAcronym = 10

// isAcronym: two to maxAcronym letters or digits (counted in characters,
// whatever the script), starting with a capital, with at least two
// capitals and no lower-case letter but a plural s at the end ("NGOs") or
// the one letter of a short joining word between two capitals ("MoD",
// "BiH"): "KazMunayGas" is a name, and "RFE/RL" is not one word.
func isAcronym(w string) bool {
	caps, n := 0, 0
	prev := rune(0) // the rune before r; 0 at the start
	for i, r := range w {
		n++
		next, _ := utf8.DecodeRuneInString(w[i+utf8.RuneLen(r):])
		switch {
		case unicode.IsUpper(r):
			caps++
		case unicode.IsDigit(r) && i > 0:
		case r == 's' && i+1 == len(w) && unicode.IsUpper(prev):
		case unicode.IsLower(r) && unicode.IsUpper(prev) && unicode.IsUpper(next):
		default:
			return false
		}
		prev = r
	}
	first, _ := utf8.DecodeRuneInString(w)
	return n <= maxAcronym && caps >= 2 && unicode.IsUpper(first)
}

// plausibleAcronym checks that the acronym can abbreviate the long form
// of the label. Groups are often abbreviated in another language
// ("National Security Committee (GKNB)"), so any acronym is accepted. A
// person defines no acronym: what follows a person's name in brackets is
// an affiliation, a club or a country ("Jane Doe (PSV)", "John Smith
// (USA)"). In the gold of WikiGold, CoNLL-2003 (train and dev) and GMB,
// 194 names are followed by a bracketed word of capitals; 9 of them are
// persons, and each of the 9 brackets holds an affiliation, none the
// person's acronym. A long form labelled a person is then the model's
// mistake for an organisation or event ("Regional Security Dialogue
// (RSD)"), and copying its label to the acronym would spread the mistake.
// For a place the acronym's first letter is the initial of the long
// form's first word.
func plausibleAcronym(long, acr, label string) bool {
	switch label {
	case output.LabelGroup:
		return true
	case output.LabelPerson:
		return false
	}
	a, _ := utf8.DecodeRuneInString(acr)
	l, _ := utf8.DecodeRuneInString(long)
	return unicode.ToUpper(a) == unicode.ToUpper(l)
}
