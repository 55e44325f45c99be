package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/extract-ca/extract/eval"
	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/model"
	"github.com/extract-ca/extract/pipeline"
	"github.com/extract-ca/extract/text"
)

type trainOptions struct {
	gold       goldFlags
	gaz        gazetteerFlags
	output     string
	dev        string
	iterations int
	seed       uint64
	orders     int
	beam       int
	noGazFeats bool
	recipe     string
	wordlists  string
	lexicons   []string
}

func (a App) trainCommand() *cobra.Command {
	var o trainOptions
	c := &cobra.Command{
		Use:   "train [flags] GOLD... -o MODEL",
		Short: "Train an entity model on annotated articles",
		Long: `Train the entity model (an averaged perceptron over BIO labels of PERSON, PLACE and GROUP)
on gold annotations in any format eval reads, and write it to MODEL for run --model and
eval --model. Labels the label map leaves out are no mention.

With --dev, the model is scored on the dev file after each pass over the training data and
the best pass (up to --iterations) is kept. The same data, flags and --seed give the same
model file, byte for byte.`,
		Example: `  extract train --iterations 5 -o my.model cmd/extract/testdata/train/gold.jsonl
  extract train --dev seeds/gold.jsonl -o my.model cmd/extract/testdata/train/gold.jsonl
  extract train --format conll --label-map PER=PERSON,LOC=PLACE,ORG=GROUP -o my.model examples/sample.conll
  extract run --model my.model seeds/`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, gold []string) error { return a.train(c.Context(), o, gold) },
	}
	outputFlag(c, &o.output, "write the model to `FILE` (required)")
	c.Flags().StringVar(&o.dev, "dev", "", "development gold `FILE`: keep the pass that scores best on it")
	o.gold.register(c)
	c.Flags().IntVar(&o.iterations, "iterations", 10, "passes over the training data (with --dev: at most)")
	c.Flags().Uint64Var(&o.seed, "seed", 1, "seed of the order of documents in each pass")
	c.Flags().IntVar(&o.orders, "orders", 1, "train `K` perceptrons on the orders of seeds --seed to --seed+K-1 and keep the mean of their weights")
	c.Flags().IntVar(&o.beam, "beam", 1, "train for a beam search of width `K` (early update); 1 trains greedily, token by token")
	o.gaz.register(c, "gazetteer `FILE` layered over the default, for the gazetteer features (repeatable)")
	c.Flags().BoolVar(&o.noGazFeats, "no-gazetteer-features", false, "train without gazetteer features")
	c.Flags().StringArrayVar(&o.lexicons, "lexicon", nil, "`NAME=FILE`: the words of FILE (one a line, any case, # comments) as a feature of the model, kept in it (repeatable; scripts/lexicons writes the recipe's)")
	wordlistsFlag(c, &o.wordlists)
	c.Flags().StringVar(&o.recipe, "recipe", "", "record `TEXT` in the model file as how it was trained (model.EntityTagger.Recipe)")
	c.MarkFlagRequired("output")
	return c
}

func (a App) train(ctx context.Context, o trainOptions, gold []string) error {
	if o.iterations <= 0 {
		return fmt.Errorf("--iterations must be positive")
	}
	if o.orders <= 0 {
		return fmt.Errorf("--orders must be positive")
	}
	if o.beam <= 0 {
		return fmt.Errorf("--beam must be positive")
	}
	labels, err := o.gold.labels()
	if err != nil {
		return err
	}
	train, err := readTrainingGold(gold, o.gold.format, labels)
	var dev []eval.Document
	if o.dev != "" {
		var devErr error
		dev, devErr = eval.ReadGold([]string{o.dev}, o.gold.format, labels)
		if errors.Is(devErr, eval.ErrNoDocuments) {
			devErr = fmt.Errorf("--dev %s holds no documents", o.dev)
		}
		err = errors.Join(err, devErr)
	}
	if err != nil {
		return fmt.Errorf("gold files have problems:\n%w", err)
	}
	if n := sharedTexts(train, dev); n > 0 {
		fmt.Fprintf(a.Stderr, "extract: warning: %d of the %d --dev documents are also training documents: the pass chosen on them, and their score, measure what the model learnt, not how it does on new text\n", n, len(dev))
	}
	lexicons, err := readLexicons(o.lexicons)
	if err != nil {
		return err
	}
	lists, err := loadWordlists(a.Stderr, o.wordlists)
	if err != nil {
		return err
	}
	split := pipeline.NewSentenceSplitter(lists)
	var match func(text.Segmentation) []model.GazMatch
	if !o.noGazFeats {
		l, err := o.gaz.load(a.Stderr)
		if err != nil {
			return err
		}
		m := gazetteer.NewMatcher(l.All)
		match = func(seg text.Segmentation) []model.GazMatch { return gazMatches(m.Match(seg)) }
	}
	opts := model.TrainOptions{
		Context:    ctx, // a signal stops training; nothing is written
		Iterations: o.iterations,
		Seed:       o.seed,
		Orders:     o.orders,
		Beam:       o.beam,
		Dev:        trainDocs(dev, split, match),
		Gazetteer:  match != nil,
		Lexicons:   lexicons,
		Progress: func(p model.Pass) {
			line := fmt.Sprintf("extract: pass %d: %d/%d tokens wrong, %d features", p.N, p.Errors, p.Tokens, p.Features)
			if p.DevF1 >= 0 {
				line += fmt.Sprintf(", dev F1 %.4f", p.DevF1)
				if p.Best {
					line += " (best)"
				}
			}
			fmt.Fprintln(a.Stderr, line)
		},
	}
	start := time.Now()
	docs := trainDocs(train, split, match)
	fmt.Fprintf(a.Stderr, "extract: training on %d documents (%d dev)\n", len(docs), len(opts.Dev))
	m, err := model.Train(docs, opts)
	if err != nil && ctx.Err() != nil {
		return stopped(ctx, err) // nothing is written
	}
	if err != nil {
		return err
	}
	m.Recipe = o.recipe
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return failure{err}
	}
	if err := os.WriteFile(o.output, buf.Bytes(), 0o644); err != nil {
		return failure{err}
	}
	fmt.Fprintf(a.Stderr, "extract: wrote %s (%.1f MB, %d features) in %.0f s\n",
		o.output, float64(buf.Len())/1e6, m.Features(), time.Since(start).Seconds())
	return nil
}

// readLexicons reads the files of --lexicon NAME=FILE flags.
func readLexicons(flags []string) ([]model.Lexicon, error) {
	var out []model.Lexicon
	for _, f := range flags {
		name, file, ok := strings.Cut(f, "=")
		if !ok || name == "" || file == "" {
			return nil, fmt.Errorf("--lexicon %q: want NAME=FILE", f)
		}
		r, err := os.Open(file)
		if err != nil {
			return nil, fmt.Errorf("--lexicon %s: %w", name, err)
		}
		l, err := model.ReadLexicon(name, file, r)
		r.Close()
		if err != nil {
			return nil, fmt.Errorf("--lexicon %s: %w", name, err)
		}
		out = append(out, l)
	}
	return out, nil
}

// trainDocs converts gold documents (code point offsets) to the model's
// (byte offsets), in the sentences split cuts, with the gazetteer's
// matches over the same segmentation when match is set.
func trainDocs(docs []eval.Document, split pipeline.SentenceSplitter, match func(text.Segmentation) []model.GazMatch) []model.TrainDoc {
	out := make([]model.TrainDoc, 0, len(docs))
	for _, d := range docs {
		cp := text.NewCodePoints(d.Text)
		n := cp.Len()
		seg := split.Segment(d.Text)
		td := model.TrainDoc{Text: d.Text, Sentences: pipeline.SentenceRanges(seg)}
		for _, s := range d.Spans {
			if s.Start < 0 || s.End > n || s.Start >= s.End {
				continue // the readers check offsets; this only guards
			}
			td.Spans = append(td.Spans, model.TrainSpan{Start: cp.Byte(s.Start), End: cp.Byte(s.End), Type: s.Label})
		}
		if match != nil {
			td.Hits = match(seg)
		}
		out = append(out, td)
	}
	return out
}

// gazMatches converts the gazetteer's hits for the model.
func gazMatches(hits []gazetteer.Hit) []model.GazMatch {
	out := make([]model.GazMatch, 0, len(hits))
	for _, h := range hits {
		e := h.Entries[0]
		out = append(out, model.GazMatch{Start: h.Start, End: h.End, Type: string(e.Type), Kind: e.Kind})
	}
	return out
}

// readTrainingGold reads the training files. A file named more than once
// is read once and its documents go in once for each time it is named:
// repeating a file is how a recipe gives it more weight
// (scripts/train-recipe names the seed gold four times). Every file is
// checked as eval checks gold, and the problems of all are returned
// together; a file with no documents is no problem unless all are.
func readTrainingGold(paths []string, format string, labels map[string]string) ([]eval.Document, error) {
	times := map[string]int{}
	var distinct []string
	for _, p := range paths {
		if times[p] == 0 {
			distinct = append(distinct, p)
		}
		times[p]++
	}
	files, err := eval.ReadGoldFiles(distinct, format, labels)
	if err != nil {
		return nil, err
	}
	var docs []eval.Document
	for i, p := range distinct {
		for range times[p] {
			docs = append(docs, files[i]...)
		}
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("the training files (%s) hold no documents", strings.Join(distinct, ", "))
	}
	return docs, nil
}

// sharedTexts counts the dev documents whose text is also a training
// document's, whatever their ids.
func sharedTexts(train, dev []eval.Document) int {
	if len(dev) == 0 {
		return 0
	}
	texts := make(map[string]bool, len(train))
	for _, d := range train {
		texts[d.Text] = true
	}
	n := 0
	for _, d := range dev {
		if texts[d.Text] {
			n++
		}
	}
	return n
}
