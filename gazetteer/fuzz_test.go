package gazetteer

import (
	"strings"
	"testing"

	"github.com/extract-ca/extract/text"
)

// FuzzParse: the gazetteer reader never panics, and what it accepts it
// writes back to a line it reads the same way.
func FuzzParse(f *testing.F) {
	f.Add("place/osh | PLACE | city | KG | place/osh-region | Osh | Ош; ?Oš\n")
	f.Add("# comment\n\nbad line\n")
	f.Add("person/x | PERSON | | | | ?X | a;;b\r\n")
	f.Fuzz(func(t *testing.T, src string) {
		entries, _ := Parse(strings.NewReader(src), "fuzz.gaz")
		for _, e := range entries {
			again, err := Parse(strings.NewReader(e.String()), "again.gaz")
			if err != nil || len(again) != 1 || again[0].String() != e.String() {
				t.Fatalf("entry %q does not round-trip: %v", e.String(), err)
			}
		}
		NewMatcher(entries).Match(text.Segment(src, nil))
	})
}
