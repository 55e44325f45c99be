package importer

import (
	"testing"

	"github.com/extract-ca/extract/gazetteer"
)

// A name shared with an entry of another type, in the base or in the
// import, is marked ambiguous; one shared within a type is not.
func TestMarkShared(t *testing.T) {
	base := []*gazetteer.Entry{
		{ID: "person/gurbanguly-berdimuhamedov", Type: gazetteer.Person, Name: "Gurbanguly Berdimuhamedov", Aliases: []gazetteer.Alias{{Text: "Arkadag"}}},
		{ID: "place/almaty", Type: gazetteer.Place, Name: "Almaty"},
	}
	entries := []*gazetteer.Entry{
		{ID: "geonames/place/arkadag", Type: gazetteer.Place, Name: "Arkadag şäheri", Aliases: []gazetteer.Alias{{Text: "Arkadag"}, {Text: "Arkadaga"}}},
		{ID: "geonames/place/almaty", Type: gazetteer.Place, Name: "Almaty"},
		{ID: "ofac/group/hizballah-1", Type: gazetteer.Group, Name: "Hizballah"},
		{ID: "ofac/person/x-2", Type: gazetteer.Person, Name: "Hizb Ullah Astam Khan", Aliases: []gazetteer.Alias{{Text: "Hizballah"}}},
	}
	MarkShared(entries, base)
	var got []string
	for _, e := range entries {
		got = append(got, e.String())
	}
	want := []string{
		"geonames/place/arkadag | PLACE |  |  |  | Arkadag şäheri | ?Arkadag; Arkadaga",
		"geonames/place/almaty | PLACE |  |  |  | Almaty | ",
		"ofac/group/hizballah-1 | GROUP |  |  |  | ?Hizballah | ",
		"ofac/person/x-2 | PERSON |  |  |  | Hizb Ullah Astam Khan | ?Hizballah",
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d:\n got %s\nwant %s", i, got[i], want[i])
		}
	}
}
