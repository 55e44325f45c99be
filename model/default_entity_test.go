package model

import (
	"bytes"
	"testing"
)

// TestDefaultEntityModel: the embedded default model loads, and writing it
// back gives its file byte for byte (the file is in the canonical form
// Train and WriteTo produce, lexicons included).
func TestDefaultEntityModel(t *testing.T) {
	m, err := LoadEntityTagger(DefaultEntityModelFile())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(encode(t, m), DefaultEntityModelFile()) {
		t.Error("the default model written back differs from its file")
	}
	if DefaultEntityTagger().Features() != m.Features() {
		t.Error("DefaultEntityTagger is not the embedded file's model")
	}
}
