package gazetteer

import (
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"errors"
	"io"
	"io/fs"
	"sort"
	"sync"
)

// The default gazetteer in a prepared form: its entries and its matcher
// (trie, aliases and keys) as NewMatcher builds them, written by
// TestPreparedIndex (go generate) into default.idx and embedded. Parsing
// the data files, segmenting and folding some 20,000 names and building the
// trie was most of the start-up of `extract run`, a tenth of a CPU second
// in every run; decoding the prepared form costs a few milliseconds, and
// its strings are slices of the embedded data, not copies.
//
// The index records the SHA-256 of the data files it was made from: when
// they have changed since (an edit without go generate), the default is
// parsed and built as before, so a stale index costs time, never a wrong
// result. TestPreparedIndex fails until it is regenerated.

//go:generate go test -run ^TestPreparedIndex$ -update-index .

//go:embed default.idx
var preparedIndex string

// indexMagic begins every index; the digit is the format's version.
const indexMagic = "extract gazetteer index 1\n"

// prepared is the decoded index: the default's entries, and the matcher
// section, decoded when a matcher of the default is first asked for.
type prepared struct {
	entries []*Entry
	rest    string // the matcher's section of the index
	matcher func() *Matcher
}

// loadPrepared returns the prepared default, or nil when the index does
// not match the data files or cannot be read.
func loadPrepared() *prepared {
	sum, err := dataSum()
	if err != nil {
		return nil
	}
	d := decoder{s: preparedIndex}
	if d.raw(len(indexMagic)) != indexMagic || d.raw(sha256.Size) != string(sum[:]) {
		return nil
	}
	entries := d.entries()
	if d.err != nil {
		return nil
	}
	p := &prepared{entries: entries, rest: d.s[d.i:]}
	p.matcher = sync.OnceValue(func() *Matcher {
		d := decoder{s: p.rest}
		m := d.matcher(p.entries)
		if d.err != nil || d.i != len(d.s) {
			return buildMatcher(p.entries) // unreadable: built as any other
		}
		return m
	})
	return p
}

var defaultPrepared = sync.OnceValue(loadPrepared)

// preparedMatcher returns the prepared matcher when entries is the
// default's own slice (Default's), or nil.
func preparedMatcher(entries []*Entry) *Matcher {
	if len(entries) == 0 {
		return nil
	}
	// Default returns p.entries whenever the index was read, so comparing
	// with the index's own slice is comparing with Default's.
	if p := defaultPrepared(); p != nil && len(p.entries) == len(entries) && &p.entries[0] == &entries[0] {
		return p.matcher()
	}
	return nil
}

// dataFiles returns the names of the default's data files, sorted.
func dataFiles() ([]string, error) {
	names, err := fs.Glob(data, "data/*.gaz")
	sort.Strings(names)
	return names, err
}

// dataSum is the SHA-256 of the default's data files, names and contents,
// read through one small buffer rather than copied whole.
func dataSum() ([sha256.Size]byte, error) {
	var sum [sha256.Size]byte
	h := sha256.New()
	names, err := dataFiles()
	if err != nil {
		return sum, err
	}
	buf := make([]byte, 32<<10)
	for _, name := range names {
		f, err := data.Open(name)
		if err != nil {
			return sum, err
		}
		info, err := f.Stat()
		if err != nil {
			f.Close()
			return sum, err
		}
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(info.Size()))
		h.Write([]byte(name))
		h.Write(n[:])
		_, err = io.CopyBuffer(h, f, buf)
		f.Close()
		if err != nil {
			return sum, err
		}
	}
	h.Sum(sum[:0])
	return sum, nil
}

// encodeIndex writes the index of entries (the default, parsed) and m
// (NewMatcher's of them), made from data files whose sum is sum.
func encodeIndex(sum [sha256.Size]byte, entries []*Entry, m *Matcher) []byte {
	var e encoder
	e.b = append(e.b, indexMagic...)
	e.b = append(e.b, sum[:]...)
	e.uint(len(entries))
	for _, x := range entries {
		e.str(x.ID)
		e.str(string(x.Type))
		e.str(x.Kind)
		e.str(x.Country)
		e.str(x.Parent)
		e.str(x.Name)
		e.flag(x.NameAmbiguous)
		e.uint(len(x.Aliases))
		for _, a := range x.Aliases {
			e.str(a.Text)
			e.flag(a.Ambiguous)
		}
		e.str(x.File)
		e.uint(x.Line)
	}
	// The matcher.
	e.uint(m.maxLen)
	for _, s := range m.arrays() {
		e.str(*s)
	}
	return e.b
}

// arrays are the strings a matcher is made of, in the index's order.
func (m *Matcher) arrays() []*string {
	var out []*string
	for _, t := range []*aliasTable{&m.all, &m.lower} {
		out = append(out, &t.trie.nodes, &t.trie.labels, &t.trie.children, &t.trie.dense, &t.terms,
			&t.groups, &t.aliases, &t.aliasText)
	}
	return append(out, &m.keys, &m.keyEnds, &m.keyStart)
}

type encoder struct{ b []byte }

func (e *encoder) uint(v int)   { e.b = binary.AppendUvarint(e.b, uint64(v)) }
func (e *encoder) str(s string) { e.uint(len(s)); e.b = append(e.b, s...) }

func (e *encoder) flag(b bool) {
	if b {
		e.b = append(e.b, 1)
	} else {
		e.b = append(e.b, 0)
	}
}

var errIndex = errors.New("gazetteer: unreadable index")

// decoder reads an index. Every read checks its bounds: past the end or
// on a value out of range it sets err and returns zero values, so that a
// damaged index is refused, never a panic.
type decoder struct {
	s   string
	i   int
	err error
}

func (d *decoder) fail() { d.err, d.i = errIndex, len(d.s) }

func (d *decoder) uint() int {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		if d.i >= len(d.s) {
			d.fail()
			return 0
		}
		c := d.s[d.i]
		d.i++
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			if v > 1<<31 {
				d.fail()
				return 0
			}
			return int(v)
		}
	}
	d.fail()
	return 0
}

// count reads a length of items of at least min bytes each.
func (d *decoder) count(min int) int {
	n := d.uint()
	if n*min > len(d.s)-d.i {
		d.fail()
		return 0
	}
	return n
}

func (d *decoder) raw(n int) string {
	if n > len(d.s)-d.i {
		d.fail()
		return ""
	}
	s := d.s[d.i : d.i+n]
	d.i += n
	return s
}

func (d *decoder) str() string { return d.raw(d.uint()) }

func (d *decoder) flag() bool {
	if d.i >= len(d.s) {
		d.fail()
		return false
	}
	d.i++
	return d.s[d.i-1] != 0
}

func (d *decoder) entries() []*Entry {
	n := d.count(8)
	flat := make([]Entry, n) // one allocation for all
	out := make([]*Entry, n)
	var aliases []Alias
	for i := range flat {
		x := &flat[i]
		x.ID, x.Type, x.Kind, x.Country, x.Parent = d.str(), Type(d.str()), d.str(), d.str(), d.str()
		x.Name, x.NameAmbiguous = d.str(), d.flag()
		if na := d.count(2); na > 0 {
			if cap(aliases)-len(aliases) < na {
				aliases = make([]Alias, 0, max(na, 4096))
			}
			start := len(aliases)
			for range na {
				aliases = append(aliases, Alias{Text: d.str(), Ambiguous: d.flag()})
			}
			x.Aliases = aliases[start:len(aliases):len(aliases)]
		}
		x.File, x.Line = d.str(), d.uint()
		out[i] = x
	}
	return out
}

func (d *decoder) matcher(entries []*Entry) *Matcher {
	m := &Matcher{entries: entries, all: aliasTable{trie: &trie{}}, lower: aliasTable{trie: &trie{}}}
	m.maxLen = d.uint()
	for _, s := range m.arrays() {
		*s = d.str()
	}
	if d.err != nil || !m.valid() {
		d.fail()
		return nil
	}
	return m
}

// valid reports whether every index of the table is in range, for a
// matcher of entries entries: a damaged index must be refused, never make
// Match panic.
func (m *aliasTable) valid(entries int) bool {
	t := m.trie
	nodes := int32(t.size())
	groups := int32(len(m.groups)/4) - 1
	aliases := int32(len(m.aliases) / aliasRecord)
	if len(t.nodes)%8 != 0 || len(t.children)%4 != 0 || len(t.dense)%(4*256) != 0 ||
		len(m.terms) != 4*int(nodes) || len(t.children)/4 != len(t.labels) ||
		len(m.groups)%4 != 0 || groups < 0 || len(m.aliases)%aliasRecord != 0 {
		return false
	}
	prev := int32(0)
	for k := range groups + 1 {
		start := int32(u32(m.groups, k))
		if start < prev || start > aliases {
			return false
		}
		prev = start
	}
	if prev != aliases {
		return false
	}
	for k := range aliases {
		r := m.aliases[int(k)*aliasRecord:]
		entry, letters, capitals := int64(u32(r, 0)), int64(u32(r, 1)), int64(u32(r, 2))
		if entry >= int64(entries) || letters+int64(u32(r, 3)) > int64(len(m.aliasText)) ||
			capitals+int64(u32(r, 4)) > int64(len(m.aliasText)) {
			return false
		}
	}
	for n := range nodes {
		first, count := int32(u32(t.nodes, 2*n)), int32(u32(t.nodes, 2*n+1))
		if first < 0 || count < 0 {
			return false
		}
		// Widened before adding: first near MaxInt32 must not wrap.
		if count > maxScan && (int(first)+1)*256*4 > len(t.dense) ||
			count <= maxScan && int(first)+int(count) > len(t.labels) {
			return false
		}
		if k := int32(u32(m.terms, n)); k < -1 || k >= groups {
			return false
		}
	}
	for _, s := range []string{t.children, t.dense} {
		for i := range int32(len(s) / 4) {
			if c := int32(u32(s, i)); c < 0 || c >= nodes {
				return false
			}
		}
	}
	return true
}

// valid reports whether every index the matcher follows is in range: both
// alias tables, and the keys of its entries' names.
func (m *Matcher) valid() bool {
	if !m.all.valid(len(m.entries)) || !m.lower.valid(len(m.entries)) {
		return false
	}
	// Keys: entry i's names k run from keyStart[i] to keyStart[i+1], each
	// ending in keys at keyEnds[k], in order.
	names := int32(len(m.keyEnds) / 4)
	if len(m.keyStart) != 4*(len(m.entries)+1) || len(m.keyEnds)%4 != 0 {
		return false
	}
	for i := range int32(len(m.entries)) {
		a, b := int32(u32(m.keyStart, i)), int32(u32(m.keyStart, i+1))
		if a < 0 || b < a || b > names || int(b-a) != 1+len(m.entries[i].Aliases) {
			return false
		}
	}
	prev := int32(0)
	for k := range names {
		end := int32(u32(m.keyEnds, k))
		if end < prev || int(end) > len(m.keys) {
			return false
		}
		prev = end
	}
	return true
}
