package gazetteer

import "testing"

func TestDefaultParses(t *testing.T) {
	entries, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("default gazetteer is empty")
	}
}
