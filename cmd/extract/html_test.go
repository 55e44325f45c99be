package main

import (
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHTMLPagesMatchRun: the site of the seeds shows, on each document's
// page, every mention that run writes for it, with its text: the texts
// are paired with the right records whatever the number of workers.
func TestHTMLPagesMatchRun(t *testing.T) {
	code, out, stderr := runApp(t, "", "run", "--no-ner", "../../seeds/")
	if code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	recs := readRecords(t, out)
	dir := t.TempDir()
	code, _, stderr = runApp(t, "", "html", "--no-ner", "--workers", "4", "../../seeds/", "-o", dir)
	if code != 0 {
		t.Fatalf("html: exit %d: %s", code, stderr)
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(index), "<svg") {
		t.Error("index.html has no network picture")
	}
	pages, err := filepath.Glob(filepath.Join(dir, "docs", "*.html"))
	if err != nil || len(pages) != len(recs) {
		t.Fatalf("%d pages for %d records (%v)", len(pages), len(recs), err)
	}
	for i, r := range recs {
		page, err := os.ReadFile(pages[i])
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(page), "<h1>"+html.EscapeString(r.ID)+"</h1>") {
			t.Errorf("%s is not the page of %s", pages[i], r.ID)
		}
		for _, m := range r.Mentions {
			want := fmt.Sprintf(`data-id=%q title="%s %s">%s</mark>`, m.ID, m.Label, html.EscapeString(m.Entity), html.EscapeString(m.Text))
			if !strings.Contains(string(page), want) {
				t.Errorf("%s: no %s", r.ID, want)
				break
			}
		}
	}
}

func TestHTMLErrorsAndUsage(t *testing.T) {
	dir := t.TempDir()
	in := `{"id":"a","text":"<script>window.__pwned=1</script> Dushanbe"}` + "\n" + `{"id":"a","text":"again"}` + "\n"
	code, _, stderr := runApp(t, in, "html", "--no-ner", "--input", "jsonl", "-o", dir)
	if code != exitDocFails {
		t.Fatalf("exit %d, want %d (a duplicate id): %s", code, exitDocFails, stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "docs", "0001-a.html"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(page), "<script>window") || !strings.Contains(string(page), `data-entity="place/`) {
		t.Errorf("page of a: script not escaped or Dushanbe not marked:\n%s", page)
	}
	if _, err := os.Stat(filepath.Join(dir, "docs", "0002-a.html")); err != nil {
		t.Errorf("the failed document has no page: %v", err)
	}
	if code, _, stderr := runApp(t, "", "html", "../../seeds/"); code != exitUsage || !strings.Contains(stderr, "-o DIR") {
		t.Errorf("without -o: exit %d, %q", code, stderr)
	}
}

// TestEvalHTML: --html writes the pages and leaves the report as it was.
func TestEvalHTML(t *testing.T) {
	code, plain, stderr := runApp(t, "", "eval", "--no-ner", "../../seeds/gold.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	dir := t.TempDir()
	code, withHTML, stderr := runApp(t, "", "eval", "--no-ner", "--html", dir, "../../seeds/gold.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if withHTML != plain {
		t.Errorf("--html changed the report:\n%s\nwant:\n%s", withHTML, plain)
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "docs", "*.html"))
	if len(pages) != 5 {
		t.Errorf("%d pages, want 5", len(pages))
	}
	index, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"correct", "missed", "spurious", "wrong label", "wrong span"} {
		if !strings.Contains(string(index), ">"+kind+"</th>") {
			t.Errorf("index has no %s column", kind)
		}
	}
}

// TestHTMLFrom: a site drawn from a run's output is the site html makes
// by running, and records paired with other texts are refused.
func TestHTMLFrom(t *testing.T) {
	code, out, stderr := runApp(t, "", "run", "--no-ner", "../../seeds/")
	if code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	tmp := t.TempDir()
	run := filepath.Join(tmp, "m.jsonl")
	if err := os.WriteFile(run, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	ran, drawn := filepath.Join(tmp, "ran"), filepath.Join(tmp, "drawn")
	if code, _, stderr := runApp(t, "", "html", "--no-ner", "../../seeds/", "-o", ran); code != 0 {
		t.Fatalf("html: exit %d: %s", code, stderr)
	}
	if code, _, stderr := runApp(t, "", "html", "--from", run, "../../seeds/", "-o", drawn); code != 0 {
		t.Fatalf("html --from: exit %d: %s", code, stderr)
	}
	files, _ := filepath.Glob(filepath.Join(ran, "*", "*.html"))
	files = append(files, filepath.Join(ran, "index.html"))
	for _, f := range files {
		rel, _ := filepath.Rel(ran, f)
		a, _ := os.ReadFile(f)
		b, err := os.ReadFile(filepath.Join(drawn, rel))
		if err != nil || string(a) != string(b) {
			t.Errorf("%s differs with --from (%v)", rel, err)
		}
	}
	seeds, _ := filepath.Glob("../../seeds/*.txt")
	args := append([]string{"html", "--from", run, "-o", filepath.Join(tmp, "bad"), seeds[1], seeds[0]}, seeds[2:]...)
	if code, _, stderr := runApp(t, "", args...); code == 0 || !strings.Contains(stderr, "in its order") {
		t.Errorf("inputs out of order: exit %d, %q", code, stderr)
	}
}
