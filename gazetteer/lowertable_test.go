package gazetteer

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/testfile"
	"github.com/extract-ca/extract/text"
)

// TestLowerTable checks that walking from a word in lower case through the
// table of aliases without a capital finds what walking through every
// alias finds: the hits of the default gazetteer over the seeds, the
// model's varied test texts and the names themselves written in lower
// case and in capitals, with the lower table and with every alias in its
// place.
func TestLowerTable(t *testing.T) {
	def := defaultEntries(t)
	m := NewMatcher(def)
	whole := *m
	whole.lower = m.all
	texts := testfile.Seeds(t, "..")
	files, _ := filepath.Glob("../model/testdata/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	var names []string
	for _, e := range def {
		for _, a := range e.Names() {
			names = append(names, a.Text)
		}
	}
	all := strings.Join(names, ". ")
	texts = append(texts, all, strings.ToLower(all), "the "+strings.ToLower(strings.Join(names, " and ")), strings.ToUpper(all))
	for i, s := range texts {
		seg := text.Segment(s, nil)
		if got, want := m.Match(seg), whole.Match(seg); !reflect.DeepEqual(got, want) {
			t.Errorf("text %d: %d hits with the lower table, %d without", i, len(got), len(want))
		}
	}
}
