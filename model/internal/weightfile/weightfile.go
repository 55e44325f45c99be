// Package weightfile reads and writes the compact form of prose's English
// model that package model embeds.
//
// The file is gzip-compressed; inside, every integer is a varint and every
// string a uvarint length followed by its bytes:
//
//	magic "extract prose-en weights 2\n"
//	POS classes:   n, n strings
//	POS tag map:   n, n × (word, class)              sorted by word
//	POS features:  n, total entries, n × (key, m, m × (class, milli)) sorted by key
//	NER labels:    n, n strings
//	NER word list: n, n strings
//	NER features:  n names, total values; per name: k values, k × (value, m, m × (label, float64 bits))
//
// The totals let the reader allocate once.
//
// Perceptron weights are multiples of 0.001 and stored as integers; Encode
// refuses a weight that float64(milli)/1000 would not reproduce exactly.
package weightfile

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"github.com/extract-ca/extract/model/internal/bindec"
)

const magic = "extract prose-en weights 2\n"

// FeatureOrder is the order in which prose's NER sums its features, the
// names of its feature templates.
var FeatureOrder = []string{
	"bias", "en-wordlist", "nextpos", "nextword", "pos", "pos+prevtag",
	"prefix3", "prevpos", "prevtag", "prevword", "shape", "shape+prevtag",
	"suffix3", "word", "word+nextpos", "word.lower", "wordlen"}

// Weights is prose's model as prose stores it.
type Weights struct {
	POSClasses []string
	POSTagMap  map[string]string
	POSWeights map[string]map[string]float64
	NERLabels  []string
	NERMapping map[string]int // "feature-value-label" → index into NERWeights
	NERWeights []float64
	NERWords   []string
}

// Compact is the model in the form the engine uses: integer ids, flat rows.
type Compact struct {
	POSClasses []string
	POSTagMap  map[string]uint8
	POSFeature map[string]int32 // feature key → row
	POSRow     []int32          // row r's entries are POSRow[r]:POSRow[r+1]
	POSClass   []uint8
	POSWeight  []int32 // thousandths

	NERLabels []string
	NERWords  map[string]bool
	// NERValue[f] maps a value of feature FeatureOrder[f] to a row of
	// NERRows, len(NERLabels) weights, 0 where prose's mapping has no key.
	NERValue []map[string]int32
	NERRows  []float64
}

// Encode writes w in the compact file format.
func Encode(out io.Writer, w *Weights) error {
	zw, err := gzip.NewWriterLevel(out, gzip.BestCompression)
	if err != nil {
		return err
	}
	e := bindec.NewEncoder(zw)
	e.Raw(magic)

	classIndex := map[string]int{}
	e.Strings(w.POSClasses)
	for i, c := range w.POSClasses {
		classIndex[c] = i
	}
	words := sortedKeys(w.POSTagMap)
	e.Uint(uint64(len(words)))
	for _, word := range words {
		c, ok := classIndex[w.POSTagMap[word]]
		if !ok {
			return fmt.Errorf("tag map: %q has unknown class %q", word, w.POSTagMap[word])
		}
		e.String(word)
		e.Uint(uint64(c))
	}
	feats := sortedKeys(w.POSWeights)
	e.Uint(uint64(len(feats)))
	total := 0
	for _, row := range w.POSWeights {
		total += len(row)
	}
	e.Uint(uint64(total))
	for _, f := range feats {
		row := w.POSWeights[f]
		classes := sortedKeys(row)
		sort.Slice(classes, func(i, j int) bool { return classIndex[classes[i]] < classIndex[classes[j]] })
		e.String(f)
		e.Uint(uint64(len(classes)))
		for _, c := range classes {
			ci, ok := classIndex[c]
			if !ok {
				return fmt.Errorf("feature %q: unknown class %q", f, c)
			}
			milli := math.Round(row[c] * 1000)
			if float64(int64(milli))/1000 != row[c] {
				return fmt.Errorf("feature %q class %q: weight %v is not a multiple of 0.001", f, c, row[c])
			}
			e.Uint(uint64(ci))
			e.Int(int64(milli))
		}
	}

	e.Strings(w.NERLabels)
	e.Strings(w.NERWords)
	rows, err := nerRows(w)
	if err != nil {
		return err
	}
	e.Uint(uint64(len(FeatureOrder)))
	total = 0
	for _, values := range rows {
		total += len(values)
	}
	e.Uint(uint64(total))
	for f, name := range FeatureOrder {
		e.String(name)
		values := sortedKeys(rows[f])
		e.Uint(uint64(len(values)))
		for _, v := range values {
			entries := rows[f][v]
			e.String(v)
			e.Uint(uint64(len(entries)))
			for _, en := range entries {
				e.Uint(uint64(en.label))
				e.Uint64(math.Float64bits(en.weight))
			}
		}
	}
	if err := e.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

type nerEntry struct {
	label  int
	weight float64
}

// nerRows splits prose's "feature-value-label" keys. A key parses one way
// only: feature names are a fixed list none of which is a prefix of
// another followed by "-", and no label is a suffix of another after "-".
func nerRows(w *Weights) ([]map[string][]nerEntry, error) {
	rows := make([]map[string][]nerEntry, len(FeatureOrder))
	for i := range rows {
		rows[i] = map[string][]nerEntry{}
	}
	for key, idx := range w.NERMapping {
		if idx < 0 || idx >= len(w.NERWeights) {
			return nil, fmt.Errorf("mapping %q: index %d out of range", key, idx)
		}
		found := 0
		for f, name := range FeatureOrder {
			if !strings.HasPrefix(key, name+"-") {
				continue
			}
			for l, label := range w.NERLabels {
				if !strings.HasSuffix(key, "-"+label) || len(key) < len(name)+len(label)+2 {
					continue
				}
				value := key[len(name)+1 : len(key)-len(label)-1]
				if name+"-"+value+"-"+label != key {
					continue
				}
				found++
				entries := rows[f][value]
				entries = append(entries, nerEntry{l, w.NERWeights[idx]})
				sort.Slice(entries, func(i, j int) bool { return entries[i].label < entries[j].label })
				rows[f][value] = entries
			}
		}
		if found != 1 {
			return nil, fmt.Errorf("mapping key %q parses %d ways", key, found)
		}
	}
	return rows, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Decode reads the compact file format.
func Decode(r io.Reader) (*Compact, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	buf.Grow(sizeHint(r))
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, err
	}
	raw := buf.Bytes()
	// Keys are substrings of one copy of the file: 300,000 strings
	// without 300,000 allocations.
	d := bindec.New(raw, "weights file")
	if string(d.Bytes(len(magic))) != magic {
		return nil, errors.New("not a weights file (bad magic)")
	}
	c := &Compact{}
	c.POSClasses = d.Strings()
	if len(c.POSClasses) > 255 {
		return nil, errors.New("too many POS classes")
	}
	n := d.Count()
	c.POSTagMap = make(map[string]uint8, n)
	for i := 0; i < n && d.Err() == nil; i++ {
		word := d.String()
		c.POSTagMap[word] = class(d, len(c.POSClasses))
	}
	n = d.Count()
	entries := d.Count()
	c.POSFeature = make(map[string]int32, n)
	c.POSRow = make([]int32, 0, n+1)
	c.POSClass = make([]uint8, 0, entries)
	c.POSWeight = make([]int32, 0, entries)
	for i := 0; i < n && d.Err() == nil; i++ {
		c.POSFeature[d.String()] = int32(i)
		c.POSRow = append(c.POSRow, int32(len(c.POSClass)))
		m := d.Count()
		for j := 0; j < m && d.Err() == nil; j++ {
			c.POSClass = append(c.POSClass, class(d, len(c.POSClasses)))
			milli := d.Int()
			if milli < math.MinInt32 || milli > math.MaxInt32 {
				d.Fail("POS weight out of range")
			}
			c.POSWeight = append(c.POSWeight, int32(milli))
		}
	}
	c.POSRow = append(c.POSRow, int32(len(c.POSClass)))

	c.NERLabels = d.Strings()
	if len(c.NERLabels) > 64 || len(c.NERLabels) == 0 && d.Err() == nil {
		// Rows are dense: a bound on labels bounds the memory a
		// corrupt file can make the reader allocate.
		return nil, fmt.Errorf("weights file: %d NER labels, want 1 to 64", len(c.NERLabels))
	}
	c.NERWords = map[string]bool{}
	for _, w := range d.Strings() {
		c.NERWords[w] = true
	}
	nl := len(c.NERLabels)
	if nf := d.Count(); nf != len(FeatureOrder) && d.Err() == nil {
		return nil, fmt.Errorf("weights file has %d NER features, want %d", nf, len(FeatureOrder))
	}
	c.NERRows = make([]float64, 0, min(d.Count(), d.Len()/2)*nl)
	c.NERValue = make([]map[string]int32, len(FeatureOrder))
	for f := range FeatureOrder {
		if name := d.String(); name != FeatureOrder[f] && d.Err() == nil {
			return nil, fmt.Errorf("weights file: NER feature %d is %q, want %q", f, name, FeatureOrder[f])
		}
		k := d.Count()
		c.NERValue[f] = make(map[string]int32, k)
		for i := 0; i < k && d.Err() == nil; i++ {
			row := int32(len(c.NERRows) / max(nl, 1))
			c.NERValue[f][d.String()] = row
			c.NERRows = append(c.NERRows, make([]float64, nl)...)
			m := d.Count()
			for j := 0; j < m && d.Err() == nil; j++ {
				l := int(class(d, nl))
				c.NERRows[int(row)*nl+l] = math.Float64frombits(d.Uint64())
			}
		}
	}
	if d.Err() != nil {
		return nil, d.Err()
	}
	if d.Len() != 0 {
		return nil, errors.New("weights file: trailing bytes")
	}
	return c, nil
}

// sizeHint is the uncompressed size a gzip stream states in its last four
// bytes, when r can tell it; only a hint (it is the size modulo 2³²).
func sizeHint(r io.Reader) int {
	if br, ok := r.(*bytes.Reader); ok && br.Size() >= 4 {
		var tail [4]byte
		if _, err := br.ReadAt(tail[:], br.Size()-4); err == nil {
			if n := binary.LittleEndian.Uint32(tail[:]); n < 1<<30 {
				return int(n) + bytes.MinRead
			}
		}
	}
	return 0
}

// class reads a class index below n.
func class(d *bindec.Decoder, n int) uint8 {
	v := d.Uint()
	if v >= uint64(n) {
		d.Fail("class %d out of range", v)
		return 0
	}
	return uint8(v)
}
