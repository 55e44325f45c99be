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
	for i, m := range d.Mentions {
		acr, ok := bracketedAcronym(d.Text, m.End)
		if !ok || coveredBy(d.Mentions, acr, output.SourceGazetteer) {
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
	added := d.Mentions
	for _, t := range d.Tokens {
		ref, ok := defined[t.Text]
		if !ok || coveredBy(added, t.Span, output.SourceGazetteer) {
			continue
		}
		if i := exactly(added, t.Span); i >= 0 && added[i].Source == output.SourceNER {
			// The model's label stays until link gives the short form its
			// long form's entity and label.
			added[i].Source, added[i].Ref = output.SourceRule, ref
			continue
		}
		if t.OverlapsAny(added) {
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
	end := strings.IndexByte(text[start:], ')')
	if end < 2 || end > 12 {
		return Span{}, false
	}
	word := text[start : start+end]
	if !isAcronym(word) {
		return Span{}, false
	}
	return Span{start, start + end}, true
}

// isAcronym: two to ten letters or digits, starting with a capital, with
// at least two capitals and no lower-case letter but a plural s or a
// short joining word's letter ("RFE/RL" is not one word; skip it).
func isAcronym(w string) bool {
	caps := 0
	for i, r := range w {
		switch {
		case unicode.IsUpper(r):
			caps++
		case unicode.IsDigit(r) && i > 0:
		case unicode.IsLower(r) && i > 0:
		default:
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(w)
	return caps >= 2 && unicode.IsUpper(first)
}

// plausibleAcronym checks that the acronym can abbreviate the long form:
// for places and people its first letter is the initial of the long
// form's first word; groups are often abbreviated in another language
// ("National Security Committee (GKNB)"), so any acronym is accepted.
func plausibleAcronym(long, acr, label string) bool {
	if label == output.LabelGroup {
		return true
	}
	a, _ := utf8.DecodeRuneInString(acr)
	l, _ := utf8.DecodeRuneInString(long)
	return unicode.ToUpper(a) == unicode.ToUpper(l)
}

// coveredBy reports whether a mention from source overlaps s.
func coveredBy(ms []Mention, s Span, source string) bool {
	for _, m := range ms {
		if m.Source == source && m.Overlaps(s) {
			return true
		}
	}
	return false
}

// exactly returns the index of the mention with span s, or -1.
func exactly(ms []Mention, s Span) int {
	for i, m := range ms {
		if m.Span == s {
			return i
		}
	}
	return -1
}
