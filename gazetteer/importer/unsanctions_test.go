package importer

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/fileerr"
	"github.com/extract-ca/extract/internal/golden"
)

func TestReadUNSanctions(t *testing.T) {
	in := openTestdata(t, "un/consolidated.xml")
	entries, err := ReadUNSanctions(in.R, in.Name)
	checkErrors(t, err, []string{
		"testdata/un/consolidated.xml:9: no reference number (individual No Reference)",
		"testdata/un/consolidated.xml:10: no name",
		`testdata/un/consolidated.xml:20: duplicate id "un/group/islamic-movement-of-uzbekistan-qde.910" (first on line 13)`,
	})
	golden.Check(t, "unsanctions.golden", writeAndParse(t, entries, "UN consolidated list test file"))
}

func TestUNReaderCounts(t *testing.T) {
	in := openTestdata(t, "un/consolidated.xml")
	rd := NewUNReader(in.R, in.Name)
	good := countEntries(rd)
	if rd.Individuals != 6 || rd.Entities != 7 || good != 11 {
		t.Errorf("counted %d individuals, %d entities, %d good; want 6, 7, 11", rd.Individuals, rd.Entities, good)
	}
}

// Malformed XML ends the reading with one error that has its line; the
// records before it are kept.
func TestReadUNSanctionsBroken(t *testing.T) {
	in := openTestdata(t, "un/broken.xml")
	entries, err := ReadUNSanctions(in.R, in.Name)
	checkErrors(t, err, []string{
		"testdata/un/broken.xml:5: malformed XML: element <FIRST_NAME> closed by </SECOND_NAME>; the rest of the file is not read",
	})
	if list, ok := err.(fileerr.ErrorList); !ok || !errors.Is(list[0], ErrXML) {
		t.Errorf("%v does not wrap ErrXML", err)
	}
	if len(entries) != 1 || entries[0].ID != "un/person/juma-namangani-qdi.920" {
		t.Errorf("got %v, want Juma Namangani only", entries)
	}
}

func TestUNKinds(t *testing.T) {
	for _, tc := range []struct {
		list         string
		designations []string
		want         string
	}{
		{"Al-Qaida", nil, KindMilitant},
		{"Taliban", []string{"Governor of Kandahar Province under the Taliban regime"}, KindOfficial},
		{"Taliban", nil, KindMilitant},
		{"DPRK", []string{"Minister of Atomic Energy Industry"}, KindIndividual},
	} {
		if got := unPersonKind(tc.list, tc.designations); got != tc.want {
			t.Errorf("unPersonKind(%q, %q) = %q, want %q", tc.list, tc.designations, got, tc.want)
		}
	}
	for _, tc := range []struct {
		name                string
		militant, terrorism bool
		want                string
	}{
		{"Islamic Movement of Uzbekistan", true, true, KindMilitantGroup},
		{"Haqqani Network", true, true, KindMilitantGroup},
		{"Roshan Money Exchange", true, true, KindCompany},
		{"Al-Haramain Foundation (Pakistan)", true, true, KindNGO},
		{"Organization of al-Qaida in the Islamic Maghreb", true, true, KindMilitantGroup},
		{"Korea Mining Development Trading Corporation", false, false, KindCompany},
		{"Reconnaissance General Bureau", false, false, KindEntity},
		{"Jihad Brigades", false, true, KindMilitantGroup},
		{"Bahman Group", false, true, KindEntity},
	} {
		if got := groupKind(tc.name, tc.militant, tc.terrorism); got != tc.want {
			t.Errorf("groupKind(%q, %v, %v) = %q, want %q", tc.name, tc.militant, tc.terrorism, got, tc.want)
		}
	}
}

// A record may not be longer than the input: a truncated file ends with an
// XML error, not a hang or a panic.
func TestReadUNSanctionsTruncated(t *testing.T) {
	in := openTestdata(t, "un/consolidated.xml")
	b, err := io.ReadAll(in.R)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := ReadUNSanctions(strings.NewReader(string(b[:len(b)/2])), "half.xml")
	var list fileerr.ErrorList
	if !errors.As(err, &list) || !errors.Is(list[len(list)-1], ErrXML) {
		t.Errorf("got %v, want an XML error last", err)
	}
	if len(entries) == 0 {
		t.Error("the records before the cut are lost")
	}
}
