package gazetteer

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/fileerr"
	"github.com/extract-ca/extract/internal/testfile"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A user's file adds new ids at the end; an id the default has is refused
// unless the caller chooses Replace (in place) or Merge; LoadFiles returns
// the file's entries alone.
func TestLoadLayers(t *testing.T) {
	def := defaultEntries(t)
	var almaty *Entry
	for _, e := range def {
		if e.ID == "place/almaty" {
			almaty = e
		}
	}
	mine := writeFile(t, "mine.gaz", "place/almaty | PLACE | city | KZ | place/kazakhstan | Almaty | Alma-Ata; Almatinka\n"+
		"group/acme | GROUP | company | KZ | | Acme |\n")
	_, err := Load(mine)
	if !errors.Is(err, ErrCollision) || !strings.HasPrefix(err.Error(), mine+":1: ") || strings.Count(err.Error(), "\n") != 0 {
		t.Errorf("Load: %v, want one collision on %s:1", err, mine)
	}
	for _, c := range []Collisions{Replace, Merge} {
		l, err := LoadLayered(c, mine)
		if err != nil {
			t.Fatal(err)
		}
		all := l.All
		if len(all) != len(def)+1 || all[len(all)-1].ID != "group/acme" {
			t.Fatalf("%s: %d entries, last %s; want %d, last group/acme", c, len(all), all[len(all)-1].ID, len(def)+1)
		}
		if len(l.Collisions) != 1 || l.Collisions[0].Earlier != almaty || l.Collisions[0].Entry.File != mine {
			t.Errorf("%s: collisions %+v, want place/almaty of the default", c, l.Collisions)
		}
		for i, e := range def {
			if e.ID != "place/almaty" {
				continue
			}
			got := all[i]
			if got.File != mine {
				t.Errorf("%s: place/almaty at %d comes from %s, want %s", c, i, got.File, mine)
			}
			aliases := len(got.Aliases)
			switch c {
			case Replace:
				if aliases != 2 {
					t.Errorf("replace: %s, want the file's entry", got)
				}
			case Merge:
				if aliases != len(almaty.Aliases)+1 || got.Name != almaty.Name || got.Aliases[aliases-1].Text != "Almatinka" {
					t.Errorf("merge: %s, want the default's entry with Almatinka added", got)
				}
			}
		}
		if len(l.Own) != 2 {
			t.Errorf("%s: own %d entries, want 2", c, len(l.Own))
		}
	}
	if almaty.Aliases[len(almaty.Aliases)-1].Text == "Almatinka" {
		t.Error("merge changed the shared default entry")
	}
	// An entry identical to the default's collides with nothing.
	same := writeFile(t, "same.gaz", almaty.String()+"\n")
	if l, err := LoadLayered(Refuse, same); err != nil || len(l.Collisions) != 0 {
		t.Errorf("identical entry: %v, %v", err, l)
	}
	if own, err := LoadFiles(writeFile(t, "new.gaz", "group/acme | GROUP | company | KZ | | Acme |\n")); err != nil || len(own) != 1 {
		t.Errorf("LoadFiles: %d entries, %v; want 1", len(own), err)
	}
	if none, err := Load(); err != nil || len(none) != len(def) {
		t.Errorf("Load(): %d entries, %v; want the default's %d", len(none), err, len(def))
	}
	if _, err := LoadLayered("overwrite"); err == nil {
		t.Error("LoadLayered accepted an unknown collisions policy")
	}
}

// Two files colliding with each other: the policy applies between them too.
func TestLoadLayersBetweenFiles(t *testing.T) {
	a := writeFile(t, "a.gaz", "group/acme | GROUP | company | KZ | | Acme |\n")
	b := writeFile(t, "b.gaz", "group/acme | GROUP | company | KZ | | Acme Ltd |\n")
	if _, err := Load(a, b); !errors.Is(err, ErrCollision) || !strings.Contains(err.Error(), b+":1: ") {
		t.Errorf("Load: %v, want a collision on %s:1", err, b)
	}
	l, err := LoadLayered(Merge, a, b)
	if err != nil || len(l.Own) != 1 || l.Own[0].String() != "group/acme | GROUP | company | KZ |  | Acme | Acme Ltd" {
		t.Errorf("merge: %v %v", err, l.Own)
	}
}

// A copy of a default file, edited, takes the place of the default's: the
// check sees it as it will be embedded, without collisions.
func TestLoadDefaultFileCopy(t *testing.T) {
	def := defaultEntries(t)
	name := def[0].File // gazetteer/data/NAME.gaz
	var b strings.Builder
	n := 0
	for _, e := range def {
		if e.File == name {
			c := *e
			if n == 0 {
				c.Aliases = append(slices.Clone(c.Aliases), Alias{Text: "Qwertyland"})
			}
			b.WriteString(c.String() + "\n")
			n++
		}
	}
	path := filepath.Join(t.TempDir(), filepath.FromSlash(name))
	testfile.Write(t, path, b.String())
	l, err := LoadLayered(Refuse, path)
	if err != nil || len(l.Collisions) != 0 || len(l.All) != len(def) || len(l.Own) != n {
		t.Errorf("%s: %v; %d collisions, %d entries (want %d), own %d (want %d)", name, err, len(l.Collisions), len(l.All), len(def), len(l.Own), n)
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
