package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/fileerr"
	"github.com/extract-ca/extract/output"
)

// echoPredictor predicts every gold span of every document, in one
// entity per label: a perfect tagger with a crude coreference.
func echoPredictor(ctx context.Context, docs []Document) ([]*output.Record, error) {
	var recs []*output.Record
	for _, d := range docs {
		rec := &output.Record{ID: d.ID}
		for _, s := range d.Spans {
			rec.Mentions = append(rec.Mentions, output.Mention{Start: s.Start, End: s.End, Label: s.Label, Entity: s.Label})
		}
		recs = append(recs, rec)
	}
	return recs, nil
}

func TestRun(t *testing.T) {
	gold := filepath.Join("testdata", "gold.jsonl")
	tests := []struct {
		name    string
		opts    Options
		predict Predictor
		check   func(t *testing.T, out string)
	}{
		{
			name:    "table from a predictor",
			opts:    Options{Gold: []string{gold}},
			predict: echoPredictor,
			check: func(t *testing.T, out string) {
				if !strings.Contains(out, "micro   6    0    0    0    0    1.000  1.000  1.000") {
					t.Errorf("no perfect strict micro row in\n%s", out)
				}
			},
		},
		{
			name: "JSON from a prediction file, with errors",
			opts: Options{Gold: []string{gold}, PredFile: filepath.Join("testdata", "pred.jsonl"), JSON: true, Errors: true},
			predict: func(context.Context, []Document) ([]*output.Record, error) {
				panic("predict called with a prediction file")
			},
			check: func(t *testing.T, out string) {
				var rep Report
				if err := json.Unmarshal([]byte(out), &rep); err != nil {
					t.Fatal(err)
				}
				// tj-1: 3 of 6 correct, Tajikistan labelled GROUP, Khujand
				// and GKNB missed; "empty" failed.
				checkCounts(t, "strict", rep.Scheme("strict").Micro, want{cor: 3, inc: 1, mis: 2, p: 0.75, r: 0.5, f: 0.6})
				if len(rep.FailedDocs) != 1 || rep.FailedDocs[0] != "empty" {
					t.Errorf("got failed %v, want [empty]", rep.FailedDocs)
				}
				if len(rep.Errors) != 3 {
					t.Errorf("got %d errors, want 3", len(rep.Errors))
				}
				if c := rep.Coreference; c.Mentions != 3 || c.MUC.F1 != 1 || c.B3.F1 != 1 {
					t.Errorf("got coreference %+v, want 3 mentions scored perfectly", c)
				}
			},
		},
		{
			name:    "table and errors",
			opts:    Options{Gold: []string{gold}, PredFile: filepath.Join("testdata", "pred.jsonl"), Errors: true},
			predict: nil,
			check: func(t *testing.T, out string) {
				for _, s := range []string{"strict ", "coreference", "wrong label: 1", "missed: 2", "spurious: 0"} {
					if !strings.Contains(out, s) {
						t.Errorf("no %q in\n%s", s, out)
					}
				}
			},
		},
		{
			name:    "JSON without errors leaves them out",
			opts:    Options{Gold: []string{gold}, PredFile: filepath.Join("testdata", "pred.jsonl"), JSON: true},
			predict: nil,
			check: func(t *testing.T, out string) {
				if strings.Contains(out, `"errors"`) {
					t.Errorf("errors listed without Options.Errors")
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := Run(context.Background(), tt.opts, tt.predict, &out); err != nil {
				t.Fatal(err)
			}
			tt.check(t, out.String())
		})
	}
}

func TestRunErrors(t *testing.T) {
	neverCalled := func(context.Context, []Document) ([]*output.Record, error) {
		panic("predict called")
	}
	failing := func(context.Context, []Document) ([]*output.Record, error) {
		return nil, errors.New("model not found")
	}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name    string
		ctx     context.Context
		opts    Options
		predict Predictor
		want    string // in the error
		list    int    // problems in the fileerr.ErrorList, or 0 for another error
	}{
		{"no gold", context.Background(), Options{}, neverCalled, "no gold files", 0},
		{"bad gold, every file", context.Background(),
			Options{Gold: []string{filepath.Join("testdata", "bad.jsonl"), filepath.Join("testdata", "bad.conll"), filepath.Join("testdata", "nonexistent.jsonl")}},
			neverCalled, "bad.conll:2", 13 + 3 + 1},
		{"same id in two files", context.Background(),
			Options{Gold: []string{filepath.Join("testdata", "gold.jsonl"), filepath.Join("testdata", "gold.jsonl")}},
			neverCalled, "duplicate document id \"tj-1\"", 0},
		{"bad prediction file", context.Background(),
			Options{Gold: []string{filepath.Join("testdata", "gold.jsonl")}, PredFile: filepath.Join("testdata", "pred_bad.jsonl")},
			neverCalled, "pred_bad.jsonl:2", 3}, // line 1 has no length: not made from tj-1's text
		{"predictor fails", context.Background(), Options{Gold: []string{filepath.Join("testdata", "gold.jsonl")}}, failing, "model not found", 0},
		{"no predictor", context.Background(), Options{Gold: []string{filepath.Join("testdata", "gold.jsonl")}}, nil, "no predictor", 0},
		{"cancelled", cancelled, Options{Gold: []string{filepath.Join("testdata", "gold.jsonl")}}, neverCalled, "canceled", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Run(tt.ctx, tt.opts, tt.predict, &bytes.Buffer{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got error %v, want one containing %q", err, tt.want)
			}
			var list fileerr.ErrorList
			if tt.list > 0 && (!errors.As(err, &list) || len(list) != tt.list) {
				t.Errorf("got %d problems, want %d:\n%v", len(list), tt.list, err)
			}
		})
	}
}

// TestRunDiff: Options.Diff gets the documents and every mistake even
// when the report leaves the mistakes out, and its error stops Run
// before anything is written.
func TestRunDiff(t *testing.T) {
	var gotGold, gotPred []Document
	var got []Mistake
	opts := Options{Gold: []string{filepath.Join("testdata", "gold.jsonl")}, PredFile: filepath.Join("testdata", "pred.jsonl"), JSON: true,
		Diff: func(gold, pred []Document, mistakes []Mistake) error {
			gotGold, gotPred, got = gold, pred, mistakes
			return nil
		}}
	var out bytes.Buffer
	if err := Run(context.Background(), opts, nil, &out); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || len(gotGold) == 0 || len(gotPred) == 0 {
		t.Errorf("Diff got %d gold, %d predicted documents, %d mistakes; want 3 mistakes", len(gotGold), len(gotPred), len(got))
	}
	if strings.Contains(out.String(), `"errors"`) {
		t.Error("Diff made the report list the mistakes")
	}
	stop := errors.New("disk full")
	opts.Diff = func([]Document, []Document, []Mistake) error { return stop }
	out.Reset()
	if err := Run(context.Background(), opts, nil, &out); !errors.Is(err, stop) || out.Len() != 0 {
		t.Errorf("got %v and %d bytes, want the Diff error and no report", err, out.Len())
	}
}

// A prediction file made from other texts than the gold's is refused, each
// record at its line; records of documents the gold lacks are let through.
func TestReadPredictionsOf(t *testing.T) {
	gold := []Document{{ID: "a", Text: "Rahmon visited Osh."}, {ID: "b", Text: "Ош"}}
	const sumA = "0c4e6e0ae9ff7f1ad7ce6bd0e0d4b9e28e80d5e0f7ed9cbb5c2c5e0b8f2f7d50" // not a's sha256
	for _, tc := range []struct {
		name, line, err string
	}{
		{"made from the gold text", `{"id":"a","length":19,"mentions":[{"id":"m0","start":0,"end":6,"text":"Rahmon","label":"PERSON"}]}`, ""},
		{"code points, not bytes", `{"id":"b","length":2,"mentions":[{"id":"m0","start":0,"end":2,"text":"Ош","label":"PLACE"}]}`, ""},
		{"a document the gold lacks", `{"id":"c","length":5,"mentions":[]}`, ""},
		{"a failed document", `{"id":"a","error":"a.txt: invalid UTF-8"}`, ""},
		{"another sha256", `{"id":"a","sha256":"` + sumA + `","length":19,"mentions":[]}`, `pred.jsonl:1: document "a" was not made from the gold text: its sha256 differs`},
		{"another length", `{"id":"a","length":40,"mentions":[]}`, `pred.jsonl:1: document "a" was not made from the gold text: its length is 40 code points, the gold text's 19`},
		{"a mention elsewhere", `{"id":"a","length":19,"mentions":[{"id":"m0","start":15,"end":18,"text":"Rahmon","label":"PERSON"}]}`, `pred.jsonl:1: document "a" was not made from the gold text: mention m0 "Rahmon" is not the gold text at 15–18`},
		{"a mention past the end", `{"id":"a","length":19,"mentions":[{"id":"m0","start":15,"end":25,"text":"Osh.","label":"PLACE"}]}`, `at 15–25`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pred, err := ReadPredictionsOf(strings.NewReader(tc.line+"\n"), "pred.jsonl", gold)
			if tc.err == "" {
				if err != nil || len(pred) != 1 {
					t.Errorf("%d documents, err %v", len(pred), err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("err %v, want %q", err, tc.err)
			}
		})
	}
}
