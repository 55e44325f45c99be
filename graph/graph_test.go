package graph

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/fileerr"
	"github.com/extract-ca/extract/output"
)

func readSmall(t testing.TB, o Options) (*Builder, *Graph) {
	t.Helper()
	f, err := os.Open("testdata/small.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := NewBuilder(o)
	if err := b.AddAll(f); err != nil {
		t.Fatal(err)
	}
	return b, b.Graph()
}

// describe writes a graph in one line per element, for exact comparison.
func describe(g *Graph) string {
	var s []string
	for _, n := range g.Nodes {
		s = append(s, fmt.Sprintf("node %s %s %q kind=%q country=%q parent=%q docs=%d mentions=%d forms=%q",
			n.ID, n.Label, n.Name, n.Kind, n.Country, n.Parent, n.Documents, n.Mentions, n.Forms))
	}
	for _, e := range g.Edges {
		s = append(s, fmt.Sprintf("edge %s %s sentences=%d docs=%d", e.Source, e.Target, e.Sentences, e.Documents))
	}
	for _, d := range g.Documents {
		s = append(s, fmt.Sprintf("doc %s %s mentions=%d", d.ID, d.Source, d.Mentions))
	}
	for _, m := range g.Mentions {
		s = append(s, fmt.Sprintf("mentions %s %s %d", m.Document, m.Entity, m.Count))
	}
	return strings.Join(s, "\n")
}

func TestAggregate(t *testing.T) {
	lookup := func(id string) (Known, bool) {
		if id == "place/dushanbe" {
			return Known{Name: "Dushanbe", Kind: "capital", Country: "TJ", Parent: "place/tajikistan"}, true
		}
		return Known{}, false
	}
	const (
		nodeAB      = `node auto/group/a-b GROUP "A & <B>" kind="" country="" parent="" docs=1 mentions=1 forms=["A & <B>"]`
		nodeNur     = `node auto/group/nur-group GROUP "\"Nur\" Group" kind="" country="" parent="" docs=1 mentions=1 forms=["\"Nur\" Group"]`
		nodeRahmon  = `node person/emomali-rahmon PERSON "Emomali Rahmon" kind="head of state" country="" parent="" docs=2 mentions=3 forms=["Rahmon" "Rakhmon"]`
		nodeDushbe  = `node place/dushanbe PLACE "Dushanbe" kind="city" country="" parent="" docs=2 mentions=3 forms=["Dushanbe"]`
		nodeDushbeK = `node place/dushanbe PLACE "Dushanbe" kind="capital" country="TJ" parent="place/tajikistan" docs=2 mentions=3 forms=["Dushanbe"]`
		edgeABR     = `edge auto/group/a-b person/emomali-rahmon sentences=1 docs=1`
		edgeABD     = `edge auto/group/a-b place/dushanbe sentences=1 docs=1`
		edgeNurR    = `edge auto/group/nur-group person/emomali-rahmon sentences=1 docs=1`
		edgeNurD    = `edge auto/group/nur-group place/dushanbe sentences=1 docs=1`
		edgeRD      = `edge person/emomali-rahmon place/dushanbe sentences=3 docs=2`
	)
	tests := []struct {
		name string
		opts Options
		want []string
	}{
		// The "document" edge of record c (an older run) adds nothing:
		// nur-group and Rahmon share one sentence.
		{"all", Options{}, []string{nodeAB, nodeNur, nodeRahmon, nodeDushbe, edgeABR, edgeABD, edgeNurR, edgeNurD, edgeRD}},
		{"gazetteer facts", Options{Lookup: lookup}, []string{nodeAB, nodeNur, nodeRahmon, nodeDushbeK, edgeABR, edgeABD, edgeNurR, edgeNurD, edgeRD}},
		{"min weight 2", Options{MinWeight: 2}, []string{nodeAB, nodeNur, nodeRahmon, nodeDushbe, edgeRD}},
		{"min weight 4", Options{MinWeight: 4}, []string{nodeAB, nodeNur, nodeRahmon, nodeDushbe}},
		{"labels", Options{Labels: []string{"PERSON", "PLACE"}}, []string{nodeRahmon, nodeDushbe, edgeRD}},
		{"documents", Options{Documents: true}, []string{nodeAB, nodeNur, nodeRahmon, nodeDushbe, edgeABR, edgeABD, edgeNurR, edgeNurD, edgeRD,
			"doc a a.txt mentions=5", "doc c c.txt mentions=3",
			"mentions a auto/group/a-b 1", "mentions a person/emomali-rahmon 2", "mentions a place/dushanbe 2",
			"mentions c auto/group/nur-group 1", "mentions c person/emomali-rahmon 1", "mentions c place/dushanbe 1"}},
		// A document naming none of the kept entities is left out.
		{"documents of one label", Options{Documents: true, Labels: []string{"GROUP"}}, []string{nodeAB, nodeNur,
			"doc a a.txt mentions=1", "doc c c.txt mentions=1",
			"mentions a auto/group/a-b 1", "mentions c auto/group/nur-group 1"}},
		{"documents, persons", Options{Documents: true, Labels: []string{"PERSON"}}, []string{nodeRahmon,
			"doc a a.txt mentions=2", "doc c c.txt mentions=1",
			"mentions a person/emomali-rahmon 2", "mentions c person/emomali-rahmon 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, g := readSmall(t, tt.opts)
			if got, want := describe(g), strings.Join(tt.want, "\n"); got != want {
				t.Errorf("\ngot:\n%s\nwant:\n%s", got, want)
			}
			if b.Records() != 3 || b.Skipped() != 1 {
				t.Errorf("records %d, skipped %d; want 3 and 1", b.Records(), b.Skipped())
			}
		})
	}
}

// The same records in another order give the same graph, and a name given
// by more documents wins over the first one seen.
func TestOrderAndName(t *testing.T) {
	rec := func(id, name string) *output.Record {
		return &output.Record{ID: id,
			Mentions: []output.Mention{{ID: "m0", Text: name, Label: "GROUP", Entity: "auto/group/x"}},
			Entities: []output.Entity{{ID: "auto/group/x", Label: "GROUP", Name: name, Mentions: []string{"m0"}}}}
	}
	var got []string
	for _, order := range [][]string{{"X Corp", "X corp", "X corp"}, {"X corp", "X Corp", "X corp"}} {
		b := NewBuilder(Options{})
		for i, name := range order {
			if err := b.Add(rec(fmt.Sprint(i), name)); err != nil {
				t.Fatal(err)
			}
		}
		got = append(got, describe(b.Graph()))
	}
	want := `node auto/group/x GROUP "X corp" kind="" country="" parent="" docs=3 mentions=3 forms=["X Corp" "X corp"]`
	if got[0] != want || got[1] != want {
		t.Errorf("\ngot:\n%s\n%s\nwant:\n%s", got[0], got[1], want)
	}
}

func TestDuplicateDocument(t *testing.T) {
	b := NewBuilder(Options{Documents: true})
	r := &output.Record{ID: "a"}
	if err := b.Add(r); err != nil {
		t.Fatal(err)
	}
	if err := b.Add(r); err == nil || !strings.Contains(err.Error(), `"a" appears twice`) {
		t.Errorf("err = %v, want a duplicate id error", err)
	}
	// Without document nodes, ids need not be unique: nothing is kept per document.
	b = NewBuilder(Options{})
	if b.Add(r) != nil || b.Add(r) != nil {
		t.Error("duplicate ids refused without Documents")
	}
}

// Malformed records (edges to themselves, zero weights, missing ids) add
// no edge and do not stop the builder.
func TestMalformedRecord(t *testing.T) {
	b := NewBuilder(Options{})
	err := b.Add(&output.Record{ID: "a",
		Mentions: []output.Mention{{Entity: ""}, {Entity: "x", Label: "PLACE", Text: "X"}},
		Entities: []output.Entity{{ID: ""}},
		Edges: []output.Edge{{Source: "x", Target: "x", Relation: "sentence", Weight: 1},
			{Source: "x", Target: "y", Relation: "sentence", Weight: 0},
			{Source: "", Target: "y", Relation: "sentence", Weight: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	g := b.Graph()
	if len(g.Nodes) != 1 || len(g.Edges) != 0 {
		t.Errorf("got %s", describe(g))
	}
}

func TestAddAllError(t *testing.T) {
	b := NewBuilder(Options{})
	err := b.AddAll(strings.NewReader(`{"id":"a"}` + "\n{bad\n"))
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("err = %v, want one on line 2", err)
	}
}

// AddEach hands each line it cannot add to bad, with its line, and goes
// on while bad says so; the records around it count.
func TestAddEach(t *testing.T) {
	src := `{"id":"a","mentions":[{"id":"m0","text":"Osh","label":"PLACE","entity":"place/osh","sentence":0}],"entities":[{"id":"place/osh","label":"PLACE","name":"Osh","mentions":["m0"]}]}
{bad

{"id":"b","mentions":[{"id":"m0","text":"Osh","label":"PLACE","entity":"place/osh","sentence":0}],"entities":[{"id":"place/osh","label":"PLACE","name":"Osh","mentions":["m0"]}]}
{"id":"a"}
{"id":"c","mentio`
	b := NewBuilder(Options{Documents: true}) // a repeated document is refused
	var lines []string
	b.AddEach(strings.NewReader(src), func(pe *fileerr.ParseError) bool {
		lines = append(lines, fmt.Sprint(pe.Line))
		return true
	})
	if got := strings.Join(lines, " "); got != "2 5 6" {
		t.Errorf("bad lines %s, want 2 5 6", got)
	}
	if g := b.Graph(); b.Records() != 2 || len(g.Nodes) != 1 || g.Nodes[0].Documents != 2 {
		t.Errorf("%d records: %s", b.Records(), describe(g))
	}

	// Stopping at the first bad line leaves the records after it out.
	b = NewBuilder(Options{})
	b.AddEach(strings.NewReader(src), func(*fileerr.ParseError) bool { return false })
	if b.Records() != 1 {
		t.Errorf("stopped at line 2, yet %d records", b.Records())
	}
}

// variantRecords are three documents whose entities the graph merges by
// key (spellings of one unknown name) or keeps apart (an ambiguous body
// per document, another label, a gazetteer id).
func variantRecords() []*output.Record {
	type ent struct{ id, label, name, key, text string }
	rec := func(doc string, ents []ent, edges ...[2]string) *output.Record {
		r := &output.Record{ID: doc, Source: doc + ".txt"}
		for i, e := range ents {
			mid := fmt.Sprint("m", i)
			r.Mentions = append(r.Mentions, output.Mention{ID: mid, Text: e.text, Label: e.label, Entity: e.id})
			r.Entities = append(r.Entities, output.Entity{ID: e.id, Label: e.label, Name: e.name, Key: e.key, Mentions: []string{mid}})
		}
		for _, e := range edges {
			r.Edges = append(r.Edges, output.Edge{Source: e[0], Target: e[1], Relation: output.RelationSentence, Weight: 1})
		}
		return r
	}
	court := ent{"ambiguous/group/supreme-court", "GROUP", "Supreme Court", "", "Supreme Court"}
	return []*output.Record{
		rec("d1", []ent{{"auto/person/kholmurodov", "PERSON", "Kholmurodov", "holmurodov", "Kholmurodov"}, court,
			{"place/osh", "PLACE", "Osh", "", "Osh"}},
			[2]string{"auto/person/kholmurodov", "place/osh"}, [2]string{"ambiguous/group/supreme-court", "place/osh"}),
		rec("d2", []ent{{"auto/person/holmurodov", "PERSON", "Holmurodov", "holmurodov", "Holmurodov"}, court},
			[2]string{"ambiguous/group/supreme-court", "auto/person/holmurodov"}),
		rec("d3", []ent{{"auto/person/holmurodov", "PERSON", "Holmurodov", "holmurodov", "Holmurodov"},
			{"auto/place/holmurodov", "PLACE", "Holmurodov", "holmurodov", "Holmurodov"},
			{"person/x", "PERSON", "X Holmurodov", "holmurodov", "X Holmurodov"},
			{"auto/group/nur-grupp", "GROUP", "Nur Grupp", "nur grup", "Nur Grupp"},
			{"auto/group/nur-grup", "GROUP", "Nur Grup", "nur grup", "Nur Grup"}},
			[2]string{"auto/group/nur-grup", "auto/group/nur-grupp"}),
		// A key that is not the id's is not believed: the id decides.
		rec("d4", []ent{{"auto/person/holmurodov", "PERSON", "Holmurodov", "something else", "Holmurodov"}}),
	}
}

// Auto entities of one label and key are one node across documents, with
// the id most documents gave; gazetteer ids are never merged by key; an
// ambiguous entity is a node of its document.
func TestMergeByKey(t *testing.T) {
	want := strings.Join([]string{
		`node ambiguous/group/supreme-court@d1 GROUP "Supreme Court" kind="" country="" parent="" docs=1 mentions=1 forms=["Supreme Court"]`,
		`node ambiguous/group/supreme-court@d2 GROUP "Supreme Court" kind="" country="" parent="" docs=1 mentions=1 forms=["Supreme Court"]`,
		// Two ids in one document, one each: the smaller.
		`node auto/group/nur-grup GROUP "Nur Grup" kind="" country="" parent="" docs=1 mentions=2 forms=["Nur Grup" "Nur Grupp"]`,
		// holmurodov in three documents, kholmurodov in one.
		`node auto/person/holmurodov PERSON "Holmurodov" kind="" country="" parent="" docs=4 mentions=4 forms=["Holmurodov" "Kholmurodov"]`,
		`node auto/place/holmurodov PLACE "Holmurodov" kind="" country="" parent="" docs=1 mentions=1 forms=["Holmurodov"]`,
		`node person/x PERSON "X Holmurodov" kind="" country="" parent="" docs=1 mentions=1 forms=["X Holmurodov"]`,
		`node place/osh PLACE "Osh" kind="" country="" parent="" docs=1 mentions=1 forms=["Osh"]`,
		// Nur Group's edge to Nur Grup is none: they are one node.
		`edge ambiguous/group/supreme-court@d1 place/osh sentences=1 docs=1`,
		`edge ambiguous/group/supreme-court@d2 auto/person/holmurodov sentences=1 docs=1`,
		`edge auto/person/holmurodov place/osh sentences=1 docs=1`,
	}, "\n")
	recs := variantRecords()
	for _, order := range [][]int{{0, 1, 2, 3}, {3, 2, 1, 0}, {1, 3, 2, 0}} {
		b := NewBuilder(Options{})
		for _, i := range order {
			if err := b.Add(recs[i]); err != nil {
				t.Fatal(err)
			}
		}
		if got := describe(b.Graph()); got != want {
			t.Errorf("order %v:\ngot:\n%s\nwant:\n%s", order, got, want)
		}
	}
	// Document nodes name the merged node by its id.
	b := NewBuilder(Options{Documents: true, Labels: []string{"PERSON"}})
	for _, r := range recs {
		if err := b.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	var ms []string
	for _, m := range b.Graph().Mentions {
		ms = append(ms, fmt.Sprintf("%s %s %d", m.Document, m.Entity, m.Count))
	}
	if got, want := strings.Join(ms, "; "), "d1 auto/person/holmurodov 1; d2 auto/person/holmurodov 1; d3 auto/person/holmurodov 1; d3 person/x 1; d4 auto/person/holmurodov 1"; got != want {
		t.Errorf("mentions edges:\ngot  %s\nwant %s", got, want)
	}
}
