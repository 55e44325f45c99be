package bindec

import (
	"bufio"
	"encoding/binary"
	"io"
)

// Encoder writes what a Decoder reads: varints, little-endian fixed-size
// numbers and length-prefixed strings, buffered. Write errors are kept by
// the buffer and returned by Flush.
type Encoder struct {
	w   *bufio.Writer
	tmp [binary.MaxVarintLen64]byte
}

// NewEncoder returns an encoder writing to w; call Flush at the end.
func NewEncoder(w io.Writer) *Encoder { return &Encoder{w: bufio.NewWriter(w)} }

// Uint writes an unsigned varint (Decoder.Uint, Count).
func (e *Encoder) Uint(v uint64) { e.w.Write(e.tmp[:binary.PutUvarint(e.tmp[:], v)]) }

// Int writes a signed varint (Decoder.Int).
func (e *Encoder) Int(v int64) { e.w.Write(e.tmp[:binary.PutVarint(e.tmp[:], v)]) }

// Uint64 writes 8 bytes, little-endian (Decoder.Uint64).
func (e *Encoder) Uint64(v uint64) {
	binary.LittleEndian.PutUint64(e.tmp[:8], v)
	e.w.Write(e.tmp[:8])
}

// Uint32 writes 4 bytes, little-endian (Decoder.Uint32).
func (e *Encoder) Uint32(v uint32) {
	binary.LittleEndian.PutUint32(e.tmp[:4], v)
	e.w.Write(e.tmp[:4])
}

// Raw writes s as it is, with no length (a magic line).
func (e *Encoder) Raw(s string) { e.w.WriteString(s) }

// String writes a length-prefixed string (Decoder.String).
func (e *Encoder) String(s string) {
	e.Uint(uint64(len(s)))
	e.w.WriteString(s)
}

// Strings writes a count and as many strings (Decoder.Strings).
func (e *Encoder) Strings(ss []string) {
	e.Uint(uint64(len(ss)))
	for _, s := range ss {
		e.String(s)
	}
}

// Flush writes what is buffered and returns the first write error.
func (e *Encoder) Flush() error { return e.w.Flush() }
