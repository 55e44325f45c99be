package gazetteer

import (
	"bytes"
	"math/rand"
	"testing"
)

// TestBuildTrie builds tries of random keys (short and long, shared
// prefixes, duplicates, the empty key, nodes with many children) and walks
// every key: it must end at the node buildTrie gave it, and two keys end
// at one node exactly when they are equal.
func TestBuildTrie(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for round := 0; round < 200; round++ {
		alphabet := 2 + r.Intn(30) // above maxScan: dense rows
		keys := make([][]byte, r.Intn(60))
		for i := range keys {
			if i > 0 && r.Intn(5) == 0 {
				keys[i] = keys[r.Intn(i)] // a duplicate
				continue
			}
			k := make([]byte, r.Intn(8))
			for j := range k {
				k[j] = byte('a' + r.Intn(alphabet))
			}
			keys[i] = k
		}
		tr, ends := buildTrie(keys)
		for i, k := range keys {
			node := int32(0)
			for _, b := range k {
				c, ok := tr.next(node, b)
				if !ok {
					t.Fatalf("round %d: key %q: no edge %q", round, k, b)
				}
				node = c
			}
			if node != ends[i] {
				t.Fatalf("round %d: key %q ends at %d, buildTrie said %d", round, k, node, ends[i])
			}
			for j := range i {
				if (ends[j] == ends[i]) != bytes.Equal(keys[j], k) {
					t.Fatalf("round %d: keys %q and %q, nodes %d and %d", round, keys[j], k, ends[j], ends[i])
				}
			}
		}
		// A byte that follows no key leads nowhere.
		if _, ok := tr.next(0, 0); ok {
			t.Fatalf("round %d: an edge by byte 0 from the root", round)
		}
	}
}
