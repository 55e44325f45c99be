package main

import (
	"fmt"
	"io"
	"strings"

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
	reportCollisions(w, c, l.Collisions)
	return l, nil
}

// reportCollisions writes, for each file in order, how many of its entries
// replaced or merged into earlier ones, with the first few ids.
func reportCollisions(w io.Writer, c gazetteer.Collisions, collisions []gazetteer.Collision) {
	var files []string
	ids := map[string][]string{}
	for _, x := range collisions {
		f := x.Entry.File
		if ids[f] == nil {
			files = append(files, f)
		}
		ids[f] = append(ids[f], x.Entry.ID)
	}
	verb := map[gazetteer.Collisions]string{gazetteer.Replace: "replace", gazetteer.Merge: "were merged into"}[c]
	for _, f := range files {
		list := ids[f]
		shown := strings.Join(list[:min(len(list), 3)], ", ")
		if len(list) > 3 {
			shown += ", ..."
		}
		fmt.Fprintf(w, "extract: %s: %d entries %s earlier entries of the same id (--gazetteer-collisions %s): %s\n", f, len(list), verb, c, shown)
	}
}
