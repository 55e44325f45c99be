package graph

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Edge types, as GraphML, GEXF and node-link "type" attributes and Neo4j
// relationship types.
const (
	TypeCoOccurs = "CO_OCCURS" // entity – entity, in the same sentence
	TypeMentions = "MENTIONS"  // document → entity
)

// FormSeparator joins a node's surface forms in GraphML, GEXF and Neo4j
// (its array delimiter), where an attribute is one string. A "|" is rare
// in a name; a form that holds one reads back as two.
const FormSeparator = "|"

// formats are the names WriteFormat accepts; neo4j writes a directory.
var formats = [...]string{"graphml", "gexf", "nodelink", "neo4j"}

// Formats returns the names WriteFormat accepts (a copy); neo4j writes a
// directory.
func Formats() []string { return slices.Clone(formats[:]) }

// xmlText escapes s for XML text and attribute values; characters XML
// cannot hold become U+FFFD, so the file always parses.
func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // a strings.Builder does not fail
	return b.String()
}

// errWriter keeps the first write error so that the writers can print
// without checking each call.
type errWriter struct {
	w   *bufio.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}

func (e *errWriter) flush() error {
	if e.err != nil {
		return e.err
	}
	return e.w.Flush()
}

// attrKey is an attribute nodes or edges may have, with its GraphML type.
type attrKey struct{ name, typ string }

// nodeKeys and edgeKeys are the attributes of nodes and edges, in the
// order both formats declare and write them.
var (
	nodeKeys = []attrKey{{"type", "string"}, {"label", "string"}, {"name", "string"}, {"kind", "string"},
		{"country", "string"}, {"parent", "string"}, {"source", "string"}, {"documents", "int"},
		{"mentions", "int"}, {"forms", "string"}}
	edgeKeys = []attrKey{{"type", "string"}, {"weight", "int"}, {"documents", "int"}}
)

// gexfKey is the GEXF attribute of an attribute: the name and the weight
// have places of their own in GEXF (the node's label, the edge's
// weight), and the entity's label is entity_label, not to be read as the
// node's.
func gexfKey(name string) (string, bool) {
	switch name {
	case "name", "weight":
		return "", false
	case "label":
		return "entity_label", true
	}
	return name, true
}

// attr is one attribute of a node or an edge. GraphML and GEXF list the
// same attributes in the same order, from these functions.
type attr struct{ key, value string }

func entityAttrs(n Node) []attr {
	return []attr{{"type", "entity"}, {"label", n.Label}, {"name", n.Name}, {"kind", n.Kind},
		{"country", n.Country}, {"parent", n.Parent}, {"documents", strconv.Itoa(n.Documents)},
		{"mentions", strconv.Itoa(n.Mentions)}, {"forms", strings.Join(n.Forms, FormSeparator)}}
}

func documentAttrs(d Document) []attr {
	return []attr{{"type", "document"}, {"name", d.ID}, {"source", d.Source}, {"mentions", strconv.Itoa(d.Mentions)}}
}

func coOccursAttrs(e Edge) []attr {
	return []attr{{"type", TypeCoOccurs}, {"weight", strconv.Itoa(e.Sentences)}, {"documents", strconv.Itoa(e.Documents)}}
}

func mentionsAttrs(m Mentions) []attr {
	return []attr{{"type", TypeMentions}, {"weight", strconv.Itoa(m.Count)}}
}

// WriteGraphML writes g as GraphML, undirected (a MENTIONS edge goes from
// the document, but is stored undirected like the rest: loaders such as
// networkx refuse a graph that mixes both).
func WriteGraphML(w io.Writer, g *Graph) error {
	o := &errWriter{w: bufio.NewWriter(w)}
	o.printf(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`)
	for _, k := range nodeKeys {
		o.printf("  <key id=\"n_%s\" for=\"node\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k.name, k.name, k.typ)
	}
	for _, k := range edgeKeys {
		o.printf("  <key id=\"e_%s\" for=\"edge\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k.name, k.name, k.typ)
	}
	o.printf(`  <graph id="extract" edgedefault="undirected">
`)
	data := func(prefix string, attrs []attr) {
		for _, a := range attrs {
			if a.value != "" {
				o.printf("      <data key=\"%s\">%s</data>\n", prefix+a.key, xmlText(a.value))
			}
		}
	}
	for _, n := range g.Nodes {
		o.printf("    <node id=\"%s\">\n", xmlText(n.ID))
		data("n_", entityAttrs(n))
		o.printf("    </node>\n")
	}
	for _, d := range g.Documents {
		o.printf("    <node id=\"%s\">\n", xmlText(DocumentNodeID(d.ID)))
		data("n_", documentAttrs(d))
		o.printf("    </node>\n")
	}
	for _, e := range g.Edges {
		o.printf("    <edge source=\"%s\" target=\"%s\">\n", xmlText(e.Source), xmlText(e.Target))
		data("e_", coOccursAttrs(e))
		o.printf("    </edge>\n")
	}
	for _, m := range g.Mentions {
		o.printf("    <edge source=\"%s\" target=\"%s\">\n", xmlText(DocumentNodeID(m.Document)), xmlText(m.Entity))
		data("e_", mentionsAttrs(m))
		o.printf("    </edge>\n")
	}
	o.printf("  </graph>\n</graphml>\n")
	return o.flush()
}

// WriteGEXF writes g as GEXF 1.2, the format Gephi opens. A node's GEXF
// label is its name (what Gephi shows); the entity's label (PERSON...) is
// the attribute "entity_label", since GEXF readers such as networkx put
// both in the same place otherwise.
func WriteGEXF(w io.Writer, g *Graph) error {
	o := &errWriter{w: bufio.NewWriter(w)}
	o.printf(`<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <meta>
    <creator>extract graph</creator>
  </meta>
  <graph defaultedgetype="undirected" mode="static">
`)
	declare := func(class string, keys []attrKey) {
		o.printf("    <attributes class=\"%s\" mode=\"static\">\n", class)
		for _, k := range keys {
			if id, ok := gexfKey(k.name); ok {
				typ := k.typ
				if typ == "int" {
					typ = "integer"
				}
				o.printf("      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n", id, id, typ)
			}
		}
		o.printf("    </attributes>\n")
	}
	declare("node", nodeKeys)
	declare("edge", edgeKeys)
	o.printf(`    <nodes>
`)
	att := func(attrs []attr) {
		o.printf("        <attvalues>\n")
		for _, a := range attrs {
			if id, ok := gexfKey(a.key); ok && a.value != "" {
				o.printf("          <attvalue for=\"%s\" value=\"%s\"/>\n", id, xmlText(a.value))
			}
		}
		o.printf("        </attvalues>\n")
	}
	for _, n := range g.Nodes {
		o.printf("      <node id=\"%s\" label=\"%s\">\n", xmlText(n.ID), xmlText(n.Name))
		att(entityAttrs(n))
		o.printf("      </node>\n")
	}
	for _, d := range g.Documents {
		o.printf("      <node id=\"%s\" label=\"%s\">\n", xmlText(DocumentNodeID(d.ID)), xmlText(d.ID))
		att(documentAttrs(d))
		o.printf("      </node>\n")
	}
	o.printf("    </nodes>\n    <edges>\n")
	id := 0
	for _, e := range g.Edges {
		o.printf("      <edge id=\"%d\" source=\"%s\" target=\"%s\" weight=\"%d\">\n", id, xmlText(e.Source), xmlText(e.Target), e.Sentences)
		att(coOccursAttrs(e))
		o.printf("      </edge>\n")
		id++
	}
	for _, m := range g.Mentions {
		o.printf("      <edge id=\"%d\" source=\"%s\" target=\"%s\" weight=\"%d\">\n", id, xmlText(DocumentNodeID(m.Document)), xmlText(m.Entity), m.Count)
		att(mentionsAttrs(m))
		o.printf("      </edge>\n")
		id++
	}
	o.printf("    </edges>\n  </graph>\n</gexf>\n")
	return o.flush()
}

// nodeLinkNode and nodeLinkEdge fix the key order of the node-link JSON.
type nodeLinkNode struct {
	ID        string   `json:"id"`
	Type      string   `json:"type"`
	Label     string   `json:"label,omitempty"`
	Name      string   `json:"name"`
	Kind      string   `json:"kind,omitempty"`
	Country   string   `json:"country,omitempty"`
	Parent    string   `json:"parent,omitempty"`
	Source    string   `json:"source,omitempty"`
	Documents int      `json:"documents,omitempty"`
	Mentions  int      `json:"mentions"`
	Forms     []string `json:"forms,omitempty"`
}

type nodeLinkEdge struct {
	Source    string `json:"source"`
	Target    string `json:"target"`
	Type      string `json:"type"`
	Weight    int    `json:"weight"`
	Documents int    `json:"documents,omitempty"`
}

// WriteNodeLink writes g as node-link JSON, what networkx's
// node_link_graph(data, edges="edges") reads: one node or edge per line.
func WriteNodeLink(w io.Writer, g *Graph) error {
	o := &errWriter{w: bufio.NewWriter(w)}
	o.printf("{\"directed\": false, \"multigraph\": false, \"graph\": {},\n\"nodes\": [")
	sep := "\n"
	line := func(v any) {
		b, err := json.Marshal(v)
		if err != nil && o.err == nil {
			o.err = err
		}
		o.printf("%s%s", sep, b)
		sep = ",\n"
	}
	for _, n := range g.Nodes {
		line(nodeLinkNode{ID: n.ID, Type: "entity", Label: n.Label, Name: n.Name, Kind: n.Kind, Country: n.Country, Parent: n.Parent,
			Documents: n.Documents, Mentions: n.Mentions, Forms: n.Forms})
	}
	for _, d := range g.Documents {
		line(nodeLinkNode{ID: DocumentNodeID(d.ID), Type: "document", Name: d.ID, Source: d.Source, Mentions: d.Mentions})
	}
	o.printf("\n],\n\"edges\": [")
	sep = "\n"
	for _, e := range g.Edges {
		line(nodeLinkEdge{Source: e.Source, Target: e.Target, Type: TypeCoOccurs, Weight: e.Sentences, Documents: e.Documents})
	}
	for _, m := range g.Mentions {
		line(nodeLinkEdge{Source: DocumentNodeID(m.Document), Target: m.Entity, Type: TypeMentions, Weight: m.Count})
	}
	o.printf("\n]}\n")
	return o.flush()
}

// Neo4jFile is a file WriteNeo4j writes and its CSV header.
type Neo4jFile struct {
	Name   string
	Header []string
}

// neo4jFiles are the files WriteNeo4j writes, with their CSV headers in
// the format of `neo4j-admin database import full`. All four are written
// even when empty (documents without Options.Documents), so that one
// import command always works.
var neo4jFiles = [...]Neo4jFile{
	{"entities.csv", []string{"id:ID", ":LABEL", "name", "kind", "country", "parent", "documents:int", "mentions:int", "forms:string[]"}},
	{"documents.csv", []string{"id:ID", ":LABEL", "name", "source", "mentions:int"}},
	{"co_occurs.csv", []string{":START_ID", ":END_ID", ":TYPE", "weight:int", "documents:int"}},
	{"mentions.csv", []string{":START_ID", ":END_ID", ":TYPE", "weight:int"}},
}

// neo4jLabel gives the Neo4j labels of an entity: Entity and, for the
// three known labels, Person, Place or Group. Anything else in a record is
// left out rather than passed on, since a ";" in it would make labels.
func neo4jLabel(label string) string {
	switch label {
	case "PERSON":
		return "Entity;Person"
	case "PLACE":
		return "Entity;Place"
	case "GROUP":
		return "Entity;Group"
	}
	return "Entity"
}

// WriteNeo4j writes g into dir (made if needed) as the Neo4jFiles. Every
// node has one :ID space, which document ids share with a prefix
// (DocumentNodeID). Fields may hold line breaks: import with
// --multiline-fields=true, and --array-delimiter="|" for the forms.
func WriteNeo4j(dir string, g *Graph) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	rows := [][][]string{nil, nil, nil, nil}
	for _, n := range g.Nodes {
		rows[0] = append(rows[0], []string{n.ID, neo4jLabel(n.Label), n.Name, n.Kind, n.Country, n.Parent,
			strconv.Itoa(n.Documents), strconv.Itoa(n.Mentions), strings.Join(n.Forms, FormSeparator)})
	}
	for _, d := range g.Documents {
		rows[1] = append(rows[1], []string{DocumentNodeID(d.ID), "Document", d.ID, d.Source, strconv.Itoa(d.Mentions)})
	}
	for _, e := range g.Edges {
		rows[2] = append(rows[2], []string{e.Source, e.Target, TypeCoOccurs, strconv.Itoa(e.Sentences), strconv.Itoa(e.Documents)})
	}
	for _, m := range g.Mentions {
		rows[3] = append(rows[3], []string{DocumentNodeID(m.Document), m.Entity, TypeMentions, strconv.Itoa(m.Count)})
	}
	for i, f := range neo4jFiles {
		if err := writeCSV(filepath.Join(dir, f.Name), f.Header, rows[i]); err != nil {
			return err
		}
	}
	return nil
}

func writeCSV(path string, header []string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	_ = w.Write(header) // an error stays in the csv.Writer: w.Error below
	_ = w.WriteAll(rows)
	return errors.Join(w.Error(), f.Close())
}

// Write writes g in format (one of Formats but neo4j, which writes a
// directory: WriteNeo4j).
func Write(w io.Writer, format string, g *Graph) error {
	switch format {
	case "graphml":
		return WriteGraphML(w, g)
	case "gexf":
		return WriteGEXF(w, g)
	case "nodelink":
		return WriteNodeLink(w, g)
	case "neo4j":
		return errors.New("the neo4j format is a directory of CSV files: use WriteNeo4j")
	}
	return fmt.Errorf("unknown format %q (want %s)", format, strings.Join(formats[:], ", "))
}

// Neo4jFiles returns the files WriteNeo4j writes with their CSV headers, in
// the order it writes them (a copy).
func Neo4jFiles() []Neo4jFile {
	out := slices.Clone(neo4jFiles[:])
	for i := range out {
		out[i].Header = slices.Clone(out[i].Header)
	}
	return out
}
