package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// These tests read the outside NER sets in ../shared/external/ner, which
// live beside the repository (not in it) and are for measuring only. They
// are skipped where the directory is absent.
var externalNER = filepath.Join("..", "..", "shared", "external", "ner")

func externalFile(t *testing.T, parts ...string) string {
	t.Helper()
	path := filepath.Join(append([]string{externalNER}, parts...)...)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("outside NER set not available: %v", err)
	}
	return path
}

func countLabels(docs []Document) map[string]int {
	n := map[string]int{}
	for _, d := range docs {
		for _, s := range d.Spans {
			n[s.Label]++
			n["all"]++
		}
	}
	return n
}

// TestWikiGold checks the IOB1 reading against the counts published with
// the set: 3,558 entities (LOC 1014, PER 934, ORG 898, MISC 712).
func TestWikiGold(t *testing.T) {
	path := externalFile(t, "wikigold", "wikigold.conll.txt")
	docs, err := ReadFile(path, FormatCoNLL, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := countLabels(docs)
	if got["PERSON"] != 934 || got["PLACE"] != 1014 || got["GROUP"] != 898 {
		t.Errorf("got %v, want PERSON 934, PLACE 1014, GROUP 898", got)
	}
	// 145 -DOCSTART- lines, the first document has none, the last one is
	// followed by nothing.
	if len(docs) != 145 {
		t.Errorf("got %d documents, want 145", len(docs))
	}
	withMISC := map[string]string{"PER": "PERSON", "LOC": "PLACE", "ORG": "GROUP", "MISC": "GROUP"}
	docs, err = ReadFile(path, FormatCoNLL, withMISC)
	if err != nil {
		t.Fatal(err)
	}
	if got := countLabels(docs)["all"]; got != 3558 {
		t.Errorf("got %d entities with MISC kept, want 3558", got)
	}
}

// TestWNUT17 checks the tab-separated IOB2 reading: 1,079 entities, of
// which person 429, location 150, group 165 and corporation 66 are kept.
func TestWNUT17(t *testing.T) {
	path := externalFile(t, "wnut17", "emerging.test.annotated")
	all := map[string]string{"person": "PERSON", "location": "PLACE", "group": "GROUP", "corporation": "GROUP", "product": "GROUP", "creative-work": "GROUP"}
	docs, err := ReadFile(path, FormatCoNLL, all)
	if err != nil {
		t.Fatal(err)
	}
	if got := countLabels(docs)["all"]; got != 1079 {
		t.Errorf("got %d entities, want 1079", got)
	}
	// 1,287 posts and no -DOCSTART-: 26 documents of up to 50 posts.
	if len(docs) != 26 {
		t.Errorf("got %d documents, want 26", len(docs))
	}
	docs, err = ReadFile(path, FormatCoNLL, WNUTLabelMap())
	if err != nil {
		t.Fatal(err)
	}
	if got := countLabels(docs); got["PERSON"] != 429 || got["PLACE"] != 150 || got["GROUP"] != 165+66 {
		t.Errorf("got %v, want PERSON 429, PLACE 150, GROUP 231", got)
	}
}

// TestGMB checks that the truncated GMB copy reads as whole sentences: it
// stops in the middle of sentence 8301, which is dropped, leaving 8,300
// sentences in 415 documents of 20.
func TestGMB(t *testing.T) {
	path := externalFile(t, "gmb", "ner_dataset.csv")
	docs, err := ReadFile(path, "", GMBLabelMap())
	if err != nil {
		t.Fatal(err)
	}
	sentences := 0
	for _, d := range docs {
		sentences += strings.Count(d.Text, "\n") + 1
	}
	if sentences != 8300 || len(docs) != 415 {
		t.Errorf("got %d sentences in %d documents, want 8300 in 415", sentences, len(docs))
	}
	last := docs[len(docs)-1].Text
	if want := "But Russia and China favor less stringent sanctions ."; !strings.HasSuffix(last, want) {
		t.Errorf("last document ends %q, want %q", last[max(0, len(last)-80):], want)
	}
	if strings.Contains(last, "defied") {
		t.Error("the cut sentence 8301 was kept")
	}
}
