package eval

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// FuzzParseLabelMap: a --label-map value never panics; what it accepts maps
// names without commas, "=" or spaces around them to PERSON, PLACE or GROUP,
// and written back as FROM=TO pairs it parses to the same map.
func FuzzParseLabelMap(f *testing.F) {
	for _, s := range []string{
		"PER=PERSON,LOC=PLACE,ORG=GROUP", " per = PERSON , geo=PLACE,gpe=PLACE ", "", "  ",
		"PER=PERSON,PER=PLACE", "PER=PERSON,PER=PERSON", "MISC=OTHER", "=PERSON", "PER", "a=b=PERSON",
		"PER=PERSON,", "B-PER=PERSON,ÄÖ=GROUP",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseLabelMap(s)
		if err != nil {
			if m != nil {
				t.Fatalf("%q: a map %v with the error %v", s, m, err)
			}
			return
		}
		if strings.TrimSpace(s) == "" {
			if m != nil {
				t.Fatalf("%q: map %v, want nil", s, m)
			}
			return
		}
		if len(m) == 0 {
			t.Fatalf("%q: an empty map without an error", s)
		}
		var pairs []string
		for _, from := range slices.Sorted(maps.Keys(m)) {
			to := m[from]
			if from == "" || from != strings.TrimSpace(from) || strings.ContainsAny(from, ",=") || !isLabel(to) {
				t.Fatalf("%q: bad pair %q=%q", s, from, to)
			}
			pairs = append(pairs, from+"="+to)
		}
		again, err := ParseLabelMap(strings.Join(pairs, ","))
		if err != nil || !maps.Equal(again, m) {
			t.Fatalf("%q: %v written back parses to %v, %v", s, m, again, err)
		}
	})
}
