package eval

import (
	"slices"
	"testing"
)

// TestListsAreCopies checks that the lists eval gives callers are copies:
// changing one changes neither scoring nor the next caller's list.
func TestListsAreCopies(t *testing.T) {
	for name, get := range map[string]func() []string{"Labels": Labels, "Kinds": Kinds, "SchemeNames": SchemeNames} {
		want := get()
		got := get()
		got[0] = "changed"
		if !slices.Equal(get(), want) || len(want) == 0 {
			t.Errorf("%s: %q after a caller changed its copy, want %q", name, get(), want)
		}
	}
	Labels()[0] = "changed"
	if !isLabel("PERSON") || isLabel("changed") {
		t.Error("a caller's change of Labels reached isLabel")
	}
}
