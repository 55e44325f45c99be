package pipeline

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/output"
)

// Resolve chooses the final mentions from the candidates of the gazetteer,
// the rules and the model (as the clean stage left them). It is the one
// place where candidates compete; the precedence policy, in order:
//
//  1. A model span takes the label its clean-up evidence gives: initials
//     make a person ("Sultanova A."), an organisation's head noun a group
//     ("... Studies Center"), whatever the model said.
//  2. An ambiguous gazetteer hit (alias marked "?") is kept only with
//     support: a model hit overlapping it, an unambiguous hit of the
//     same entry elsewhere in the document, or a type that is certain: a
//     name shared by several entries, all of one type ("Supreme Court",
//     "Ak Zhol"), is a name of that type whichever entry it is (link
//     decides which, or says it cannot). When its entries have several
//     types, the one the model agrees with goes first.
//  3. Among gazetteer and rule hits (Doc.Rules), the longest wins, then
//     the earliest. Before they compete, three guideline rules reshape
//     them (names.go): a possessive between two names splits the hit
//     ("[RFE/RL]'s [Turkmen Service]"); a country's adjective before a
//     body's name stays out of it ("Uzbek [Prosecutor General's
//     Office]"), the hit keeping its entry; and a one-word place inside
//     a person's name that the model found ("Aziz Naryn") is no place.
//  4. A gazetteer or rule hit wins over every model hit it overlaps: the
//     gazetteer knows the region's names better than the model does. But
//     a person's name of the model that strictly contains a person hit of
//     the gazetteer, all its other words capitalised name words, wins over
//     that hit: "Sanjar Mirziyoyev, a teacher" names a namesake of the
//     president the gazetteer knows by "Mirziyoyev", since the gazetteer
//     would have matched the whole name had it been his. Neither this
//     nor the trained model's rule below lets a model span win over a
//     known person's full name (fullName): the words before "Kassym-Jomart
//     Tokayev" are a title or an office, not more of his name.
//     And with a trained model (modelPolicy.wholeOverGazetteer) a span
//     that strictly contains a gazetteer hit and adds name words to it
//     wins over it: the model read the whole name ("Dynamo Moscow",
//     "Kyzyl-Tash Airport") where the gazetteer knows a part; a title or
//     a coordination around the hit ("Presidents Bush", "United States
//     and Europe") leaves the hit standing (extendsName). prose's spans
//     are runs of labelled tokens whose ends mean little: with them the
//     rule loses on the seeds and gains nothing elsewhere.
//  5. Among model hits (which never overlap each other), all are kept.
//  6. No hit inside the title of a cited work is kept (see Citations).
type Resolve struct {
	// Matcher tells whether the part of a hit before a possessive is a
	// name of its own (rule 3); nil leaves such hits whole.
	Matcher *gazetteer.Matcher
}

func (r Resolve) Process(d *Doc) error {
	// The model's spans as the clean stage left them; its raw spans when
	// the pipeline has no clean stage (--without clean).
	spans := d.Model
	if d.cleaned {
		spans = d.Cleaned
	}
	model := make([]Mention, 0, len(spans))
	for _, m := range spans {
		m.Label, m.hint = m.label(), "" // rule 1
		model = append(model, m)
	}
	model = outsideTitles(model, d.Titles)
	// Support for ambiguous names comes from the model's raw hits: a hit
	// too weak to stand alone still says a name is there.
	d.candidates = supported(d.candidates[:0], d.Gazetteer, d.Model, len(d.Rules))
	gaz := outsideTitles(d.candidates, d.Titles)
	gaz = splitPossessives(d, gaz, r.Matcher)
	rules := withoutCountryAdjectives(d.words(), d.Text, outsideTitles(d.Rules, d.Titles), gaz)
	gaz = withoutCountryAdjectives(d.words(), d.Text, gaz, gaz)
	gaz = placesOutsidePersons(d, d.Gazetteer, gaz, model)
	gaz = withoutNamesakes(d, gaz, model) // rule 4's exception
	if d.policy().wholeOverGazetteer {
		gaz = notInside(gaz, model, func(hit Mention, whole Span) bool {
			if hit.Label == output.LabelPerson && whole.End == hit.End && fullName(d, hit.Span) {
				return false // words before a known full name: a title
			}
			return extendsName(d, d.Text[whole.Start:hit.Start], d.Text[hit.End:whole.End])
		})
	}
	taken := newSpanSet(len(d.Text))
	hits := append(gaz, rules...)
	kept := longestFirst(hits, taken)
	for i, m := range model {
		if !taken.overlaps(m.Span) {
			kept = append(kept, len(hits)+i)
			taken.add(m.Span)
		}
	}
	// The kept mentions are copied once, into their text order: equal
	// starts stay in the order they were kept.
	at := func(k int) *Mention {
		if k < len(hits) {
			return &hits[k]
		}
		return &model[k-len(hits)]
	}
	slices.SortStableFunc(kept, func(a, b int) int { return cmp.Compare(at(a).Start, at(b).Start) })
	d.Mentions = slices.Grow(d.Mentions[:0], len(kept))[:len(kept)]
	for i, k := range kept {
		d.Mentions[i] = *at(k)
		d.Mentions[i].Sentence = d.SentenceOf(d.Mentions[i].Start)
	}
	return nil
}

// supported applies rule 2 to the gazetteer hits, appending those it
// keeps to out.
func supported(out, hits, model []Mention, extra int) []Mention {
	// Room for the rules' hits too, which resolve appends to these.
	out = slices.Grow(out, len(hits)+extra)
	// Built at the first ambiguous hit: most documents have none.
	var sure map[string]bool
	var modelSpans *spanIndex
	for _, h := range hits {
		if !h.Ambiguous {
			out = append(out, h)
			continue
		}
		if modelSpans == nil {
			sure = map[string]bool{}
			for _, h := range hits {
				if !h.Ambiguous {
					for _, e := range h.Entries {
						sure[e.ID] = true
					}
				}
			}
			modelSpans = newSpanIndex(spansOf(model, nil))
		}
		label := ""
		if i := modelSpans.first(h.Span); i >= 0 { // the first in model order
			label = model[i].Label
		}
		known := false
		for _, e := range h.Entries {
			known = known || sure[e.ID]
		}
		if label == "" && !known && !typeCertain(h.Entries) {
			continue
		}
		if label != "" {
			h.Entries = preferType(h.Entries, label)
			h.Label = string(h.Entries[0].Type)
		}
		out = append(out, h)
	}
	return out
}

// typeCertain reports whether a name belongs to several entries, all of
// one type.
func typeCertain(entries []*gazetteer.Entry) bool {
	for _, e := range entries[1:] {
		if e.Type != entries[0].Type {
			return false
		}
	}
	return len(entries) > 1
}

// longestFirst returns the indexes of the non-overlapping hits, longest
// first, then earliest (spaCy's filter_spans), in the order it keeps them,
// and adds the kept spans to taken.
func longestFirst(hits []Mention, taken *spanSet) []int {
	order := make([]int, len(hits))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		ha, hb := &hits[a], &hits[b]
		if ha.Len() != hb.Len() {
			return cmp.Compare(hb.Len(), ha.Len())
		}
		return cmp.Compare(ha.Start, hb.Start)
	})
	kept := order[:0] // overwrites only what it has read
	for _, i := range order {
		if !taken.overlaps(hits[i].Span) {
			kept = append(kept, i)
			taken.add(hits[i].Span)
		}
	}
	return kept
}

// preferType moves the entries of type label to the front.
func preferType(entries []*gazetteer.Entry, label string) []*gazetteer.Entry {
	out := make([]*gazetteer.Entry, 0, len(entries))
	for _, e := range entries {
		if string(e.Type) == label {
			out = append(out, e)
		}
	}
	for _, e := range entries {
		if string(e.Type) != label {
			out = append(out, e)
		}
	}
	return out
}

// outsideTitles drops the hits that overlap a title of a cited work.
func outsideTitles(hits []Mention, titles []Span) []Mention {
	if len(titles) == 0 {
		return hits
	}
	inTitle := newSpanIndex(titles)
	out := hits[:0:0]
	for _, h := range hits {
		if !inTitle.any(h.Span) {
			out = append(out, h)
		}
	}
	return out
}

// withoutNamesakes drops the gazetteer's person hits that a model span
// strictly contains when every other word of the span is a capitalised name
// word (rule 4's exception): the span then names someone the gazetteer does
// not know, who shares a name with someone it does. A span the model
// labelled otherwise must end with the hit (a given name before a known
// surname, "Sanjar Mirziyoyev" taken for a place): it becomes a person.
func withoutNamesakes(d *Doc, hits, model []Mention) []Mention {
	if len(model) == 0 {
		return hits
	}
	var spans *spanIndex // the model's spans, built at the first person hit
	return keepHits(hits, func(h Mention) bool {
		if h.Label != output.LabelPerson || fullName(d, h.Span) {
			return true
		}
		if spans == nil {
			spans = newSpanIndex(spansOf(model, nil))
		}
		if k := unknownNameAround(d, h.Span, model, spans); k >= 0 {
			model[k].Label = output.LabelPerson
			return false
		}
		return true
	})
}

// unknownNameAround returns the index of the model span that strictly
// contains s with only name-like words outside it (ending with s unless
// the model calls it a person), or -1.
func unknownNameAround(d *Doc, s Span, model []Mention, spans *spanIndex) int {
	if spans == nil {
		return -1
	}
	for _, k := range spans.all(s) {
		m := model[k]
		if m.Start > s.Start || m.End < s.End || m.Span == s {
			continue
		}
		if m.Label != output.LabelPerson && m.End != s.End {
			continue
		}
		words := strings.Fields(d.Text[m.Start:s.Start] + " " + d.Text[s.End:m.End])
		if len(words) == 0 {
			return -1
		}
		for _, w := range words {
			if !nameLike(d, w) {
				return -1
			}
		}
		return k
	}
	return -1
}

// notInside drops the hits that a model span strictly contains and
// extends (rule 4), looking each hit up in an index of the model's spans
// instead of scanning them all.
func notInside(hits, model []Mention, extends func(hit Mention, whole Span) bool) []Mention {
	spans := newSpanIndex(spansOf(model, nil))
	return keepHits(hits, func(h Mention) bool { return !heldBy(spans, h, extends) })
}

// heldBy reports whether a span of the index strictly holds h and extends
// it.
func heldBy(spans *spanIndex, h Mention, extends func(hit Mention, whole Span) bool) bool {
	s := h.Span
	for _, i := range spans.all(s) {
		sp := spans.spans[i]
		if sp.Start <= s.Start && sp.End >= s.End && sp != s && extends(h, sp) {
			return true
		}
	}
	return false
}

// fullName reports whether the gazetteer's person hit s is a name of two
// words or more ("Kassym-Jomart Tokayev"), not a surname alone. A model
// span that ends with a known person's full name does not make a longer
// name of it: what stands before it is a title or an office ("H.E.
// Kassym-Jomart Tokayev", "Foreign Minister Kassym-Jomart Tokayev"),
// while words after it may make another name ("the Kassym-Jomart Tokayev
// Foundation"); and a namesake (rule 4) shares a surname, not the whole
// name the gazetteer knows.
func fullName(d *Doc, s Span) bool {
	return strings.IndexFunc(strings.TrimSpace(d.Text[s.Start:s.End]), unicode.IsSpace) >= 0
}

// extendsName reports whether the text before and after a gazetteer name
// inside a model span makes a longer name of it ("Dynamo Moscow",
// "Kyzyl-Tash Airport", "Organisation for Security and Cooperation in
// Europe"): whole words or words joined by a hyphen, no capitalised one a
// title or a stop word, and none of a coordination next to the name. A
// title ("Presidents Bush"), a coordination ("United States and Europe",
// "Daish / Daesh") or a word run into the name across a dash
// ("Aktobe–in") leaves the gazetteer's name standing.
func extendsName(d *Doc, before, after string) bool {
	if !joinsName(before, true) || !joinsName(after, false) {
		return false
	}
	lists := d.words()
	words := strings.Fields(before + " " + after)
	next := len(strings.Fields(before)) // the first word after the name
	for i, w := range words {
		w = strings.Trim(w, "-")
		l := strings.ToLower(strings.TrimSuffix(w, "."))
		if (i == next-1 || i == next) && (l == "and" || l == "or" || l == "&" || l == "/" || l == ",") {
			return false // the name is one of a coordination
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) && (lists.titles[l] || lists.titles[strings.TrimSuffix(l, "s")] || english.IsStopWord(l)) {
			return false
		}
	}
	return true
}

// joinsName reports whether s, the text of a span before (or after) a name
// inside it, is apart from the name by a space or joined to it by a hyphen
// and a capital ("Itar-Tass").
func joinsName(s string, before bool) bool {
	if s == "" {
		return true
	}
	if before {
		if strings.HasSuffix(s, " ") {
			return true
		}
		w := s[strings.LastIndexByte(s, ' ')+1:]
		r, _ := utf8.DecodeRuneInString(w)
		return strings.HasSuffix(w, "-") && unicode.IsUpper(r)
	}
	if strings.HasPrefix(s, " ") {
		return true
	}
	w, ok := strings.CutPrefix(s, "-")
	r, _ := utf8.DecodeRuneInString(w)
	return ok && unicode.IsUpper(r)
}
