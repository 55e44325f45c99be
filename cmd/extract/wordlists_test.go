package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/extract-ca/extract/pipeline"
)

// TestWordlistsRoundTrip: the lists extract wordlists writes, given back
// with --wordlists, change nothing: the seeds' output is byte-identical.
func TestWordlistsRoundTrip(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lists")
	if code, _, stderr := runApp(t, "", "wordlists", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) != len(pipeline.Wordlists()) {
		t.Errorf("wrote %d files, want one per list the pipeline reads (%d)", len(files), len(pipeline.Wordlists()))
	}
	_, want, _ := runApp(t, "", "run", "--no-ner", "../../seeds/")
	code, got, stderr := runApp(t, "", "run", "--no-ner", "--wordlists", dir, "../../seeds/")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got != want {
		t.Error("the embedded lists, written out and read back, changed the output")
	}
	if !strings.Contains(stderr, "in place of the embedded ones: abbreviations, ") {
		t.Errorf("stderr does not say which lists were replaced: %q", stderr)
	}
	// A second write would overwrite the user's edits: refused.
	code, _, stderr = runApp(t, "", "wordlists", dir)
	if code != 2 || !strings.Contains(stderr, "would overwrite") {
		t.Errorf("second write: exit %d, %q", code, stderr)
	}
}

func TestWordlistsList(t *testing.T) {
	code, out, _ := runApp(t, "", "wordlists")
	if code != 0 || !strings.Contains(out, "titles (") || !strings.Contains(out, "\n    Titles and roles") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestRunWordlists(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "org-heads.txt"), []byte("# only these\nguild\n"), 0o644)
	code, out, stderr := runApp(t, "The Osh Weavers Guild met.", "run", "--no-ner", "--wordlists", dir, "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if m := readRecords(t, out)[0].Mentions; len(m) != 1 || m[0].Text != "Osh Weavers Guild" || m[0].Label != "GROUP" {
		t.Errorf("mentions %+v", m)
	}

	for _, tt := range []struct {
		file, text, err string
	}{
		{"titles.txt", "marshal\nField Marshal\n", `titles.txt:2: "Field Marshal" holds a space`},
		{"title.txt", "marshal\n", `title.txt: no list "title" to replace`},
		{"company-words.txt", "llc\n", `company-words.txt: no list "company-words" to replace`},
		{"titles.txt", "gen\ngen\n", `titles.txt:2: "gen" is already on line 1`},
	} {
		dir := t.TempDir()
		os.WriteFile(filepath.Join(dir, tt.file), []byte(tt.text), 0o644)
		for _, cmd := range [][]string{{"run", "--no-ner", "-"}, {"eval", "--no-ner", "../../seeds/gold.jsonl"}} {
			code, out, stderr := runApp(t, "Osh.", append(cmd, "--wordlists", dir)...)
			if code != 2 || out != "" || !strings.Contains(stderr, filepath.Join(dir, tt.err)) {
				t.Errorf("%s %s: exit %d, stdout %q, stderr %q; want 2 and %q", cmd[0], tt.file, code, out, stderr, tt.err)
			}
		}
	}
}
