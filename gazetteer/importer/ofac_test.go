package importer

import (
	"reflect"
	"testing"

	"github.com/extract-ca/extract/internal/golden"
)

func TestReadOFAC(t *testing.T) {
	in := openTestdata(t, "ofac/sdn.csv")
	entries, err := ReadOFAC(in.R, in.Name, "SDGT", "fto")
	checkErrors(t, err, []string{
		`testdata/ofac/sdn.csv:10: bad number: ent_num "12a"`,
		"testdata/ofac/sdn.csv:11: wrong number of columns: want 12 separated by commas, found 11",
		"testdata/ofac/sdn.csv:12: no name",
	})
	golden.Check(t, "ofac.golden", writeAndParse(t, entries, "OFAC SDN test file"))
}

func TestOFACReaderCounts(t *testing.T) {
	for _, tc := range []struct {
		programs                                []string
		individuals, entities, skipped, entries int
	}{
		{nil, 3, 7, 1, 9},
		{[]string{"SDGT"}, 3, 7, 2, 8},
		{[]string{"CUBA"}, 3, 7, 10, 1},
	} {
		in := openTestdata(t, "ofac/sdn.csv")
		rd := NewOFACReader(in.R, in.Name, tc.programs...)
		n := countEntries(rd)
		if rd.Individuals != tc.individuals || rd.Entities != tc.entities || rd.Skipped != tc.skipped || n != tc.entries {
			t.Errorf("programs %v: counted %d individuals, %d entities, %d skipped, %d entries; want %d, %d, %d, %d",
				tc.programs, rd.Individuals, rd.Entities, rd.Skipped, n, tc.individuals, tc.entities, tc.skipped, tc.entries)
		}
	}
}

func TestOFACAliases(t *testing.T) {
	for _, tc := range []struct {
		remarks string
		want    []string
	}{
		{"a.k.a. 'IMU'.", []string{"IMU"}},
		{"a.k.a. 'IBB'; a.k.a. 'KIB'.", []string{"IBB", "KIB"}},
		{"DOB 1951; a.k.a. 'ABU-'UMAR'; a.k.a. ''ABD-AL-'IZ'.", []string{"ABU-'UMAR", "ABD-AL-'IZ"}},
		{"a.k.a. ‘AL-ZAWAHIRI, Ayman’; f.k.a. ‘THE DOCTOR’; n.k.a. 'NEW NAME'.", []string{"AL-ZAWAHIRI, Ayman", "THE DOCTOR", "NEW NAME"}},
		{"a.k.a. IMU; a.k.a. 'ok'", []string{"ok"}},
		{"a.k.a. 'never closed", nil},
		{"Linked To: X.", nil},
	} {
		if got := ofacAliases(tc.remarks); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ofacAliases(%q) = %q, want %q", tc.remarks, got, tc.want)
		}
	}
}

func TestOFACNationality(t *testing.T) {
	for _, tc := range []struct{ remarks, want string }{
		{"DOB 1975; nationality Uzbekistan; Gender Male.", "UZ"},
		{"Nationality Korea, North; a.k.a. 'X'.", "KP"},
		{"nationality Atlantis; alt. nationality Russia.", "RU"},
		{"POB Varzob, Tajikistan; citizen Tajikistan.", "TJ"},
		{"DOB 1975.", ""},
		{"nationality İİİİ Kazakhstan", ""},
	} {
		if got := ofacNationality(tc.remarks); got != tc.want {
			t.Errorf("ofacNationality(%q) = %q, want %q", tc.remarks, got, tc.want)
		}
	}
}
