package gazetteer

import (
	"strings"
	"testing"
	"unicode"

	"github.com/extract-ca/extract/text"
)

// TestNamesMatchThemselves: every name of the default gazetteer that is
// not marked ambiguous, standing alone in a sentence, is matched whole
// and with its entry. An alias that cannot match itself is dead weight:
// when the test was written, 36 could not (and 5 with a comma, "United
// Nations Educational, Scientific and Cultural Organization", until a name
// could go on across one) (abbreviations "St.
// Petersburg", apostrophes the tokenizer cuts "Ne'matzoda", dashes
// "North Ossetia–Alania", hyphenated initials "K.-J. Tokayev"), and
// before that every alias with an initial ("N. Nazarbayev"). Left out,
// each for a reason:
//   - a final full stop, apostrophe or possessive 's stays outside the
//     hit ("Centerra Gold Inc.", "St John's"): it ends the name's text,
//     not its words;
//   - a bracket: "Farah (Afghanistan)" is a lookup form for two names,
//     which a text writes as two mentions;
//   - Arabic, Hebrew and Tibetan script, whose joiners and marks the
//     tokenizer cuts words at, and the Dutch article 's ("'s-Gravenhage").
func TestNamesMatchThemselves(t *testing.T) {
	entries := defaultEntries(t)
	m := NewMatcher(entries)
	const before = "They saw "
	checked := 0
	for _, e := range entries {
		for _, a := range e.Names() {
			n := a.Text
			if a.Ambiguous || strings.Contains(n, "(") || strings.IndexFunc(n, otherScript) >= 0 || strings.HasPrefix(n, "'s-") {
				continue
			}
			checked++
			// The hit ends where the name does, or before its final marks.
			whole, short := len(before)+len(n), len(before)+len(strings.TrimRight(trimPossessive(n), ".'’"))
			doc := before + n + " there."
			found := false
			for _, h := range m.Match(text.Segment(doc, nil)) {
				if h.Start == len(before) && (h.End == whole || h.End == short) && containsEntry(h.Entries, e) {
					found = true
				}
			}
			if !found {
				t.Errorf("%s:%d: %q (%s) does not match itself in %q", e.File, e.Line, n, e.ID, doc)
			}
		}
	}
	if checked < 14800 {
		t.Errorf("checked %d names, want the default gazetteer's 14,800 or more", checked)
	}
}

func otherScript(r rune) bool {
	return unicode.In(r, unicode.Arabic, unicode.Hebrew, unicode.Tibetan)
}
