package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestRunMinMargin: --min-margin drops the trained model's names decided
// by a smaller margin unless a gazetteer name overlaps them; with a margin
// no name reaches, only the gazetteer's names are left. It needs a trained
// model.
func TestRunMinMargin(t *testing.T) {
	m := filepath.Join(t.TempDir(), "m.model")
	if code, _, stderr := runApp(t, "", "train", "--iterations", "8", "-o", m, trainGold); code != 0 {
		t.Fatalf("train: exit %d: %s", code, stderr)
	}
	text := "Reporters said Dilnoza Karimbekova travelled to Qizilsoy and Tashkent."
	names := func(args ...string) map[string]string {
		t.Helper()
		code, out, stderr := runApp(t, text, append([]string{"run", "--model", m}, append(args, "-")...)...)
		if code != 0 {
			t.Fatalf("run %v: exit %d: %s", args, code, stderr)
		}
		got := map[string]string{}
		for _, rec := range readRecords(t, out) {
			for _, mn := range rec.Mentions {
				got[mn.Text] = mn.Source
			}
		}
		return got
	}
	all := names()
	if all["Dilnoza Karimbekova"] != "ner" || all["Qizilsoy"] != "ner" || all["Tashkent"] != "gazetteer" {
		t.Fatalf("without --min-margin: %v", all)
	}
	if got := names("--min-margin", "0.001"); len(got) != len(all) {
		t.Errorf("--min-margin 0.001 drops clear names: %v, without: %v", got, all)
	}
	got := names("--min-margin", "1e9")
	if len(got) != 1 || got["Tashkent"] != "gazetteer" {
		t.Errorf("--min-margin 1e9: %v, want the gazetteer's Tashkent only", got)
	}

	for _, args := range [][]string{
		{"run", "--model", "prose", "--min-margin", "2", "-"}, // prose's weights
		{"run", "--model", m, "--min-margin", "-1", "-"},      // negative
		{"run", "--model", m, "--min-margin", "NaN", "-"},     // not a number
	} {
		code, _, stderr := runApp(t, text, args...)
		if code != exitUsage || !strings.Contains(stderr, "--min-margin") {
			t.Errorf("%v: exit %d, stderr %q: want a usage error about --min-margin", args, code, stderr)
		}
	}
}
