package main

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/extract-ca/extract/graph"
	"github.com/extract-ca/extract/internal/fileerr"
)

type graphOptions struct {
	format    string
	output    string
	documents bool
	minWeight int
	labels    []string
}

func (a App) graphCommand() *cobra.Command {
	var o graphOptions
	c := &cobra.Command{
		Use:   "graph [MENTIONS.jsonl...]",
		Short: "Merge runs into one corpus graph for networkx, Gephi or Neo4j",
		Long: `Read the output of one or many runs (standard input when no file is given, or -) and
write the corpus graph: a node per entity, merged across documents by its id (an unknown
name's auto/... entities by label and folded key, so that its spellings are one node; an
ambiguous/... entity is a node of its document, id "<id>@<document id>"), and an edge
between two entities named in the same sentence (weight: such sentences; documents: the
documents with one). Records are read one at a time: memory grows with the entities and
edges, not with the documents. Lines with "error" are skipped and counted on stderr. A line
that is not a record (the cut last line of a killed run, a damaged line) is skipped and
named on stderr with its file and line; the graph is still written, and the exit status is 1.

Formats: graphml, gexf (Gephi), nodelink (networkx.node_link_graph(data, edges="edges")),
neo4j (a directory of CSV files for neo4j-admin database import full; needs -o DIR).`,
		Example: `  extract run seeds/ | extract graph --format graphml > seeds.graphml
  extract graph --format gexf --min-weight 2 --label PERSON,GROUP -o people.gexf graph/testdata/small.jsonl
  extract graph --format neo4j --documents -o neo4j-import/ graph/testdata/small.jsonl`,
		RunE: func(c *cobra.Command, args []string) error { return a.graph(o, args) },
	}
	c.Flags().StringVar(&o.format, "format", "graphml", "output `FORMAT`: "+strings.Join(graph.Formats(), ", "))
	outputFlag(c, &o.output, "write to `FILE` instead of standard output (neo4j: the DIR to write, required)")
	c.Flags().BoolVar(&o.documents, "documents", false, "add a node per document and MENTIONS edges to its entities (memory then grows with the documents)")
	c.Flags().IntVar(&o.minWeight, "min-weight", 1, "leave out entity edges with fewer than `N` sentences")
	c.Flags().StringSliceVar(&o.labels, "label", nil, "keep only entities with these `LABELS` (PERSON, PLACE, GROUP)")
	return c
}

func (a App) graph(o graphOptions, files []string) error {
	if !slices.Contains(graph.Formats(), o.format) {
		return fmt.Errorf("--format must be one of %s, not %q", strings.Join(graph.Formats(), ", "), o.format)
	}
	if o.format == "neo4j" && o.output == "" {
		return fmt.Errorf("--format neo4j writes a directory of CSV files: give it with -o DIR")
	}
	for i, l := range o.labels {
		o.labels[i] = strings.ToUpper(strings.TrimSpace(l))
		if !slices.Contains([]string{"PERSON", "PLACE", "GROUP"}, o.labels[i]) {
			return fmt.Errorf("--label takes PERSON, PLACE or GROUP, not %q", l)
		}
	}
	lookup, err := graph.DefaultLookup()
	if err != nil {
		return failure{err}
	}
	b := graph.NewBuilder(graph.Options{Documents: o.documents, MinWeight: o.minWeight, Labels: o.labels, Lookup: lookup})
	if len(files) == 0 {
		files = []string{"-"}
	}
	badLines := 0
	for _, name := range files {
		bad, err := addFile(b, name, a.Stdin, a.Stderr)
		if err != nil {
			return err
		}
		badLines += bad
	}
	g := b.Graph()

	if o.format == "neo4j" {
		if err := graph.WriteNeo4j(o.output, g); err != nil {
			return failure{err}
		}
	} else if err := writeOutput(o.output, a.Stdout, func(w io.Writer) error { return graph.Write(w, o.format, g) }); err != nil {
		return failure{err}
	}
	fmt.Fprintf(a.Stderr, "%d records (%d error records skipped), %d entities, %d edges, %d documents\n",
		b.Records(), b.Skipped(), len(g.Nodes), len(g.Edges), len(g.Documents))
	if badLines > 0 {
		fmt.Fprintf(a.Stderr, "extract: %d lines were not records and were skipped; the graph holds the others\n", badLines)
		return errSomeFailed
	}
	return nil
}

// addFile adds the records of one input. A line that is not a record (a
// cut last line, a damaged one) is reported on stderr with the file and
// line, and the others still count: it returns how many were skipped so.
// A file that cannot be opened is an error.
func addFile(b *graph.Builder, name string, stdin io.Reader, stderr io.Writer) (int, error) {
	var r io.Reader = stdin
	shown := "-" // as extract run names standard input
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return 0, err
		}
		defer f.Close()
		r, shown = f, name
	}
	bad := 0
	b.AddEach(r, func(pe *fileerr.ParseError) bool {
		bad++
		pe.File = shown
		fmt.Fprintf(stderr, "extract: %v (line skipped)\n", pe)
		return true
	})
	return bad, nil
}
