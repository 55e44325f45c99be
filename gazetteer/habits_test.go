package gazetteer

import (
	"math/rand"
	"testing"
)

// TestMayChange checks the guard habits puts before each round: a round
// that would change a word (habitRound) is never skipped. Random words of
// the letters the rules read, and every word of the default gazetteer's
// names, folded without the habits.
func TestMayChange(t *testing.T) {
	check := func(w []byte) {
		t.Helper()
		round, changed := habitRound(append([]byte(nil), w...))
		if changed && !mayChange(w) {
			t.Fatalf("%q: a round gives %q, but mayChange says it cannot change", w, round)
		}
	}
	r := rand.New(rand.NewSource(1))
	const letters = "abdeghijkoqsvwxyz1\xc3"
	for range 200000 {
		w := make([]byte, 1+r.Intn(9))
		for i := range w {
			w[i] = letters[r.Intn(len(letters))]
		}
		check(w)
	}
	def := defaultEntries(t)
	var seg nameScratch
	for _, e := range def {
		for _, a := range e.Names() {
			for _, w := range seg.nameWords(a.Text) {
				check(appendBase(nil, a.Text[w.start:w.end]))
			}
		}
	}
}
