package pipeline

import (
	"sort"

	"github.com/extract-ca/extract/output"
)

// Graph collects the entities of the document, in order of first mention,
// and the edges between them: "sentence" edges between entities named in
// the same sentence, weighted by the number of such sentences, and
// "document" edges between every two entities of the document.
type Graph struct{}

func (Graph) Name() string { return "graph" }

func (Graph) Process(d *Doc) error {
	d.Entities = d.Entities[:0]
	index := map[string]int{}
	for i, m := range d.Mentions {
		k, ok := index[m.Entity]
		if !ok {
			k = len(d.Entities)
			index[m.Entity] = k
			d.Entities = append(d.Entities, Entity{ID: m.Entity, Label: m.Label, Name: m.Name, Kind: m.Kind})
		}
		d.Entities[k].Mentions = append(d.Entities[k].Mentions, i)
	}

	type pair struct{ a, b string }
	weights := map[pair]int{}
	for start := 0; start < len(d.Mentions); {
		sent := d.Mentions[start].Sentence
		end := start
		var ids []string
		seen := map[string]bool{}
		for end < len(d.Mentions) && d.Mentions[end].Sentence == sent {
			if id := d.Mentions[end].Entity; !seen[id] {
				seen[id] = true
				ids = append(ids, id)
			}
			end++
		}
		sort.Strings(ids)
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				weights[pair{ids[i], ids[j]}]++
			}
		}
		start = end
	}
	d.Edges = d.Edges[:0]
	for p, w := range weights {
		d.Edges = append(d.Edges, Edge{p.a, p.b, output.RelationSentence, w})
	}
	ids := make([]string, 0, len(d.Entities))
	for _, e := range d.Entities {
		ids = append(ids, e.ID)
	}
	sort.Strings(ids)
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			d.Edges = append(d.Edges, Edge{ids[i], ids[j], output.RelationDocument, 1})
		}
	}
	sort.Slice(d.Edges, func(i, j int) bool {
		a, b := d.Edges[i], d.Edges[j]
		if a.Relation != b.Relation {
			return a.Relation == output.RelationSentence
		}
		if a.Source != b.Source {
			return a.Source < b.Source
		}
		return a.Target < b.Target
	})
	return nil
}
