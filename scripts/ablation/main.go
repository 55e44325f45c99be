// Command ablation measures what each optional stage of the pipeline adds:
// it runs `extract eval --json` on every data set with the full pipeline
// and with each optional stage, and each rule of the coref stage
// ("coref/surname"), left out (--without), and prints the strict micro F1
// of each and the change a stage's absence makes. The coref rules that
// only join mentions into entities change no span or label: strict F1
// cannot see them, the B³ and MUC figures of `extract eval` on the seeds
// (the one set with gold clusters) can.
//
// A rule earns its place by a gain on data it was not written from: the
// seeds are the development set; WikiGold, GMB and CoNLL-2003 dev are read
// from ../shared/external (never copied into the repository) and a missing
// set is skipped with a note.
//
// Usage: go run ./scripts/ablation [-extract BIN] [-no-ner] [-model prose|default|FILE]
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/extract-ca/extract/internal/gobuild"
	"github.com/extract-ca/extract/pipeline"
)

// dataset is one gold file and the eval flags that read it.
type dataset struct {
	name string
	args []string
}

// GMB's gpe tags are nationality adjectives ("Iraqi", "British") far more
// than states, and the annotation guideline makes demonyms no mentions: gpe
// stays unmapped, so it counts as no mention.
func datasets(shared string) []dataset {
	ner := filepath.Join(shared, "external", "ner")
	return []dataset{
		{"seeds", []string{"seeds/gold.jsonl"}},
		{"WikiGold", []string{"--format", "conll", "--label-map", "PER=PERSON,LOC=PLACE,ORG=GROUP", filepath.Join(ner, "wikigold", "wikigold.conll.txt")}},
		{"GMB", []string{"--format", "gmb", "--label-map", "per=PERSON,geo=PLACE,org=GROUP", filepath.Join(ner, "gmb", "ner_dataset.csv")}},
		{"CoNLL dev", []string{"--format", "conll", "--label-map", "PER=PERSON,LOC=PLACE,ORG=GROUP", filepath.Join(shared, "external", "ner-train", "conll2003", "eng.testa")}},
	}
}

// stages are what --without may leave out: each optional stage, then each
// rule of coref.
func stages() []string {
	s := pipeline.OptionalStages()
	for _, r := range pipeline.CorefRules() {
		s = append(s, "coref/"+r)
	}
	return s
}

func main() {
	bin := flag.String("extract", "", "extract binary (default: go run ./cmd/extract)")
	noNER := flag.Bool("no-ner", false, "measure without the model")
	model := flag.String("model", "prose", "entity model, as extract's --model: prose (here the default: prose's weights never saw the seeds), default (extract's own default, trained on them) or a FILE made by extract train")
	shared := flag.String("shared", "../shared", "the shared folder beside the repository")
	flag.Parse()
	var extra []string
	if *noNER {
		extra = append(extra, "--no-ner")
	}
	if !*noNER {
		extra = append(extra, "--model", *model)
	}
	if !*noNER && *model != "prose" {
		// The recipe's models, the default one included, learn the seed
		// gold: their seeds column would score what they were trained
		// on, which is no figure.
		fmt.Fprintln(os.Stderr, "ablation: with -model other than prose, the seeds column is a plain score; for a model trained on the seeds (the default, scripts/train-default) use scripts/seedcv, which scores each document with a model trained without it")
	}
	if err := run(*bin, *shared, extra); err != nil {
		fmt.Fprintln(os.Stderr, "ablation:", err)
		os.Exit(1)
	}
}

func run(bin, shared string, extra []string) error {
	if bin == "" {
		dir, err := os.MkdirTemp("", "ablation")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		bin = filepath.Join(dir, "extract")
		if err := gobuild.Build("", "./cmd/extract", bin); err != nil {
			return err
		}
	}
	var sets []dataset
	for _, d := range datasets(shared) {
		if _, err := os.Stat(d.args[len(d.args)-1]); err != nil {
			fmt.Fprintf(os.Stderr, "ablation: %s: %v, skipped\n", d.name, err)
			continue
		}
		sets = append(sets, d)
	}
	configs := append([]string{""}, stages()...)
	f1 := map[string]map[string]float64{}
	for _, c := range configs {
		f1[c] = map[string]float64{}
		for _, d := range sets {
			args := append([]string{"eval", "--json"}, extra...)
			if c != "" {
				args = append(args, "--without", c)
			}
			v, err := strictF1(bin, append(args, d.args...))
			if err != nil {
				return fmt.Errorf("%s without %q: %w", d.name, c, err)
			}
			f1[c][d.name] = v
		}
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	header := "pipeline\t"
	for _, d := range sets {
		header += d.name + "\t"
	}
	fmt.Fprintln(tw, header)
	for _, c := range configs {
		row := "full\t"
		if c != "" {
			row = "without " + c + "\t"
		}
		for _, d := range sets {
			if c == "" {
				row += fmt.Sprintf("%.4f\t", f1[c][d.name])
			} else {
				row += fmt.Sprintf("%+.4f\t", f1[c][d.name]-f1[""][d.name])
			}
		}
		fmt.Fprintln(tw, row)
	}
	fmt.Println("strict micro F1 of the full pipeline, and the change when a stage is left out")
	fmt.Println("(negative: the stage helps on that set)")
	return tw.Flush()
}

func strictF1(bin string, args []string) (float64, error) {
	var out, errb bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return 0, fmt.Errorf("%v: %s", err, strings.TrimSpace(errb.String()))
	}
	var r struct {
		Schemes []struct {
			Scheme string `json:"scheme"`
			Micro  struct {
				F1 float64 `json:"f1"`
			} `json:"micro"`
		} `json:"schemes"`
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		return 0, err
	}
	for _, s := range r.Schemes {
		if s.Scheme == "strict" {
			return s.Micro.F1, nil
		}
	}
	return 0, fmt.Errorf("no strict scheme in the report")
}
