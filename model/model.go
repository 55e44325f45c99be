// Package model runs prose's English statistical model (its tokenizer, its
// averaged-perceptron POS tagger and its maximum-entropy named-entity
// classifier) fast, with prose's own weights, and gives the same tokens,
// tags and IOB labels as prose v2.0.0.
//
// prose spends ~350 allocations and ~20 KB per token: features are built
// as strings in maps, looked up by joined keys, shapes are found with
// regular expressions compiled per call. This package turns the weights
// into integer-indexed rows once (data/prose-en.bin, made by go generate
// from prose's assets), builds feature keys in a reused buffer, and sums
// in prose's order so that every score is bit-identical to prose's.
//
// prose remains the reference: the compatibility test runs both over a
// varied corpus and requires zero differences.
//
// Use:
//
//	m := model.Default()
//	toks := model.Tokenize(text, nil)
//	m.Annotate(toks, model.SharedRepeats)
//
// Offsets are bytes of the text given to Tokenize.
package model

//go:generate go run ./internal/genweights -o data/prose-en.bin
//go:generate go run ./internal/genpatterns -o data/commonregex.txt

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/extract-ca/extract/model/internal/weightfile"
)

//go:embed data/prose-en.bin
var proseEN []byte

// Model holds prose's weights in compact form. It is read-only after
// loading and safe for concurrent use.
type Model struct {
	w *weightfile.Compact
	// nerValue[f] is w.NERValue[f] for feature template f.
	nerLabels int
	// prevTags are the values of the NER's history feature: "None" and
	// prose's simplePOS of each label ("B", "I", "O"); prevTagOf[l] is
	// the index of label l's.
	prevTags  []string
	prevTagOf []int

	// words caches the rows of each word seen, for all workers.
	words sharedWords

	// Rows of features that do not depend on the word.
	posBias         int32
	edges           [4]wordRows // POS context markers -START- -START2- -END- -END2-
	nerBias         int32
	nerNone         [nFeatures]int32 // rows of the value "None", by template
	nerPrevTag      []int32          // by prevtag index
	nerShapePrevTag [][]int32        // by shape index, prevtag index
}

// Default returns prose's English model, decoded on first use and shared.
var Default = sync.OnceValue(func() *Model {
	m, err := Load(proseEN)
	if err != nil {
		// The embedded file is checked by the tests; failing here means
		// a broken build, not bad input.
		panic("model: embedded weights: " + err.Error())
	}
	return m
})

// Load decodes a weights file in the compact format.
func Load(data []byte) (*Model, error) {
	w, err := weightfile.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	if len(w.POSClasses) > 64 {
		// The tagger keeps the classes a score touched in a 64-bit set.
		return nil, fmt.Errorf("model: %d POS classes, at most 64 supported", len(w.POSClasses))
	}
	m := &Model{w: w, nerLabels: len(w.NERLabels)}
	m.prevTags = []string{"None"}
	for _, l := range w.NERLabels {
		k := slices.Index(m.prevTags, simplePOS(l))
		if k < 0 {
			k = len(m.prevTags)
			m.prevTags = append(m.prevTags, simplePOS(l))
		}
		m.prevTagOf = append(m.prevTagOf, k)
	}
	var b []byte
	m.posBias = m.posRow([]byte("bias"))
	for i, marker := range []string{"-START-", "-START2-", "-END-", "-END2-"} {
		m.edges[i].norm = marker
		m.contextRows(&m.edges[i], marker, b)
	}
	m.nerBias = m.nerRow(fBias, []byte("True"))
	for f := range m.nerNone {
		m.nerNone[f] = m.nerRow(f, []byte("None"))
	}
	for _, p := range m.prevTags {
		m.nerPrevTag = append(m.nerPrevTag, m.nerRow(fPrevTag, []byte(p)))
	}
	for _, sh := range shapes {
		var byPrev []int32
		for _, p := range m.prevTags {
			byPrev = append(byPrev, m.nerRow(fShapePrevTag, []byte(sh+"+"+p)))
		}
		m.nerShapePrevTag = append(m.nerShapePrevTag, byPrev)
	}
	return m, nil
}

// simplePOS is prose's reduction of a label to the history feature: labels
// starting with V become "v", others keep what precedes the first "-".
func simplePOS(label string) string {
	if strings.HasPrefix(label, "V") {
		return "v"
	}
	before, _, _ := strings.Cut(label, "-")
	return before
}
