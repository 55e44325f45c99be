package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/kljensen/snowball/english"

	"github.com/extract-ca/extract/wordlist"
)

// TestWordListsDoNotRepeat keeps the lists resolve refuses words by free of
// one another's words: resolve refuses a word of demonyms, titles,
// not-names or org-heads wherever it stands, and a stop word too, so
// sentence-start and not-names need not (and should not) repeat them.
func TestWordListsDoNotRepeat(t *testing.T) {
	lists := defaultWords()
	always := map[string]map[string]bool{"demonyms": lists.demonyms, "titles": lists.titles, "org-heads": lists.orgHeads}
	for w := range lists.notNames {
		for name, set := range always {
			if set[w] {
				t.Errorf("not-names repeats %q of %s", w, name)
			}
		}
	}
	always["not-names"] = lists.notNames
	for w := range lists.commonWords {
		if english.IsStopWord(w) {
			t.Errorf("sentence-start repeats the stop word %q", w)
		}
		for name, set := range always {
			if set[w] {
				t.Errorf("sentence-start repeats %q of %s", w, name)
			}
		}
	}
}

// TestReplacedWordlists: a list replaced through Config.Wordlists changes
// what the rules find, and only the pipeline built with it.
func TestReplacedWordlists(t *testing.T) {
	tests := []struct {
		list, add string // the embedded list with add appended replaces list
		ner       bool
		text      string
		before    []string // mentions with the embedded lists: "start end text label entity"
		after     []string // with the replaced list
	}{
		{"titles", "ataman", true, "Ataman Ivan Petrov spoke in Osh on Monday.",
			[]string{"0 18 Ataman Ivan Petrov PERSON auto/person/ataman-ivan-petrov", "28 31 Osh PLACE place/osh"},
			[]string{"7 18 Ivan Petrov PERSON auto/person/ivan-petrov", "28 31 Osh PLACE place/osh"}},
		{"org-heads", "guild\nbrotherhood", false, "The Osh Weavers Guild met the Ferghana Brotherhood.",
			[]string{"4 7 Osh PLACE place/osh", "30 38 Ferghana PLACE place/fergana"},
			[]string{"4 21 Osh Weavers Guild GROUP auto/group/osh-weavers-guild", "30 50 Ferghana Brotherhood GROUP auto/group/ferghana-brotherhood"}},
		{"top-level-domains", "", false, "Read Steppenews.kz and Talas.news.",
			[]string{"5 18 Steppenews.kz GROUP auto/group/steppenews-kz", "23 33 Talas.news GROUP auto/group/talas-news"},
			[]string{"23 28 Talas PLACE place/talas"}},
		{"work-cues", "pamphlet", false, "She wrote the pamphlet “Osh After the Flood” in Bishkek.",
			[]string{"24 27 Osh PLACE place/osh", "48 55 Bishkek PLACE place/bishkek"},
			[]string{"48 55 Bishkek PLACE place/bishkek"}},
		// A bare name shared by a town and the area named after it is the
		// town by seat-kinds; emptied, the first entry (the province) stays.
		{"seat-kinds", "", false, "Clashes broke out in Kunduz on Monday.",
			[]string{"21 27 Kunduz PLACE place/kunduz"},
			[]string{"21 27 Kunduz PLACE place/kunduz-province"}},
	}
	for _, tt := range tests {
		t.Run(tt.list, func(t *testing.T) {
			dir := t.TempDir()
			text := ""
			if tt.add != "" {
				// Add to the embedded list; an empty add empties it.
				var err error
				if text, err = wordlist.Text(tt.list); err != nil {
					t.Fatal(err)
				}
				text += tt.add + "\n"
			}
			if err := os.WriteFile(filepath.Join(dir, tt.list+".txt"), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			lists, err := wordlist.Load(dir, Wordlists()...)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				lists *wordlist.Lists
				want  []string
			}{{nil, tt.before}, {lists, tt.after}} {
				p, err := New(Config{NER: tt.ner, Wordlists: c.lists})
				if err != nil {
					t.Fatal(err)
				}
				rec, err := p.Record("d", "", tt.text)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, m := range rec.Mentions {
					got = append(got, fmt.Sprint(m.Start, " ", m.End, " ", m.Text, " ", m.Label, " ", m.Entity))
				}
				if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
					t.Errorf("replaced %v:\n%s\nwant\n%s", c.lists != nil, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
				}
			}
		})
	}
}

// TestSentenceSplitterWordlists: the splitter extract train uses reads the
// abbreviations of its lists.
func TestSentenceSplitterWordlists(t *testing.T) {
	dir := t.TempDir()
	text, _ := wordlist.Text("abbreviations")
	os.WriteFile(filepath.Join(dir, "abbreviations.txt"), []byte(text+"cmdr\n"), 0o644)
	lists, err := wordlist.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	const doc = "We met Cmdr. Smith there. He left."
	for _, c := range []struct {
		lists *wordlist.Lists
		want  string
	}{{nil, "[[0 12] [13 25] [26 34]]"}, {lists, "[[0 25] [26 34]]"}} {
		if got := fmt.Sprint(SentenceRanges(NewSentenceSplitter(c.lists).Segment(doc))); got != c.want {
			t.Errorf("replaced %v: %s, want %s", c.lists != nil, got, c.want)
		}
	}
}

func TestWordlists(t *testing.T) {
	names := Wordlists()
	if !slices.IsSorted(names) || !slices.Contains(names, "titles") || !slices.Contains(names, "kinds-after") {
		t.Errorf("Wordlists() = %v", names)
	}
	// The importer's lists are no part of the pipeline: a Lists that
	// replaces one is refused rather than silently ignored.
	if slices.Contains(names, "company-words") {
		t.Fatal("company-words is read by gazetteer import only")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "company-words.txt"), []byte("llc\n"), 0o644)
	lists, err := wordlist.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := New(Config{Wordlists: lists}); err == nil || !strings.Contains(err.Error(), "company-words") {
		t.Errorf("New with company-words replaced: %v", err)
	}
}

// TestCueIndex checks the works stage's lookup of cue words, with the
// shapes that spare most tokens the map: it must answer as the map does
// after lower-casing.
func TestCueIndex(t *testing.T) {
	c := cueWords(map[string]bool{"report": true, "author of": true, "étude": true})
	for _, tt := range []struct {
		word string
		want uint8
	}{
		{"report", cueWord}, {"Report", cueWord}, {"REPORT", cueWord},
		{"of", cueEnd}, {"Of", cueEnd}, {"author", 0},
		{"the", 0}, {"reports", 0}, {"repor", 0}, {"", 0}, {"r", 0},
		{"Étude", cueWord}, {"étude", cueWord}, {"etude", 0},
		{strings.Repeat("report", 6), 0},
	} {
		if got := c.lookup(tt.word); got != tt.want {
			t.Errorf("lookup(%q) = %d, want %d", tt.word, got, tt.want)
		}
	}
}
