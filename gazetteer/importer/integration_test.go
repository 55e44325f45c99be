package importer

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/internal/fileerr"
)

// TestRealFiles runs each importer on the real files, which are not part of
// the repository: it reads ../shared/external/gazetteer (relative to the
// repository root) and is skipped when the directory is absent. What each
// importer makes must validate over the default gazetteer.
func TestRealFiles(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "external", "gazetteer")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no outside data: %v", err)
	}
	open := func(t *testing.T, parts ...string) Input {
		t.Helper()
		path := filepath.Join(append([]string{dir}, parts...)...)
		f, err := os.Open(path)
		if err != nil {
			t.Skipf("no outside data: %v", err)
		}
		t.Cleanup(func() { f.Close() })
		return Input{R: f, Name: path}
	}

	t.Run("GeoNames", func(t *testing.T) {
		for _, admin1 := range []string{"admin1CodesASCII.txt", "regionInfo.tsv"} {
			entries, err := ReadGeoNames(GeoNamesOptions{
				Cities:        open(t, "geonames", "cities15000.txt"),
				Admin1:        open(t, "geonames", admin1),
				Countries:     open(t, "geonames", "countryInfo.txt"),
				Country:       []string{"KZ", "KG", "TJ", "TM", "UZ", "AF"},
				MinPopulation: 20000,
			})
			if err != nil {
				t.Errorf("%s: %v", admin1, err)
			}
			t.Logf("%s: %d entries", admin1, len(entries))
			back := checkRealEntries(t, entries)
			names := map[string]string{}
			for _, e := range back {
				if e.Kind == "city" {
					names[e.Name] = e.ID
				}
			}
			for _, city := range []string{"Almaty", "Bishkek", "Dushanbe", "Tashkent", "Ashgabat", "Kabul"} {
				if names[city] == "" {
					t.Errorf("%s: no city %s", admin1, city)
				}
			}
		}
	})

	t.Run("UN", func(t *testing.T) {
		in := open(t, "un_sc_consolidated", "consolidated.xml")
		rd := NewUNReader(in.R, in.Name)
		entries, err := gazetteer.ReadAll(rd, in.Name)
		if err != nil {
			t.Error(err)
		}
		if rd.Individuals != 709 || rd.Entities != 305 {
			t.Errorf("counted %d individuals and %d entities, want 709 and 305", rd.Individuals, rd.Entities)
		}
		t.Logf("%d entries", len(entries))
		back := checkRealEntries(t, entries)
		if e := find(back, "Islamic Movement of Uzbekistan"); e == nil || e.Type != gazetteer.Group || !hasAlias(e, "IMU") {
			t.Errorf("Islamic Movement of Uzbekistan: got %v, want a GROUP with alias IMU", e)
		}
		// A bracket inside a name does not split it into aliases.
		if e := find(back, "Leader (Hong Kong) International"); e == nil || hasAlias(e, "Leader") || hasAlias(e, "Hong Kong") ||
			!hasAlias(e, "Leader (Hong Kong) International Trading Limited") {
			t.Errorf("Leader (Hong Kong) International: got %v", e)
		}
	})

	t.Run("OFAC", func(t *testing.T) {
		in := open(t, "ofac_sdn", "sdn.csv")
		rd := NewOFACReader(in.R, in.Name, "SDGT", "FTO")
		entries, err := gazetteer.ReadAll(rd, in.Name)
		if err != nil {
			t.Error(err)
		}
		t.Logf("%d entries (of %d individuals and %d entities, %d skipped)", len(entries), rd.Individuals, rd.Entities, rd.Skipped)
		back := checkRealEntries(t, entries)
		if e := find(back, "Islamic Movement of Uzbekistan"); e == nil || !hasAlias(e, "IMU") {
			t.Errorf("Islamic Movement of Uzbekistan: got %v, want alias IMU", e)
		}
		if e := find(back, "Katibat al-Imam al-Bukhari"); e == nil || e.Type != gazetteer.Group {
			t.Errorf("Katibat al-Imam al-Bukhari: got %v, want a GROUP", e)
		}
	})
}

// checkRealEntries does what `extract gazetteer import` does (MarkShared
// against the default, Write), parses the file back, checks that every
// entry parses, every parent exists, no id is the id of a curated entry,
// and the file validates over the default without a problem, as run
// layers it; it returns what was parsed.
func checkRealEntries(t *testing.T, entries []*gazetteer.Entry) []*gazetteer.Entry {
	t.Helper()
	def, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	MarkShared(entries, def)
	var b bytes.Buffer
	if err := Write(&b, entries, "real files"); err != nil {
		t.Fatalf("Write: %v", err)
	}
	back, err := gazetteer.Parse(&b, "written")
	if err != nil {
		t.Fatalf("the written file does not parse: %v", err)
	}
	curated := map[string]bool{}
	for _, e := range def {
		curated[e.ID] = true
	}
	for _, e := range back {
		if curated[e.ID] {
			t.Errorf("%s: the id of a curated entry", e.ID)
		}
	}
	if err := gazetteer.Validate(append(append([]*gazetteer.Entry{}, def...), back...)); err != nil {
		var list fileerr.ErrorList
		errors.As(err, &list)
		for _, p := range list {
			if p.File == "written" {
				t.Errorf("over the default: %v", p)
			}
		}
	}
	if len(back) != len(entries) {
		t.Errorf("parsed %d entries back, wrote %d", len(back), len(entries))
	}
	ids := map[string]bool{}
	for _, e := range back {
		ids[e.ID] = true
	}
	for _, e := range back {
		if e.Parent != "" && !ids[e.Parent] {
			t.Errorf("%s: parent %s does not exist", e.ID, e.Parent)
		}
	}
	return back
}

func find(entries []*gazetteer.Entry, name string) *gazetteer.Entry {
	for _, e := range entries {
		if e.Name == name {
			return e
		}
	}
	return nil
}

func hasAlias(e *gazetteer.Entry, alias string) bool {
	for _, a := range e.Aliases {
		if a.Text == alias {
			return true
		}
	}
	return false
}
