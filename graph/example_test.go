package graph_test

import (
	"fmt"
	"os"

	"github.com/extract-ca/extract/graph"
	"github.com/extract-ca/extract/pipeline"
)

// A Builder counts the records of a batch into one corpus graph: an entity
// is a node, two entities named in one sentence are an edge. With the
// default gazetteer's lookup, the nodes carry its kind, country and parent.
func Example() {
	p, err := pipeline.New(pipeline.Config{NER: false})
	if err != nil {
		panic(err)
	}
	lookup, err := graph.DefaultLookup()
	if err != nil {
		panic(err)
	}
	b := graph.NewBuilder(graph.Options{Lookup: lookup})
	texts := []string{
		"Mirziyoyev visited Astana. He met Tokayev in Astana.",
		"Tokayev flew to Bishkek.",
	}
	for i, text := range texts {
		rec, err := p.Record(fmt.Sprint("d", i), "", text)
		if err != nil {
			panic(err)
		}
		if err := b.Add(rec); err != nil {
			panic(err)
		}
	}
	g := b.Graph()
	for _, n := range g.Nodes {
		fmt.Printf("%s %s: %d mentions in %d documents, %s in %s\n", n.ID, n.Label, n.Mentions, n.Documents, n.Kind, n.Country)
	}
	for _, e := range g.Edges {
		fmt.Printf("%s -- %s: %d sentences\n", e.Source, e.Target, e.Sentences)
	}
	// Output:
	// person/kassym-jomart-tokayev PERSON: 2 mentions in 2 documents, head of state in KZ
	// person/shavkat-mirziyoyev PERSON: 1 mentions in 1 documents, head of state in UZ
	// place/astana PLACE: 2 mentions in 1 documents, city in KZ
	// place/bishkek PLACE: 1 mentions in 1 documents, city in KG
	// person/kassym-jomart-tokayev -- place/astana: 1 sentences
	// person/kassym-jomart-tokayev -- place/bishkek: 1 sentences
	// person/shavkat-mirziyoyev -- place/astana: 1 sentences
}

// Write gives the same graph in every format of Formats but neo4j, which
// is a directory of CSV files (WriteNeo4j).
func ExampleWrite() {
	p, err := pipeline.New(pipeline.Config{NER: false})
	if err != nil {
		panic(err)
	}
	rec, err := p.Record("d0", "d0.txt", "Rahmon met Mirziyoyev in Dushanbe.")
	if err != nil {
		panic(err)
	}
	b := graph.NewBuilder(graph.Options{})
	if err := b.Add(rec); err != nil {
		panic(err)
	}
	if err := graph.Write(os.Stdout, "nodelink", b.Graph()); err != nil {
		panic(err)
	}
	// Output:
	// {"directed": false, "multigraph": false, "graph": {},
	// "nodes": [
	// {"id":"person/emomali-rahmon","type":"entity","label":"PERSON","name":"Emomali Rahmon","kind":"head of state","documents":1,"mentions":1,"forms":["Rahmon"]},
	// {"id":"person/shavkat-mirziyoyev","type":"entity","label":"PERSON","name":"Shavkat Mirziyoyev","kind":"head of state","documents":1,"mentions":1,"forms":["Mirziyoyev"]},
	// {"id":"place/dushanbe","type":"entity","label":"PLACE","name":"Dushanbe","kind":"city","documents":1,"mentions":1,"forms":["Dushanbe"]}
	// ],
	// "edges": [
	// {"source":"person/emomali-rahmon","target":"person/shavkat-mirziyoyev","type":"CO_OCCURS","weight":1,"documents":1},
	// {"source":"person/emomali-rahmon","target":"place/dushanbe","type":"CO_OCCURS","weight":1,"documents":1},
	// {"source":"person/shavkat-mirziyoyev","target":"place/dushanbe","type":"CO_OCCURS","weight":1,"documents":1}
	// ]}
}
