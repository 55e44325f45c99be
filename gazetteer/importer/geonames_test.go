package importer

import (
	"errors"
	"strings"
	"testing"

	"github.com/extract-ca/extract/gazetteer"

	"github.com/extract-ca/extract/internal/golden"
)

func readTestGeoNames(t *testing.T, countries []string, minPopulation int64) ([]*gazetteer.Entry, error) {
	t.Helper()
	return ReadGeoNames(GeoNamesOptions{
		Cities:        openTestdata(t, "geonames/cities.txt"),
		Admin1:        openTestdata(t, "geonames/admin1CodesASCII.txt"),
		Countries:     openTestdata(t, "geonames/countryInfo.txt"),
		Country:       countries,
		MinPopulation: minPopulation,
	})
}

func TestReadGeoNames(t *testing.T) {
	entries, err := readTestGeoNames(t, []string{"KZ", "kg", " GH", "BW"}, 20000)
	checkErrors(t, err, []string{
		"testdata/geonames/admin1CodesASCII.txt:9: wrong number of columns: want 4 separated by tabs, found 2",
		`testdata/geonames/admin1CodesASCII.txt:10: bad country: want an ISO 3166-1 alpha-2 code such as KZ: admin1 code "KZ05": want CC.code such as KZ.05`,
		"testdata/geonames/cities.txt:11: wrong number of columns: want 19 separated by tabs, found 9",
		`testdata/geonames/cities.txt:12: bad number: population "12x"`,
		"testdata/geonames/cities.txt:14: duplicate record: geonameid 1526384 (first on line 1)",
		"testdata/geonames/countryInfo.txt:9: wrong number of columns: want 19 separated by tabs, found 18",
		"testdata/geonames/countryInfo.txt:10: wrong number of columns: want 19 separated by tabs, found 5",
	})
	golden.Check(t, "geonames.golden", writeAndParse(t, entries, "GeoNames test files"))
	if err := gazetteer.Validate(entries); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

func TestReadGeoNamesAllCountries(t *testing.T) {
	entries, _ := readTestGeoNames(t, nil, 0)
	var ids []string
	for _, e := range entries {
		ids = append(ids, e.ID)
	}
	got := strings.Join(ids, " ")
	// Every country of the file, Ushtobe and Oskemen (no population given)
	// with a minimum of 0; Moscow's country row is malformed, so it has no
	// parent but is still imported.
	for _, id := range []string{"geonames/place/botswana", "geonames/place/ushtobe", "geonames/place/oskemen", "geonames/place/moscow"} {
		if !strings.Contains(" "+got+" ", " "+id+" ") {
			t.Errorf("%s missing from %s", id, got)
		}
	}
	for _, e := range entries {
		if e.ID == "geonames/place/moscow" && (e.Parent != "" || e.Country != "RU") {
			t.Errorf("Moscow: parent %q country %q, want no parent and RU", e.Parent, e.Country)
		}
	}
}

func TestReadGeoNamesOptions(t *testing.T) {
	for _, tc := range []struct {
		name      string
		countries []string
		min       int64
		want      string
	}{
		{"three letters", []string{"KAZ"}, 0, `bad option: country "KAZ"`},
		{"negative population", nil, -1, "bad option: negative minimum population -1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			entries, err := readTestGeoNames(t, tc.countries, tc.min)
			if !errors.Is(err, ErrOption) || !strings.Contains(err.Error(), tc.want) || entries != nil {
				t.Errorf("got %d entries, error %v; want none and %q", len(entries), err, tc.want)
			}
		})
	}

	// A country missing from countryInfo.txt is reported with the file.
	_, err := readTestGeoNames(t, []string{"KZ", "UZ", "TJ"}, 0)
	if !strings.Contains(err.Error(), "testdata/geonames/countryInfo.txt: bad option: no country TJ, UZ in the file") {
		t.Errorf("got %v, want the missing countries", err)
	}
}

func TestIsRealName(t *testing.T) {
	for _, tc := range []struct {
		alias string
		want  bool
	}{
		{"Alma-Ata", true},
		{"Алма-Ата", true},
		{"Mazār-e Sharīf", true},
		{"Oʻsh", true},
		{"St. Petersburg", true},
		{"les Escaldes", true},
		{"ALA", false},               // IATA code
		{"UAAA", false},              // ICAO code
		{"ALMATY", false},            // capitals: an acronym to the matcher
		{"Almaty 2", false},          // digit
		{"almaty", false},            // machine romanisation: no capital
		{"a la mu tu", false},        // idem
		{"アルマトイ", false},             // other script
		{"ألماتي", false},            // idem
		{"Almaтy", false},            // mixed scripts
		{"https://almaty.kz", false}, // link
		{"Almaty.wikipedia.org", false},
		{"Esukarudesu=Engorudani", false},
		{"Kazakh", false}, // a demonym (GeoNames gives it to Petropavl)
		{"", false},
	} {
		if got := isRealName(tc.alias); got != tc.want {
			t.Errorf("isRealName(%q) = %v, want %v", tc.alias, got, tc.want)
		}
	}
}

func TestUniqueID(t *testing.T) {
	ids := map[string]bool{}
	for _, want := range []string{"place/central-region", "place/central-region-gh", "place/central-region-12", "place/central-region-12-2"} {
		if got := uniqueID(ids, "place/central-region", "-gh", "-12"); got != want {
			t.Errorf("got %s, want %s", got, want)
		}
	}
}
