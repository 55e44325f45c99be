package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/extract-ca/extract/output"
	"github.com/extract-ca/extract/text"
)

// Clean trims the model's spans to the names they contain and drops those
// that are no names. It exists because prose's model, trained on other
// text, makes mistakes of a few recurring kinds:
//
//   - spans with punctuation, markup, a leading "the", title or demonym, a
//     possessive 's, or trailing lower-case words: trimmed;
//   - a person's span that misses an initial or a capitalised neighbour:
//     widened ("Aida K. Sultanova");
//   - no name left: a lone demonym, title or stop word, a common word at a
//     sentence start, a word or phrase the same document writes in lower
//     case ("Outlook" in a title-case heading when the text says "outlook"),
//     an adjective of origin: dropped;
//   - a one-word place the gazetteer does not know, with no word around it
//     that says it is a place ("in Salta", "port of Gdansk", "Tambov
//     province"): dropped; alone, prose's one-word places are mostly
//     capitalised common nouns;
//   - a name ending in the head noun of an event, agreement or document
//     ("Almaty Process", "Boston Marathon"): dropped, as the annotation
//     guideline says; a name inside it is found by the gazetteer or rules.
//
// A trained entity model learned where names start and which one-word
// names are places from annotated text: with it some of these repairs are
// left out, each where it loses on development data with it (modelPolicy
// declares which, with the figures).
//
// The label evidence the clean-up finds (initials make a person, a head
// noun such as "Institute" a group) is kept as a hint on the span; resolve
// decides labels.
type Clean struct{}

func (Clean) Process(d *Doc) error {
	d.Cleaned, d.cleaned = d.Cleaned[:0], true
	for _, m := range d.Model {
		if c, ok := cleanModel(d, m); ok {
			d.Cleaned = append(d.Cleaned, c)
		}
	}
	return nil
}

// cleanModel trims a model hit to the name it contains, or rejects it.
func cleanModel(d *Doc, m Mention) (Mention, bool) {
	text, lists := d.Text, d.words()
	if i := strings.IndexByte(text[m.Start:m.End], '\n'); i >= 0 {
		m.End = m.Start + i
	}
	for {
		before := m.Span
		m.Span = trimNonWord(text, m.Span)
		m.Span = trimPossessive(text, m.Span)
		m.Span = trimLeadingWords(d.policy(), lists, text, m.Span)
		if d.policy().trimTrailingLower {
			m.Span = trimTrailingLowerCase(text, m.Span)
		}
		if m.Span == before || m.Len() <= 0 {
			break
		}
	}
	if m.Len() <= 0 {
		return m, false
	}
	if withInitials := extendInitials(text, m.Span); withInitials != m.Span {
		// "Sultanova A.": a word with initials is a person, whatever the
		// model said.
		m.Span, m.hint = withInitials, output.LabelPerson
	}
	if m.label() == output.LabelPerson {
		m.Span = extendPerson(d, m.Span)
	}
	if inLower(lists.orgHeads, lastWord(text[m.Start:m.End])) {
		m.hint = output.LabelGroup
	} else if inLower(lists.facilityHeads, lastWord(text[m.Start:m.End])) && strings.Contains(text[m.Start:m.End], " ") {
		m.hint = output.LabelPlace // "Kurpsai Gorge", "Spartak Stadium"
	}
	surface := text[m.Start:m.End]
	first, _ := utf8.DecodeRuneInString(surface)
	if !unicode.IsUpper(first) && !hasUpper(surface) {
		return m, false // no capital: not a name
	}
	if last := lastWord(surface); d.policy().dropDemonymEnd && inLower(lists.demonyms, last) {
		return m, false // "Central Asian", "Afghan": an adjective, not a name
	}
	if eventName(lists, surface) {
		return m, false
	}
	if allCommon(d, surface) {
		return m, false // "Water Management", "Joint Statement"
	}
	if d.policy().oneWordPlaceTest && m.label() == output.LabelPlace && !strings.ContainsAny(surface, " -") && !locative(lists, d.Text, m.Span) {
		return m, false
	}
	if !strings.ContainsAny(surface, " -") {
		w := strings.ToLower(surface)
		if lists.demonyms[w] || lists.titles[w] || lists.notNames[w] || lists.orgHeads[w] || lists.facilityHeads[w] {
			return m, false
		}
		if lists.commonWords[w] && d.AtSentenceStart(m.Start) || english.IsStopWord(w) || usedInLowerCase(d, w) {
			return m, false
		}
	}
	return m, true
}

// eventName reports whether name is the name of an event or a document,
// which the annotation guideline does not mark: it ends in an event's head
// noun ("Almaty Process", "SCO Charter") or starts with an event's word
// before more ("Operation Enduring Freedom", "Battle of Talas").
func eventName(lists *words, name string) bool {
	if inLower(lists.eventHeads, lastWord(name)) {
		return true
	}
	first, rest, _ := strings.Cut(name, " ")
	return rest != "" && inLower(lists.eventStarts, first)
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// trimNonWord moves the ends of s inward to a letter or digit, so that no
// mention starts or ends with punctuation or markup. A closing full stop
// of an initial or abbreviation ("U.S.") stays.
func trimNonWord(text string, s Span) Span {
	for s.Start < s.End {
		r, size := utf8.DecodeRuneInString(text[s.Start:s.End])
		if isNameRune(r) {
			break
		}
		s.Start += size
	}
	if i := strings.IndexByte(text[s.Start:s.End], '<'); i > 0 {
		s.End = s.Start + i // markup inside: keep what precedes it
	}
	for s.End > s.Start {
		r, size := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if isNameRune(r) {
			break
		}
		if r == '.' && endsWithInitial(text[s.Start:s.End-1]) {
			break
		}
		s.End -= size
	}
	return s
}

func isNameRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// endsWithInitial reports whether s ends with a lone capital letter that a
// full stop may follow ("Mariya Y", "U.S").
func endsWithInitial(s string) bool {
	r, size := utf8.DecodeLastRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(s[:len(s)-size])
	return len(s) == size || !unicode.IsLetter(before)
}

func trimPossessive(text string, s Span) Span {
	for _, p := range []string{"'s", "’s", "'S", "’S"} {
		if strings.HasSuffix(text[s.Start:s.End], p) {
			s.End -= len(p)
		}
	}
	return s
}

// trimLeadingWords drops a leading "the", title or demonym: "President
// Islam Karimov" names Islam Karimov, "Afghan Taliban" names the Taliban;
// but the adjective that starts an organisation's name stays.
func trimLeadingWords(p *modelPolicy, lists *words, text string, s Span) Span {
	first, rest, ok := edgeWord(text, s, false)
	w := strings.ToLower(strings.TrimSuffix(first, "."))
	if ok && (p.trimThe && w == "the" || p.trimTitles && lists.titles[w] || p.trimDemonyms && lists.demonyms[w] && !hasOrgHead(lists, text[s.Start:s.End])) {
		return rest
	}
	return s
}

// edgeWord splits the first (or the last) word of s, up to a space, from
// the rest of s; ok is false when s is one word.
func edgeWord(text string, s Span, last bool) (word string, rest Span, ok bool) {
	surface := text[s.Start:s.End]
	if last {
		sp := strings.LastIndexByte(surface, ' ')
		if sp < 0 {
			return "", s, false
		}
		return surface[sp+1:], Span{Start: s.Start, End: s.Start + sp}, true
	}
	sp := strings.IndexByte(surface, ' ')
	if sp < 0 {
		return "", s, false
	}
	return surface[:sp], Span{Start: s.Start + sp + 1, End: s.End}, true
}

// hasOrgHead reports whether a word of s is an organisation's head noun:
// "Turkic Council on Trade Policy" keeps its first word.
func hasOrgHead(lists *words, s string) bool {
	for _, w := range strings.Fields(s) {
		if inLower(lists.orgHeads, w) {
			return true
		}
	}
	return false
}

// trimTrailingLowerCase drops lower-case words at the end: names end in a
// capitalised word ("Tamga news agency" names Tamga, "Taliban
// movement" the Taliban).
func trimTrailingLowerCase(text string, s Span) Span {
	last, rest, ok := edgeWord(text, s, true)
	if r, _ := utf8.DecodeRuneInString(last); ok && unicode.IsLower(r) {
		return rest
	}
	return s
}

// extendPerson widens a person's span over one capitalised word on either
// side that the model left out, on the same line: "Joe/PERSON Painter",
// "Talant Abdykerov/PERSON". The word must look like a name: capitalised,
// not a title, demonym, stop word or a word the document writes in lower
// case, and not at a sentence start when it precedes.
func extendPerson(d *Doc, s Span) Span {
	text := d.Text
	if w, end := nextWord(text, s.End); end > 0 && nameLike(d, w) {
		s.End = end
	}
	if w, start := prevWord(text, s.Start); start >= 0 && nameLike(d, w) && !d.AtSentenceStart(start) {
		s.Start = start
	}
	return s
}

// nextWord returns the word after a single space at i and its end, or -1.
func nextWord(text string, i int) (string, int) {
	if i >= len(text) || text[i] != ' ' {
		return "", -1
	}
	j := i + 1
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		j += size
	}
	if j == i+1 {
		return "", -1
	}
	return text[i+1 : j], j
}

// prevWord returns the word before a single space ending at i and its
// start, or -1.
func prevWord(text string, i int) (string, int) {
	if i < 2 || text[i-1] != ' ' {
		return "", -1
	}
	j := i - 1
	for j > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) && r != '-' {
			break
		}
		j -= size
	}
	if j == i-1 {
		return "", -1
	}
	return text[j : i-1], j
}

func lastWord(s string) string {
	if i := strings.LastIndexAny(s, " -"); i >= 0 {
		return s[i+1:]
	}
	return s
}

// extendInitials widens a person's span over the initials next to it, on
// the same line: "Petrov K.", "Aida K. Sultanova" (whose model span may
// stop at "Aida"), "D. Ormonova". An initial is one capital letter and
// a full stop.
func extendInitials(text string, s Span) Span {
	for {
		rest := text[s.End:]
		if len(rest) >= 3 && rest[0] == ' ' && isUpperASCII(rest[1]) && rest[2] == '.' &&
			(len(rest) == 3 || !isLetterByte(rest[3])) {
			s.End += 3
			continue
		}
		if len(rest) >= 2 && isUpperASCII(rest[0]) && rest[1] == '.' && text[s.End-1] == '.' {
			s.End += 2 // "A.B." written together
			continue
		}
		break
	}
	for s.Start >= 3 {
		before := text[:s.Start]
		n := len(before)
		if before[n-1] == ' ' && before[n-2] == '.' && isUpperASCII(before[n-3]) &&
			(n == 3 || !isLetterByte(before[n-4])) {
			s.Start -= 3
			continue
		}
		break
	}
	return s
}

func isUpperASCII(b byte) bool { return b >= 'A' && b <= 'Z' }

func isLetterByte(b byte) bool { return text.IsASCIILetter(b) || b >= 0x80 }

// allCommon reports whether every word of a phrase of two or more words is
// a stop word or a word the document writes in lower case.
func allCommon(d *Doc, phrase string) bool {
	words := strings.Fields(phrase)
	if len(words) < 2 {
		return false
	}
	for _, w := range words {
		l := strings.ToLower(w)
		if !english.IsStopWord(l) && !usedInLowerCase(d, l) {
			return false
		}
	}
	return true
}

// locative reports whether the words around s say it is a place: a
// preposition of place before it ("in", "from", "near"), "of" after a
// place noun ("port of", "city of"), or a place noun after it ("province").
func locative(lists *words, text string, s Span) bool {
	prev, start := prevWord(text, s.Start)
	if start >= 0 {
		p := strings.ToLower(prev)
		if lists.placePrepositions[p] {
			return true
		}
		if p == "of" {
			if before, _ := prevWord(text, start); inLower(lists.placeNouns, before) {
				return true
			}
		}
	}
	next, _ := nextWord(text, s.End)
	return inLower(lists.placeNouns, next)
}
