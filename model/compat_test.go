package model

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	prose "github.com/jdkato/prose/v2"
)

var proseModel = sync.OnceValue(func() *prose.Model { return prose.ModelFromData("en") })

// diffProse runs prose and the engine over text and returns the
// differences in tokens, tags and labels, at most max of them.
func diffProse(tb testing.TB, m *Model, text string, max int) (ntok int, diffs []string) {
	pd, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.UsingModel(proseModel()))
	if err != nil {
		tb.Fatal(err)
	}
	want := pd.Tokens()
	got := m.Document(text)
	for i := 0; i < len(want) || i < len(got); i++ {
		var w prose.Token
		var g Token
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w.Text != g.Text || w.Tag != g.Tag || w.Label != g.Label {
			diffs = append(diffs, fmt.Sprintf("token %d: prose %q/%s/%s, engine %q/%s/%s", i, w.Text, w.Tag, w.Label, g.Text, g.Tag, g.Label))
			if w.Text != g.Text || len(diffs) >= max {
				break
			}
		}
	}
	return len(want), diffs
}

func TestSeedsMatchProse(t *testing.T) {
	files, _ := filepath.Glob("../seeds/*.txt")
	m := Default()
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		n, diffs := diffProse(t, m, string(raw), 10)
		t.Logf("%s: %d tokens, %d differences", f, n, len(diffs))
		for _, d := range diffs {
			t.Error(f, d)
		}
		for _, tok := range Tokenize(string(raw), nil) {
			if s, _ := straighten(string(raw)[tok.Start:tok.End]); s != tok.Text {
				t.Errorf("%s: token %q at %d:%d is %q in the text", f, tok.Text, tok.Start, tok.End, string(raw)[tok.Start:tok.End])
			}
		}
	}
	_ = strings.TrimSpace
}
