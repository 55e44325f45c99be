package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"
	"sync"

	"github.com/spf13/cobra"

	"github.com/extract-ca/extract/batch"
	"github.com/extract-ca/extract/output"
	"github.com/extract-ca/extract/view"
)

type htmlOptions struct {
	pipelineFlags
	in     inputFlags
	output string
	from   string
}

func (a App) htmlCommand() *cobra.Command {
	var o htmlOptions
	c := &cobra.Command{
		Use:   "html [PATH...] -o DIR",
		Short: "Write a static HTML site of the articles with their mentions marked",
		Long: `Run the pipeline as run does (same inputs and flags) and write a static site to DIR:
index.html (the documents with their counts, the entities with the documents naming them,
and a picture of the co-occurrence network of the 40 entities named in the most documents)
and a page per document under docs/, every mention marked and coloured by label. Choosing
an entity on a page highlights its mentions. The pages need no network: they link one
stylesheet and one script, written at the root of DIR.

With --from FILE the pipeline does not run: the records of an earlier run are drawn over
the texts of the same inputs, which must be given in the same order (records hold offsets
and a checksum of the text, not the text).`,
		Example: `  extract html seeds/ -o site/
  extract html --input jsonl --no-ner examples/docs.jsonl -o site/
  extract run seeds/ > mentions.jsonl && extract html --from mentions.jsonl seeds/ -o site/`,
		RunE: func(c *cobra.Command, args []string) error { return a.html(c.Context(), o, args) },
	}
	o.register(c)
	o.in.register(c, "a larger one gets an error page without being read")
	outputFlag(c, &o.output, "write the site to `DIR` (required)")
	c.Flags().StringVar(&o.from, "from", "", "draw the records of this extract run output `FILE` instead of running the pipeline (give the run's inputs too, in its order)")
	return c
}

func (a App) html(ctx context.Context, o htmlOptions, args []string) error {
	if o.output == "" {
		return errors.New("html needs -o DIR")
	}
	reader, files, err := o.in.inputs(a, args)
	if err != nil {
		return err
	}
	if o.from != "" {
		return a.htmlFrom(o, reader.Inputs(files))
	}
	p, _, err := o.build(a.Stderr)
	if err != nil {
		return err
	}
	site, err := view.NewSite(o.output)
	if err != nil {
		return failure{err}
	}
	inputs, next := keepTexts(reader.Inputs(files))
	stats, err := batch.Run(ctx, p, inputs, o.workers, func(r *output.Record) error {
		if r.Error != "" {
			fmt.Fprintf(a.Stderr, "extract: %s\n", r.Error)
		}
		return site.Add(r, next())
	})
	if err != nil {
		return stopped(ctx, err)
	}
	if err := site.Close(); err != nil {
		return failure{err}
	}
	fmt.Fprintf(a.Stderr, "extract: %d documents, %d mentions, %d errors: %s/index.html\n",
		stats.Documents, stats.Mentions, stats.Errors, o.output)
	if stats.Errors > 0 {
		return errSomeFailed
	}
	return nil
}

// htmlFrom draws the records of an earlier run over the texts of its
// inputs, paired in order. A record that is not its input's (another id,
// or a result whose checksum is not the text's) stops it: drawn over the
// wrong text, every offset would be wrong.
func (a App) htmlFrom(o htmlOptions, inputs iter.Seq[batch.Input]) error {
	f, err := os.Open(o.from)
	if err != nil {
		return err
	}
	defer f.Close()
	site, err := view.NewSite(o.output)
	if err != nil {
		return failure{err}
	}
	r := output.NewReader(f)
	docs, failed := 0, 0
	for in := range inputs {
		rec, err := r.Read()
		if err == io.EOF {
			return failure{fmt.Errorf("%s ends before input %s", o.from, in.ID)}
		}
		if err != nil {
			return failure{fmt.Errorf("%s: %w", o.from, err)}
		}
		sum := sha256.Sum256([]byte(in.Text))
		switch {
		case rec.ID != in.ID:
			return failure{fmt.Errorf("%s: record %d is %q, the input is %q: give the run's inputs in its order", o.from, docs+1, rec.ID, in.ID)}
		case rec.Error == "" && in.Err == nil && rec.SHA256 != hex.EncodeToString(sum[:]):
			return failure{fmt.Errorf("%s: record %q was made from another text than %s", o.from, rec.ID, in.Source)}
		}
		if rec.Error != "" {
			failed++
		}
		if err := site.Add(rec, in.Text); err != nil {
			return failure{err}
		}
		docs++
	}
	if _, err := r.Read(); err != io.EOF {
		return failure{fmt.Errorf("%s has more records than the %d inputs", o.from, docs)}
	}
	if err := site.Close(); err != nil {
		return failure{err}
	}
	fmt.Fprintf(a.Stderr, "extract: %d documents, %d errors: %s/index.html\n", docs, failed, o.output)
	if failed > 0 {
		return errSomeFailed
	}
	return nil
}

// keepTexts passes inputs through and keeps each one's text until the
// page of its record is written: records carry offsets, not the text.
// batch.Run yields exactly one record per input, in input order, so next
// (called once per record) returns the text of that record's input. Only
// the documents in flight are held.
func keepTexts(inputs iter.Seq[batch.Input]) (iter.Seq[batch.Input], func() string) {
	var (
		mu    sync.Mutex
		queue []string
	)
	seq := func(yield func(batch.Input) bool) {
		for in := range inputs {
			mu.Lock()
			queue = append(queue, in.Text)
			mu.Unlock()
			if !yield(in) {
				return
			}
		}
	}
	next := func() string {
		mu.Lock()
		defer mu.Unlock()
		if len(queue) == 0 {
			return ""
		}
		t := queue[0]
		queue = queue[1:]
		return t
	}
	return seq, next
}
