package pipeline

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/output"
)

// Coref joins the mentions of one document that name one thing in several
// forms, in the spirit of GATE's OrthoMatcher: "Jamshid Kholmurodov ...
// Kholmurodov denied" is one person. A shorter form refers (Mention.Ref) to
// the fullest form it matches, and link gives it that form's entity and
// label. The fullest form has the most words that are no initials, then the
// most words, then comes first. Only mentions the gazetteer does not know
// join another form, and a one-word person hit of the gazetteer that
// matched through a surname alone ("Ussenov" for Daniyar Usenov) when the
// document does not name that person in full: "Zhanbolat Ussenov ...
// Ussenov" is the document's Ussenov. A short form joins only when exactly
// one entity of the document claims it: "Kholmurodov" after "Jamshid
// Kholmurodov" and "Farrukh Kholmurodov" stays its own.
//
// Forms arrive without titles and possessives: the clean stage trims them
// from the model's spans ("President Kholmurodov", "Kholmurodov's"), the
// gazetteer's hits never hold them, and the tokenizer splits a possessive
// off the word rule 7 compares. The rules, in the order they apply (each
// can be left out for measuring, Config.Without "coref/<rule>"):
//
//  1. variant: forms the gazetteer does not know whose words fold to the
//     same keys (gazetteer.Fold: case, script, transliteration;
//     "Kholmurodov", "Holmurodov") are one entity, that of the first. It
//     keeps one id for the spellings of one name within a document, as
//     the folded ids did before ids became readable (AutoID).
//  2. surname: a person's one-word form is the last word (not an initial)
//     of a fuller person's name.
//  3. initials: a person's form with initials and the same surname as a
//     fuller person's name, whose other words, in order, are that name's
//     words or their initials, the first standing for its given name:
//     "J. Kholmurodov", "Kholmurodov J." (as references write it) and "J.
//     A. Kholmurodov" join "Jamshid Abdullayevich Kholmurodov"; "A.
//     Kholmurodov" does not (a brother's initial as likely as the
//     patronymic's). Two forms as full as each other ("J. Paraszczuk",
//     "Paraszczuk J.") join the first.
//  4. middle: the same without initials, a fuller name with middle names
//     left out: "Jamshid Kholmurodov" joins "Jamshid Abdullayevich
//     Kholmurodov". The given name must be kept: "Eberhard Faber" is not
//     "Henry Eberhard Faber", who may be his son.
//  5. acronym: a word in capitals that the initials of a fuller group's or
//     place's name spell ("KCT" for "Kyzylorda Cotton Trust"; the acronyms
//     stage, before this one, has joined the acronyms an article defines
//     in brackets).
//  6. relabel: a one-word form of the model joins by rule 2 or 5 although
//     the model gave it another label, and takes the label of the name it
//     joins (the model often calls a bare surname a place).
//  7. repeat: a word of the text that no mention covers and that is written
//     as the surname of a person named in full becomes a mention of that
//     person, unless a capitalised name word, an initial or a particle
//     ("von", "bin") stands next to it (then it is part of another name)
//     or the document writes it in lower case. The surname of two people
//     of the document becomes a person of its own, as a bare surname the
//     model finds does.
//
// Rules 3 and 4 compare only forms whose every word but the initials
// looks like a word of a person's name (personLike: "Circuit Zandvoort"
// is a model's mistake, not a person). A name with and without a title is
// one form: the clean stage has trimmed the title.
//
// Rules 1-5 join only within one label, and no rule moves or drops a
// mention: the stage sets references and labels, and adds mentions (rule 7).
type Coref struct {
	off map[string]bool // rules left out
}

// corefRules are the names of the coref stage's rules, in their order.
var corefRules = [...]string{"variant", "surname", "initials", "middle", "acronym", "relabel", "repeat"}

// CorefRules returns the names of the coref stage's rules, in their order
// (a copy): Config.Without leaves one out as "coref/RULE".
func CorefRules() []string { return slices.Clone(corefRules[:]) }

func (c Coref) Process(d *Doc) error {
	forms := make([]nameForm, len(d.Mentions))
	buf := newFormBuffer(d.Mentions)
	for i, m := range d.Mentions {
		forms[i] = buf.formOf(d.Text[m.Start:m.End])
		// Only persons' forms are compared by rules 3, 4 and 7 (and
		// personLike looks every word up), so only theirs are asked.
		forms[i].personLike = m.Label == output.LabelPerson && personLike(d, forms[i])
	}
	if !c.off["variant"] {
		c.joinVariants(d, forms)
	}
	c.joinShortForms(d, forms)
	if !c.off["repeat"] {
		c.addRepeats(d, forms)
	}
	return nil
}

// nameForm is a mention's text as the rules compare it.
type nameForm struct {
	words   []string // as written
	keys    []string // folded words
	initial []bool   // the word is an initial ("J." or "J")
	names   int      // words that are no initials
	acronym bool     // one word in capitals
	// personLike: a person's form, every word of which but the initials
	// looks like a word of a person's name (personLike); false for the
	// forms of other labels, which no rule asks
	personLike bool
}

// formBuffer makes the nameForms of one document: each form's slices are
// cut from shared arrays (with their capacity capped, so that
// no append reaches into the next form's words) instead of three growing
// slices of their own per mention.
type formBuffer struct {
	words, keys []string
	initial     []bool
}

// newFormBuffer makes room for about the words of ms (a word and its
// space take four bytes or more; appends grow the arrays past that).
func newFormBuffer(ms []Mention) *formBuffer {
	n := 0
	for _, m := range ms {
		n += m.Len()/4 + 1
	}
	return &formBuffer{words: make([]string, 0, n), keys: make([]string, 0, n), initial: make([]bool, 0, n)}
}

func (b *formBuffer) formOf(text string) nameForm {
	start := len(b.words)
	var f nameForm
	for w := range strings.FieldsSeq(text) {
		w = strings.TrimRight(w, ",;:")
		k := gazetteer.Fold(w)
		if k == "" {
			continue
		}
		ini := isInitial(w)
		b.words = append(b.words, w)
		b.keys = append(b.keys, k)
		b.initial = append(b.initial, ini)
		if !ini {
			f.names++
		}
	}
	if end := len(b.words); end > start {
		f.words, f.keys, f.initial = b.words[start:end:end], b.keys[start:end:end], b.initial[start:end:end]
	}
	f.acronym = len(f.words) == 1 && isCapitals(f.words[0])
	return f
}

// isInitial: one capital letter, with or without a full stop.
func isInitial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && unicode.IsUpper(r)
}

// isCapitals: two to eight letters, all capitals.
func isCapitals(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 8
}

// fuller reports whether form a is fuller than form b.
func fuller(a, b nameForm) bool {
	if a.names != b.names {
		return a.names > b.names
	}
	return len(a.words) > len(b.words)
}

// before reports whether form f (mention j) comes before form s (mention
// i) in the order of the fullest forms: it is fuller, or as full and
// earlier ("J. Paraszczuk" before a later "Paraszczuk J.").
func before(f nameForm, j int, s nameForm, i int) bool {
	return fuller(f, s) || !fuller(s, f) && j < i
}

// auto reports whether the gazetteer does not know mention m and no
// earlier rule joined it.
func auto(m Mention) bool { return len(m.Entries) == 0 && m.Ref < 0 }

// root follows the references from mention i to the mention whose entity
// it takes.
func root(ms []Mention, i int) int {
	for n := 0; ms[i].Ref >= 0 && n < len(ms); n++ {
		i = ms[i].Ref
	}
	return i
}

// identity names the entity mention i will get, as far as it is known
// before link: the gazetteer's first entry, or the label and keys of a
// name the gazetteer does not know.
func identity(ms []Mention, forms []nameForm, i int) string {
	i = root(ms, i)
	if m := ms[i]; len(m.Entries) > 0 {
		return m.Entries[0].ID
	}
	return "auto/" + ms[i].Label + "/" + strings.Join(forms[i].keys, " ")
}

// join makes mention i refer to mention j (to what it refers to).
func join(ms []Mention, i, j int) {
	j = root(ms, j)
	ms[i].Ref, ms[i].Label = j, ms[j].Label
}

// joinVariants applies rule 1: a mention the gazetteer does not know
// refers to the first mention with its label and keys.
func (c Coref) joinVariants(d *Doc, forms []nameForm) {
	first := map[string]int{} // identity → mention
	for i, m := range d.Mentions {
		if !auto(m) || len(forms[i].keys) == 0 {
			continue
		}
		id := identity(d.Mentions, forms, i)
		if j, ok := first[id]; ok {
			join(d.Mentions, i, j)
		} else {
			first[id] = i
		}
	}
}

// joinShortForms applies rules 2-6, the fullest forms first, so that a
// form that joined a fuller one passes its entity on to shorter ones.
func (c Coref) joinShortForms(d *Doc, forms []nameForm) {
	// The fuller forms a short form may match, by the key it must share:
	// a person's surname, or the initials of another name.
	bySurname, byInitials := map[string][]int{}, map[string][]int{}
	for j, m := range d.Mentions {
		f := forms[j]
		if len(f.words) < 2 {
			continue
		}
		if m.Label == output.LabelPerson {
			if sn := f.surname(); sn >= 0 {
				bySurname[f.keys[sn]] = append(bySurname[f.keys[sn]], j)
			}
		} else if ini := f.initials(d.words().connectors); len(ini) >= 2 {
			byInitials[ini] = append(byInitials[ini], j)
		}
	}
	order := make([]int, len(d.Mentions))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		fa, fb := forms[a], forms[b]
		if fuller(fa, fb) {
			return -1
		}
		if fuller(fb, fa) {
			return 1
		}
		return cmp.Compare(a, b)
	})
	// The fullest form each gazetteer entry is named with in the document.
	fullest := map[string]int{} // entry → the mention of its fullest form
	for j, m := range d.Mentions {
		for _, e := range m.Entries {
			if f, ok := fullest[e.ID]; !ok || fuller(forms[j], forms[f]) {
				fullest[e.ID] = j
			}
		}
	}
	for _, i := range order {
		s := forms[i]
		if !c.movable(d, forms, fullest, i) {
			continue
		}
		key := s.keys[len(s.keys)-1]
		if sn := s.surname(); sn >= 0 {
			key = s.keys[sn] // "Aidarov K." is found under "aidarov"
		}
		candidates := bySurname[key]
		if s.acronym {
			candidates = slices.Concat(candidates, byInitials[strings.ToUpper(s.words[0])])
		}
		own := identity(d.Mentions, forms, i)
		claim, claimed, ambiguous := -1, "", false
		for _, j := range candidates {
			if j == i || !before(forms[j], j, s, i) || !c.matches(d, d.Mentions[i], s, d.Mentions[j], forms[j]) {
				continue
			}
			switch id := identity(d.Mentions, forms, j); {
			case id == own:
				ambiguous = true // its own entity claims it too
			case claim >= 0 && id != claimed:
				ambiguous = true
			case claim < 0 || fuller(forms[j], forms[claim]):
				claim, claimed = j, id
			}
		}
		if claim >= 0 && !ambiguous {
			join(d.Mentions, i, claim)
		}
	}
}

// movable reports whether mention i may join another form: the gazetteer
// does not know it, or it is a one-word person hit (a surname alias) of a
// person the document does not name in a fuller form (fullest: the fullest
// form of each entry in the document, as the index of its mention).
func (c Coref) movable(d *Doc, forms []nameForm, fullest map[string]int, i int) bool {
	m := d.Mentions[i]
	if auto(m) {
		return len(forms[i].keys) > 0
	}
	if m.Ref >= 0 || m.Label != output.LabelPerson || len(forms[i].words) != 1 || len(strings.Fields(m.Entries[0].Name)) < 2 {
		return false
	}
	for _, e := range m.Entries {
		if fuller(forms[fullest[e.ID]], forms[i]) {
			return false
		}
	}
	return true
}

// matches reports whether the short form s (mention sm) may name what the
// fuller form f (mention fm) names, by rules 2-6, in the document d.
func (c Coref) matches(d *Doc, sm Mention, s nameForm, fm Mention, f nameForm) bool {
	sameLabel := sm.Label == fm.Label
	// Rule 6: a bare one-word form of the model may change its label.
	relabel := !sameLabel && !c.off["relabel"] && sm.Source == output.SourceNER && len(s.words) == 1
	if !sameLabel && !relabel {
		return false
	}
	if fm.Label == output.LabelPerson {
		surname := f.surname()
		if surname < 0 || len(f.words) < 2 {
			return false
		}
		if len(s.words) == 1 {
			return !s.initial[0] && !c.off["surname"] && s.keys[0] == f.keys[surname]
		}
		return c.givenNamesMatch(s, f)
	}
	return s.acronym && !c.off["acronym"] && len(f.words) >= 2 && f.initials(d.words().connectors) == strings.ToUpper(s.words[0])
}

// givenNamesMatch applies rules 3 and 4 to two person forms of two words
// or more with the same surname: the other words of s, in their order,
// are words of f (the same key) or their initials, and f may have more
// ("Jamshid Kholmurodov", "J. Kholmurodov", "Kholmurodov J." and "J. A.
// Kholmurodov" all match "Jamshid Abdullayevich Kholmurodov"). An initial
// matches a word whose key starts with the initial's key, so that "Ж."
// matches "Zhanbolat" ("j" in both).
func (c Coref) givenNamesMatch(s, f nameForm) bool {
	ss, fs := s.surname(), f.surname()
	if ss < 0 || s.keys[ss] != f.keys[fs] || !s.personLike || !f.personLike {
		return false
	}
	k, initials := 0, false
	for i := range s.words {
		if i == ss {
			continue
		}
		if k == fs {
			k++
		}
		if k == 0 || k == 1 && fs == 0 {
			// The given name is kept: "Eberhard Faber" is not "Henry
			// Eberhard Faber", who may be his son.
			if k == len(f.words) || !givenMatches(s, i, f, k) {
				return false
			}
		} else {
			for k < len(f.words) && (k == fs || !givenMatches(s, i, f, k)) {
				k++
			}
			if k == len(f.words) {
				return false
			}
		}
		initials = initials || s.initial[i]
		k++
	}
	if initials {
		return !c.off["initials"]
	}
	return !c.off["middle"]
}

// givenMatches reports whether word i of s may stand for word k of f: the
// same key, or an initial of it.
func givenMatches(s nameForm, i int, f nameForm, k int) bool {
	if s.initial[i] {
		return strings.HasPrefix(f.keys[k], s.keys[i])
	}
	return !f.initial[k] && s.keys[i] == f.keys[k]
}

// surname returns the index of the last word of f that is no initial, or
// -1.
func (f nameForm) surname() int {
	for i := len(f.words) - 1; i >= 0; i-- {
		if !f.initial[i] {
			return i
		}
	}
	return -1
}

// initials returns the capitals that start the words of f, skipping the
// small joining words, connectors ("Ministry of Culture and Sport": MCS).
func (f nameForm) initials(connectors map[string]bool) string {
	var b strings.Builder
	for _, w := range f.words {
		if connectors[w] {
			continue
		}
		for _, part := range strings.Split(w, "-") {
			r, _ := utf8.DecodeRuneInString(part)
			if !unicode.IsUpper(r) {
				return "" // a lower-case word: no acronym to compare
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// addRepeats applies rule 7.
func (c Coref) addRepeats(d *Doc, forms []nameForm) {
	// The surnames of the people named in full, as written, and the
	// mention of the fullest name that owns each; a surname two entities
	// share belongs to neither (-1).
	owner := map[string]int{}
	for i, m := range d.Mentions {
		f := forms[i]
		sn := f.surname()
		if m.Label != output.LabelPerson || f.names < 2 || sn < 0 || !f.personLike {
			continue
		}
		w := f.words[sn]
		j, ok := owner[w]
		switch {
		case !ok:
			owner[w] = i
		case j < 0:
		case identity(d.Mentions, forms, j) != identity(d.Mentions, forms, i):
			owner[w] = -1
		case fuller(f, forms[j]):
			owner[w] = i
		}
	}
	if len(owner) == 0 {
		return
	}
	// Tokens never overlap each other, so a token needs checking only
	// against the mentions there were before and the titles.
	mentions, titles := newSpanIndex(spansOf(d.Mentions, nil)), newSpanIndex(d.Titles)
	added := d.Mentions
	for ti, t := range d.Tokens {
		word, span := t.Text, t.Span
		j, ok := owner[word]
		if !ok || !nameLike(d, word) || mentions.any(span) || titles.any(span) {
			continue
		}
		if ti > 0 && (nameWord(d, d.Tokens[ti-1].Text) || d.words().particles[d.Tokens[ti-1].Text]) && adjacent(d.Text, d.Tokens[ti-1].Span, t.Span) ||
			ti+1 < len(d.Tokens) && nameWord(d, d.Tokens[ti+1].Text) && adjacent(d.Text, t.Span, d.Tokens[ti+1].Span) {
			continue // part of a longer name: "Farrukh Kholmurodov", "F. Kholmurodov", "von Kholmurodov", "Kholmurodov Street"
		}
		m := Mention{Span: span, Label: output.LabelPerson, Source: output.SourceRule, Ref: -1, Sentence: d.SentenceOf(span.Start)}
		if j >= 0 {
			m.Ref = root(d.Mentions, j)
		}
		added = append(added, m)
	}
	if len(added) > len(d.Mentions) {
		sortMentions(added)
		d.Mentions = added
	}
}

// personLike reports whether every word of f but its initials looks like
// a word of a person's name, so that a model's "person" such as "City
// Hospital" lends its last word to no repeat.
func personLike(d *Doc, f nameForm) bool {
	for i, w := range f.words {
		if !f.initial[i] && !nameLike(d, w) {
			return false
		}
	}
	return true
}

// nameWord reports whether a word next to a surname makes it part of
// another name: an initial or a name-like word ("Mr." is neither).
func nameWord(d *Doc, w string) bool {
	return isInitial(w) || nameLike(d, strings.TrimSuffix(w, "."))
}

// adjacent reports whether only spaces (no line break) stand between a and
// b.
func adjacent(text string, a, b Span) bool {
	return strings.Trim(text[a.End:b.Start], " ") == ""
}
