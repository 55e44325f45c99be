// Package graph merges the per-document records of one or many `extract run`
// outputs into one corpus graph and writes it for graph tools: GraphML,
// GEXF (Gephi), node-link JSON (networkx) and Neo4j import CSV.
//
//	b := graph.NewBuilder(graph.Options{MinWeight: 2})
//	if err := b.AddAll(f); err != nil { ... }   // one record at a time
//	g := b.Graph()                                // sorted, filtered
//	err := graph.WriteGraphML(os.Stdout, g)
//
// A node is an entity, merged across documents by its id, with two
// exceptions:
//
//   - the entities of names the gazetteer does not know (ids auto/...) are
//     merged by their label and key (the folded key of the name, which the
//     entity record gives, derived here from the id as it was there), so
//     that the spellings the id keeps apart ("Kholmurodov" in one
//     document, "Holmurodov" in another) are one node, as they are one
//     entity within a document. The node takes the id most documents gave
//     (the smaller on a tie). Gazetteer ids are never merged by key: the
//     gazetteer has already said which names are one entry.
//   - an ambiguous entity (ambiguous/..., a body that several gazetteer
//     entries share and that its document could not settle) is a node of
//     its document only, id "<id>@<document id>": the "Supreme Court" of
//     one article may be Kyrgyzstan's and of the next Kazakhstan's, and
//     equal candidates say no more than equal names do.
//
// An edge joins two entities named in the same sentence of some document,
// weighted by the number of such sentences (the records' "sentence" edges,
// summed).
//
// Memory grows with the number of entities, edges and distinct surface
// forms, never with the number of documents: records are read one at a
// time and only the counts are kept. With Options.Documents every
// document becomes a node and keeps its list of entities, since they are
// part of the output; and ambiguous entities, a node per document each,
// grow with the documents that have them.
package graph

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/internal/fileerr"
	"github.com/extract-ca/extract/output"
)

// Options choose what the graph holds.
type Options struct {
	// Documents adds a node per document and a MENTIONS edge from it to
	// each entity it names.
	Documents bool
	// MinWeight drops entity edges with fewer sentences.
	MinWeight int
	// Labels keeps only the entities with one of these labels (PERSON,
	// PLACE, GROUP), and the edges between them; empty keeps all.
	Labels []string
	// Lookup gives what a gazetteer knows of an entity id (kind, country,
	// parent, canonical name); nil, or false, when nothing. The package
	// takes a function so that it depends on the records only.
	Lookup func(id string) (Known, bool)
}

// Known is what a gazetteer says about an entity.
type Known struct {
	Name, Kind, Country, Parent string
}

// Graph is the corpus graph, every slice sorted by id (edges by source,
// then target).
type Graph struct {
	Nodes     []Node
	Edges     []Edge
	Documents []Document
	Mentions  []Mentions
}

// Node is one entity of the corpus.
type Node struct {
	ID      string
	Label   string // PERSON, PLACE or GROUP
	Name    string
	Kind    string
	Country string
	Parent  string
	// Documents and Mentions count the documents that name the entity and
	// the mentions that do.
	Documents, Mentions int
	// Forms are the texts of its mentions, sorted, each once.
	Forms []string
}

// Edge joins two entities named in the same sentence; Source < Target.
type Edge struct {
	Source, Target string
	Sentences      int // sentences that name both: the edge's weight
	Documents      int // documents with at least one such sentence
}

// Document is a document node (Options.Documents).
type Document struct {
	ID       string // the record's id, "document:" + that id as a node
	Source   string
	Mentions int
}

// Mentions is the edge from a document to an entity it names.
type Mentions struct {
	Document, Entity string
	Count            int // mentions of the entity in the document
}

// DocumentNodeID is the node id of a document: a prefix keeps it apart
// from entity ids, which are "type/name" or "auto/type/name".
func DocumentNodeID(id string) string { return "document:" + id }

// node is a Node being counted.
type node struct {
	key       string // its key in Builder.index (nodeKey)
	id, label string
	// ids counts the documents that gave each id to a node merged by key
	// (the id of the Node is the most usual); nil for other nodes.
	ids       map[string]int
	names     map[string]int // name → documents that gave it, to pick the usual one
	kind      string
	mentions  int
	documents int
	forms     map[string]struct{}
	lastDoc   int // the last document (counted from 1) that named it
}

type edgeCount struct {
	sentences, documents int
	lastDoc              int
}

type document struct {
	id, source string
	entities   map[int32]int // entity index → mentions
}

// Builder counts records into a graph. The zero value is not usable; call
// NewBuilder.
type Builder struct {
	opts    Options
	index   map[string]int32 // node key (nodeKey) → index in nodes
	nodes   []*node
	edges   map[uint64]*edgeCount // lower index << 32 | higher index
	docs    []document
	docIDs  map[string]bool // only with Options.Documents: ids must be unique nodes
	records int
	skipped int
}

// NewBuilder returns an empty Builder.
func NewBuilder(o Options) *Builder {
	return &Builder{opts: o, index: map[string]int32{}, edges: map[uint64]*edgeCount{}, docIDs: map[string]bool{}}
}

// Records returns the number of records added, error records included.
func (b *Builder) Records() int { return b.records }

// Skipped returns the number of error records (a document that could not
// be processed), which add nothing.
func (b *Builder) Skipped() int { return b.skipped }

// Prefixes of entity ids: names the gazetteer does not know, and names
// their document could not settle.
const (
	autoPrefix      = "auto/"
	ambiguousPrefix = "ambiguous/"
)

// nodeKey returns the key of the node of entity id named in document doc,
// and the node's id. The key of an auto id is derived from the id, as the
// record's key was (slugKey): each id is then one node whatever a record
// says, and records without keys merge as newer ones do.
func nodeKey(id, doc string) (nk, nodeID string) {
	switch {
	case strings.HasPrefix(id, autoPrefix):
		label, slug, ok := strings.Cut(id[len(autoPrefix):], "/")
		key := slugKey(slug)
		if !ok || key == "" {
			return id, id
		}
		// A byte no entity id holds keeps these keys apart from ids.
		return "\x00key\x00" + label + "\x00" + key, id
	case strings.HasPrefix(id, ambiguousPrefix):
		nodeID = id + "@" + doc
		return nodeID, nodeID
	}
	return id, id
}

// slugKey derives the key of an auto id from its slug: the slug's words
// are the name's words spelled (gazetteer.Spell), and folding them gives
// the key the entity record carries (Entity.Key, pipeline.AutoKey).
func slugKey(slug string) string {
	var b strings.Builder
	for _, w := range strings.Split(slug, "-") {
		if k := gazetteer.Fold(w); k != "" {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(k)
		}
	}
	return b.String()
}

// edge returns the count of the edge between nodes i and j, made at its
// first use; the edge is keyed by its lower index first.
func (b *Builder) edge(i, j int32) *edgeCount {
	if i > j {
		i, j = j, i
	}
	key := uint64(i)<<32 | uint64(j)
	c := b.edges[key]
	if c == nil {
		c = &edgeCount{}
		b.edges[key] = c
	}
	return c
}

// entity returns the node of key nk (nodeKey), made with id and label if
// new.
func (b *Builder) entity(nk, id, label string) (*node, int32) {
	if k, ok := b.index[nk]; ok {
		return b.nodes[k], k
	}
	n := &node{key: nk, id: id, label: label, names: map[string]int{}, forms: map[string]struct{}{}}
	if nk != id {
		n.ids = map[string]int{}
	}
	k := int32(len(b.nodes))
	b.index[nk] = k
	b.nodes = append(b.nodes, n)
	return n, k
}

// Add counts one record. It fails only with Options.Documents, on a
// document id seen before: two nodes cannot share an id.
func (b *Builder) Add(r *output.Record) error {
	if r.Error == "" && b.opts.Documents && b.docIDs[r.ID] {
		return fmt.Errorf("document %q appears twice (with --documents, document ids must be unique)", r.ID)
	}
	b.records++ // a refused record is not counted
	if r.Error != "" {
		b.skipped++
		return nil
	}
	doc := b.records
	var d *document
	if b.opts.Documents {
		b.docIDs[r.ID] = true
		b.docs = append(b.docs, document{id: r.ID, source: r.Source, entities: map[int32]int{}})
		d = &b.docs[len(b.docs)-1]
	}
	seen := func(n *node) {
		if n.lastDoc != doc {
			n.lastDoc = doc
			n.documents++
		}
	}
	// The record's entity ids → their nodes; an id of a mention or edge
	// missing from the entities (a record from another tool) is its own.
	local := make(map[string]int32, len(r.Entities))
	node := func(id, label string) (*node, int32) {
		if k, ok := local[id]; ok {
			return b.nodes[k], k
		}
		nk, nodeID := nodeKey(id, r.ID)
		n, k := b.entity(nk, nodeID, label)
		local[id] = k
		return n, k
	}
	for _, e := range r.Entities {
		if _, twice := local[e.ID]; twice || e.ID == "" {
			continue
		}
		n, _ := node(e.ID, e.Label)
		if n.ids != nil {
			n.ids[e.ID]++ // once per document: the record's ids are distinct
		}
		seen(n)
		if e.Name != "" {
			n.names[e.Name]++
		}
		if n.kind == "" {
			n.kind = e.Kind
		}
	}
	for _, m := range r.Mentions {
		if m.Entity == "" {
			continue
		}
		n, k := node(m.Entity, m.Label)
		seen(n)
		n.mentions++
		n.forms[m.Text] = struct{}{}
		if d != nil {
			d.entities[k]++
		}
	}
	for _, e := range r.Edges {
		// Older records also carry "document" edges: every two entities
		// of the document, which say nothing about sentences.
		if e.Relation != output.RelationSentence || e.Weight < 1 || e.Source == e.Target || e.Source == "" || e.Target == "" {
			continue
		}
		s, i := node(e.Source, "")
		t, j := node(e.Target, "")
		seen(s)
		seen(t)
		if i == j {
			continue // two entities of the record that are one node
		}
		c := b.edge(i, j)
		c.sentences += e.Weight
		if c.lastDoc != doc {
			c.lastDoc = doc
			c.documents++
		}
	}
	return nil
}

// AddAll adds every record of r, JSON Lines as `extract run` writes
// them, reading one at a time. A malformed line stops it with an error
// that gives the line.
func (b *Builder) AddAll(r io.Reader) error {
	var first error
	b.AddEach(r, func(err *fileerr.ParseError) bool {
		first = err
		return false
	})
	return first
}

// AddEach adds the records of r, as AddAll, but hands each line it cannot
// add (not a record, as the cut last line of a killed run; a record Add
// refuses) to bad, with its line, and goes on with the next line while bad
// returns true. The records around a damaged line still count.
func (b *Builder) AddEach(r io.Reader, bad func(*fileerr.ParseError) bool) {
	rd := output.NewReader(r)
	for {
		rec, err := rd.Read()
		if err == io.EOF {
			return
		}
		if err == nil {
			err = b.Add(rec)
		}
		if err == nil {
			continue
		}
		pe, ok := err.(*fileerr.ParseError) // Read's errors are; Add's get the line here
		if !ok {
			pe = &fileerr.ParseError{Line: rd.Line(), Err: err}
		}
		if !bad(pe) {
			return
		}
	}
}

// Graph returns the graph counted so far, filtered by the options and
// sorted. The Builder can go on adding records afterwards.
func (b *Builder) Graph() *Graph {
	keep := make([]bool, len(b.nodes))
	for k, n := range b.nodes {
		keep[k] = len(b.opts.Labels) == 0 || slices.Contains(b.opts.Labels, n.label)
	}
	g := &Graph{}
	ids := make([]string, len(b.nodes)) // the ids of the kept nodes
	for k, n := range b.nodes {
		if !keep[k] {
			continue
		}
		out := b.finish(n)
		ids[k] = out.ID
		g.Nodes = append(g.Nodes, out)
	}
	slices.SortFunc(g.Nodes, func(a, c Node) int { return strings.Compare(a.ID, c.ID) })

	for key, c := range b.edges {
		i, j := int32(key>>32), int32(key&(1<<32-1))
		if !keep[i] || !keep[j] || c.sentences < b.opts.MinWeight {
			continue
		}
		s, t := ids[i], ids[j]
		if s > t {
			s, t = t, s
		}
		g.Edges = append(g.Edges, Edge{Source: s, Target: t, Sentences: c.sentences, Documents: c.documents})
	}
	slices.SortFunc(g.Edges, func(a, c Edge) int {
		if r := strings.Compare(a.Source, c.Source); r != 0 {
			return r
		}
		return strings.Compare(a.Target, c.Target)
	})

	for _, d := range b.docs {
		var ms []Mentions
		total := 0
		for k, count := range d.entities {
			if keep[k] {
				ms = append(ms, Mentions{Document: d.id, Entity: ids[k], Count: count})
				total += count
			}
		}
		// A document that names none of the kept entities would be a node
		// alone: leave it out.
		if len(ms) == 0 {
			continue
		}
		g.Documents = append(g.Documents, Document{ID: d.id, Source: d.source, Mentions: total})
		g.Mentions = append(g.Mentions, ms...)
	}
	slices.SortFunc(g.Documents, func(a, c Document) int { return strings.Compare(a.ID, c.ID) })
	slices.SortFunc(g.Mentions, func(a, c Mentions) int {
		if r := strings.Compare(a.Document, c.Document); r != 0 {
			return r
		}
		return strings.Compare(a.Entity, c.Entity)
	})
	return g
}

// finish turns counts into a Node: the gazetteer's facts when it knows the
// id, else the name most documents gave; a node merged by key takes the id
// most documents gave (either the smaller on a tie, so that the result
// does not depend on map order).
func (b *Builder) finish(n *node) Node {
	out := Node{ID: n.id, Label: n.label, Kind: n.kind, Documents: n.documents, Mentions: n.mentions}
	out.Name = usual(n.names)
	if len(n.ids) > 0 {
		out.ID = usual(n.ids)
	}
	if b.opts.Lookup != nil {
		if k, ok := b.opts.Lookup(n.id); ok {
			if k.Name != "" {
				out.Name = k.Name
			}
			if k.Kind != "" {
				out.Kind = k.Kind
			}
			out.Country, out.Parent = k.Country, k.Parent
		}
	}
	if out.Name == "" {
		out.Name = n.id
	}
	out.Forms = make([]string, 0, len(n.forms))
	for f := range n.forms {
		out.Forms = append(out.Forms, f)
	}
	slices.Sort(out.Forms)
	return out
}

// usual returns the string of counts with the highest count, the smaller
// on a tie, or "".
func usual(counts map[string]int) string {
	out, best := "", -1
	for s, c := range counts {
		if c > best || c == best && s < out {
			out, best = s, c
		}
	}
	return out
}
