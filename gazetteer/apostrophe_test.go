package gazetteer

import "testing"

// TestIsApostrophe: the marks every reader of names keeps inside a word,
// and that Fold drops.
func TestIsApostrophe(t *testing.T) {
	for _, r := range "'’‘`´ʼʻʿʾ′" {
		if !IsApostrophe(r) {
			t.Errorf("IsApostrophe(%q) = false", r)
		}
		if got := Fold("O" + string(r) + "zbekiston"); got != "ozbekiston" {
			t.Errorf("Fold(O%czbekiston) = %q, want ozbekiston", r, got)
		}
	}
	for _, r := range "\"-.,a ʹ" {
		if IsApostrophe(r) {
			t.Errorf("IsApostrophe(%q) = true", r)
		}
	}
}
