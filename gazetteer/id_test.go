package gazetteer

import "testing"

func TestValidID(t *testing.T) {
	for id, want := range map[string]bool{
		"place/almaty":                      true,
		"geonames/place/almaty":             true,
		"un/group/islamic-movement-qde.010": true,
		"ofac/person/x-6725":                true,
		"place/geonames/almaty":             false, // a type is no namespace
		"auto/place/almaty":                 false, // the pipeline's own namespace
		"a/b/c/d":                           false,
		"Place/almaty":                      false,
		"almaty":                            false,
	} {
		if got := ValidID(id); got != want {
			t.Errorf("ValidID(%q) = %v, want %v", id, got, want)
		}
	}
	for id, want := range map[string]string{"place/almaty": "place", "geonames/place/almaty": "place", "almaty": ""} {
		if got := IDType(id); got != want {
			t.Errorf("IDType(%q) = %q, want %q", id, got, want)
		}
	}
}
