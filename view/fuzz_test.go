package view

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

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
		if err := WriteDocument(&b, rec, text, "../index.html"); err != nil {
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
