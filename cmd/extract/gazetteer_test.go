package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestGazetteerValidateReportsEveryProblem(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "bad.gaz")
	os.WriteFile(f, []byte(`# a user's list
group/acme | GROUP | company | KZ | | Acme |
group/acme | GROUP | company | KZ | | Acme Two |
place/x | PLACE | city | KZ | place/nowhere | Xtown |
person/y | PERSONA | official | KZ | | Y Y |
only | three | fields
place/z | PLACE | city | KZ | place/kazakhstan | Zhanaozen-Two | Acme
`), 0o644)
	code, out, _ := runApp(t, "", "gazetteer", "validate", f)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		f + ":3: duplicate id",
		f + ":4: parent does not exist",
		f + ":5: bad type",
		f + ":6: want 7 fields",
		f + ":7: name shared with an entry of another type",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestGazetteerValidateGoodFile(t *testing.T) {
	f := filepath.Join(t.TempDir(), "good.gaz")
	os.WriteFile(f, []byte("place/acme-town | PLACE | town | KZ | place/kazakhstan | Acmetown | Акметаун\n"), 0o644)
	code, out, stderr := runApp(t, "", "gazetteer", "validate", f)
	if code != 0 || !strings.Contains(out, "1 entries, no problems") {
		t.Errorf("exit %d: %s %s", code, out, stderr)
	}
}

func TestGazetteerStatsJSON(t *testing.T) {
	code, out, _ := runApp(t, "", "gazetteer", "stats", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var s struct {
		Entries int
		Aliases int
		ByType  map[string]struct{ Entries, Aliases int } `json:"by_type"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s.Entries == 0 || s.ByType["PLACE"].Entries == 0 || s.ByType["PERSON"].Entries == 0 {
		t.Errorf("stats: %+v", s)
	}
}

func TestGazetteerLookupShowsKey(t *testing.T) {
	code, out, _ := runApp(t, "", "gazetteer", "lookup", "Rakhmonov")
	if code != 0 || !strings.Contains(out, "rahmonov") || !strings.Contains(out, "person/emomali-rahmon") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestGazetteerImportOFAC(t *testing.T) {
	dir := t.TempDir()
	sdn := filepath.Join(dir, "sdn.csv")
	os.WriteFile(sdn, []byte("6725,\"ISLAMIC MOVEMENT OF UZBEKISTAN\",-0- ,\"FTO] [SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'IMU'.\"\r\n"), 0o644)
	out := filepath.Join(dir, "ofac.gaz")
	code, _, stderr := runApp(t, "", "gazetteer", "import", "ofac", sdn, "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	code, vout, _ := runApp(t, "", "gazetteer", "validate", out)
	raw, _ := os.ReadFile(out)
	if !strings.Contains(string(raw), "Islamic Movement of Uzbekistan") || !strings.Contains(string(raw), "IMU") {
		t.Errorf("import wrote:\n%s", raw)
	}
	if code != 0 {
		t.Errorf("imported file does not validate: %s", vout)
	}
}

// An entry with a curated id is refused with its file and line unless
// --gazetteer-collisions says to replace or merge, which stderr reports.
func TestGazetteerCollisions(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "mine.gaz")
	os.WriteFile(f, []byte("place/almaty | PLACE | city | KZ | place/kazakhstan | Almaty | Almatinka-Qwerty\n"), 0o644)
	doc := filepath.Join(dir, "d.txt")
	os.WriteFile(doc, []byte("Talks in Almatinka-Qwerty."), 0o644)
	code, _, stderr := runApp(t, "", "run", "--no-ner", "--gazetteer", f, doc)
	if code != 2 || !strings.Contains(stderr, f+`:1: id already in the gazetteer: "place/almaty"`) {
		t.Errorf("refuse: exit %d, want 2 and the collision:\n%s", code, stderr)
	}
	for _, policy := range []string{"replace", "merge"} {
		code, out, stderr := runApp(t, "", "run", "--no-ner", "--gazetteer", f, "--gazetteer-collisions", policy, doc)
		if code != 0 || !strings.Contains(out, `"entity":"place/almaty"`) || !strings.Contains(stderr, f+": 1 entries") {
			t.Errorf("%s: exit %d\n%s\n%s", policy, code, out, stderr)
		}
	}
	if code, _, stderr := runApp(t, "", "run", "--gazetteer-collisions", "overwrite", doc); code != 2 || !strings.Contains(stderr, "refuse, replace or merge") {
		t.Errorf("unknown policy: exit %d\n%s", code, stderr)
	}
}
