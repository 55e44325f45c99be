package pipeline

import (
	"testing"

	"github.com/kljensen/snowball/english"
)

// TestWordListsDoNotRepeat keeps the lists resolve refuses words by free of
// one another's words: resolve refuses a word of demonyms, titles,
// not-names or org-heads wherever it stands, and a stop word too, so
// sentence-start and not-names need not (and should not) repeat them.
func TestWordListsDoNotRepeat(t *testing.T) {
	always := map[string]map[string]bool{"demonyms": demonyms, "titles": titles, "org-heads": orgHeads}
	for w := range notNames {
		for name, set := range always {
			if set[w] {
				t.Errorf("not-names repeats %q of %s", w, name)
			}
		}
	}
	always["not-names"] = notNames
	for w := range commonWords {
		if english.IsStopWord(w) {
			t.Errorf("sentence-start repeats the stop word %q", w)
		}
		for name, set := range always {
			if set[w] {
				t.Errorf("sentence-start repeats %q of %s", w, name)
			}
		}
	}
}
