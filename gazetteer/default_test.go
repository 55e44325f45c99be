package gazetteer

import (
	"testing"

	"github.com/extract-ca/extract/internal/fileerr"
)

func TestDefaultParses(t *testing.T) {
	entries, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("default gazetteer is empty")
	}
}

// TestDefaultData checks the embedded data as a whole: unique ids across
// files, every parent present, type prefixes, no unmarked name shared by
// entries of different types.
func TestDefaultData(t *testing.T) {
	entries, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(entries); err != nil {
		for _, e := range err.(fileerr.ErrorList) {
			t.Error(e)
		}
	}
}
