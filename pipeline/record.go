package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"

	"github.com/extract-ca/extract/output"
)

// Record converts the document to its output record. This is where byte
// offsets become code point offsets.
func (d *Doc) Record() *output.Record {
	sum := sha256.Sum256([]byte(d.Text))
	cp := newCodePoints(d.Text)
	r := &output.Record{
		ID:        d.ID,
		Source:    d.Source,
		SHA256:    hex.EncodeToString(sum[:]),
		Length:    cp.Len(),
		Sentences: make([][2]int, 0, len(d.Sentences)),
		Mentions:  make([]output.Mention, 0, len(d.Mentions)),
		Entities:  make([]output.Entity, 0, len(d.Entities)),
		Edges:     make([]output.Edge, 0, len(d.Edges)),
	}
	// Sentences and mentions are each in text order, so each conversion
	// pass moves forward through the text.
	for _, s := range d.Sentences {
		r.Sentences = append(r.Sentences, [2]int{cp.At(s.Start), cp.At(s.End)})
	}
	for i, m := range d.Mentions {
		r.Mentions = append(r.Mentions, output.Mention{
			ID:        mentionID(i),
			Start:     cp.At(m.Start),
			End:       cp.At(m.End),
			ByteStart: m.Start,
			ByteEnd:   m.End,
			Text:      d.Text[m.Start:m.End],
			Label:     m.Label,
			Entity:    m.Entity,
			Source:    m.Source,
			Sentence:  m.Sentence,
		})
	}
	for _, e := range d.Entities {
		ids := make([]string, len(e.Mentions))
		for i, k := range e.Mentions {
			ids[i] = mentionID(k)
		}
		r.Entities = append(r.Entities, output.Entity{ID: e.ID, Label: e.Label, Name: e.Name, Kind: e.Kind, Mentions: ids})
	}
	for _, e := range d.Edges {
		r.Edges = append(r.Edges, output.Edge{Source: e.Source, Target: e.Target, Relation: e.Relation, Weight: e.Weight})
	}
	return r
}

func mentionID(i int) string { return "m" + strconv.Itoa(i) }
