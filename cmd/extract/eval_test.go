package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedFloor is the strict micro-F1 of the pipeline with prose's weights on
// seeds/gold.jsonl below which the build fails: the gazetteer and the
// rules, with a model that never saw the seeds. The default model was
// trained on them, so its score there is no figure; its floor is
// seedCVFloor, by cross-validation (TestDefaultModelSeedCV). Floors may
// only go up: raise them when quality improves, never lower them.
const seedFloor = 0.94

// evalJSON is the part of eval's --json report this test reads.
type evalJSON struct {
	Schemes []struct {
		Name  string `json:"scheme"`
		Micro struct {
			F1 float64 `json:"f1"`
		} `json:"micro"`
	} `json:"schemes"`
}

func strictF1(t *testing.T, out string) float64 {
	t.Helper()
	var r evalJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("eval --json: %v\n%s", err, out)
	}
	for _, s := range r.Schemes {
		if s.Name == "strict" {
			return s.Micro.F1
		}
	}
	t.Fatalf("no strict scheme in %s", out)
	return 0
}

func TestEvalSeedsFloor(t *testing.T) {
	code, out, stderr := runApp(t, "", "eval", "--json", "--model", "prose", "../../seeds/gold.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f1 := strictF1(t, out)
	t.Logf("strict micro-F1 on the seeds, prose's weights: %.4f (floor %.4f)", f1, seedFloor)
	if f1 < seedFloor {
		t.Errorf("strict micro-F1 %.4f fell below the floor %.4f", f1, seedFloor)
	}
}

// TestEvalWarnsTrainedOn: scoring a model on a gold file its recipe
// records as training data says so; prose's weights never saw it.
func TestEvalWarnsTrainedOn(t *testing.T) {
	for _, tc := range []struct {
		model string
		warn  bool
	}{{"default", true}, {"prose", false}} {
		code, _, stderr := runApp(t, "", "eval", "--json", "--model", tc.model, "../../seeds/gold.jsonl")
		if code != 0 {
			t.Fatalf("--model %s: exit %d: %s", tc.model, code, stderr)
		}
		if got := strings.Contains(stderr, "warning: the model was trained on ../../seeds/gold.jsonl"); got != tc.warn {
			t.Errorf("--model %s: warning %v, want %v: %s", tc.model, got, tc.warn, stderr)
		}
	}
}

func TestEvalTableAndPredFile(t *testing.T) {
	dir := t.TempDir()
	_, run, _ := runApp(t, "", "run", "--no-ner", "../../seeds/")
	pred := filepath.Join(dir, "pred.jsonl")
	os.WriteFile(pred, []byte(run), 0o644)
	code, table, stderr := runApp(t, "", "eval", "--pred", pred, "../../seeds/gold.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"strict", "exact", "partial", "type", "B3", "MUC", "micro", "macro"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q", want)
		}
	}
	// Scoring the --no-ner output by file must equal running with --no-ner.
	_, a, _ := runApp(t, "", "eval", "--json", "--pred", pred, "../../seeds/gold.jsonl")
	_, b, _ := runApp(t, "", "eval", "--json", "--no-ner", "../../seeds/gold.jsonl")
	if fa, fb := strictF1(t, a), strictF1(t, b); fa != fb {
		t.Errorf("--pred gives %.4f, running gives %.4f", fa, fb)
	}
}

func TestEvalBadGoldReportedWhole(t *testing.T) {
	f := filepath.Join(t.TempDir(), "bad.jsonl")
	os.WriteFile(f, []byte(`{"id":"a","text":"Osh","spans":[{"start":0,"end":9,"label":"PLACE"}]}
{"id":"b","text":"Osh","spans":[{"start":0,"end":3,"label":"CITY"}]}
`), 0o644)
	code, _, stderr := runApp(t, "", "eval", f)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	for _, want := range []string{f + ":1", f + ":2"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}
