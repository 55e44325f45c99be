package model

import (
	_ "embed"
	"sync"
)

// The default entity model: the model extract runs unless told otherwise
// (--model default), trained by scripts/train-default (the recipe of
// scripts/train-recipe: CoNLL-2003 eng.train, the seed gold, the
// lexicons of scripts/lexicons) and embedded.
//
//go:embed data/entity.model
var defaultEntityModel []byte

// DefaultEntityModelFile returns the bytes of the default entity model's
// file, for a caller that sends the model elsewhere (Beam's workers).
// Do not modify them.
func DefaultEntityModelFile() []byte { return defaultEntityModel }

// DefaultEntityTagger returns the default entity model, decoded on first
// use and shared.
var DefaultEntityTagger = sync.OnceValue(func() *EntityTagger {
	t, err := LoadEntityTagger(defaultEntityModel)
	if err != nil {
		// The embedded file is checked by the tests; failing here means
		// a broken build, not bad input.
		panic("model: embedded entity model: " + err.Error())
	}
	return t
})
