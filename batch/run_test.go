package batch

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/extract-ca/extract/output"
	"github.com/extract-ca/extract/pipeline"
)

// Run hands records on in input order for any number of workers, with a
// failed input's error record in its place.
func TestRunOrder(t *testing.T) {
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var inputs []Input
	for i := range 40 {
		in := Input{ID: fmt.Sprint(i), Source: "t", Text: fmt.Sprintf("Rahmon met Tokayev in Astana, %d.", i)}
		if i%7 == 3 {
			in.Text = "\xff"
		}
		if i == 5 {
			in.Err = errors.New("unreadable")
		}
		inputs = append(inputs, in)
	}
	var runs [][]string
	for _, workers := range []int{1, 3, 8} {
		var ids []string
		stats, err := Run(context.Background(), p, slices.Values(inputs), workers, func(r *output.Record) error {
			ids = append(ids, r.ID+"/"+r.Error)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if stats.Documents != len(inputs) || stats.Errors != 7 {
			t.Errorf("workers %d: %+v, want %d documents and 7 errors", workers, stats, len(inputs))
		}
		runs = append(runs, ids)
	}
	for i := range runs[0] {
		if want := fmt.Sprint(i) + "/"; runs[0][i][:len(want)] != want {
			t.Fatalf("record %d is %q", i, runs[0][i])
		}
	}
	for _, r := range runs[1:] {
		if !slices.Equal(r, runs[0]) {
			t.Errorf("order differs between worker counts:\n%q\n%q", r, runs[0])
		}
	}
}

// An error from emit stops the batch and is returned.
func TestRunEmitError(t *testing.T) {
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("disk full")
	n := 0
	inputs := func(yield func(Input) bool) {
		for i := 0; ; i++ {
			if !yield(Input{ID: fmt.Sprint(i), Text: "Osh"}) {
				return
			}
		}
	}
	_, err = Run(context.Background(), p, inputs, 4, func(*output.Record) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Errorf("Run = %v after %d records, want %v after 3", err, n, stop)
	}
}
