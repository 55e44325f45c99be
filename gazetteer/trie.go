package gazetteer

import (
	"bytes"
	"slices"
)

// trie is a byte trie built once, from all its keys at once, and then only
// read. Matching looks up one edge per byte of text, so the edges are flat
// arrays, not a map: a map lookup per byte cost more than all the rest of
// matching together.
//
// A node with few children (most of them) has them at
// labels[first:first+count], reached through children[first:first+count];
// a node with many (near the root) has a row of 256 children in dense, 0
// where there is none (the root is no one's child). Node 0 is the root.
//
// The arrays are strings of little-endian uint32s (see u32): the default
// gazetteer's trie is read in place from the prepared index embedded in
// the binary (prepared.go), not decoded into memory of its own.
type trie struct {
	nodes    string // per node: first, count
	labels   string
	children string
	dense    string // rows of 256
}

// u32 returns the i-th little-endian uint32 of s.
func u32(s string, i int32) uint32 {
	s = s[4*int(i) : 4*int(i)+4]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// appendU32 appends v to b as little-endian uint32s.
func appendU32[T ~int32 | ~uint32](b []byte, v ...T) []byte {
	for _, x := range v {
		b = append(b, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
	}
	return b
}

// trieBuilder is a trie being laid out, in slices.
type trieBuilder struct {
	nodes    []trieNode
	labels   []byte
	children []int32
	dense    []int32
}

type trieNode struct {
	first int32 // first edge in labels and children, or the row in dense
	count int32 // number of children
}

// maxScan is the number of children up to which a node's labels are
// scanned; a node with more gets a dense row.
const maxScan = 8

// buildTrie makes the trie of keys and returns, for each key, the node it
// ends at. It sorts the keys and lays the trie out in one pass over them:
// the children of a node are then a run of keys, grouped by their next
// byte. Building through a map of edges (one lookup per byte of every key)
// and sorting the edges afterwards cost twice as much.
func buildTrie(keys [][]byte) (*trie, []int32) {
	t, ends := layTrie(keys)
	nodes := make([]byte, 0, 8*len(t.nodes))
	for _, n := range t.nodes {
		nodes = appendU32(nodes, n.first, n.count)
	}
	return &trie{
		nodes:    string(nodes),
		labels:   string(t.labels),
		children: string(appendU32(nil, t.children...)),
		dense:    string(appendU32(nil, t.dense...)),
	}, ends
}

// layTrie lays out the trie of keys in slices (see buildTrie).
func layTrie(keys [][]byte) (*trieBuilder, []int32) {
	order := make([]int32, len(keys))
	size := 1
	for i := range order {
		order[i] = int32(i)
		size += len(keys[i])
	}
	slices.SortFunc(order, func(a, b int32) int { return bytes.Compare(keys[a], keys[b]) })
	// size bounds the nodes (one per byte of every key, plus the root);
	// shared prefixes make fewer.
	t := &trieBuilder{
		nodes:    make([]trieNode, 1, size),
		labels:   make([]byte, 0, size),
		children: make([]int32, 0, size),
	}
	ends := make([]int32, len(keys))
	t.fill(0, keys, order, 0, ends)
	return t, ends
}

// fill lays out the subtrie of node: keys[order[...]] all share their
// first depth bytes, which lead to node, and are sorted.
func (t *trieBuilder) fill(node int32, keys [][]byte, order []int32, depth int, ends []int32) {
	// Keys that end here come first in sorted order.
	k := 0
	for k < len(order) && len(keys[order[k]]) == depth {
		ends[order[k]] = node
		k++
	}
	rest := order[k:]
	if len(rest) == 0 {
		return
	}
	if last := keys[rest[len(rest)-1]]; bytes.Equal(keys[rest[0]], last) {
		// One key (perhaps several times) below here, as in most of the
		// trie: a chain of nodes of one child each, laid out directly.
		for _, b := range last[depth:] {
			child := int32(len(t.nodes))
			t.nodes[node] = trieNode{first: int32(len(t.children)), count: 1}
			t.labels = append(t.labels, b)
			t.children = append(t.children, child)
			t.nodes = append(t.nodes, trieNode{})
			node = child
		}
		for _, o := range rest {
			ends[o] = node
		}
		return
	}
	count := int32(0)
	for i := 0; i < len(rest); {
		b := keys[rest[i]][depth]
		for i < len(rest) && keys[rest[i]][depth] == b {
			i++
		}
		count++
	}
	first := int32(len(t.children))
	if count > maxScan {
		first = int32(len(t.dense) / 256)
		t.dense = append(t.dense, make([]int32, 256)...)
	} else {
		t.labels = append(t.labels, make([]byte, count)...)
		t.children = append(t.children, make([]int32, count)...)
	}
	t.nodes[node] = trieNode{first: first, count: count}
	edge := int32(0)
	for i := 0; i < len(rest); {
		j := i
		b := keys[rest[i]][depth]
		for j < len(rest) && keys[rest[j]][depth] == b {
			j++
		}
		child := int32(len(t.nodes))
		t.nodes = append(t.nodes, trieNode{})
		if count > maxScan {
			t.dense[256*first+int32(b)] = child
		} else {
			t.labels[first+edge] = b
			t.children[first+edge] = child
		}
		edge++
		t.fill(child, keys, rest[i:j], depth+1, ends)
		i = j
	}
}

// next returns the child of node by b.
func (t *trie) next(node int32, b byte) (int32, bool) {
	n := t.nodes[8*int(node) : 8*int(node)+8]
	first := int32(uint32(n[0]) | uint32(n[1])<<8 | uint32(n[2])<<16 | uint32(n[3])<<24)
	count := int32(uint32(n[4]) | uint32(n[5])<<8 | uint32(n[6])<<16 | uint32(n[7])<<24)
	if count > maxScan {
		c := int32(u32(t.dense, 256*first+int32(b)))
		return c, c != 0
	}
	labels := t.labels[first : first+count]
	for i := 0; i < len(labels); i++ {
		if labels[i] == b {
			return int32(u32(t.children, first+int32(i))), true
		}
	}
	return 0, false
}

// size returns the number of nodes.
func (t *trie) size() int { return len(t.nodes) / 8 }
