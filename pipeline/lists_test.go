package pipeline

import (
	"slices"
	"testing"
)

// TestListsAreCopies checks that OptionalStages and CorefRules give copies:
// a caller's change reaches neither Config.Without's checks nor the next
// caller.
func TestListsAreCopies(t *testing.T) {
	for name, get := range map[string]func() []string{"OptionalStages": OptionalStages, "CorefRules": CorefRules} {
		want := get()
		get()[0] = "changed"
		if !slices.Equal(get(), want) || len(want) == 0 {
			t.Errorf("%s: %q after a caller changed its copy, want %q", name, get(), want)
		}
	}
	CorefRules()[0] = "changed"
	if _, err := without(nil, []string{"coref/changed"}); err == nil {
		t.Error(`a caller's change of CorefRules made "coref/changed" a rule`)
	}
	if _, err := without(nil, []string{"coref/variant", "domains"}); err != nil {
		t.Error(err)
	}
}
