// Package bindec reads and writes the binary files of package model (the embedded
// weights of prose's model, trained entity models): varints, fixed-size
// numbers and length-prefixed strings from a byte slice. The first
// problem is kept and every later read returns zero values, so that a
// reader can decode a whole structure and check Err once, and a corrupt
// file gives an error, never a panic.
package bindec

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Decoder reads from a byte slice.
type Decoder struct {
	b    []byte
	s    string // the same bytes as b first was, whole: strings are cut from it
	what string // what is read, for errors ("weights file")
	err  error
}

// New returns a decoder of b. Strings it returns are substrings of one copy
// of b: a file of many short strings costs one allocation, not one each.
func New(b []byte, what string) *Decoder {
	return &Decoder{b: b, s: string(b), what: what}
}

// Err returns the first problem met, or nil.
func (d *Decoder) Err() error { return d.err }

// Len returns the number of bytes not yet read.
func (d *Decoder) Len() int { return len(d.b) }

// Fail records a problem (the first one is kept) and stops the reading.
func (d *Decoder) Fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf("%s: %s", d.what, fmt.Sprintf(format, args...))
	}
	d.b = nil
}

var errShort = errors.New("truncated")

func (d *Decoder) short() {
	if d.err == nil {
		d.err = fmt.Errorf("%s: %w", d.what, errShort)
	}
	d.b = nil
}

// Uint reads an unsigned varint.
func (d *Decoder) Uint() uint64 { return varint(d, binary.Uvarint) }

// Int reads a signed varint.
func (d *Decoder) Int() int64 { return varint(d, binary.Varint) }

// varint reads one varint with read (binary.Uvarint or binary.Varint).
func varint[T any](d *Decoder, read func([]byte) (T, int)) T {
	v, n := read(d.b)
	if n <= 0 {
		d.short()
		var zero T
		return zero
	}
	d.b = d.b[n:]
	return v
}

// Uint64 reads 8 bytes, little-endian.
func (d *Decoder) Uint64() uint64 {
	if b := d.Bytes(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

// Uint32 reads 4 bytes, little-endian.
func (d *Decoder) Uint32() uint32 {
	if b := d.Bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

// Count reads a length, refusing one larger than the bytes left (every
// counted item takes at least one byte).
func (d *Decoder) Count() int {
	v := d.Uint()
	if v > uint64(len(d.b)) {
		d.short()
		return 0
	}
	return int(v)
}

// Bytes reads n bytes; nil when fewer are left.
func (d *Decoder) Bytes(n int) []byte {
	if n < 0 || n > len(d.b) {
		d.short()
		return nil
	}
	b := d.b[:n]
	d.b = d.b[n:]
	return b
}

// String reads a length-prefixed string.
func (d *Decoder) String() string {
	n := d.Count()
	at := len(d.s) - len(d.b)
	if d.Bytes(n) == nil && n > 0 {
		return ""
	}
	return d.s[at : at+n]
}

// Strings reads a count and as many strings.
func (d *Decoder) Strings() []string {
	n := d.Count()
	ss := make([]string, 0, n)
	for i := 0; i < n && d.err == nil; i++ {
		ss = append(ss, d.String())
	}
	return ss
}
