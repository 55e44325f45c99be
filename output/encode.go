package output

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends r encoded as JSON to b: byte for byte what
// encoding/json's Encoder gives with SetEscapeHTML(false) for a result
// record, without the final newline. It writes the fields directly instead of going through
// reflection, which made the encoding cost as much as the pipeline's own
// stages; the tests compare the two on random records.
//
// A record with Error set is an error record and is written as
// {"id","source","error"} only, whatever else it holds: the schema admits
// nothing more, and a consumer must be able to tell the two kinds apart by
// their keys (a failed document has no length or sentences, not empty ones).
func (r *Record) AppendJSON(b []byte) []byte {
	// One allocation of about the line's size, instead of the doublings
	// (and copies) of a line that grows from nothing to tens of KB.
	b = slices.Grow(b, r.sizeHint())
	b = appendStringField(b, `{"id":`, r.ID)
	b = appendStringField(b, `,"source":`, r.Source)
	if r.Error != "" {
		b = appendStringField(b, `,"error":`, r.Error)
		return append(b, '}')
	}
	if r.SHA256 != "" {
		b = appendStringField(b, `,"sha256":`, r.SHA256)
	}
	b = appendIntField(b, `,"length":`, r.Length)
	b = appendArray(b, `,"sentences":`, r.Sentences, appendSentence)
	b = appendArray(b, `,"mentions":`, r.Mentions, (*Mention).appendJSON)
	b = appendArray(b, `,"entities":`, r.Entities, (*Entity).appendJSON)
	b = appendArray(b, `,"edges":`, r.Edges, (*Edge).appendJSON)
	return append(b, '}')
}

// sizeHint is about the length of r's JSON: the strings' bytes and a
// little more than the keys, punctuation and numbers of each element (a
// string that needs escapes makes it longer).
func (r *Record) sizeHint() int {
	n := 128 + len(r.ID) + len(r.Source) + len(r.Error) + len(r.SHA256) + 20*len(r.Sentences)
	if r.Error != "" {
		return n
	}
	for i := range r.Mentions {
		m := &r.Mentions[i]
		n += 160 + len(m.ID) + len(m.Text) + len(m.Label) + len(m.Entity) + len(m.Source)
	}
	for i := range r.Entities {
		e := &r.Entities[i]
		n += 64 + len(e.ID) + len(e.Label) + len(e.Name) + len(e.Kind)
		for _, id := range e.Mentions {
			n += 3 + len(id)
		}
		for _, id := range e.Candidates {
			n += 3 + len(id)
		}
	}
	for i := range r.Edges {
		e := &r.Edges[i]
		n += 64 + len(e.Source) + len(e.Target) + len(e.Relation)
	}
	return n
}

// appendStringField appends key (the field's name with its quotes and
// colon, and the brace or comma before it) and the JSON string s.
func appendStringField(b []byte, key, s string) []byte { return appendString(append(b, key...), s) }

// appendIntField appends key, as appendStringField does, and the number n.
func appendIntField(b []byte, key string, n int) []byte {
	return strconv.AppendInt(append(b, key...), int64(n), 10)
}

// appendArray appends key, as appendStringField does, and s as a JSON
// array, each element by appendElem, or null for a nil slice, as
// encoding/json does. Elements go by pointer so that the records' structs
// are not copied.
func appendArray[T any](b []byte, key string, s []T, appendElem func(*T, []byte) []byte) []byte {
	b = append(b, key...)
	if s == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendElem(&s[i], b)
	}
	return append(b, ']')
}

// appendStringElem appends the array element *s as a JSON string.
func appendStringElem(s *string, b []byte) []byte { return appendString(b, *s) }

func appendSentence(s *[2]int, b []byte) []byte {
	b = append(b, '[')
	b = strconv.AppendInt(b, int64(s[0]), 10)
	b = append(b, ',')
	b = strconv.AppendInt(b, int64(s[1]), 10)
	return append(b, ']')
}

func (m *Mention) appendJSON(b []byte) []byte {
	b = appendStringField(b, `{"id":`, m.ID)
	b = appendIntField(b, `,"start":`, m.Start)
	b = appendIntField(b, `,"end":`, m.End)
	b = appendIntField(b, `,"byte_start":`, m.ByteStart)
	b = appendIntField(b, `,"byte_end":`, m.ByteEnd)
	b = appendStringField(b, `,"text":`, m.Text)
	b = appendStringField(b, `,"label":`, m.Label)
	b = appendStringField(b, `,"entity":`, m.Entity)
	b = appendStringField(b, `,"source":`, m.Source)
	b = appendIntField(b, `,"sentence":`, m.Sentence)
	return append(b, '}')
}

func (e *Entity) appendJSON(b []byte) []byte {
	b = appendStringField(b, `{"id":`, e.ID)
	b = appendStringField(b, `,"label":`, e.Label)
	b = appendStringField(b, `,"name":`, e.Name)
	if e.Kind != "" {
		b = appendStringField(b, `,"kind":`, e.Kind)
	}
	if e.Key != "" {
		b = appendStringField(b, `,"key":`, e.Key)
	}
	b = appendArray(b, `,"mentions":`, e.Mentions, appendStringElem)
	if len(e.Candidates) > 0 {
		b = appendArray(b, `,"candidates":`, e.Candidates, appendStringElem)
	}
	return append(b, '}')
}

func (e *Edge) appendJSON(b []byte) []byte {
	b = appendStringField(b, `{"source":`, e.Source)
	b = appendStringField(b, `,"target":`, e.Target)
	b = appendStringField(b, `,"relation":`, e.Relation)
	b = appendIntField(b, `,"weight":`, e.Weight)
	return append(b, '}')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string the way encoding/json does
// without HTML escaping: quote and backslash escaped, control characters
// as \b \f \n \r \t or \u00XX, U+2028 and U+2029 as \u2028 and \u2029,
// each byte of invalid UTF-8 as \ufffd, everything else as it is.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0 // s[start:i] is still to be copied
	for i := 0; i < len(s); {
		// Most strings (ids, labels, names) need no escape at all: skip
		// eight plain bytes at a time.
		for i+8 <= len(s) && plain8(s[i:i+8]) {
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// plain8 reports whether the eight bytes of s (len(s) == 8) are printable
// ASCII other than quote and backslash, testing them all at once: a byte
// below 0x20 or equal to '"' or '\\' leaves its high bit set in the
// expressions below, and so does any byte of 0x80 or more.
func plain8(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	hasZero := func(v uint64) uint64 { return (v - ones) & ^v & highs }
	control := (x - ones*0x20) & ^x & highs // a byte < 0x20 (exact for bytes < 0x80)
	quote := hasZero(x ^ (ones * '"'))
	backslash := hasZero(x ^ (ones * '\\'))
	return (x&highs | control | quote | backslash) == 0
}
