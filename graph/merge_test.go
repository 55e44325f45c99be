package graph

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/extract-ca/extract/output"
)

// readRecords reads every record of a JSONL file.
func readRecords(t *testing.T, path string) []*output.Record {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var recs []*output.Record
	rd := output.NewReader(f)
	for {
		r, err := rd.Read()
		if err != nil {
			break
		}
		recs = append(recs, r)
	}
	return recs
}

// Records split into parts, each counted apart, sent through
// MarshalBinary and UnmarshalBinary and merged in any order, give the graph
// of all the records added one by one: what a distributed run's combiners
// rely on. The parts are random, empty ones included; the options
// (documents, labels, minimum weight, gazetteer facts) are the merging
// Builder's.
func TestMergeEqualsAdd(t *testing.T) {
	recs := append(readRecords(t, "testdata/small.jsonl"), readRecords(t, writeRun(t, t.TempDir(), 60))...)
	recs = append(recs, variantRecords()...)
	lookup := func(id string) (Known, bool) {
		if id == "place/dushanbe" {
			return Known{Name: "Dushanbe", Kind: "capital", Country: "TJ", Parent: "place/tajikistan"}, true
		}
		return Known{}, false
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for _, opts := range []Options{{}, {Documents: true, MinWeight: 2, Labels: []string{"PERSON", "PLACE"}, Lookup: lookup}} {
		whole := NewBuilder(opts)
		for _, r := range recs {
			if err := whole.Add(r); err != nil {
				t.Fatal(err)
			}
		}
		want := describe(whole.Graph())
		for round := 0; round < 8; round++ {
			parts := make([]*Builder, 1+rng.IntN(6))
			for i := range parts {
				parts[i] = NewBuilder(Options{Documents: opts.Documents})
			}
			for _, r := range recs {
				if err := parts[rng.IntN(len(parts))].Add(r); err != nil {
					t.Fatal(err)
				}
			}
			merged := NewBuilder(opts)
			for _, i := range rng.Perm(len(parts)) {
				data, err := parts[i].MarshalBinary()
				if err != nil {
					t.Fatal(err)
				}
				back := NewBuilder(Options{Documents: opts.Documents})
				if err := back.UnmarshalBinary(data); err != nil {
					t.Fatal(err)
				}
				if err := merged.Merge(back); err != nil {
					t.Fatal(err)
				}
			}
			if got := describe(merged.Graph()); got != want {
				t.Fatalf("options %+v, round %d: merged graph differs\ngot:\n%s\nwant:\n%s", opts, round, got, want)
			}
			if merged.Records() != whole.Records() || merged.Skipped() != whole.Skipped() {
				t.Errorf("merged %d records, %d skipped; want %d, %d", merged.Records(), merged.Skipped(), whole.Records(), whole.Skipped())
			}
		}
	}
}

// A Builder goes on adding records after a merge, with documents counted
// right: the merged-in node's document count is not confused with the
// next record's.
func TestAddAfterMerge(t *testing.T) {
	recs := readRecords(t, "testdata/small.jsonl")
	whole, first, second := NewBuilder(Options{}), NewBuilder(Options{}), NewBuilder(Options{})
	for i, r := range recs {
		whole.Add(r)
		if i == 0 {
			first.Add(r)
		} else {
			second.Add(r)
		}
	}
	merged := NewBuilder(Options{})
	if err := merged.Merge(first); err != nil {
		t.Fatal(err)
	}
	for _, r := range recs[1:] {
		merged.Add(r)
	}
	if got, want := describe(merged.Graph()), describe(whole.Graph()); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// With document nodes, a document in both parts is refused, as Add
// refuses it; bad data is an error, not a panic.
func TestMergeErrors(t *testing.T) {
	a, b := NewBuilder(Options{Documents: true}), NewBuilder(Options{Documents: true})
	a.Add(&output.Record{ID: "x"})
	b.Add(&output.Record{ID: "x"})
	if err := a.Merge(b); err == nil || !strings.Contains(err.Error(), `"x" appears twice`) {
		t.Errorf("err = %v, want a duplicate document", err)
	}
	for _, data := range [][]byte{nil, []byte("not gob")} {
		if err := NewBuilder(Options{}).UnmarshalBinary(data); err == nil {
			t.Errorf("UnmarshalBinary(%q) accepted", data)
		}
	}
}
