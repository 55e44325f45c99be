package pipeline

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/output"
)

// The annotation guideline's rules on the shape of names that resolve
// applies to the gazetteer's and the rules' hits before they compete
// (resolve.go, rule 3).

// splitPossessive splits a hit that runs across a possessive between two
// names into those names: "RFE/RL's Turkmen Service" (an alias of the
// Turkmen service, matched with its possessive) is "[RFE/RL]'s [Turkmen
// Service]". It splits only where the part before the possessive is a hit
// the gazetteer knows as a whole name, so that "Prosecutor General's
// Office" stays whole. The part after keeps the entries of the whole hit.
func splitPossessives(d *Doc, hits []Mention, m *gazetteer.Matcher) []Mention {
	if m == nil {
		return hits
	}
	text := d.Text
	var out []Mention // nil while no hit splits: hits itself is the result
	for k, h := range hits {
		surface := text[h.Start:h.End]
		for _, p := range []string{"'s ", "’s "} {
			i := strings.Index(surface, p)
			if i <= 0 {
				continue
			}
			after := Span{Start: h.Start + i + len(p), End: h.End}
			if r, _ := utf8.DecodeRuneInString(text[after.Start:]); !unicode.IsUpper(r) {
				continue
			}
			before := Span{Start: h.Start, End: h.Start + i}
			found := m.Match(d.within(before))
			if len(found) != 1 || found[0].Start != before.Start || found[0].End != before.End {
				continue
			}
			if out == nil {
				out = append(make([]Mention, 0, len(hits)+1), hits[:k]...)
			}
			out = append(out, Mention{Span: before, Label: string(found[0].Entries[0].Type),
				Source: h.Source, Entries: found[0].Entries, Ambiguous: found[0].Ambiguous, Ref: -1})
			h.Span = after
			break
		}
		if out != nil {
			out = append(out, h)
		}
	}
	if out == nil {
		return hits
	}
	return out
}

// hitSpans returns the set of the hits' spans (a set, so that looking a
// span up costs no scan of every hit).
func hitSpans(hits []Mention) map[Span]bool {
	set := make(map[Span]bool, len(hits))
	for _, h := range hits {
		set[h.Span] = true
	}
	return set
}

// withoutCountryAdjectives leaves a country's adjective out of the hits
// that start with one before a body's name: "Uzbek Prosecutor General's
// Office" names the office, "Kazakh Interior Ministry" the ministry (the
// guideline annotates no demonym, and the hit keeps its entry, so the
// ministry stays Kazakhstan's). The rest must be a name by itself: a
// gazetteer hit of its own (names in gaz), or an organisation's head noun
// with its complements ("Kyrgyz Ministry of Culture"); "Afghan National
// Security Forces" and "Russian Federation" stay whole.
func withoutCountryAdjectives(lists *words, text string, hits, gaz []Mention) []Mention {
	var out []Mention       // a copy of hits, made at the first change
	var known map[Span]bool // gaz's spans, built at the first candidate
	for i, h := range hits {
		surface := text[h.Start:h.End]
		sp := strings.IndexByte(surface, ' ')
		if sp > 0 && h.Label == output.LabelGroup {
			if _, ok := lists.countryOf[strings.ToLower(surface[:sp])]; ok {
				rest := Span{Start: h.Start + sp + 1, End: h.End}
				if known == nil {
					known = hitSpans(gaz)
				}
				if known[rest] || headWithComplements(lists, text[rest.Start:rest.End]) {
					if out == nil {
						out = slices.Clone(hits)
					}
					out[i].Span = rest
				}
			}
		}
	}
	if out == nil {
		return hits
	}
	return out
}

// headWithComplements reports whether name starts with an organisation's
// head noun followed by a connector ("Ministry of ...", "Committee for
// ...").
func headWithComplements(lists *words, name string) bool {
	words := strings.Fields(name)
	return len(words) > 2 && inLower(lists.orgHeads, words[0]) && lists.connectors[words[1]]
}

// placesOutsidePersons drops the one-word place hits that end a person's
// name of two words that the model found: "Aziz Naryn" is a man, whose
// surname is a city's name. The first word must look like a given name: a
// capitalised word that no list of the rules knows, that the document
// never writes in lower case, and that the gazetteer does not match
// ("Whereas Kazakhstan", "Dynamo Moscow" and "Lebed Chechnya" stay places).
// A place first ("Boston Marathon") is left to the gazetteer.
func placesOutsidePersons(d *Doc, gaz, hits, model []Mention) []Mention {
	// The model's persons by their end, and the starts of the gazetteer's
	// hits, so that each place looks up its candidates instead of
	// scanning every span.
	personsEnding := map[int][]Span{}
	for _, m := range model {
		if m.Label == output.LabelPerson {
			personsEnding[m.End] = append(personsEnding[m.End], m.Span)
		}
	}
	if len(personsEnding) == 0 {
		return hits
	}
	var hitStarts map[int]bool // built at the first place a person's name ends with
	return keepHits(hits, func(h Mention) bool {
		if h.Label != output.LabelPlace || strings.ContainsAny(d.Text[h.Start:h.End], " -") {
			return true
		}
		for _, m := range personsEnding[h.End] {
			if m.Start >= h.Start {
				continue
			}
			if hitStarts == nil {
				hitStarts = make(map[int]bool, len(gaz))
				for _, g := range gaz {
					hitStarts[g.Start] = true
				}
			}
			first := d.Text[m.Start:h.Start]
			if strings.HasSuffix(first, " ") && givenName(d, strings.TrimSuffix(first, " ")) && !hitStarts[m.Start] {
				return false
			}
		}
		return true
	})
}

// keepHits returns the hits that keep reports true of, in order. While
// every hit is kept, hits itself is the result: most documents drop none,
// and pay no copy.
func keepHits(hits []Mention, keep func(Mention) bool) []Mention {
	var out []Mention // nil while no hit is dropped
	for i, h := range hits {
		switch kept := keep(h); {
		case !kept && out == nil:
			out = append(make([]Mention, 0, len(hits)-1), hits[:i]...)
		case kept && out != nil:
			out = append(out, h)
		}
	}
	if out == nil {
		return hits
	}
	return out
}

// givenName reports whether w may be a given name: one capitalised word,
// not in capitals, that no word list of the rules holds and the document
// does not write in lower case.
func givenName(d *Doc, w string) bool {
	return !strings.ContainsAny(w, " .") && nameLike(d, w)
}
