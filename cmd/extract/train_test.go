package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/extract-ca/extract/internal/testfile"
	"github.com/extract-ca/extract/model"
)

const trainGold = "testdata/train/gold.jsonl"

// TestTrainRunEvalRoundTrip is a user's round trip: train a model on a
// small gold file, run the pipeline with it over a new text, and score it
// on the gold file. The names are invented and unknown to the gazetteer,
// so only the trained model can find them.
func TestTrainRunEvalRoundTrip(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "m.model")
	code, _, stderr := runApp(t, "", "train", "--iterations", "8", "-o", m, trainGold)
	if code != 0 {
		t.Fatalf("train: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "pass 8") || !strings.Contains(stderr, "wrote") {
		t.Errorf("train: no progress on stderr:\n%s", stderr)
	}

	text := "Reporters said Dilnoza Karimbekova travelled to Qizilsoy, where Orzu Textiles has its main office."
	code, out, stderr := runApp(t, text, "run", "--model", m, "-")
	if code != 0 {
		t.Fatalf("run --model: exit %d: %s", code, stderr)
	}
	got := map[string]string{}
	for _, rec := range readRecords(t, out) {
		for _, mn := range rec.Mentions {
			got[mn.Text] = mn.Label
		}
	}
	for name, label := range map[string]string{"Dilnoza Karimbekova": "PERSON", "Qizilsoy": "PLACE", "Orzu Textiles": "GROUP"} {
		if got[name] != label {
			t.Errorf("run --model: %q is %q, want %s (all: %v)", name, got[name], label, got)
		}
	}

	code, out, stderr = runApp(t, "", "eval", "--json", "--model", m, trainGold)
	if code != 0 {
		t.Fatalf("eval --model: exit %d: %s", code, stderr)
	}
	// Scored on its own training data the model must fit it: this checks
	// the plumbing (offsets, labels, spans), not generalisation.
	if f1 := strictF1(t, out); f1 < 0.9 {
		t.Errorf("eval --model on the training file: strict F1 %.3f, want ≥ 0.9", f1)
	}
	_, prose, _ := runApp(t, "", "eval", "--json", "--model", "prose", trainGold)
	t.Logf("strict F1 on %s: prose %.3f, trained %.3f", trainGold, strictF1(t, prose), strictF1(t, out))
}

func TestTrainDeterministic(t *testing.T) {
	dir := t.TempDir()
	var models [2][]byte
	for i := range models {
		p := filepath.Join(dir, "m"+string(rune('a'+i)))
		if code, _, stderr := runApp(t, "", "train", "--iterations", "3", "--seed", "5", "--dev", trainGold, "-o", p, trainGold); code != 0 {
			t.Fatalf("train: exit %d: %s", code, stderr)
		}
		models[i], _ = os.ReadFile(p)
	}
	if len(models[0]) == 0 || !bytes.Equal(models[0], models[1]) {
		t.Errorf("two trainings on the same data and seed gave different files (%d and %d bytes)", len(models[0]), len(models[1]))
	}
}

// TestTrainRepeatedFile: a training file named twice counts twice, as a
// copy of it under another name does (scripts/train-recipe weights the
// seed gold so), although its documents' ids then repeat.
func TestTrainRepeatedFile(t *testing.T) {
	dir := t.TempDir()
	copied := filepath.Join(dir, "copy.jsonl")
	data, err := os.ReadFile(trainGold)
	if err != nil {
		t.Fatal(err)
	}
	// Ids must differ between files: the same document in two files is a
	// mistake train reports, a file named twice a choice.
	testfile.Write(t, copied, strings.ReplaceAll(string(data), `"id": "`, `"id": "copy-`))
	train := func(name string, gold ...string) []byte {
		p := filepath.Join(dir, name)
		args := append([]string{"train", "--iterations", "3", "-o", p}, gold...)
		if code, _, stderr := runApp(t, "", args...); code != 0 {
			t.Fatalf("train %v: exit %d: %s", gold, code, stderr)
		}
		m, _ := os.ReadFile(p)
		return m
	}
	twice, withCopy, once := train("twice", trainGold, trainGold), train("copy", trainGold, copied), train("once", trainGold)
	if !bytes.Equal(twice, withCopy) {
		t.Error("a file named twice trained another model than the file and a copy of it")
	}
	if bytes.Equal(twice, once) {
		t.Error("a file named twice trained the same model as the file once")
	}
}

// TestTrainEmptyFiles: an empty training file beside others is no
// problem; all empty, or an empty --dev file, is an error naming them.
func TestTrainEmptyFiles(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.jsonl")
	testfile.Write(t, empty, "")
	m := filepath.Join(dir, "m")
	if code, _, stderr := runApp(t, "", "train", "--iterations", "2", "-o", m, trainGold, empty); code != 0 {
		t.Errorf("an empty training file beside %s: exit %d: %s", trainGold, code, stderr)
	}
	for _, args := range [][]string{{empty}, {"--dev", empty, trainGold}} {
		code, _, stderr := runApp(t, "", append([]string{"train", "--iterations", "2", "-o", m}, args...)...)
		if code != exitUsage || !strings.Contains(stderr, empty) || !strings.Contains(stderr, "no documents") {
			t.Errorf("train %v: exit %d, stderr %q: want a usage error naming %s", args, code, stderr, empty)
		}
	}
}

// TestTrainDevInTraining: a --dev file whose texts are also training
// documents gets a warning that names how many; a separate one none.
func TestTrainDevInTraining(t *testing.T) {
	dir := t.TempDir()
	m := filepath.Join(dir, "m")
	_, _, stderr := runApp(t, "", "train", "--iterations", "2", "--dev", trainGold, "-o", m, trainGold)
	if !strings.Contains(stderr, "warning: 12 of the 12 --dev documents are also training documents") {
		t.Errorf("--dev equal to the training file: no warning in\n%s", stderr)
	}
	dev := filepath.Join(dir, "dev.jsonl")
	testfile.Write(t, dev, `{"id":"d1","text":"Osh is calm.","spans":[{"start":0,"end":3,"label":"PLACE"}]}`+"\n")
	_, _, stderr = runApp(t, "", "train", "--iterations", "2", "--dev", dev, "-o", m, trainGold)
	if strings.Contains(stderr, "warning") {
		t.Errorf("a separate --dev file: %s", stderr)
	}
}

func TestTrainBadGold(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.conll")
	testfile.Write(t, bad, "Dilnoza B-PER\nKarimbekova I-PER\nsaid\n")
	dev := filepath.Join(dir, "dev.conll")
	testfile.Write(t, dev, "Osh B-LOC\nsaid\n")
	code, _, stderr := runApp(t, "", "train", "--format", "conll", "--dev", dev, "-o", filepath.Join(dir, "m"), bad)
	if code != exitUsage {
		t.Errorf("exit %d, want %d", code, exitUsage)
	}
	// The problems of the training and the dev files are reported at once.
	for _, at := range []string{bad + ":3", dev + ":2"} {
		if !strings.Contains(stderr, at) {
			t.Errorf("the error does not name %s:\n%s", at, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "m")); err == nil {
		t.Error("a model was written from bad gold")
	}
}

func TestRunBadModel(t *testing.T) {
	p := filepath.Join(t.TempDir(), "m")
	os.WriteFile(p, []byte("not a model"), 0o644)
	code, _, stderr := runApp(t, "text", "run", "--model", p, "-")
	if code != exitUsage || !strings.Contains(stderr, p) {
		t.Errorf("exit %d, stderr %q: want a usage error naming the file", code, stderr)
	}
}

// TestTrainInterrupted: a signal (here its cancellation cause) stops
// training with the signal's exit status, and no model is written.
func TestTrainInterrupted(t *testing.T) {
	p := filepath.Join(t.TempDir(), "m")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(interruption{syscall.SIGTERM})
	var out, errb bytes.Buffer
	code := App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}.Run(ctx, []string{"train", "--iterations", "3", "-o", p, trainGold})
	if code != 128+int(syscall.SIGTERM) {
		t.Errorf("exit %d, want %d: %s", code, 128+int(syscall.SIGTERM), errb.String())
	}
	if _, err := os.Stat(p); err == nil {
		t.Error("an interrupted training wrote a model")
	}
}

// TestTrainOrders: --orders K gives the same file for the same data and
// flags, another model than one order, and refuses a K below 1.
func TestTrainOrders(t *testing.T) {
	dir := t.TempDir()
	train := func(name string, orders string) []byte {
		t.Helper()
		p := filepath.Join(dir, name)
		if code, _, stderr := runApp(t, "", "train", "--iterations", "3", "--orders", orders, "--dev", trainGold, "-o", p, trainGold); code != 0 {
			t.Fatalf("train --orders %s: exit %d: %s", orders, code, stderr)
		}
		b, _ := os.ReadFile(p)
		return b
	}
	a, b, one := train("a", "3"), train("b", "3"), train("one", "1")
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("two trainings with --orders 3 gave different files (%d and %d bytes)", len(a), len(b))
	}
	if bytes.Equal(a, one) {
		t.Error("--orders 3 gave the file of --orders 1")
	}
	code, _, stderr := runApp(t, "", "train", "--orders", "0", "-o", filepath.Join(dir, "zero"), trainGold)
	if code != exitUsage || !strings.Contains(stderr, "--orders") {
		t.Errorf("--orders 0: exit %d, stderr %q: want a usage error naming the flag", code, stderr)
	}
}

// TestTrainBeam: --beam K trains for a beam search: the same file for the
// same data and flags, another model than greedy training (--beam 1, the
// default), and a usage error for a K below 1.
func TestTrainBeam(t *testing.T) {
	dir := t.TempDir()
	train := func(name string, args ...string) []byte {
		t.Helper()
		p := filepath.Join(dir, name)
		args = append([]string{"train", "--iterations", "3", "--dev", trainGold, "-o", p}, append(args, trainGold)...)
		if code, _, stderr := runApp(t, "", args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		b, _ := os.ReadFile(p)
		return b
	}
	a, b := train("a", "--beam", "4"), train("b", "--beam", "4")
	greedy, one := train("greedy"), train("one", "--beam", "1")
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("two trainings with --beam 4 gave different files (%d and %d bytes)", len(a), len(b))
	}
	if bytes.Equal(a, greedy) {
		t.Error("--beam 4 gave the file of greedy training")
	}
	if !bytes.Equal(greedy, one) {
		t.Error("--beam 1 differs from the default")
	}
	code, _, stderr := runApp(t, "", "train", "--beam", "0", "-o", filepath.Join(dir, "zero"), trainGold)
	if code != exitUsage || !strings.Contains(stderr, "--beam") {
		t.Errorf("--beam 0: exit %d, stderr %q: want a usage error naming the flag", code, stderr)
	}
}

// TestTrainLexicon: --lexicon NAME=FILE trains with the words of FILE as
// a feature and keeps them in the model, byte for byte the same each time;
// a bad lexicon is refused naming its file and line, and writes no model.
func TestTrainLexicon(t *testing.T) {
	dir := t.TempDir()
	names := filepath.Join(dir, "given.txt")
	testfile.Write(t, names, "# given names\nDilnoza\nOrzu\nAziz\n")
	train := func(name string, args ...string) []byte {
		t.Helper()
		p := filepath.Join(dir, name)
		args = append([]string{"train", "--iterations", "3", "-o", p}, append(args, trainGold)...)
		if code, _, stderr := runApp(t, "", args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		b, _ := os.ReadFile(p)
		return b
	}
	a, b := train("a", "--lexicon", "given-name="+names), train("b", "--lexicon", "given-name="+names)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("two trainings with --lexicon gave different files (%d and %d bytes)", len(a), len(b))
	}
	if bytes.Equal(a, train("none")) {
		t.Error("--lexicon gave the file of a training without it")
	}
	m, err := model.LoadEntityTagger(a)
	if err != nil {
		t.Fatal(err)
	}
	if l := m.Lexicons(); len(l) != 1 || l[0].Name != "given-name" || !slices.Equal(l[0].Words, []string{"aziz", "dilnoza", "orzu"}) {
		t.Errorf("the model's lexicons: %v", l)
	}
	if code, _, stderr := runApp(t, "Dilnoza Karimbekova went to Osh.", "run", "--model", filepath.Join(dir, "a"), "-"); code != 0 {
		t.Errorf("run with the model: exit %d: %s", code, stderr)
	}

	bad := filepath.Join(dir, "bad.txt")
	testfile.Write(t, bad, "Dilnoza\nvan der\n")
	for _, tc := range []struct{ flag, want string }{
		{"given-name=" + bad, bad + ":2"},
		{"given-name", "NAME=FILE"},
		{"given-name=" + filepath.Join(dir, "missing.txt"), "missing.txt"},
	} {
		out := filepath.Join(dir, "refused")
		code, _, stderr := runApp(t, "", "train", "--lexicon", tc.flag, "-o", out, trainGold)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("--lexicon %s: exit %d, stderr %q: want a usage error with %q", tc.flag, code, stderr, tc.want)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("--lexicon %s: a model was written", tc.flag)
		}
	}
}
