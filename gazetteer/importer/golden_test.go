package importer

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/internal/fileerr"
)

// testDate is the import date written in the headers of the golden files.
var testDate = time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)

// writeAndParse writes entries as a gazetteer file, checks that
// gazetteer.Parse reads it back without an error and with as many entries,
// and returns the file.
func writeAndParse(t *testing.T, entries []*gazetteer.Entry, source string) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, entries, Header(source, testDate)); err != nil {
		t.Fatalf("Write: %v", err)
	}
	back, err := gazetteer.Parse(bytes.NewReader(b.Bytes()), source)
	if err != nil {
		t.Fatalf("the written file does not parse:\n%v", err)
	}
	if len(back) != len(entries) {
		t.Fatalf("parsed %d entries back, wrote %d", len(back), len(entries))
	}
	return b.Bytes()
}

// openTestdata opens testdata/name for the test.
func openTestdata(t *testing.T, name string) Input {
	t.Helper()
	path := filepath.Join("testdata", name)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return Input{R: f, Name: path}
}

// countEntries reads rd to the end and returns how many records came back
// as entries rather than errors, for the tests of the readers' counters.
func countEntries(rd gazetteer.EntryReader) int {
	n := 0
	for {
		_, err := rd.Read()
		if err == io.EOF {
			return n
		}
		if err == nil {
			n++
		}
	}
}

// checkErrors checks that err is a fileerr.ErrorList with exactly the
// messages want, in order.
func checkErrors(t *testing.T, err error, want []string) {
	t.Helper()
	var list fileerr.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("error %v (%T): want a fileerr.ErrorList", err, err)
	}
	if len(list) != len(want) {
		t.Errorf("got %d errors, want %d:\n%v", len(list), len(want), err)
	}
	for i := range min(len(list), len(want)) {
		if got := list[i].Error(); got != want[i] {
			t.Errorf("error %d:\n got %s\nwant %s", i, got, want[i])
		}
	}
}
