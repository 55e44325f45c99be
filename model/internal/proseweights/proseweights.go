// Package proseweights reads prose v2's English model from the assets
// compiled into prose: the source of package model's weights, used by the
// generator and by the test that the embedded file is up to date.
package proseweights

import (
	"bytes"
	"encoding/gob"
	"fmt"

	prose "github.com/jdkato/prose/v2"

	"github.com/extract-ca/extract/model/internal/weightfile"
)

// Read decodes prose's POS tagger and NER weights.
func Read() (*weightfile.Weights, error) {
	var w weightfile.Weights
	for _, a := range []struct {
		asset string
		into  any
	}{
		{"model/AveragedPerceptron/classes.gob", &w.POSClasses},
		{"model/AveragedPerceptron/tags.gob", &w.POSTagMap},
		{"model/AveragedPerceptron/weights.gob", &w.POSWeights},
		{"model/Maxent/labels.gob", &w.NERLabels},
		{"model/Maxent/mapping.gob", &w.NERMapping},
		{"model/Maxent/weights.gob", &w.NERWeights},
		{"model/Maxent/words.gob", &w.NERWords},
	} {
		b, err := prose.Asset(a.asset)
		if err != nil {
			return nil, err
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.into); err != nil {
			return nil, fmt.Errorf("%s: %w", a.asset, err)
		}
	}
	return &w, nil
}
