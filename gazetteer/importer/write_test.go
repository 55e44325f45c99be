package importer

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/internal/fileerr"
)

func TestWrite(t *testing.T) {
	entries := []*gazetteer.Entry{
		{ID: "group/a-b-ofac1", Type: gazetteer.Group, Kind: "militant group", Name: "A | B; C\nD",
			Aliases: []gazetteer.Alias{{Text: "A B C D"}, {Text: "AB|C"}, {Text: "?Ambiguous", Ambiguous: true}, {Text: "; | "}, {Text: "X"}, {Text: "X"}}},
		{ID: "place/osh", Type: gazetteer.Place, Kind: "city", Country: "KG", Parent: "place/kyrgyzstan", Name: "?Osh", NameAmbiguous: true},
		{ID: "person/x-qdi.1", Type: gazetteer.Person, Kind: "sanctioned\tindividual", Name: "Bad\xffUTF-8"},
	}
	var b bytes.Buffer
	if err := Write(&b, entries, "Test source\n\n# already a comment\n"); err != nil {
		t.Fatal(err)
	}
	want := `# Test source
#
# already a comment
# id | type | kind | country | parent | name | aliases
group/a-b-ofac1 | GROUP | militant group |  |  | A B C D | AB C; ?Ambiguous; X
place/osh | PLACE | city | KG | place/kyrgyzstan | ?Osh | 
person/x-qdi.1 | PERSON | sanctioned individual |  |  | Bad UTF-8 | 
`
	if got := b.String(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	back, err := gazetteer.Parse(&b, "written")
	if err != nil || len(back) != 3 {
		t.Fatalf("parsed %d entries back, error %v", len(back), err)
	}
	if !back[1].NameAmbiguous || back[1].Name != "Osh" || !back[0].Aliases[1].Ambiguous {
		t.Errorf("ambiguity marks lost: %+v %+v", back[0], back[1])
	}
	if entries[0].Name != "A | B; C\nD" || len(entries[0].Aliases) != 6 {
		t.Error("Write changed its input")
	}
}

func TestWriteErrors(t *testing.T) {
	entries := []*gazetteer.Entry{
		{ID: "place/ok", Type: gazetteer.Place, Name: "Ok", File: "in.txt", Line: 1},
		{ID: "Place/Bad", Type: gazetteer.Place, Name: "Bad", File: "in.txt", Line: 2},
		{ID: "place/ok", Type: gazetteer.Place, Name: "Again", File: "in.txt", Line: 3},
		{ID: "place/x", Type: "CITY", Name: "X", File: "in.txt", Line: 4},
		{ID: "place/y", Type: gazetteer.Place, Country: "KAZ", Name: "Y", File: "in.txt", Line: 5},
		{ID: "place/z", Type: gazetteer.Place, Parent: "Kazakhstan", Name: "Z", File: "in.txt", Line: 6},
		{ID: "place/q", Type: gazetteer.Place, Name: " ? | ", File: "in.txt", Line: 7},
	}
	var b bytes.Buffer
	err := Write(&b, entries, "x")
	checkErrors(t, err, []string{
		`in.txt:2: bad id: want lowercase ascii type/name like person/emomali-rahmon, or source/type/name like geonames/place/almaty (source not a type nor auto): "Place/Bad"`,
		`in.txt:3: duplicate id "place/ok"`,
		`in.txt:4: bad type: want PERSON, PLACE or GROUP: "CITY"`,
		`in.txt:5: bad country: want an ISO 3166-1 alpha-2 code such as KZ: "KAZ"`,
		`in.txt:6: bad id: want lowercase ascii type/name like person/emomali-rahmon, or source/type/name like geonames/place/almaty (source not a type nor auto) (parent): "Kazakhstan"`,
		"in.txt:7: empty name",
	})
	var list fileerr.ErrorList
	if errors.As(err, &list) && !errors.Is(list[1], gazetteer.ErrDuplicate) {
		t.Errorf("%v does not wrap gazetteer.ErrDuplicate", list[1])
	}
	if b.Len() != 0 {
		t.Errorf("Write wrote %q despite errors", b.String())
	}
}

func TestHeader(t *testing.T) {
	h := Header("sdn.csv (OFAC)", time.Date(2024, 5, 3, 23, 0, 0, 0, time.FixedZone("X", -3*3600)))
	want := "Imported from sdn.csv (OFAC) on 2024-05-04 by `extract gazetteer import`.\n" +
		"Do not edit by hand: re-run the import, or layer a file of your own over it."
	if h != want {
		t.Errorf("got %q, want %q", h, want)
	}
	var b bytes.Buffer
	if err := Write(&b, nil, h+"\n"+GeoNamesAttribution); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Split(strings.TrimSpace(b.String()), "\n"); len(lines) != 4 || lines[2] != "# "+GeoNamesAttribution {
		t.Errorf("header lines: %q", lines)
	}
}
