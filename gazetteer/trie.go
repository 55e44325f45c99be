package gazetteer

import "slices"

// trie is a byte trie built once and then only read. It is built with a
// map of edges and frozen into flat arrays, because matching looks up one
// edge per byte of text and a map lookup per byte cost more than all the
// rest of matching together.
//
// Frozen, a node with few children (most of them) has them at
// labels[first:first+count], reached through children[first:first+count];
// a node with many (near the root) has a row of 256 children in dense, 0
// where there is none (the root is no one's child). Node 0 is the root.
type trie struct {
	// Building: (node<<8 | byte) → child node.
	edges map[uint64]int32
	nodes int32

	// Frozen.
	frozen   []trieNode
	labels   []byte
	children []int32
	dense    []int32 // rows of 256
}

type trieNode struct {
	first int32 // first edge in labels and children, or the row in dense
	count int32 // number of children
}

// maxScan is the number of children up to which a node's labels are
// scanned; a node with more gets a dense row.
const maxScan = 8

// newTrie returns an empty trie ready for about nodes nodes: growing the
// edge map step by step cost a third of building the default gazetteer's.
func newTrie(nodes int) *trie {
	return &trie{edges: make(map[uint64]int32, nodes), nodes: 1}
}

// add returns the child of node by b, making it if needed. Only before
// freeze.
func (t *trie) add(node int32, b byte) int32 {
	k := uint64(node)<<8 | uint64(b)
	if c, ok := t.edges[k]; ok {
		return c
	}
	c := t.nodes
	t.nodes++
	t.edges[k] = c
	return c
}

// freeze lays the edges out in the flat arrays, each node's children in
// byte order, and drops the map.
func (t *trie) freeze() {
	keys := make([]uint64, 0, len(t.edges))
	for k := range t.edges {
		keys = append(keys, k)
	}
	slices.Sort(keys) // by parent, then byte
	t.frozen = make([]trieNode, t.nodes)
	for _, k := range keys {
		t.frozen[k>>8].count++
	}
	edges, rows := int32(0), int32(0)
	for n := range t.frozen {
		if t.frozen[n].count > maxScan {
			t.frozen[n].first = rows
			rows++
		} else {
			t.frozen[n].first = edges
			edges += t.frozen[n].count
		}
	}
	t.labels = make([]byte, edges)
	t.children = make([]int32, edges)
	t.dense = make([]int32, 256*rows)
	filled := make([]int32, t.nodes)
	for _, k := range keys {
		parent, b, child := k>>8, byte(k), t.edges[k]
		n := t.frozen[parent]
		if n.count > maxScan {
			t.dense[256*n.first+int32(b)] = child
			continue
		}
		i := n.first + filled[parent]
		filled[parent]++
		t.labels[i] = b
		t.children[i] = child
	}
	t.edges = nil
}

// next returns the child of node by b. Only after freeze.
func (t *trie) next(node int32, b byte) (int32, bool) {
	n := t.frozen[node]
	if n.count > maxScan {
		c := t.dense[256*n.first+int32(b)]
		return c, c != 0
	}
	for i := n.first; i < n.first+n.count; i++ {
		if t.labels[i] == b {
			return t.children[i], true
		}
	}
	return 0, false
}

// size returns the number of nodes.
func (t *trie) size() int { return int(t.nodes) }
