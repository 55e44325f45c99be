package graph

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/golden"
)

// goldenName is the file under testdata/ for each stream format.
var goldenName = map[string]string{"graphml": "small.graphml", "gexf": "small.gexf", "nodelink": "small.nodelink.json"}

func TestGolden(t *testing.T) {
	_, g := readSmall(t, Options{Documents: true})
	for _, format := range []string{"graphml", "gexf", "nodelink"} {
		var buf bytes.Buffer
		if err := Write(&buf, format, g); err != nil {
			t.Fatal(err)
		}
		golden.Check(t, goldenName[format], buf.Bytes())
	}
	dir := t.TempDir()
	if err := WriteNeo4j(dir, g); err != nil {
		t.Fatal(err)
	}
	for _, f := range neo4jFiles {
		b, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, "neo4j/"+f.Name, b)
	}
}

// neo4jHeader is one field of a neo4j-admin import header: a property
// name with an optional type, or one of the special fields, optionally
// with an id space in parentheses.
var neo4jHeader = regexp.MustCompile(`^([A-Za-z_][A-Za-z0-9_]*)?(:(ID|LABEL|START_ID|END_ID|TYPE|IGNORE|int|long|float|double|boolean|byte|short|char|string|point|date|localtime|time|localdatetime|datetime|duration)(\[\])?(\([A-Za-z0-9_]+\))?)?$`)

// TestNeo4jFormat checks the CSV files against the import format: node
// files have one :ID and a :LABEL column, relationship files :START_ID,
// :END_ID and :TYPE; every row has the header's width; every relationship
// joins two node ids of the node files; ids are unique.
func TestNeo4jFormat(t *testing.T) {
	_, g := readSmall(t, Options{Documents: true})
	dir := t.TempDir()
	if err := WriteNeo4j(dir, g); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	rels := 0
	for _, f := range neo4jFiles {
		rows := readCSV(t, filepath.Join(dir, f.Name))
		header := rows[0]
		if !slices.Equal(header, f.Header) {
			t.Errorf("%s: header %q, want %q", f.Name, header, f.Header)
		}
		col := map[string]int{}
		for i, h := range header {
			if !neo4jHeader.MatchString(h) {
				t.Errorf("%s: header field %q is not in the import format", f.Name, h)
			}
			if k := strings.LastIndex(h, ":"); k >= 0 {
				col[h[k:]] = i
			}
		}
		_, isNode := col[":ID"]
		for _, need := range map[bool][]string{true: {":ID", ":LABEL"}, false: {":START_ID", ":END_ID", ":TYPE"}}[isNode] {
			if _, ok := col[need]; !ok {
				t.Errorf("%s: no %s column", f.Name, need)
			}
		}
		for _, row := range rows[1:] {
			if len(row) != len(header) {
				t.Errorf("%s: row %q has %d fields, header %d", f.Name, row, len(row), len(header))
				continue
			}
			if isNode {
				id := row[col[":ID"]]
				if ids[id] {
					t.Errorf("%s: id %q twice", f.Name, id)
				}
				ids[id] = true
				if row[col[":LABEL"]] == "" {
					t.Errorf("%s: %q has no label", f.Name, id)
				}
				continue
			}
			rels++
			for _, c := range []string{":START_ID", ":END_ID"} {
				if !ids[row[col[c]]] {
					t.Errorf("%s: %s %q is no node", f.Name, c, row[col[c]])
				}
			}
		}
	}
	if len(ids) != len(g.Nodes)+len(g.Documents) || rels != len(g.Edges)+len(g.Mentions) {
		t.Errorf("%d nodes and %d relationships, want %d and %d", len(ids), rels, len(g.Nodes)+len(g.Documents), len(g.Edges)+len(g.Mentions))
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(rows) == 0 {
		t.Fatalf("%s: no header", path)
	}
	return rows
}

// networkxCounts is run by python3: it loads each export as networkx reads
// it and prints "format nodes edges".
const networkxCounts = `
import json, sys
import networkx as nx
d = sys.argv[1]
g = nx.read_graphml(d + "/g.graphml"); print("graphml", g.number_of_nodes(), g.number_of_edges())
g = nx.read_gexf(d + "/g.gexf"); print("gexf", g.number_of_nodes(), g.number_of_edges())
with open(d + "/g.json") as f:
    g = nx.node_link_graph(json.load(f), edges="edges")
print("nodelink", g.number_of_nodes(), g.number_of_edges())
`

// TestNetworkx loads the exports with networkx. It needs python3 and
// networkx (.ci/run installs python3-networkx when absent) and is skipped
// without them.
func TestNetworkx(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 is not installed: the exports are not loaded with networkx")
	}
	if err := exec.Command("python3", "-c", "import networkx").Run(); err != nil {
		t.Skip("networkx is not installed (apt-get install python3-networkx): the exports are not loaded with it")
	}
	for _, o := range []Options{{}, {Documents: true}, {Labels: []string{"PERSON", "PLACE"}}} {
		_, g := readSmall(t, o)
		dir := t.TempDir()
		for format, name := range map[string]string{"graphml": "g.graphml", "gexf": "g.gexf", "nodelink": "g.json"} {
			var buf bytes.Buffer
			if err := Write(&buf, format, g); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		out, err := exec.Command("python3", "-c", networkxCounts, dir).CombinedOutput()
		if err != nil {
			t.Fatalf("python3: %v\n%s", err, out)
		}
		nodes, edges := len(g.Nodes)+len(g.Documents), len(g.Edges)+len(g.Mentions)
		want := fmt.Sprintf("graphml %d %d\ngexf %d %d\nnodelink %d %d\n", nodes, edges, nodes, edges, nodes, edges)
		if string(out) != want {
			t.Errorf("options %+v: networkx read\n%s\nwant\n%s", o, out, want)
		}
	}
}

// wellFormed reports an error when b is not well-formed XML.
func wellFormed(b []byte) error {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// FuzzGraph: any input either fails to read or gives a graph that every
// writer writes; the XML formats are well formed whatever the names hold.
func FuzzGraph(f *testing.F) {
	small, err := os.ReadFile("testdata/small.jsonl")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(small))
	f.Add(`{"id":"a","mentions":[{"text":"\u0001<&>","entity":"x\u0000","label":"PERSON"}],"edges":[{"source":"x\u0000","target":"y","relation":"sentence","weight":3}]}`)
	f.Fuzz(func(t *testing.T, src string) {
		b := NewBuilder(Options{Documents: true})
		if b.AddAll(strings.NewReader(src)) != nil {
			return
		}
		g := b.Graph()
		for _, format := range []string{"graphml", "gexf", "nodelink"} {
			var buf bytes.Buffer
			if err := Write(&buf, format, g); err != nil {
				t.Fatal(err)
			}
			if format != "nodelink" {
				if err := wellFormed(buf.Bytes()); err != nil {
					t.Fatalf("%s not well formed: %v\n%s", format, err, buf.Bytes())
				}
			}
		}
	})
}

// TestFormatListsAreCopies checks that Formats and Neo4jFiles give copies,
// headers included: a caller's change reaches neither the writers nor the
// next caller.
func TestFormatListsAreCopies(t *testing.T) {
	formats := Formats()
	formats[0] = "changed"
	if Formats()[0] != "graphml" {
		t.Errorf("Formats()[0] = %q after a caller changed its copy", Formats()[0])
	}
	files := Neo4jFiles()
	files[0].Name = "changed"
	files[0].Header[0] = "changed"
	if f := Neo4jFiles()[0]; f.Name != "entities.csv" || f.Header[0] != "id:ID" {
		t.Errorf("Neo4jFiles()[0] = %v after a caller changed its copy", f)
	}
}
