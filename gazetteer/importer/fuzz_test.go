package importer

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/internal/fileerr"
)

// The fuzz targets check that the importers never panic on input, and that
// whatever they return, Write turns into a file that gazetteer.Parse reads
// back without an error.

func FuzzReadOFAC(f *testing.F) {
	addSeed(f, "ofac/sdn.csv")
	f.Add([]byte("1,\"A, B\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. '|?'; nationality İİ Kazakhstan\"\r\n\x1a"))
	fuzzImport(f, "fuzz.csv", func(r io.Reader, file string) ([]*gazetteer.Entry, error) { return ReadOFAC(r, file) })
}

func FuzzReadUNSanctions(f *testing.F) {
	addSeed(f, "un/consolidated.xml")
	addSeed(f, "un/broken.xml")
	f.Add([]byte("<ENTITY><FIRST_NAME>? | (;)</FIRST_NAME><REFERENCE_NUMBER>..</REFERENCE_NUMBER></ENTITY>"))
	fuzzImport(f, "fuzz.xml", ReadUNSanctions)
}

func FuzzReadGeoNamesCities(f *testing.F) {
	addSeed(f, "geonames/cities.txt")
	f.Add([]byte("1\t?\t|\t;,A|B\t0\t0\tP\tPPL\tKZ\t\t02\t\t\t\t99\t\t\t\t\n"))
	admin1, err := os.ReadFile(filepath.Join("testdata", "geonames", "admin1CodesASCII.txt"))
	if err != nil {
		f.Fatal(err)
	}
	countries, err := os.ReadFile(filepath.Join("testdata", "geonames", "countryInfo.txt"))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, _ := ReadGeoNames(GeoNamesOptions{
			Cities:    Input{R: bytes.NewReader(data), Name: "fuzz.txt"},
			Admin1:    Input{R: bytes.NewReader(admin1), Name: "admin1.txt"},
			Countries: Input{R: bytes.NewReader(countries), Name: "countries.txt"},
		})
		checkWritable(t, entries)
		if err := gazetteer.Validate(entries); err != nil {
			for _, e := range err.(fileerr.ErrorList) {
				if !strings.Contains(e.Error(), "name shared") {
					t.Errorf("Validate: %v", e)
				}
			}
		}
	})
}

// fuzzImport fuzzes an importer of one file, named file in its errors:
// whatever it makes of the data must write and parse back.
func fuzzImport(f *testing.F, file string, read func(io.Reader, string) ([]*gazetteer.Entry, error)) {
	f.Fuzz(func(t *testing.T, data []byte) {
		entries, _ := read(bytes.NewReader(data), file)
		checkWritable(t, entries)
	})
}

func addSeed(f *testing.F, name string) {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
}

func checkWritable(t *testing.T, entries []*gazetteer.Entry) {
	var b bytes.Buffer
	if err := Write(&b, entries, "fuzz"); err != nil {
		t.Fatalf("Write: %v", err)
	}
	back, err := gazetteer.Parse(&b, "written")
	if err != nil {
		t.Fatalf("written file does not parse: %v\n%s", err, b.String())
	}
	if len(back) != len(entries) {
		t.Fatalf("parsed %d entries back, wrote %d", len(back), len(entries))
	}
}
