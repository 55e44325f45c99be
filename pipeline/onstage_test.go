package pipeline

import (
	"slices"
	"testing"
	"time"
)

// OnStage is how scripts/bench measures each stage's share: it must be
// called once per stage, in pipeline order, for every document.
func TestOnStage(t *testing.T) {
	var got []string
	p, err := New(Config{
		Gazetteer: testGazetteer(t),
		OnStage: func(stage string, elapsed time.Duration) {
			if elapsed < 0 {
				t.Errorf("stage %s: negative elapsed %v", stage, elapsed)
			}
			got = append(got, stage)
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	want := p.Stages()
	if len(want) == 0 {
		t.Fatal("pipeline has no stages")
	}
	for _, text := range []string{"Nazarbayev visited Batken in Kyrgyzstan.", ""} {
		got = got[:0]
		if _, err := p.Process("d", "d.txt", text); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("Process(%q) called OnStage for %q, want %q", text, got, want)
		}
	}

	// Text refused before any stage runs reports no stage.
	got = got[:0]
	if _, err := p.Process("bad", "bad.txt", "\xff"); err == nil {
		t.Fatal("invalid UTF-8 accepted")
	}
	if len(got) != 0 {
		t.Errorf("refused document called OnStage for %q", got)
	}
}

// A nil OnStage is the default and must not be called.
func TestOnStageNil(t *testing.T) {
	p, err := New(Config{Gazetteer: testGazetteer(t)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Process("d", "d.txt", "Batken"); err != nil {
		t.Fatal(err)
	}
}

type failingStage struct{}

func (failingStage) Process(*Doc) error { panic("boom") }

// A stage that fails is still reported (its time was spent); the stages
// after it do not run and are not reported.
func TestOnStageFailure(t *testing.T) {
	var got []string
	p := &Pipeline{
		steps:   []step{{name: "tokenize", stage: Tokenize{}}, {name: "fails", stage: failingStage{}}, {name: "sentences", stage: Sentences{}}},
		onStage: func(stage string, _ time.Duration) { got = append(got, stage) },
	}
	if _, err := p.Process("d", "d.txt", "Batken"); err == nil {
		t.Fatal("failing stage: no error")
	}
	if want := []string{"tokenize", "fails"}; !slices.Equal(got, want) {
		t.Errorf("OnStage called for %q, want %q", got, want)
	}
}
