package batch

import (
	"fmt"
	"os"

	"github.com/extract-ca/extract/model"
)

// ReadModel reads the entity model a front end's --model names: "default"
// (or "") is the embedded trained model (model.DefaultEntityTagger);
// "prose" is prose's weights, built into the pipeline, and gives nil; any
// other name is a file made by extract train, decoded here so that a bad
// file is the user's message before any document is read. The file's
// bytes come back with the model, for a front end that sends them to
// workers elsewhere (Beam). With ner false (--no-ner) no model runs: the
// default gives nil, and a model file, which would have no effect, is
// refused.
func ReadModel(name string, ner bool) (*model.EntityTagger, []byte, error) {
	switch {
	case name == "prose":
		return nil, nil, nil
	case name == "" || name == "default":
		if !ner {
			return nil, nil, nil
		}
		// A copy, sharing the weights, so that the caller may set its
		// Beam and MinMargin without touching the shared model.
		m := *model.DefaultEntityTagger()
		return &m, model.DefaultEntityModelFile(), nil
	}
	if !ner {
		return nil, nil, fmt.Errorf("--model %s has no effect with --no-ner", name)
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, nil, err
	}
	m, err := model.LoadEntityTagger(data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", name, err)
	}
	return m, data, nil
}
