package pipeline

import (
	"slices"
	"sort"

	"github.com/extract-ca/extract/output"
)

// Graph collects the entities of the document, in order of first mention,
// and the "sentence" edges between entities named in the same sentence,
// weighted by the number of such sentences.
//
// There are no edges between every two entities of the document: they
// grew with the square of the entity count (87 % of the output bytes) and
// said nothing the entity list does not.
type Graph struct{}

func (Graph) Process(d *Doc) error {
	// Two passes: the entities and their mention counts first, so that
	// the entities and all their lists of mentions take one array each.
	index := make(map[string]int, len(d.Mentions))
	entityOf := make([]int, len(d.Mentions)) // mention → index in d.Entities
	var firsts, counts []int                 // per entity: its first mention, its number of mentions
	for i, m := range d.Mentions {
		k, ok := index[m.Entity]
		if !ok {
			k = len(firsts)
			index[m.Entity] = k
			firsts, counts = append(firsts, i), append(counts, 0)
		}
		counts[k]++
		entityOf[i] = k
	}
	d.Entities = slices.Grow(d.Entities[:0], len(firsts))[:len(firsts)] // kept across documents (Pipeline.Record)
	lists := make([]int, len(d.Mentions))
	start := 0
	for k, i := range firsts {
		m := &d.Mentions[i]
		end := start + counts[k]
		d.Entities[k] = Entity{ID: m.Entity, Label: m.Label, Name: m.Name, Kind: m.Kind, Key: m.Key, Candidates: m.Candidates,
			Mentions: lists[start:start:end]}
		start = end
	}
	for i, k := range entityOf {
		d.Entities[k].Mentions = append(d.Entities[k].Mentions, i)
	}
	// Edges are ordered by their ids; ranking the entities by id once lets
	// the rest compare and sort small integers instead of strings.
	byID := make([]int, len(d.Entities)) // rank → entity
	for k := range byID {
		byID[k] = k
	}
	sort.Slice(byID, func(a, b int) bool { return d.Entities[byID[a]].ID < d.Entities[byID[b]].ID })
	rank := make([]int, len(d.Entities)) // entity → rank
	for r, k := range byID {
		rank[k] = r
	}

	// Every pair of distinct entities of a sentence, as rank(a)·n + rank(b)
	// with rank(a) < rank(b); sorted, equal pairs are adjacent and the
	// order is that of (source, target).
	n := len(d.Entities)
	var pairs []int
	seenIn := make([]int, n) // the last group of mentions (counted from 1) that named the entity
	var ranks []int
	for start, group := 0, 1; start < len(d.Mentions); group++ {
		sent := d.Mentions[start].Sentence
		ranks = ranks[:0]
		end := start
		for end < len(d.Mentions) && d.Mentions[end].Sentence == sent {
			if k := entityOf[end]; seenIn[k] != group {
				seenIn[k] = group
				ranks = append(ranks, rank[k])
			}
			end++
		}
		sort.Ints(ranks)
		for i := range ranks {
			for j := i + 1; j < len(ranks); j++ {
				pairs = append(pairs, ranks[i]*n+ranks[j])
			}
		}
		start = end
	}
	sort.Ints(pairs)

	d.Edges = d.Edges[:0]
	if cap(d.Edges) < len(pairs) {
		d.Edges = make([]Edge, 0, len(pairs))
	}
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		a, b := byID[pairs[i]/n], byID[pairs[i]%n]
		d.Edges = append(d.Edges, Edge{Source: d.Entities[a].ID, Target: d.Entities[b].ID, Relation: output.RelationSentence, Weight: j - i})
		i = j
	}
	return nil
}
