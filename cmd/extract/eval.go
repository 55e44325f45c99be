package main

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/extract-ca/extract/batch"
	"github.com/extract-ca/extract/eval"
	"github.com/extract-ca/extract/internal/fileerr"
	"github.com/extract-ca/extract/model"
	"github.com/extract-ca/extract/output"
	"github.com/extract-ca/extract/view"
)

type evalOptions struct {
	pipelineFlags
	gold   goldFlags
	pred   string
	json   bool
	errors bool
	html   string
}

func (a App) evalCommand() *cobra.Command {
	var o evalOptions
	c := &cobra.Command{
		Use:   "eval [flags] GOLD...",
		Short: "Score the pipeline against annotated articles",
		Long: `Score predictions against gold annotations with the four schemes of SemEval-2013 task 9.1
(strict, exact, partial, type), micro, macro and per label, and coreference (B³, MUC) over
the mentions that match strictly.

GOLD files are our JSONL ({"id","text","spans":[{"start","end","label","cluster"}]}, code
point offsets), doccano exports, CoNLL files (IOB1 or IOB2, tag in the last column) or the
GMB CSV; --format says which, or it is guessed from the file. By default the pipeline runs
on the gold texts with the same flags as run; --pred scores an existing extract run output
instead, matched by document id.

A bad gold file is reported whole (file, line, problem) and nothing is scored.`,
		Example: `  extract eval seeds/gold.jsonl
  extract eval --json --no-ner seeds/gold.jsonl
  extract eval --errors seeds/gold.jsonl
  extract run seeds/ > mentions.jsonl && extract eval --pred mentions.jsonl seeds/gold.jsonl
  extract eval --format conll --label-map PER=PERSON,LOC=PLACE,ORG=GROUP examples/sample.conll`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, gold []string) error { return a.eval(c.Context(), o, gold) },
	}
	o.register(c)
	o.gold.register(c)
	c.Flags().StringVar(&o.pred, "pred", "", "score this extract run output `FILE` instead of running the pipeline")
	c.Flags().BoolVar(&o.json, "json", false, "write the report as JSON")
	c.Flags().BoolVar(&o.errors, "errors", false, "list every false positive and false negative with its context")
	c.Flags().StringVar(&o.html, "html", "", "also write HTML pages of gold against predicted to `DIR` (correct, missed, spurious, wrong label, wrong span)")
	return c
}

func (a App) eval(ctx context.Context, o evalOptions, gold []string) error {
	labels, err := o.gold.labels()
	if err != nil {
		return err
	}
	opts := eval.Options{Gold: gold, Format: o.gold.format, LabelMap: labels, PredFile: o.pred, JSON: o.json, Errors: o.errors}
	if o.html != "" {
		opts.Diff = func(gold, pred []eval.Document, mistakes []eval.Mistake) error {
			return view.WriteDiff(o.html, gold, pred, mistakes)
		}
	}
	var predict eval.Predictor
	if o.pred == "" {
		p, trained, err := o.build(a.Stderr)
		if err != nil {
			return err
		}
		if trained != nil {
			for _, g := range trainedOn(trained, gold) {
				fmt.Fprintf(a.Stderr, "extract: warning: the model was trained on %s (its recipe records the file): the score measures what it learnt, not how it does on new text; --model prose never saw it, and scripts/seedcv scores the default model's recipe on the seeds by cross-validation\n", g)
			}
		}
		predict = func(ctx context.Context, docs []eval.Document) ([]*output.Record, error) {
			inputs := func(yield func(batch.Input) bool) {
				for _, d := range docs {
					if !yield(batch.Input{ID: d.ID, Source: d.ID, Text: d.Text}) {
						return
					}
				}
			}
			recs := make([]*output.Record, 0, len(docs))
			_, err := batch.Run(ctx, p, inputs, o.workers, func(r *output.Record) error {
				recs = append(recs, r)
				return nil
			})
			return slices.Clip(recs), err
		}
	}
	if err := eval.Run(ctx, opts, predict, a.Stdout); err != nil {
		// Each problem names its file: a gold file, or the --pred file.
		var list fileerr.ErrorList
		if errors.As(err, &list) {
			what := "gold files have"
			if o.pred != "" {
				what = "gold or prediction files have"
			}
			return fmt.Errorf("%s problems:\n%w", what, err)
		}
		return failure{err}
	}
	return nil
}

// trainedOn returns the gold files that the model's recipe records as
// training data, by their recipeSum.
func trainedOn(m *model.EntityTagger, gold []string) []string {
	if m.Recipe == "" {
		return nil
	}
	var out []string
	for _, g := range gold {
		data, err := os.ReadFile(g)
		if err != nil {
			continue // eval reports it
		}
		if strings.Contains(m.Recipe, recipeSum(data)) {
			out = append(out, g)
		}
	}
	return out
}

// recipeSum is how scripts/train-recipe names a file's content in a
// model's recipe: the first 16 hex digits of its sha256.
func recipeSum(data []byte) string {
	return fmt.Sprintf("%x", sha256.Sum256(data))[:16]
}
