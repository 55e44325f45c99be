package gazetteer

import (
	"bytes"
	"slices"
)

// trie is a byte trie built once and then only read. It is built with a
// map of edges and frozen into flat arrays, because matching looks up one
// edge per byte of text and a map lookup per byte cost more than all the
// rest of matching together.
//
// Frozen, the children of node n are labels[first[n]:first[n+1]], reached
// through children[first[n]:first[n+1]]. Node 0 is the root.
type trie struct {
	// Building: (node<<8 | byte) → child node.
	edges map[uint64]int32
	nodes int32

	// Frozen.
	first    []int32
	labels   []byte
	children []int32
}

func newTrie() *trie {
	return &trie{edges: make(map[uint64]int32), nodes: 1}
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
	t.first = make([]int32, t.nodes+1)
	for k := range t.edges {
		t.first[k>>8+1]++
	}
	for n := int32(1); n <= t.nodes; n++ {
		t.first[n] += t.first[n-1]
	}
	t.labels = make([]byte, len(t.edges))
	t.children = make([]int32, len(t.edges))
	// Fill each node's range by byte value, so that it comes out sorted.
	fill := append([]int32(nil), t.first[:t.nodes]...)
	keys := make([]uint64, 0, len(t.edges))
	for k := range t.edges {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		parent := k >> 8
		i := fill[parent]
		fill[parent]++
		t.labels[i] = byte(k)
		t.children[i] = t.edges[k]
	}
	t.edges = nil
}

// next returns the child of node by b. Only after freeze.
func (t *trie) next(node int32, b byte) (int32, bool) {
	lo, hi := t.first[node], t.first[node+1]
	if hi-lo > 8 {
		// Near the root, where a node has dozens of children.
		i := bytes.IndexByte(t.labels[lo:hi], b)
		if i < 0 {
			return 0, false
		}
		return t.children[lo+int32(i)], true
	}
	// Deeper down a node has one child or a few: a plain loop beats the
	// call.
	for i := lo; i < hi; i++ {
		if t.labels[i] == b {
			return t.children[i], true
		}
	}
	return 0, false
}

// size returns the number of nodes.
func (t *trie) size() int { return int(t.nodes) }
