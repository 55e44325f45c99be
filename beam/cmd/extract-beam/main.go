// Command extract-beam runs extract's pipeline as an Apache Beam job: on
// the local prism runner by default, and unchanged on Flink, Spark (the
// portable runner) or Dataflow. Every record is the one `extract run`
// writes for the same document; the output is in no particular order.
//
//	extract-beam --input 'seeds/*.txt' --output mentions.jsonl
//	extract-beam --input 'gs://bucket/news/*.jsonl' --input-format jsonl --output gs://bucket/mentions.jsonl \
//	    --runner dataflow --project P --region R --temp_location gs://bucket/tmp
//
// The runner flags are Beam's own (--runner, --endpoint,
// --environment_type, --environment_config, ...); see the README's
// "Scaling out".
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/extract-ca/extract/batch"
	"github.com/extract-ca/extract/beam/extractbeam"
)

// repeated is a flag that may be given many times.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

func main() {
	var o extractbeam.Options
	var format, labels string
	var gazetteers repeated
	flag.StringVar(&o.Input, "input", "", "`GLOB`, file or directory of documents (a directory is searched for *.txt and *.md; gs://, s3:// globs too)")
	flag.StringVar(&format, "input-format", "text", "`text` (a file is a document) or jsonl (a line is {\"id\",\"text\"})")
	flag.StringVar(&o.Output, "output", "", "the JSONL `FILE` of records (gs:// and s3:// too)")
	flag.Var(&gazetteers, "gazetteer", "gazetteer `FILE` layered over the default (repeatable), read here and sent to the workers")
	flag.StringVar(&o.Collisions, "gazetteer-collisions", "refuse", "what an entry of a --gazetteer file does when its id is already taken: `refuse`, replace or merge (as extract run)")
	flag.StringVar(&o.Wordlists, "wordlists", "", "`DIR` of word lists: DIR/NAME.txt replaces the rules' list NAME (as extract run --wordlists), read here and sent to the workers")
	flag.BoolVar(&o.NoNER, "no-ner", false, "use the gazetteer and rules only, not the statistical model")
	flag.StringVar(&o.Model, "model", "default", "entity model: `default` (trained for extract, embedded), prose (prose's weights) or a FILE made by extract train, read here and sent to the workers")
	flag.Int64Var(&o.MaxBytes, "max-bytes", batch.DefaultMaxBytes, "largest document in `BYTES`; a larger one gets an error record without being read")
	flag.StringVar(&o.Graph, "graph", "", "also write the corpus graph of the records to `FILE`, as extract graph does")
	flag.StringVar(&o.GraphFormat, "graph-format", "graphml", "graph `FORMAT`: graphml, gexf or nodelink")
	flag.IntVar(&o.MinWeight, "graph-min-weight", 1, "graph: leave out entity edges with fewer than `N` sentences")
	flag.StringVar(&labels, "graph-label", "", "graph: keep only entities with these comma-separated `LABELS` (PERSON, PLACE, GROUP)")
	flag.Parse()
	// On a worker, Init runs the worker and does not return.
	beam.Init()

	o.InputFormat = batch.InputFormat(format)
	o.Gazetteers = gazetteers
	if labels != "" {
		o.Labels = strings.Split(labels, ",")
	}
	if flag.NArg() > 0 {
		fail(2, fmt.Errorf("unexpected arguments %q: give the documents with --input", flag.Args()))
	}
	cfg, err := extractbeam.NewConfig(o)
	if err != nil {
		fail(2, err)
	}
	for _, note := range cfg.Notes {
		fmt.Fprintf(os.Stderr, "extract-beam: %s\n", note)
	}
	p, s := beam.NewPipelineWithRoot()
	extractbeam.Build(s, cfg)
	if err := beamx.Run(context.Background(), p); err != nil {
		fail(1, err)
	}
}

func fail(status int, err error) {
	fmt.Fprintf(os.Stderr, "extract-beam: %v\n", err)
	os.Exit(status)
}
