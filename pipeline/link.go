package pipeline

import (
	"strings"
	"unicode"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/output"
	"github.com/extract-ca/extract/wordlist"
)

// Link gives every mention an entity id that is stable across documents
// and runs:
//
//   - a gazetteer mention takes its entry's id. When the name belongs to
//     several entries, the word after it decides between a region, a
//     district and a city of one name ("Batken region" vs "Batken"), and
//     otherwise the first entry in gazetteer order wins (resolve has already
//     put the entries of the type the model agrees with first);
//   - an acronym defined by the text takes the entity of its long form;
//   - a model mention of a person named by one word that is the last word
//     of a person already named in the document ("Nazarbayev" after
//     "Nursultan Nazarbayev") takes that person's entity;
//   - any other model mention gets "auto/<label>/<key>", where key is the
//     folded words of its text (see gazetteer.Fold), so that one spelling
//     of one name gets one id wherever it appears.
type Link struct{}

func (Link) Process(d *Doc) error {
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Ref >= 0 || len(m.Entries) == 0 {
			continue
		}
		e := chooseEntry(m.Entries, wordAfter(d.Text, m.End))
		m.Entity, m.Name, m.Kind, m.Label = e.ID, e.Name, e.Kind, string(e.Type)
	}
	people := newSurnames(d.Mentions)
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Ref >= 0 || len(m.Entries) > 0 {
			continue
		}
		surface := strings.Join(strings.Fields(d.Text[m.Start:m.End]), " ")
		if p, ok := people.find(d.Mentions, i, surface); ok {
			m.Entity, m.Name, m.Kind = p.Entity, p.Name, p.Kind
		} else {
			m.Entity, m.Name = AutoID(m.Label, surface), surface
		}
		people.add(d.Mentions, i)
	}
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Ref >= 0 {
			long := d.Mentions[m.Ref]
			m.Entity, m.Name, m.Kind, m.Label = long.Entity, long.Name, long.Kind, long.Label
		}
	}
	return nil
}

// AutoID derives the entity id of a name the gazetteer does not know.
func AutoID(label, name string) string {
	var parts []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	}) {
		if k := gazetteer.Fold(w); k != "" {
			parts = append(parts, k)
		}
	}
	return "auto/" + strings.ToLower(label) + "/" + strings.Join(parts, "-")
}

// wordAfter returns the lower-cased word that follows offset i on the same
// line, or "".
func wordAfter(text string, i int) string {
	rest := strings.TrimLeft(text[i:], " \t")
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	return strings.ToLower(rest[:end])
}

// kindAfter maps a lower-case word after a name to the kind it announces.
var kindAfter = wordlist.Pairs("kinds-after")

// chooseEntry picks the entry a name refers to among entries.
func chooseEntry(entries []*gazetteer.Entry, next string) *gazetteer.Entry {
	if len(entries) == 1 {
		return entries[0]
	}
	if kind, ok := kindAfter[next]; ok {
		for _, e := range entries {
			if e.Kind == kind {
				return e
			}
		}
	}
	// A bare name shared by a city and the region named after it is the
	// city, as news usage has it ("clashes in Batken").
	first := entries[0]
	if first.Kind == "region" {
		for _, e := range entries[1:] {
			if e.Type == first.Type && (e.Kind == "city" || e.Kind == "town") && e.Parent == first.ID {
				return e
			}
		}
	}
	return first
}

// surnames indexes the person mentions that have an entity and a name of
// more than one word by the folded last word of the name, so that a
// one-word person mention finds its person without a scan of every
// mention (which made link quadratic in the size of the text).
type surnames struct {
	first map[string][2]int // key → the two smallest indexes of such mentions (-1: none)
}

func newSurnames(ms []Mention) *surnames {
	s := &surnames{first: map[string][2]int{}}
	for i := range ms {
		s.add(ms, i)
	}
	return s
}

// add indexes mention i if it is a person with an entity and a name of
// more than one word.
func (s *surnames) add(ms []Mention, i int) {
	o := ms[i]
	if o.Label != output.LabelPerson || o.Entity == "" {
		return
	}
	words := strings.Fields(o.Name)
	if len(words) < 2 {
		return
	}
	k := gazetteer.Fold(words[len(words)-1])
	f, ok := s.first[k]
	if !ok {
		f = [2]int{-1, -1}
	}
	switch {
	case i == f[0] || i == f[1]:
	case f[0] < 0 || i < f[0]:
		f = [2]int{i, f[0]}
	case f[1] < 0 || i < f[1]:
		f[1] = i
	}
	s.first[k] = f
}

// find returns the first person mention other than i (in text order)
// whose name ends with the one-word surface of mention i.
func (s *surnames) find(ms []Mention, i int, surface string) (Mention, bool) {
	if ms[i].Label != output.LabelPerson || strings.ContainsAny(surface, " ") {
		return Mention{}, false
	}
	f, ok := s.first[gazetteer.Fold(surface)]
	if !ok {
		return Mention{}, false
	}
	for _, j := range f {
		if j >= 0 && j != i {
			return ms[j], true
		}
	}
	return Mention{}, false
}
