package view

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/extract-ca/extract/eval"
	"github.com/extract-ca/extract/output"
)

// FuzzWriteDocument: any text and any offsets give a page without a
// panic, and no markup from the text or a mention reaches the page.
func FuzzWriteDocument(f *testing.F) {
	f.Add("Рахмон met <script>x()</script> in Dushanbe", 0, 6, 24, 32, "person/a")
	f.Add("", 0, 0, -1, 5, "")
	f.Add("a\x00b\"c'd<e>&", 1, 3, 2, 9, `"><i>`)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int, entity string) {
		if !utf8.ValidString(text) || !utf8.ValidString(entity) {
			t.Skip() // records and texts are UTF-8 (the batch contract)
		}
		rec := &output.Record{ID: entity, Source: text, Mentions: []output.Mention{
			{ID: "m0", Start: s1, End: e1, Label: "PLACE", Entity: entity},
			{ID: "m1", Start: s2, End: e2, Label: text, Entity: text},
		}, Entities: []output.Entity{{ID: entity, Name: text, Label: "PLACE"}}}
		var b bytes.Buffer
		if err := WriteDocument(&b, rec, text, "../"); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(b.String(), "<script"); n != 1 {
			t.Errorf("%d script tags", n)
		}
		if strings.Contains(text, "<") && strings.Count(b.String(), "<mark") > 2 {
			t.Error("more marks than mentions")
		}
	})
}

// FuzzDiffDocument: any spans and mistakes, however they disagree with
// the text or each other, give a page without a panic.
func FuzzDiffDocument(f *testing.F) {
	f.Add("The SCO met in Dushanbe", 0, 7, 4, 7, 15, 23, 15, 40)
	f.Add("", -1, 2, 0, 0, 3, 1, 5, 5)
	f.Fuzz(func(t *testing.T, text string, gs, ge, ps, pe, g2s, g2e, p2s, p2e int) {
		if !utf8.ValidString(text) {
			t.Skip()
		}
		gold := eval.Document{ID: "d", Text: text, Spans: []eval.Span{{Start: gs, End: ge, Label: "GROUP"}, {Start: g2s, End: g2e, Label: "PLACE"}}}
		pred := eval.Document{ID: "d", Text: text, Spans: []eval.Span{{Start: ps, End: pe, Label: "GROUP"}, {Start: p2s, End: p2e, Label: "PERSON"}}}
		mt := func(s, e int, l string) *eval.MentionText { return &eval.MentionText{Start: s, End: e, Label: l} }
		mistakes := []eval.Mistake{
			{Doc: "d", Kind: eval.KindWrongSpan, Gold: mt(gs, ge, "GROUP"), Pred: mt(ps, pe, "GROUP")},
			{Doc: "d", Kind: eval.KindWrongLabel, Gold: mt(g2s, g2e, "PLACE"), Pred: mt(p2s, p2e, "PERSON")},
			{Doc: "d", Kind: eval.KindMissed, Gold: mt(g2s, g2e, "PLACE")},
			{Doc: "d", Kind: eval.KindSpurious, Pred: mt(p2s, p2e, "PERSON")},
			{Doc: "d", Kind: "odd"},
		}
		p := diffDocument(gold, &pred, mistakes)
		var b bytes.Buffer
		if err := templates.ExecuteTemplate(&b, "diff", p); err != nil {
			t.Fatal(err)
		}
		// Every code point of the text is on the page once, in order.
		var got strings.Builder
		for _, r := range p.Regions {
			got.WriteString(r.Text)
			for _, part := range r.Parts {
				got.WriteString(part.Text)
			}
		}
		if got.String() != text {
			t.Errorf("page text %q, want %q", got.String(), text)
		}
	})
}
