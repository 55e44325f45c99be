package model

import (
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/extract-ca/extract/internal/testfile"
	prose "github.com/jdkato/prose/v2"
)

// diffProse runs prose and the engine over text and returns the
// differences in tokens, tags and labels, at most max of them; panicked
// says that prose panicked (the engine then only has to finish).
//
// prose is not deterministic: where two POS classes score exactly the same,
// it picks one in the random order of a Go map (the engine picks the
// first). So when the first difference is a tag, prose runs again, up to
// retries times: the engine must agree with one of prose's outcomes.
func diffProse(m *Model, text string, max int) (ntok int, diffs []string, panicked bool) {
	const retries = 30
	for try := 0; ; try++ {
		ntok, diffs, panicked, tagFirst := diffProseOnce(m, text, max)
		if len(diffs) == 0 || !tagFirst || try == retries {
			return ntok, diffs, panicked
		}
	}
}

func diffProseOnce(m *Model, text string, max int) (ntok int, diffs []string, panicked, tagFirst bool) {
	var want []prose.Token
	func() {
		defer func() {
			if recover() != nil {
				panicked = true
			}
		}()
		pd, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.UsingModel(proseModel()))
		if err != nil {
			panic(err)
		}
		want = pd.Tokens()
	}()
	got := m.Document(text)
	if panicked {
		return len(got), nil, true, false
	}
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
			if len(diffs) == 0 {
				tagFirst = w.Text == g.Text && w.Tag != g.Tag
			}
			diffs = append(diffs, fmt.Sprintf("token %d: prose %q/%s/%s, engine %q/%s/%s", i, w.Text, w.Tag, w.Label, g.Text, g.Tag, g.Label))
			if w.Text != g.Text || len(diffs) >= max {
				break
			}
		}
	}
	return len(want), diffs, false, tagFirst
}

// TestMatchesProse runs prose and the engine over the compatibility
// corpus (the seeds, the project's own varied text, and text made from
// the outside NER sets when ../shared is there) and requires identical
// tokens, POS tags and IOB labels, and every token's offsets to give its
// text. Where prose panics (a run such as "K's" with the Kelvin sign, see
// Tokenize) the engine must simply finish.
//
// prose is slow and the race detector slows it ten times more, so this
// test skips itself under -race; CI runs it on its own without.
func TestMatchesProse(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("runs prose over ~0.5 MB; run without -race and -short")
	}
	m := Default()
	docs := compatCorpus(t)
	type result struct {
		tokens   int
		diffs    []string
		panicked bool
	}
	results := make([]result, len(docs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Go(func() {
			for i := range next {
				n, diffs, panicked := diffProse(m, docs[i].Text, 5)
				results[i] = result{n, diffs, panicked}
			}
		})
	}
	for i := range docs {
		next <- i
	}
	close(next)
	wg.Wait()

	var bytes, tokens, failed, panics int
	for i, doc := range docs {
		r := results[i]
		bytes += len(doc.Text)
		tokens += r.tokens
		if r.panicked {
			panics++
			t.Logf("%s: prose panics", doc.Name)
		}
		if len(r.diffs) > 0 {
			failed++
			for _, d := range r.diffs {
				t.Errorf("%s: %s", doc.Name, d)
			}
		}
		for _, tok := range Tokenize(doc.Text, nil) {
			if s := straightened(doc.Text[tok.Start:tok.End]); s != tok.Text {
				t.Errorf("%s: token %q at %d:%d is %q in the text", doc.Name, tok.Text, tok.Start, tok.End, doc.Text[tok.Start:tok.End])
			}
		}
	}
	t.Logf("%d documents, %d bytes, %d tokens: %d differ from prose, %d make prose panic", len(docs), bytes, tokens, failed, panics)
}

// TestConcurrentDocuments runs the engine from several goroutines at once
// (they share the model and its word cache) and requires the results of a
// run on one goroutine; with -race it also checks the sharing.
func TestConcurrentDocuments(t *testing.T) {
	m, err := Load(proseEN) // a fresh model: an empty shared cache
	if err != nil {
		t.Fatal(err)
	}
	texts := testfile.Seeds(t, "..")
	want := make([][]Token, len(texts))
	for i, text := range texts {
		want[i] = Default().Document(text)
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Go(func() {
			for k := range texts {
				i := (k + g) % len(texts)
				got := m.Document(texts[i])
				for j := range got {
					if got[j].Tag != want[i][j].Tag || got[j].Label != want[i][j].Label {
						t.Errorf("goroutine %d, text %d, token %d: %s/%s, alone %s/%s", g, i, j,
							got[j].Tag, got[j].Label, want[i][j].Tag, want[i][j].Label)
						return
					}
				}
			}
		})
	}
	wg.Wait()
}
