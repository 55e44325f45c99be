package importer

import (
	"bytes"
	"errors"
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
	fuzzGeoNames(f, func(o *GeoNamesOptions, in Input) { o.Cities = in })
}

func FuzzReadGeoNamesAdmin1(f *testing.F) {
	addSeed(f, "geonames/admin1CodesASCII.txt")
	f.Add([]byte("KZ.05\tOsh | Oblast\tOsh;Oblast\t1\nKZ.05\tdup\tdup\t2\nKZ\tno dot\t\t\nkz.1\t?\t\t\nKG.99\t\tAscii Only\tx\n\n#\n"))
	f.Add([]byte("XX.01\tNowhere\tNowhere\t3\r\nKG.01\tБишкек\t\t4\nKG.02\tBishkek\tBishkek\t5\tsurplus\n"))
	fuzzGeoNames(f, func(o *GeoNamesOptions, in Input) { o.Admin1 = in })
}

func FuzzReadGeoNamesCountries(f *testing.F) {
	addSeed(f, "geonames/countryInfo.txt")
	f.Add([]byte("# ISO\tISO3\n" + strings.Repeat("\t", 18) + "\n" +
		"KG\tKGZ\t417\tKG\tKyrgyz | Republic; ?\tBishkek\t0\t0\tAS\t.kg\tKGS\tSom\t996\t\t\tky\t1527747\t\t\n" +
		"KG\tKGZ\t417\tKG\tdup\t\t\t\t\t\t\t\t\t\t\t\tx\t\t\n" +
		"kz\t\t\t\tKazakhstan\t\t\t\t\t\t\t\t\t\t\t\t\t\t\n"))
	fuzzGeoNames(f, func(o *GeoNamesOptions, in Input) { o.Countries = in })
}

// fuzzGeoNames fuzzes one of the three GeoNames files, set by use, with
// the test data for the other two: whatever ReadGeoNames returns must
// write and parse back, and validate but for names that two places share.
func fuzzGeoNames(f *testing.F, use func(*GeoNamesOptions, Input)) {
	var files [3][]byte
	for i, name := range []string{"cities.txt", "admin1CodesASCII.txt", "countryInfo.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", "geonames", name))
		if err != nil {
			f.Fatal(err)
		}
		files[i] = b
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		opts := GeoNamesOptions{
			Cities:    Input{R: bytes.NewReader(files[0]), Name: "cities.txt"},
			Admin1:    Input{R: bytes.NewReader(files[1]), Name: "admin1.txt"},
			Countries: Input{R: bytes.NewReader(files[2]), Name: "countries.txt"},
		}
		use(&opts, Input{R: bytes.NewReader(data), Name: "fuzz.txt"})
		entries, err := ReadGeoNames(opts)
		var list fileerr.ErrorList
		if err != nil && !errors.As(err, &list) {
			t.Fatalf("error is %T, want a fileerr.ErrorList: %v", err, err)
		}
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
