package model

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/extract-ca/extract/model/internal/bindec"
)

// The entity model file: a magic line, then a gzip stream of
//
//	uvarint flags (bit 0: gazetteer features, bit 1: a recipe follows,
//	    bit 2: lexicons follow)
//	if bit 1: uvarint length, bytes of the recipe
//	if bit 2: uvarint number of lexicons, then each: its name (uvarint
//	    length, bytes), uvarint number of words, then each word (uvarint
//	    length, bytes), in increasing byte order
//	uvarint number of labels, then each: uvarint length, bytes
//	uvarint number of features, then for each, by increasing hash:
//	    uvarint hash minus the previous hash
//	    uvarint mask of the labels with a non-zero weight
//	    float32 little-endian weight of each label in the mask
//
// Sorting by hash makes the bytes depend only on the weights, not on map
// order; the deltas and the masks keep the file small.
const entityMagic = "extract entity model 1\n"

// maxLabels bounds the labels a file may declare: masks are 64-bit.
const maxLabels = 63

// IsEntityModel reports whether data starts like an entity model file.
func IsEntityModel(data []byte) bool { return bytes.HasPrefix(data, []byte(entityMagic)) }

// WriteTo writes the model in the file format.
func (t *EntityTagger) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	buf.WriteString(entityMagic)
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	e := bindec.NewEncoder(zw)
	flags := uint64(0)
	if t.Gazetteer {
		flags |= 1
	}
	if t.Recipe != "" {
		flags |= 2
	}
	lexicons := t.Lexicons()
	if len(lexicons) > 0 {
		flags |= 4
	}
	e.Uint(flags)
	if t.Recipe != "" {
		e.String(t.Recipe)
	}
	if len(lexicons) > 0 {
		e.Uint(uint64(len(lexicons)))
		for _, l := range lexicons {
			e.String(l.Name)
			e.Strings(l.Words)
		}
	}
	e.Strings(t.labels)
	n := len(t.labels)
	hashes := make([]uint64, 0, len(t.index))
	for h, r := range t.index {
		if int(r)*n < len(t.weights) {
			hashes = append(hashes, h)
		}
	}
	slices.Sort(hashes)
	e.Uint(uint64(len(hashes)))
	prev := uint64(0)
	for _, h := range hashes {
		e.Uint(h - prev)
		prev = h
		r := int(t.index[h])
		row := t.weights[r*n : r*n+n]
		mask := uint64(0)
		for l, x := range row {
			if x != 0 {
				mask |= 1 << l
			}
		}
		e.Uint(mask)
		for _, x := range row {
			if x != 0 {
				e.Uint32(math.Float32bits(x))
			}
		}
	}
	if err := e.Flush(); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return buf.WriteTo(w)
}

// LoadEntityTagger decodes an entity model file. It returns an error, never
// panics, on any input.
func LoadEntityTagger(data []byte) (*EntityTagger, error) {
	if !IsEntityModel(data) {
		return nil, errors.New("not an extract entity model (bad magic)")
	}
	zr, err := gzip.NewReader(bytes.NewReader(data[len(entityMagic):]))
	if err != nil {
		return nil, fmt.Errorf("entity model: %w", err)
	}
	// A bound on the decompressed size stops a small file from claiming
	// gigabytes; real models decompress to well under it.
	body, err := io.ReadAll(io.LimitReader(zr, 1<<30))
	if err != nil {
		return nil, fmt.Errorf("entity model: %w", err)
	}
	d := bindec.New(body, "entity model")
	t := &EntityTagger{}
	flags := d.Uint()
	if flags&^7 != 0 {
		return nil, fmt.Errorf("entity model: unknown flags %#x", flags)
	}
	t.Gazetteer = flags&1 != 0
	if flags&2 != 0 {
		t.Recipe = d.String()
	}
	if flags&4 != 0 {
		lexicons, err := readLexicons(d)
		if err != nil {
			return nil, err
		}
		t.lex = newLexiconSet(lexicons)
	}
	nl := d.Uint()
	if nl == 0 || nl > maxLabels || nl%2 == 0 {
		return nil, fmt.Errorf("entity model: %d labels: want O and a B-, I- pair per type", nl)
	}
	for i := uint64(0); i < nl && d.Err() == nil; i++ {
		t.labels = append(t.labels, d.String())
	}
	if err := checkLabels(t.labels); d.Err() == nil && err != nil {
		return nil, err
	}
	nf := d.Uint()
	// Each feature takes at least two bytes: refuse counts the data
	// cannot hold before allocating for them.
	if nf > uint64(d.Len())/2 {
		return nil, errors.New("entity model: feature count beyond the data")
	}
	n := int(nl)
	t.index = make(map[uint64]int32, nf)
	t.weights = make([]float32, 0, int(nf)*n)
	h := uint64(0)
	for k := uint64(0); k < nf && d.Err() == nil; k++ {
		delta := d.Uint()
		if k > 0 && delta == 0 {
			return nil, errors.New("entity model: features not in increasing order")
		}
		h += delta
		mask := d.Uint()
		if mask>>n != 0 {
			return nil, fmt.Errorf("entity model: feature %d: weight mask beyond %d labels", k, n)
		}
		t.index[h] = int32(len(t.weights) / n)
		row := make([]float32, n)
		for l := range row {
			if mask&(1<<l) != 0 {
				x := math.Float32frombits(d.Uint32())
				if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
					return nil, fmt.Errorf("entity model: feature %d: weight not finite", k)
				}
				row[l] = x
			}
		}
		t.weights = append(t.weights, row...)
	}
	if d.Err() != nil {
		return nil, d.Err()
	}
	if d.Len() != 0 {
		return nil, errors.New("entity model: trailing data")
	}
	return t, nil
}

// checkLabels requires "O" then B-X, I-X pairs, the order decoding relies on.
func checkLabels(labels []string) error {
	if labels[0] != "O" {
		return errors.New("entity model: first label must be O")
	}
	for i := 1; i+1 < len(labels); i += 2 {
		typ, ok := strings.CutPrefix(labels[i], "B-")
		if !ok || typ == "" || labels[i+1] != "I-"+typ {
			return fmt.Errorf("entity model: labels %q, %q: want a B-, I- pair", labels[i], labels[i+1])
		}
	}
	return nil
}

// readLexicons decodes the lexicons of a model file, which must be as
// Train leaves them: named, each name once, words normalised.
func readLexicons(d *bindec.Decoder) ([]Lexicon, error) {
	n := d.Uint()
	if n == 0 || n > maxLexicons {
		return nil, fmt.Errorf("entity model: %d lexicons: want 1 to %d", n, maxLexicons)
	}
	lexicons := make([]Lexicon, 0, n)
	for i := uint64(0); i < n && d.Err() == nil; i++ {
		lexicons = append(lexicons, Lexicon{Name: d.String(), Words: d.Strings()})
	}
	if d.Err() != nil {
		return nil, d.Err()
	}
	if err := checkLexicons(lexicons); err != nil {
		return nil, fmt.Errorf("entity model: %w", err)
	}
	for _, l := range lexicons {
		for k, w := range l.Words {
			if w != strings.ToLower(w) || k > 0 && w <= l.Words[k-1] {
				return nil, fmt.Errorf("entity model: lexicon %s: words not lower case in increasing order", l.Name)
			}
		}
	}
	return lexicons, nil
}
