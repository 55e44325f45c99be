package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/extract-ca/extract/gazetteer"
)

// collisionsFlag registers --gazetteer-collisions on c: what an entry of a
// --gazetteer file does when an entry loaded before it (of the default or
// an earlier file) has its id.
func collisionsFlag(c *cobra.Command, v *string) {
	c.Flags().StringVar(v, "gazetteer-collisions", string(gazetteer.Refuse),
		"what a --gazetteer entry whose id is already loaded does: `refuse` (a problem with file and line), replace (takes the earlier entry's place) or merge (the earlier entry gains its names as aliases)")
}

// gazetteerFlags are --gazetteer and --gazetteer-collisions: the user's
// gazetteer files, layered over the default (run, eval, html, train and
// gazetteer stats and lookup).
type gazetteerFlags struct {
	files      []string
	collisions string
}

// register adds the two flags to c; usage is --gazetteer's.
func (f *gazetteerFlags) register(c *cobra.Command, usage string) {
	c.Flags().StringArrayVar(&f.files, "gazetteer", nil, usage)
	collisionsFlag(c, &f.collisions)
}

// load loads the default with the files layered over it as the policy
// says, and writes to w one line per file whose entries replaced or merged
// into earlier ones, so that no curated entry changes unsaid.
func (f *gazetteerFlags) load(w io.Writer) (*gazetteer.Layered, error) {
	c, err := gazetteer.ParseCollisions(f.collisions)
	if err != nil {
		return nil, err
	}
	l, err := gazetteer.LoadLayered(c, f.files...)
	if err != nil {
		return nil, err
	}
	for _, line := range l.Report(c) {
		fmt.Fprintf(w, "extract: %s\n", line)
	}
	return l, nil
}
