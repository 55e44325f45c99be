package gazetteer_test

import (
	"fmt"
	"strings"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/text"
)

// A matcher finds every spelling that folds to an alias's key, over a
// text segmented as the pipeline segments a document.
func ExampleMatcher_Match() {
	entries, err := gazetteer.Parse(strings.NewReader(
		"group/hizb-ut-tahrir | GROUP | extremist movement | | | Hizb ut-Tahrir | HT\n"), "example.gaz")
	if err != nil {
		panic(err)
	}
	m := gazetteer.NewMatcher(entries)
	seg := text.Segment("Hizb-ut-Tahrir, Hizbut Tahrir and Хизб ут-Тахрир", nil)
	for _, h := range m.Match(seg) {
		fmt.Printf("%q %s %s\n", seg.Text[h.Start:h.End], h.Key, h.Entries[0].ID)
	}
	// Output:
	// "Hizb-ut-Tahrir" hizbuttahrir group/hizb-ut-tahrir
	// "Hizbut Tahrir" hizbuttahrir group/hizb-ut-tahrir
	// "Хизб ут-Тахрир" hizbuttahrir group/hizb-ut-tahrir
}

// Fold maps spelling variants of one name to one key.
func ExampleFold() {
	for _, w := range []string{"Rakhmonov", "Rahmonov", "Рахмонов"} {
		fmt.Println(gazetteer.Fold(w))
	}
	// Output:
	// rahmonov
	// rahmonov
	// rahmonov
}

// Spell keeps a word readable: only case, diacritics, script and marks
// change, where Fold also applies the transliteration habits.
func ExampleSpell() {
	for _, w := range []string{"Cooley", "Холмуродов", "Öskemen", "O‘zbekiston"} {
		fmt.Println(gazetteer.Spell(w), gazetteer.Fold(w))
	}
	// Output:
	// cooley culei
	// kholmurodov holmurodov
	// oskemen oskemen
	// ozbekiston ozbekiston
}
