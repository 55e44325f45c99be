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
type trie struct {
	nodes    []trieNode
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

// buildTrie makes the trie of keys and returns, for each key, the node it
// ends at. It sorts the keys and lays the trie out in one pass over them:
// the children of a node are then a run of keys, grouped by their next
// byte. Building through a map of edges (one lookup per byte of every key)
// and sorting the edges afterwards cost twice as much.
func buildTrie(keys [][]byte) (*trie, []int32) {
	order := make([]int32, len(keys))
	size := 1
	for i := range order {
		order[i] = int32(i)
		size += len(keys[i])
	}
	slices.SortFunc(order, func(a, b int32) int { return bytes.Compare(keys[a], keys[b]) })
	// size bounds the nodes (one per byte of every key, plus the root);
	// shared prefixes make fewer.
	t := &trie{
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
func (t *trie) fill(node int32, keys [][]byte, order []int32, depth int, ends []int32) {
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
	n := t.nodes[node]
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
func (t *trie) size() int { return len(t.nodes) }
