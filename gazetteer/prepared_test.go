package gazetteer

import (
	"flag"
	"math"
	"os"
	"reflect"
	"testing"
)

var updateIndex = flag.Bool("update-index", false, "rewrite default.idx from the data files (go generate)")

// TestPreparedIndex checks that default.idx is the index of the data files
// as they are, made by the code as it is: the entries Parse gives and the
// matcher NewMatcher builds from them. With -update-index (go generate) it
// rewrites the file instead.
func TestPreparedIndex(t *testing.T) {
	entries, err := parseDefault()
	if err != nil {
		t.Fatal(err)
	}
	sum, err := dataSum()
	if err != nil {
		t.Fatal(err)
	}
	built := buildMatcher(entries)
	want := encodeIndex(sum, entries, built)
	if *updateIndex {
		if err := os.WriteFile("default.idx", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if string(want) != preparedIndex {
		t.Fatal("default.idx is out of date: run go generate ./gazetteer")
	}
	p := loadPrepared()
	if p == nil {
		t.Fatal("the prepared index is refused")
	}
	if !reflect.DeepEqual(p.entries, entries) {
		t.Error("the prepared entries differ from the parsed ones")
	}
	if m := p.matcher(); !reflect.DeepEqual(m, built) {
		t.Error("the prepared matcher differs from the built one")
	}
	def := defaultEntries(t)
	if NewMatcher(def) != defaultPrepared().matcher() {
		t.Error("NewMatcher of the default does not return the prepared matcher")
	}
	if NewMatcher(def[:len(def)-1]) == defaultPrepared().matcher() {
		t.Error("NewMatcher of part of the default returns the prepared matcher")
	}
}

// TestNameKeys checks that the keys a matcher keeps are MatchKey's.
func TestNameKeys(t *testing.T) {
	def := defaultEntries(t)
	m := NewMatcher(def)
	for i, e := range def {
		for k, a := range e.Names() {
			if got, want := m.NameKey(i, k), MatchKey(a.Text); got != want {
				t.Errorf("%s: key of %q is %q, MatchKey gives %q", e.ID, a.Text, got, want)
			}
		}
	}
}

// TestDamagedIndex checks that a damaged index is refused, not a panic.
func TestDamagedIndex(t *testing.T) {
	entries, err := parseDefault()
	if err != nil {
		t.Fatal(err)
	}
	good := encodeIndex([32]byte{}, entries, buildMatcher(entries))
	start := len(indexMagic) + 32
	for _, cut := range []int{start + 1, len(good) / 3, len(good) / 2, len(good) - 5} {
		d := decoder{s: string(good[start:cut])}
		es := d.entries()
		if d.err == nil {
			d.matcher(es)
		}
		if d.err == nil {
			t.Errorf("an index cut at %d of %d is read without error", cut, len(good))
		}
	}
	// A child out of range.
	m := buildMatcher(entries)
	children := []byte(m.all.trie.children)
	copy(children, appendU32(nil, int32(m.all.trie.size())))
	m.all.trie.children = string(children)
	bad := encodeIndex([32]byte{}, entries, m)
	d := decoder{s: string(bad[start:])}
	if d.matcher(d.entries()); d.err == nil {
		t.Error("a child out of range is read without error")
	}
	// A node whose first child is at MaxInt32, where first+count wraps
	// in int32: the root (scanned through the dense table) and the first
	// node with a few children.
	nodes := int32(m.all.trie.size())
	few := int32(-1)
	for n := int32(1); n < nodes && few < 0; n++ {
		if c := int32(u32(m.all.trie.nodes, 2*n+1)); c > 0 && c <= maxScan {
			few = n
		}
	}
	for _, n := range []int32{0, few} {
		m := buildMatcher(entries)
		b := []byte(m.all.trie.nodes)
		copy(b[8*n:], appendU32(nil, int32(math.MaxInt32)))
		m.all.trie.nodes = string(b)
		bad := encodeIndex([32]byte{}, entries, m)
		d := decoder{s: string(bad[start:])}
		if d.matcher(d.entries()); d.err == nil {
			t.Errorf("node %d with its first child at MaxInt32 is read without error", n)
		}
	}
}
