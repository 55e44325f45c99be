package importer

import "github.com/extract-ca/extract/gazetteer"

// MarkShared marks ambiguous (a leading "?" once written) every name and
// alias of entries that also names an entry of another type, elsewhere in
// entries or in base, the gazetteer the import is meant to be layered over
// (the default): "Arkadag" is a city and a title of a president, "Hizb
// Ullah" a man's name and a party's. gazetteer.Validate refuses such a name
// unmarked, and the matcher asks the context before it takes a marked name
// for either. Names are compared as Write writes them, under their
// gazetteer.MatchKey. The entries are changed in place.
func MarkShared(entries, base []*gazetteer.Entry) {
	types := map[string]map[gazetteer.Type]bool{}
	note := func(e *gazetteer.Entry, text string) {
		k := gazetteer.MatchKey(text)
		if k == "" {
			return
		}
		if types[k] == nil {
			types[k] = map[gazetteer.Type]bool{}
		}
		types[k][e.Type] = true
	}
	for _, e := range base {
		for _, a := range e.Names() {
			note(e, a.Text)
		}
	}
	for _, e := range entries {
		for _, a := range e.Names() {
			note(e, cleanName(a.Text))
		}
	}
	shared := func(e *gazetteer.Entry, text string) bool {
		for t := range types[gazetteer.MatchKey(cleanName(text))] {
			if t != e.Type {
				return true
			}
		}
		return false
	}
	for _, e := range entries {
		if shared(e, e.Name) {
			e.NameAmbiguous = true
		}
		for i := range e.Aliases {
			if shared(e, e.Aliases[i].Text) {
				e.Aliases[i].Ambiguous = true
			}
		}
	}
}
