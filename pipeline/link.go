package pipeline

import (
	"strings"
	"unicode"

	"github.com/extract-ca/extract/gazetteer"
)

// Link gives every mention an entity id that is stable across documents
// and runs:
//
//   - a gazetteer mention takes its entry's id. When the name belongs to
//     several entries, the document decides (candidates.go: the word after
//     the name, a country's adjective before it, the entries and countries
//     the document names); a name the gazetteer marks ambiguous that the
//     document cannot settle becomes an ambiguous entity, with the ids it
//     may be as its candidates; any other keeps the first entry in
//     gazetteer order (resolve has already put the entries of the type the
//     model agrees with first);
//   - an acronym defined by the text takes the entity of its long form;
//   - any other model mention gets AutoID: "auto/<label>/<slug>", a
//     readable spelling of its text, so that one name gets one id wherever
//     it appears, and AutoKey, the folded key on which `extract graph`
//     merges the spellings of one name across documents. The variants of
//     one name within a document (a surname after the full name, another
//     spelling) have been joined by the coref stage before.
type Link struct {
	kinds     kindNames       // entries of the kinds a word after a name announces
	spellings *entrySpellings // the spellings of entries' names, made once
}

func (l Link) Process(d *Doc) error {
	ctx := newDocContext(d)
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Ref >= 0 || len(m.Entries) == 0 {
			continue
		}
		e, cands := l.choose(d, m, ctx)
		if e == nil {
			m.Name = strings.Join(strings.Fields(d.Text[m.Start:m.End]), " ")
			m.Entity, m.Kind = ambiguousID(m.Label, m.Name), sharedKind(cands)
			for _, c := range cands {
				m.Candidates = append(m.Candidates, c.ID)
			}
			continue
		}
		m.Entity, m.Name, m.Kind, m.Label = e.ID, e.Name, e.Kind, string(e.Type)
		ctx.linked[e.ID] = true
	}
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Ref >= 0 || len(m.Entries) > 0 {
			continue
		}
		surface := strings.Join(strings.Fields(d.Text[m.Start:m.End]), " ")
		m.Entity, m.Name, m.Key = AutoID(m.Label, surface), surface, AutoKey(surface)
	}
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Ref >= 0 {
			// The end of the chain: an acronym's long form may itself
			// have joined a fuller form ("TB" → "TA.CA" → the first "TA.CA").
			long := d.Mentions[root(d.Mentions, i)]
			m.Entity, m.Name, m.Kind, m.Label, m.Key, m.Candidates = long.Entity, long.Name, long.Kind, long.Label, long.Key, long.Candidates
		}
	}
	return nil
}

// AutoID derives the entity id of a name the gazetteer does not know:
// "auto/<label>/<slug>", where slug is the name's words spelled in
// lower-case ASCII (gazetteer.Spell) and joined by hyphens: "Cooley A."
// gives auto/person/cooley-a, "Холмуродов" auto/person/kholmurodov. The id
// is a function of the name alone, so it is the same in every run and every
// document, whatever the case, diacritics, script (Cyrillic or Latin),
// punctuation and spacing the name is written with. Spellings that differ
// by a transliteration habit (Kholmurodov, Holmurodov) get distinct ids;
// within one document the coref stage joins them (their folded keys, see
// gazetteer.Fold, are equal), and the id it keeps is that of the fullest,
// then earliest, form.
func AutoID(label, name string) string {
	return "auto/" + strings.ToLower(label) + "/" + strings.Join(nameWords(name, gazetteer.Spell), "-")
}

// AutoKey derives the key of a name the gazetteer does not know: its
// words folded (gazetteer.Fold: case, script, diacritics and the
// transliteration habits), joined by spaces. It is lossy where AutoID is
// not: "Kholmurodov" and "Holmurodov" have two ids and one key,
// "holmurodov". The entity record carries it, and `extract graph` merges
// the auto entities of one label and one key across documents (package
// graph), as the coref stage's variant rule does within a document.
// Spellings that share an id share a key (Fold is Spell followed by the
// habits), so the key is a function of the id.
func AutoKey(name string) string {
	return strings.Join(nameWords(name, gazetteer.Fold), " ")
}

// nameWords returns the words of name, split at every character that is no
// letter, digit, mark or apostrophe, each mapped by spell and left out
// when spell leaves nothing.
func nameWords(name string, spell func(string) string) []string {
	var parts []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && !gazetteer.IsApostrophe(r)
	}) {
		if k := spell(w); k != "" {
			parts = append(parts, k)
		}
	}
	return parts
}

// wordAfter returns the lower-cased word that follows offset i on the same
// line, or "".
func wordAfter(text string, i int) string {
	rest := strings.TrimLeftFunc(text[i:], isSpaceInLine)
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	return strings.ToLower(rest[:end])
}

// chooseEntry picks the entry a name refers to among entries, given the
// kinds of a seat and of the area named after it (seat-kinds); decided is
// false when it took the first for want of a reason. (The kind the word
// after the name announces was looked for by rule 1, announced, among all
// the candidates entries is a subset of.)
func chooseEntry(entries []*gazetteer.Entry, areaOfSeat map[string]string) (e *gazetteer.Entry, decided bool) {
	if len(entries) == 1 {
		return entries[0], true
	}
	// A bare name shared by a city and the region named after it is the
	// city, as news usage has it ("clashes in Batken").
	first := entries[0]
	for _, e := range entries[1:] {
		if area, ok := areaOfSeat[e.Kind]; ok && area == first.Kind && e.Type == first.Type && e.Parent == first.ID {
			return e, true
		}
	}
	return first, false
}

// sharedKind returns the kind of all the entries, or "".
func sharedKind(entries []*gazetteer.Entry) string {
	return shared(entries, func(e *gazetteer.Entry) string { return e.Kind })
}
