package gazetteer

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/fileerr"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A user's file replaces default entries by id, in place, and adds new ids
// at the end; LoadFiles returns the file's entries alone.
func TestLoadLayers(t *testing.T) {
	def, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	mine := writeFile(t, "mine.gaz", "place/almaty | PLACE | city | KZ | place/kazakhstan | Almaty | Alma-Ata; Almatinka\n"+
		"group/acme | GROUP | company | KZ | | Acme |\n")
	all, err := Load(mine)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != len(def)+1 || all[len(all)-1].ID != "group/acme" {
		t.Fatalf("Load: %d entries, last %s; want %d, last group/acme", len(all), all[len(all)-1].ID, len(def)+1)
	}
	for i, e := range def {
		if e.ID == "place/almaty" && all[i].File != mine {
			t.Errorf("place/almaty at %d comes from %s, want %s", i, all[i].File, mine)
		}
	}
	own, err := LoadFiles(mine)
	if err != nil || len(own) != 2 {
		t.Errorf("LoadFiles: %d entries, %v; want 2", len(own), err)
	}
	if none, err := Load(); err != nil || len(none) != len(def) {
		t.Errorf("Load(): %d entries, %v; want the default's %d", len(none), err, len(def))
	}
}

// Load reports every problem of the user's files, parse and validation
// alike, with file and line, and none of the default's.
func TestLoadReportsFileProblems(t *testing.T) {
	bad := writeFile(t, "bad.gaz", "place/x | PLACE | city | KZ | place/nowhere | Xtown |\n"+
		"person/y | PERSONA | official | KZ | | Y Y |\n"+
		"person/almaty | PERSON | official | KZ | | Almaty |\n")
	_, err := Load(bad)
	var list fileerr.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("Load = %v, want an error list", err)
	}
	for _, p := range list {
		if p.File != bad {
			t.Errorf("problem of another file reported: %v", p)
		}
	}
	for _, want := range []error{ErrMissingParent, ErrType, ErrSharedAlias} {
		if !errors.Is(err, want) {
			t.Errorf("%v not reported in:\n%v", want, err)
		}
	}
	if !strings.Contains(err.Error(), bad+":3: ") {
		t.Errorf("no line 3 in:\n%v", err)
	}
	if _, err := Load(filepath.Join(t.TempDir(), "missing.gaz")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}
