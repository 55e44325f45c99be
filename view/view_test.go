package view

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/extract-ca/extract/eval"
	"github.com/extract-ca/extract/internal/golden"
	"github.com/extract-ca/extract/output"
)

// sampleText is an invented article: markup and a script that must stay
// text, Cyrillic and an emoji so that code point and byte offsets differ.
const sampleText = "Рахмон met Aliyev in Dushanbe 🇹🇯. <script>window.__pwned=1</script> <b>bold</b> & \"quoted\"\nThe SCO said Rahmon would go to Tashkent."

// span finds the n-th occurrence (from 0) of s in sampleText and
// returns its code point offsets.
func span(t testing.TB, s string, n int) (int, int) {
	t.Helper()
	from := 0
	for {
		i := strings.Index(sampleText[from:], s)
		if i < 0 {
			t.Fatalf("%q not found", s)
		}
		if n == 0 {
			start := len([]rune(sampleText[:from+i]))
			return start, start + len([]rune(s))
		}
		n--
		from += i + len(s)
	}
}

func sampleRecord(t testing.TB) *output.Record {
	t.Helper()
	type m struct {
		text, label, entity string
		n                   int
	}
	ms := []m{
		{"Рахмон", output.LabelPerson, "person/emomali-rahmon", 0},
		{"Aliyev", output.LabelPerson, "auto/PERSON/aliyev", 0},
		{"Dushanbe", output.LabelPlace, "place/dushanbe", 0},
		{"SCO", output.LabelGroup, "group/sco", 0},
		{"Rahmon", output.LabelPerson, "person/emomali-rahmon", 0},
		{"Tashkent", output.LabelPlace, "place/tashkent", 0},
	}
	rec := &output.Record{ID: "a/<b>", Source: "corpus/a/<b>.txt", Length: len([]rune(sampleText))}
	ents := map[string]*output.Entity{}
	var order []string
	for i, x := range ms {
		start, end := span(t, x.text, x.n)
		id := "m" + string(rune('0'+i))
		rec.Mentions = append(rec.Mentions, output.Mention{ID: id, Start: start, End: end, Text: x.text, Label: x.label, Entity: x.entity, Source: output.SourceGazetteer})
		e := ents[x.entity]
		if e == nil {
			e = &output.Entity{ID: x.entity, Label: x.label, Name: x.text}
			ents[x.entity] = e
			order = append(order, x.entity)
		}
		e.Mentions = append(e.Mentions, id)
	}
	for _, id := range order {
		rec.Entities = append(rec.Entities, *ents[id])
	}
	rec.Edges = []output.Edge{
		{Source: "auto/PERSON/aliyev", Target: "person/emomali-rahmon", Relation: output.RelationSentence, Weight: 1},
		{Source: "group/sco", Target: "person/emomali-rahmon", Relation: output.RelationSentence, Weight: 1},
	}
	return rec
}

// writeSample writes a site of the sample record and an error record.
func writeSample(t testing.TB, dir string) {
	t.Helper()
	s, err := NewSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Add(sampleRecord(t), sampleText); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(&output.Record{ID: "bad", Source: "corpus/bad.txt", Error: "corpus/bad.txt: line 1, column 4: invalid UTF-8"}, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSiteGolden(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir)
	golden.Check(t, "index.html", readFile(t, filepath.Join(dir, "index.html")))
	golden.Check(t, "document.html", readFile(t, filepath.Join(dir, "docs", "0001-a__b_.html")))
	golden.Check(t, "error.html", readFile(t, filepath.Join(dir, "docs", "0002-bad.html")))
}

// TestSiteAssets: the stylesheet and script stand once at the root of
// a site and of an evaluation's pages, as embedded, and every page links
// them by a path relative to itself (the site works from file://).
func TestSiteAssets(t *testing.T) {
	site, evalDir := t.TempDir(), t.TempDir()
	writeSample(t, site)
	gold, pred, mistakes := diffSample(t)
	if err := WriteDiff(evalDir, gold, pred, mistakes); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{site, evalDir} {
		for _, name := range []string{"style.css", "view.js"} {
			want, err := assets.ReadFile("assets/" + name)
			if err != nil {
				t.Fatal(err)
			}
			if got := readFile(t, filepath.Join(dir, name)); string(got) != string(want) {
				t.Errorf("%s/%s differs from the embedded one", dir, name)
			}
		}
		pages, _ := filepath.Glob(filepath.Join(dir, "docs", "*.html"))
		pages = append(pages, filepath.Join(dir, "index.html"))
		for _, p := range pages {
			root := ""
			if filepath.Base(filepath.Dir(p)) == "docs" {
				root = "../"
			}
			page := string(readFile(t, p))
			for _, link := range []string{`<link rel="stylesheet" href="` + root + `style.css">`, `<script src="` + root + `view.js"></script>`} {
				if !strings.Contains(page, link) {
					t.Errorf("%s lacks %s", p, link)
				}
			}
			if strings.Contains(page, "<style") {
				t.Errorf("%s has a style element of its own", p)
			}
		}
	}
}

// TestDocumentEscapes checks what the golden file shows, so that a
// careless -update cannot accept unescaped article text.
func TestDocumentEscapes(t *testing.T) {
	dir := t.TempDir()
	writeSample(t, dir)
	page := string(readFile(t, filepath.Join(dir, "docs", "0001-a__b_.html")))
	if strings.Contains(page, "<script>window") || strings.Contains(page, "<b>bold") {
		t.Error("article markup is in the page unescaped")
	}
	if !strings.Contains(page, "&lt;script&gt;window.__pwned=1&lt;/script&gt;") {
		t.Error("the article's script is not shown as text")
	}
	if n := strings.Count(page, "<script"); n != 1 || !strings.Contains(page, `<script src="../view.js"></script>`) {
		t.Errorf("%d script elements, want the site's own one (../view.js)", n)
	}
	for _, want := range []string{
		`<mark class="l-person" data-label="PERSON" data-entity="person/emomali-rahmon" data-id="m0" title="PERSON person/emomali-rahmon">Рахмон</mark>`,
		`data-entity="place/tashkent" data-id="m5" title="PLACE place/tashkent">Tashkent</mark>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

func TestMarkText(t *testing.T) {
	text := []rune("ab Жд ef")
	m := func(start, end int) output.Mention {
		return output.Mention{Start: start, End: end, Label: output.LabelPlace, Entity: "e"}
	}
	tests := []struct {
		name     string
		mentions []output.Mention
		want     string // marks in [brackets]
		skipped  int
	}{
		{"none", nil, "ab Жд ef", 0},
		{"runes", []output.Mention{m(3, 5)}, "ab [Жд] ef", 0},
		{"start and end", []output.Mention{m(6, 8), m(0, 2)}, "[ab] Жд [ef]", 0},
		{"whole", []output.Mention{m(0, 8)}, "[ab Жд ef]", 0},
		{"overlap keeps the longer first", []output.Mention{m(3, 4), m(3, 5), m(4, 6)}, "ab [Жд] ef", 2},
		{"outside", []output.Mention{m(-1, 2), m(6, 9), m(5, 5), m(4, 3)}, "ab Жд ef", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs, skipped := markText(text, tt.mentions)
			var b strings.Builder
			for _, s := range segs {
				if s.Mark {
					b.WriteString("[" + s.Text + "]")
				} else {
					b.WriteString(s.Text)
				}
			}
			if b.String() != tt.want || skipped != tt.skipped {
				t.Errorf("got %q, %d skipped; want %q, %d", b.String(), skipped, tt.want, tt.skipped)
			}
		})
	}
}

func TestPageName(t *testing.T) {
	for _, tt := range []struct {
		n        int
		id, want string
	}{
		{1, "x/a", "0001-x_a.html"},
		{12, "../../etc/passwd", "0012-_.._etc_passwd.html"},
		{3, "Рахмон", "0003-______.html"},
		{4, strings.Repeat("a", 100), "0004-" + strings.Repeat("a", 60) + ".html"},
	} {
		if got := pageName(tt.n, tt.id); got != tt.want {
			t.Errorf("pageName(%d, %q) = %q, want %q", tt.n, tt.id, got, tt.want)
		}
	}
}

// diffSample is a gold document and a prediction with one of each kind.
func diffSample(t testing.TB) ([]eval.Document, []eval.Document, []eval.Mistake) {
	t.Helper()
	sp := func(s string, n int, label string) eval.Span {
		start, end := span(t, s, n)
		return eval.Span{Start: start, End: end, Label: label}
	}
	gold := []eval.Document{{ID: "a/<b>", Text: sampleText, Spans: []eval.Span{
		sp("Рахмон", 0, "PERSON"),  // correct
		sp("Aliyev", 0, "PERSON"),  // missed
		sp("Dushanbe", 0, "PLACE"), // wrong label
		sp("The SCO", 0, "GROUP"),  // wrong span
		sp("Tashkent", 0, "PLACE"), // correct
	}}}
	pred := []eval.Document{{ID: "a/<b>", Text: sampleText, Spans: []eval.Span{
		sp("Рахмон", 0, "PERSON"),
		sp("Dushanbe", 0, "GROUP"),
		sp("SCO", 0, "GROUP"),
		sp("Rahmon", 0, "PERSON"), // spurious
		sp("Tashkent", 0, "PLACE"),
	}}}
	rep := eval.Score(gold, pred)
	return gold, pred, rep.Errors
}

func TestDiffGolden(t *testing.T) {
	gold, pred, mistakes := diffSample(t)
	dir := t.TempDir()
	if err := WriteDiff(dir, gold, pred, mistakes); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "diff-index.html", readFile(t, filepath.Join(dir, "index.html")))
	page := readFile(t, filepath.Join(dir, "docs", "0001-a__b_.html"))
	golden.Check(t, "diff-document.html", page)
	for _, kind := range []string{"correct", "missed", "spurious", "wrong-label", "wrong-span"} {
		if !strings.Contains(string(page), `<mark class="diff k-`+kind+`"`) {
			t.Errorf("no %s mark", kind)
		}
	}
}

// TestDiffBadSpans: spans outside the text are counted, not drawn, and
// nothing panics; a gold document without prediction is all missed.
func TestDiffBadSpans(t *testing.T) {
	gold := []eval.Document{{ID: "x", Text: "short", Spans: []eval.Span{{Start: 2, End: 40, Label: "PLACE"}, {Start: 0, End: 2, Label: "PLACE"}}}}
	mistakes := []eval.Mistake{
		{Doc: "x", Kind: eval.KindMissed, Gold: &eval.MentionText{Start: 2, End: 40, Label: "PLACE"}},
		{Doc: "x", Kind: eval.KindMissed, Gold: &eval.MentionText{Start: 0, End: 2, Label: "PLACE"}},
	}
	p := diffDocument(gold[0], nil, mistakes)
	if p.Skipped != 1 || p.Error == "" {
		t.Errorf("skipped %d, error %q", p.Skipped, p.Error)
	}
	if len(p.Regions) != 2 || !p.Regions[0].Mark || p.Regions[1].Text != "ort" {
		t.Errorf("regions %+v", p.Regions)
	}
}

// TestLegendCountsDrawnMentions: a mention the page cannot draw (outside
// the text, or inside another) is not in the legend's counts either.
func TestLegendCountsDrawnMentions(t *testing.T) {
	rec := &output.Record{ID: "d", Mentions: []output.Mention{
		{ID: "m0", Start: 0, End: 3, Text: "Osh", Label: "PLACE"},
		{ID: "m1", Start: 1, End: 2, Text: "s", Label: "PLACE"},       // inside m0
		{ID: "m2", Start: 8, End: 40, Text: "Batken", Label: "PLACE"}, // past the end
		{ID: "m3", Start: 8, End: 14, Text: "Batken", Label: "PLACE"},
	}}
	var b strings.Builder
	if err := WriteDocument(&b, rec, "Osh and Batken", "../"); err != nil {
		t.Fatal(err)
	}
	if want := `PLACE <span class="count">2</span>`; !strings.Contains(b.String(), want) {
		t.Errorf("legend does not say %s:\n%s", want, b.String())
	}
}
