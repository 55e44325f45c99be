package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"

	"github.com/extract-ca/extract/output"
	"github.com/extract-ca/extract/text"
)

// checksum is the SHA-256 of text, fed through a small buffer on the stack:
// sha256.Sum256([]byte(text)) would allocate a copy of every document, and
// a buffer kept across documents would hold a copy of the largest one.
func checksum(text string) (sum [sha256.Size]byte) {
	h := sha256.New()
	var buf [4096]byte
	for len(text) > 0 {
		n := copy(buf[:], text)
		h.Write(buf[:n])
		text = text[n:]
	}
	h.Sum(sum[:0])
	return sum
}

// Record converts the document to its output record. This is where byte
// offsets become code point offsets. The record's edges are the document's
// (the same slice).
func (d *Doc) Record() *output.Record {
	sum := checksum(d.Text)
	cp := text.NewCodePoints(d.Text)
	r := &output.Record{
		ID:        d.ID,
		Source:    d.Source,
		SHA256:    hex.EncodeToString(sum[:]),
		Length:    cp.Len(),
		Sentences: make([][2]int, 0, len(d.Sentences)),
		Mentions:  make([]output.Mention, 0, len(d.Mentions)),
		Entities:  make([]output.Entity, 0, len(d.Entities)),
		Edges:     []output.Edge{},
	}
	// Sentences and mentions are each in text order, so each conversion
	// pass moves forward through the text.
	for _, s := range d.Sentences {
		r.Sentences = append(r.Sentences, [2]int{cp.Point(s.Start), cp.Point(s.End)})
	}
	ids := mentionIDs(len(d.Mentions))
	for i, m := range d.Mentions {
		r.Mentions = append(r.Mentions, output.Mention{
			ID:        ids[i],
			Start:     cp.Point(m.Start),
			End:       cp.Point(m.End),
			ByteStart: m.Start,
			ByteEnd:   m.End,
			Text:      d.Text[m.Start:m.End],
			Label:     m.Label,
			Entity:    m.Entity,
			Source:    m.Source,
			Sentence:  m.Sentence,
		})
	}
	// The entities' lists of mention ids share one array: every mention
	// belongs to one entity.
	total := 0
	for _, e := range d.Entities {
		total += len(e.Mentions)
	}
	refs := make([]string, 0, total)
	for _, e := range d.Entities {
		start := len(refs)
		for _, k := range e.Mentions {
			refs = append(refs, ids[k])
		}
		r.Entities = append(r.Entities, output.Entity{ID: e.ID, Label: e.Label, Name: e.Name, Kind: e.Kind, Key: e.Key,
			Mentions: refs[start:len(refs):len(refs)], Candidates: e.Candidates})
	}
	if d.Edges != nil {
		r.Edges = d.Edges // shared: neither the pipeline nor the writer changes them
	}
	return r
}

// mentionIDs returns the ids "m0", "m1", ... of n mentions, all cut from
// one string instead of allocated one by one.
func mentionIDs(n int) []string {
	var buf []byte
	ends := make([]int, n)
	for i := range n {
		buf = append(buf, 'm')
		buf = strconv.AppendInt(buf, int64(i), 10)
		ends[i] = len(buf)
	}
	all := string(buf)
	ids := make([]string, n)
	start := 0
	for i, end := range ends {
		ids[i] = all[start:end]
		start = end
	}
	return ids
}
