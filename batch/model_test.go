package batch

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/testfile"
	"github.com/extract-ca/extract/model"
)

// ReadModel gives the embedded default model and its bytes by default,
// nil for prose's weights or for the default with --no-ner, the decoded
// model and its file's bytes for a model file, and an error naming the
// file for one that is missing or no model, or for a model file with
// --no-ner.
func TestReadModel(t *testing.T) {
	dir := t.TempDir()
	trained, err := model.Train([]model.TrainDoc{{Text: "Rahmon visited Osh.", Spans: []model.TrainSpan{{Start: 0, End: 6, Type: "PERSON"}, {Start: 15, End: 18, Type: "PLACE"}}}},
		model.TrainOptions{Iterations: 1})
	if err != nil {
		t.Fatal(err)
	}
	var file bytes.Buffer
	if _, err := trained.WriteTo(&file); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "toy.model")
	testfile.Write(t, good, file.String())
	bad := filepath.Join(dir, "gold.jsonl")
	testfile.Write(t, bad, `{"id":"a","text":"Osh"}`)

	m, data, err := ReadModel(good, true)
	if err != nil || m == nil || !bytes.Equal(data, file.Bytes()) {
		t.Errorf("ReadModel(model file) = %v, %d bytes, %v; want the model and the file's %d bytes", m, len(data), err, file.Len())
	}
	for _, tc := range []struct {
		name string
		ner  bool
		want string
	}{
		{bad, true, "gold.jsonl: not an extract entity model"},
		{filepath.Join(dir, "missing.model"), true, "missing.model"},
		{good, false, "--model " + good + " has no effect with --no-ner"},
		{"prose", true, ""}, // prose's weights: no model, no error
		{"prose", false, ""},
		{"default", false, ""}, // --no-ner: no model runs
		{"", false, ""},
	} {
		m, data, err := ReadModel(tc.name, tc.ner)
		if tc.want == "" {
			if m != nil || data != nil || err != nil {
				t.Errorf("ReadModel(%q, %v) = %v, %d bytes, %v; want nil", tc.name, tc.ner, m, len(data), err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), tc.want) || m != nil || data != nil {
			t.Errorf("ReadModel(%q, %v) = %v, %d bytes, %v; want an error saying %q", tc.name, tc.ner, m, len(data), err, tc.want)
		}
	}
	for _, name := range []string{"default", ""} {
		m, data, err := ReadModel(name, true)
		if err != nil || m == nil || m.Recipe != model.DefaultEntityTagger().Recipe || !bytes.Equal(data, model.DefaultEntityModelFile()) {
			t.Errorf("ReadModel(%q, true) = %v, %d bytes, %v; want the default model and its file", name, m, len(data), err)
			continue
		}
		// The caller's settings stay its own.
		m.MinMargin = 5
		if model.DefaultEntityTagger().MinMargin != 0 {
			t.Error("setting MinMargin on ReadModel's default model changed the shared one")
		}
	}
}
