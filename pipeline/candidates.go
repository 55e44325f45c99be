package pipeline

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/text"
)

// This file holds link's choice among the gazetteer entries a name may
// refer to: the candidates are the entries of the mention's hit, and the
// document decides between them. The evidence, strongest first:
//
//  1. the lowercase word after the name announces a kind: "Batken
//     region" is the region, also when the matcher read only "Osh"
//     before "region" (kindNames finds the entry named "Osh Region");
//  2. a country's adjective right before the name: "the Kyrgyz Supreme
//     Court" is Kyrgyzstan's;
//  2a. the spelling: a candidate one of whose names the text writes as it
//     is written there, up to case, diacritics, script and punctuation
//     (gazetteer.Spell), before the transliteration habits the matcher
//     folds: "Radio Azattyq" is the Kazakh service, "Radio Azattyk" the
//     Kyrgyz one, "Samara" the Russian city and not Iraq's Samarra;
//  3. a candidate the document names with certainty elsewhere ("the
//     Supreme Court of Kyrgyzstan ... the Supreme Court"), or, between
//     things of one kind, whose parent it names ("RFE/RL's Turkmen
//     Service");
//  4. between things of one kind in several countries, the countries of
//     the sentence, then of the sentence before, it and the one after:
//     the countries its unambiguous mentions belong to (Bishkek, Osh and
//     Sadyr Japarov are Kyrgyzstan's) and the countries' adjectives it
//     uses;
//  5. a candidate an earlier mention was linked to;
//  6. between things of one kind, the countries of the whole document;
//  7. the conventions of chooseEntry (a bare name shared by a region and
//     its city is the city).
//
// A name marked ambiguous in the gazetteer ("?Supreme Court") whose
// candidates are still several after that is an ambiguous entity: its id
// says so and its record lists the candidates. Any other name keeps the
// first candidate in gazetteer order, as before.

// kindNames indexes the entries of the kinds that a word after a name may
// announce (kinds-after: regions, districts, rivers, ...) by the matcher's
// key of each of their names.
type kindNames map[string][]*gazetteer.Entry

// newKindNames indexes the entries of m, which it was built over; the keys
// are the ones m made of their names.
func newKindNames(entries []*gazetteer.Entry, m *gazetteer.Matcher, kindAfter map[string]string) kindNames {
	kinds := map[string]bool{}
	for _, k := range kindAfter {
		kinds[k] = true
	}
	names := 0
	for _, e := range entries {
		if kinds[e.Kind] {
			names += 1 + len(e.Aliases)
		}
	}
	idx := make(kindNames, names) // sized once: it is built at every start
	for i, e := range entries {
		if !kinds[e.Kind] {
			continue
		}
		for n := range 1 + len(e.Aliases) {
			if n == 0 && e.NameAmbiguous || n > 0 && e.Aliases[n-1].Ambiguous {
				continue
			}
			k := m.NameKey(i, n)
			if len(idx[k]) == 0 || idx[k][len(idx[k])-1] != e {
				idx[k] = append(idx[k], e)
			}
		}
	}
	return idx
}

// docContext is what the document says about where it is. Its counts are
// made at the first name with several candidates (most documents have
// none, and counting reads every token): they depend on the mentions'
// entries and sentences only, which link does not change.
type docContext struct {
	d         *Doc
	counted   bool
	countries map[string]int         // country code → unambiguous mentions and adjectives
	sentence  map[int]map[string]int // the same, per sentence
	named     map[string]bool        // entries the document names with certainty
	linked    map[string]bool        // entries link has chosen so far
}

func newDocContext(d *Doc) *docContext {
	return &docContext{d: d, linked: map[string]bool{}}
}

// count makes the counts of the document, once.
func (c *docContext) count() {
	if c.counted {
		return
	}
	c.counted = true
	d := c.d
	c.countries, c.sentence, c.named = map[string]int{}, map[int]map[string]int{}, map[string]bool{}
	add := func(sent int, code string) {
		c.countries[code]++
		if c.sentence[sent] == nil {
			c.sentence[sent] = map[string]int{}
		}
		c.sentence[sent][code]++
	}
	for _, m := range d.Mentions {
		if len(m.Entries) == 0 {
			continue
		}
		if len(m.Entries) == 1 {
			c.named[m.Entries[0].ID] = true
		}
		if code := sharedCountry(m.Entries); code != "" {
			add(m.Sentence, code)
		}
	}
	for _, t := range d.Tokens {
		if !startsUpper(t.Text) {
			continue
		}
		if code, ok := text.LookupLower(d.words().countryOf, t.Text); ok {
			add(d.SentenceOf(t.Start), code)
		}
	}
}

// sharedCountry returns the country of all the entries, or "" when they
// have none or several.
func sharedCountry(entries []*gazetteer.Entry) string {
	return shared(entries, func(e *gazetteer.Entry) string { return e.Country })
}

// shared returns the value of field that all the entries have, or "" when
// they differ.
func shared(entries []*gazetteer.Entry, field func(*gazetteer.Entry) string) string {
	v := field(entries[0])
	for _, e := range entries[1:] {
		if field(e) != v {
			return ""
		}
	}
	return v
}

func startsUpper(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

// choose returns the entry mention m refers to, or nil and the candidates
// when the document cannot tell which of several it is.
func (l Link) choose(d *Doc, m *Mention, ctx *docContext) (*gazetteer.Entry, []*gazetteer.Entry) {
	cands := ofType(m.Entries, m.Label)
	next := wordAfter(d.Text, m.End)
	if e := l.announced(d.Text[m.Start:m.End], next, d.words().kindAfter[next], cands); e != nil {
		return e, nil // 1
	}
	if len(cands) == 1 {
		return cands[0], nil
	}
	ctx.count()
	if code, ok := d.words().countryOf[strings.ToLower(wordBefore(d.Text, m.Start))]; ok {
		cands = narrow(cands, func(e *gazetteer.Entry) int { return b2i(e.Country == code) }) // 2
	}
	spelling := spellingOf(d.Text[m.Start:m.End])
	cands = narrow(cands, func(e *gazetteer.Entry) int { return b2i(l.spellings.spelledAs(e, spelling)) }) // 2a
	cands = narrow(cands, func(e *gazetteer.Entry) int { return b2i(ctx.named[e.ID]) })                    // 3
	// A parent and countries decide only between things of one kind (the
	// supreme courts of several countries, two towns of one name, the
	// Turkmen services of two broadcasters): the state of Georgia, whose
	// parent is the United States, is no rival of the country in an
	// American article.
	if sharedKind(cands) != "" {
		cands = narrow(cands, func(e *gazetteer.Entry) int { return b2i(e.Parent != "" && ctx.named[e.Parent]) }) // 3
	}
	if !sameCountry(cands) && sharedKind(cands) != "" {
		s := m.Sentence
		here, around := ctx.sentence[s], [3]map[string]int{ctx.sentence[s-1], ctx.sentence[s], ctx.sentence[s+1]}
		cands = narrow(cands, func(e *gazetteer.Entry) int { return here[e.Country] }) // 4
		cands = narrow(cands, func(e *gazetteer.Entry) int {
			return around[0][e.Country] + around[1][e.Country] + around[2][e.Country]
		})
	}
	cands = narrow(cands, func(e *gazetteer.Entry) int { return b2i(ctx.linked[e.ID]) }) // 5
	if !sameCountry(cands) && sharedKind(cands) != "" {
		cands = narrow(cands, func(e *gazetteer.Entry) int { return ctx.countries[e.Country] }) // 6
	}
	e, decided := chooseEntry(cands, d.words().areaOfSeat) // 7
	if len(cands) > 1 && !decided && m.Ambiguous {
		return nil, cands
	}
	return e, nil
}

// announced applies rule 1: the entry of the kind the word after the name
// announces, among the candidates or among the entries named by the name
// and the word ("Osh" + "region": "Osh Region"); kind is what next
// announces (kinds-after), "" for none.
func (l Link) announced(name, next, kind string, cands []*gazetteer.Entry) *gazetteer.Entry {
	if kind == "" {
		return nil
	}
	for _, e := range cands {
		if e.Kind == kind {
			return e
		}
	}
	for _, e := range l.kinds[gazetteer.MatchKey(name+" "+next)] {
		if e.Kind == kind && (len(cands) == 0 || e.Type == cands[0].Type) {
			return e
		}
	}
	return nil
}

// spellingOf returns the words of a name spelled (gazetteer.Spell),
// joined by spaces.
func spellingOf(name string) string { return strings.Join(nameWords(name, gazetteer.Spell), " ") }

// entrySpellings holds the spellings (spellingOf) of the names of the
// entries asked about so far, for all workers: an entry's are made once
// per process, not at every mention that has it among its candidates. A
// zero or nil entrySpellings makes them every time.
type entrySpellings struct {
	m sync.Map // *gazetteer.Entry → []string
}

// spelledAs reports whether one of e's names has the given spelling.
func (s *entrySpellings) spelledAs(e *gazetteer.Entry, spelling string) bool {
	return slices.Contains(s.of(e), spelling)
}

func (s *entrySpellings) of(e *gazetteer.Entry) []string {
	if s != nil {
		if v, ok := s.m.Load(e); ok {
			return v.([]string)
		}
	}
	names := e.Names()
	out := make([]string, len(names))
	for i, a := range names {
		out[i] = spellingOf(a.Text)
	}
	if s != nil {
		s.m.Store(e, out)
	}
	return out
}

// ofType returns the entries of type label, in order; all of them when
// none has it.
func ofType(entries []*gazetteer.Entry, label string) []*gazetteer.Entry {
	var out []*gazetteer.Entry
	for _, e := range entries {
		if string(e.Type) == label {
			out = append(out, e)
		}
	}
	if len(out) == 0 {
		return entries
	}
	return out
}

// narrow keeps the candidates of the highest score when it is above zero,
// and all of them otherwise.
func narrow(cands []*gazetteer.Entry, score func(*gazetteer.Entry) int) []*gazetteer.Entry {
	best := 0
	for _, e := range cands {
		best = max(best, score(e))
	}
	if best == 0 {
		return cands
	}
	var out []*gazetteer.Entry
	for _, e := range cands {
		if score(e) == best {
			out = append(out, e)
		}
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func sameCountry(cands []*gazetteer.Entry) bool { return sharedCountry(cands) != "" }

// wordBefore returns the word that ends at offset i, after spaces, on the
// same line, or "".
func wordBefore(text string, i int) string {
	rest := strings.TrimRightFunc(text[:i], isSpaceInLine)
	start := strings.LastIndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if start < 0 {
		return rest
	}
	_, size := utf8.DecodeRuneInString(rest[start:]) // the non-letter may be “ or «
	return rest[start+size:]
}

// isSpaceInLine tells a space that does not end a line (a no-break space
// counts).
func isSpaceInLine(r rune) bool { return r != '\n' && r != '\r' && unicode.IsSpace(r) }

// ambiguousID is the id of an ambiguous entity: its label and the words
// of its name, "ambiguous/group/supreme-court", the same for the same
// name in every document.
func ambiguousID(label, name string) string {
	var parts []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if text.IsASCII(w) {
			parts = append(parts, strings.ToLower(w))
		} else if k := gazetteer.Fold(w); k != "" {
			parts = append(parts, k)
		}
	}
	return "ambiguous/" + strings.ToLower(label) + "/" + strings.Join(parts, "-")
}
