package graph

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"maps"
)

// Merge adds the counts of o to b, as if o's records had been added to b
// after b's own: this is how partial graphs counted apart (Beam's
// combiners, one per worker) become one. b's options stay; o's are not
// looked at. The two facts of a node that the first record decides, its
// label and its kind (the first one given), are b's when b has the node:
// within one run they are the same in every record (the entity id and the
// gazetteer fix them), so the merged graph is the graph of all the
// records in any order of merging. It fails, like Add, on a document in
// both with Options.Documents.
func (b *Builder) Merge(o *Builder) error {
	if b.opts.Documents {
		for _, d := range o.docs {
			if b.docIDs[d.id] {
				return fmt.Errorf("document %q appears twice (with --documents, document ids must be unique)", d.id)
			}
		}
	}
	index := make([]int32, len(o.nodes)) // o's node index → b's
	for k, n := range o.nodes {
		m, mk := b.entity(n.key, n.id, n.label)
		index[k] = mk
		for id, c := range n.ids {
			m.ids[id] += c
		}
		for name, c := range n.names {
			m.names[name] += c
		}
		if m.kind == "" {
			m.kind = n.kind
		}
		m.mentions += n.mentions
		m.documents += n.documents
		for f := range n.forms {
			m.forms[f] = struct{}{}
		}
	}
	for key, c := range o.edges {
		mine := b.edge(index[int32(key>>32)], index[int32(key&(1<<32-1))])
		mine.sentences += c.sentences
		mine.documents += c.documents
	}
	if b.opts.Documents {
		for _, d := range o.docs {
			ents := make(map[int32]int, len(d.entities))
			for k, c := range d.entities {
				ents[index[k]] = c
			}
			b.docIDs[d.id] = true
			b.docs = append(b.docs, document{id: d.id, source: d.source, entities: ents})
		}
	}
	// lastDoc of b's nodes and edges stays below the numbers of the
	// records added from now on, so that Add keeps counting right.
	b.records += o.records
	b.skipped += o.skipped
	return nil
}

// wireBuilder is a Builder's counts with exported fields, for gob.
type wireBuilder struct {
	Nodes            []wireNode
	Edges            []wireEdge
	Docs             []wireDoc
	Records, Skipped int
}

type wireNode struct {
	Key, ID, Label, Kind string
	IDs                  map[string]int // a node merged by key: documents by id
	Names                map[string]int
	Mentions, Documents  int
	Forms                []string
}

type wireEdge struct {
	I, J                 int32
	Sentences, Documents int
}

type wireDoc struct {
	ID, Source string
	Entities   map[int32]int
}

// MarshalBinary encodes the counts of b (not its options), so that a
// partial graph can travel between the workers of a distributed run.
func (b *Builder) MarshalBinary() ([]byte, error) {
	w := wireBuilder{Records: b.records, Skipped: b.skipped}
	for _, n := range b.nodes {
		w.Nodes = append(w.Nodes, wireNode{Key: n.key, ID: n.id, IDs: n.ids, Label: n.label, Kind: n.kind, Names: n.names,
			Mentions: n.mentions, Documents: n.documents, Forms: keys(n.forms)})
	}
	for key, c := range b.edges {
		w.Edges = append(w.Edges, wireEdge{I: int32(key >> 32), J: int32(key & (1<<32 - 1)), Sentences: c.sentences, Documents: c.documents})
	}
	for _, d := range b.docs {
		w.Docs = append(w.Docs, wireDoc{ID: d.id, Source: d.source, Entities: d.entities})
	}
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(&w); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// UnmarshalBinary replaces the counts of b by the ones MarshalBinary
// encoded; b keeps its options (the zero Options for a zero Builder).
func (b *Builder) UnmarshalBinary(data []byte) error {
	var w wireBuilder
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&w); err != nil {
		return fmt.Errorf("graph: decoding a partial graph: %w", err)
	}
	fresh := NewBuilder(b.opts)
	for _, n := range w.Nodes {
		if _, ok := fresh.index[n.Key]; ok {
			return fmt.Errorf("graph: decoding a partial graph: entity %q twice", n.ID)
		}
		m, _ := fresh.entity(n.Key, n.ID, n.Label)
		m.kind, m.mentions, m.documents = n.Kind, n.Mentions, n.Documents
		for id, c := range n.IDs {
			if m.ids == nil {
				return fmt.Errorf("graph: decoding a partial graph: entity %q has ids but no key", n.ID)
			}
			m.ids[id] = c
		}
		if n.Names != nil {
			m.names = n.Names
		}
		for _, f := range n.Forms {
			m.forms[f] = struct{}{}
		}
	}
	valid := func(k int32) bool { return k >= 0 && int(k) < len(fresh.nodes) }
	for _, e := range w.Edges {
		if !valid(e.I) || !valid(e.J) || e.I > e.J {
			return fmt.Errorf("graph: decoding a partial graph: edge %d-%d out of range", e.I, e.J)
		}
		fresh.edges[uint64(e.I)<<32|uint64(e.J)] = &edgeCount{sentences: e.Sentences, documents: e.Documents}
	}
	for _, d := range w.Docs {
		for k := range d.Entities {
			if !valid(k) {
				return fmt.Errorf("graph: decoding a partial graph: document %q names entity %d, out of range", d.ID, k)
			}
		}
		if d.Entities == nil {
			d.Entities = map[int32]int{}
		}
		fresh.docIDs[d.ID] = true
		fresh.docs = append(fresh.docs, document{id: d.ID, source: d.Source, entities: d.Entities})
	}
	fresh.records, fresh.skipped = w.Records, w.Skipped
	*b = *fresh
	return nil
}

func keys(set map[string]struct{}) []string {
	out := make([]string, 0, len(set))
	for k := range maps.Keys(set) {
		out = append(out, k)
	}
	return out
}
