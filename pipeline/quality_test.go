package pipeline

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	prose "github.com/jdkato/prose/v2"

	"github.com/extract-ca/extract/eval"
	"github.com/extract-ca/extract/output"
)

// TestSeedsAgainstPlainProse scores the pipeline and plain prose on the
// seed gold with the same scorer (eval.Score, strict scheme), and checks
// that the pipeline is the better of the two. Plain prose is what a user
// would otherwise run: prose.NewDocument on each sentence, its own
// entities (its chunker), labels mapped as in ner.go, each entity located
// in its sentence after the previous one. The figures are in the log
// (go test -v -run TestSeedsAgainstPlainProse ./pipeline/).
func TestSeedsAgainstPlainProse(t *testing.T) {
	f, err := os.Open("../seeds/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := eval.ReadJSONL(f, "seeds/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(Config{NER: true})
	if err != nil {
		t.Fatal(err)
	}
	var ours, plain []eval.Document
	for _, g := range gold {
		doc, err := p.Process(g.ID, g.ID, g.Text)
		if err != nil {
			t.Fatal(err)
		}
		ours = append(ours, eval.FromRecords([]*output.Record{doc.Record()})...)
		plain = append(plain, plainProse(t, doc))
	}
	ourScore := eval.Score(gold, ours).Scheme("strict")
	proseScore := eval.Score(gold, plain).Scheme("strict")
	for _, s := range []struct {
		name string
		sc   *eval.SchemeScores
	}{{"pipeline", ourScore}, {"plain prose", proseScore}} {
		t.Logf("%-12s strict micro P %.3f R %.3f F1 %.3f | F1 PERSON %.3f PLACE %.3f GROUP %.3f", s.name,
			s.sc.Micro.Precision, s.sc.Micro.Recall, s.sc.Micro.F1,
			s.sc.Labels["PERSON"].F1, s.sc.Labels["PLACE"].F1, s.sc.Labels["GROUP"].F1)
	}
	if ourScore.Micro.F1 <= proseScore.Micro.F1 {
		t.Errorf("pipeline F1 %.3f is not above plain prose %.3f", ourScore.Micro.F1, proseScore.Micro.F1)
	}
}

// plainProse returns prose's own entities of doc's sentences as a
// prediction.
func plainProse(t *testing.T, doc *Doc) eval.Document {
	out := eval.Document{ID: doc.ID, Text: doc.Text}
	for _, s := range doc.Sentences {
		text := doc.Text[s.Start:s.End]
		pd, err := prose.NewDocument(text, prose.UsingModel(proseModel()), prose.WithSegmentation(false))
		if err != nil {
			t.Fatal(err)
		}
		cursor := 0
		for _, e := range pd.Entities() {
			label := mapLabel("B-" + e.Label)
			i := strings.Index(text[cursor:], e.Text)
			if label == "" || i < 0 {
				continue
			}
			start := s.Start + cursor + i
			end := start + len(e.Text)
			cursor += i + len(e.Text)
			out.Spans = append(out.Spans, eval.Span{
				Start: utf8.RuneCountInString(doc.Text[:start]),
				End:   utf8.RuneCountInString(doc.Text[:end]),
				Label: label,
			})
		}
	}
	return out
}
