package extractbeam

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/extract-ca/extract/graph"
	"github.com/extract-ca/extract/output"
)

func newGraphConfig(opts Options) (GraphConfig, error) {
	g := GraphConfig{Path: opts.Graph, Format: opts.GraphFormat, MinWeight: opts.MinWeight}
	if g.Format == "" {
		g.Format = "graphml"
	}
	if g.Format == "neo4j" || !slices.Contains(graph.Formats(), g.Format) {
		return g, fmt.Errorf("--graph-format must be graphml, gexf or nodelink, not %q", g.Format)
	}
	for _, l := range opts.Labels {
		l = strings.ToUpper(strings.TrimSpace(l))
		if !slices.Contains([]string{output.LabelPerson, output.LabelPlace, output.LabelGroup}, l) {
			return g, fmt.Errorf("--graph-label takes PERSON, PLACE or GROUP, not %q", l)
		}
		g.Labels = append(g.Labels, l)
	}
	return g, nil
}

func init() {
	register.Combiner3[*graph.Builder, string, string](&graphFn{})
	register.DoFn2x1[context.Context, string, error](&writeFileFn{})
	beam.RegisterCoder(reflect.TypeOf((*graph.Builder)(nil)), encodeBuilder, decodeBuilder)
}

// A partial graph travels between workers as graph.Builder's own encoding.
func encodeBuilder(b *graph.Builder) ([]byte, error) { return b.MarshalBinary() }

func decodeBuilder(data []byte) (*graph.Builder, error) {
	b := graph.NewBuilder(graph.Options{})
	return b, b.UnmarshalBinary(data)
}

// writeGraph adds the corpus graph of lines to s: counted by a combiner
// (each worker counts its records into a graph.Builder, the partial
// graphs are merged, graph.Builder.Merge), and written to cfg.Path.
func writeGraph(s beam.Scope, cfg GraphConfig, lines beam.PCollection) {
	s = s.Scope("graph")
	file := beam.Combine(s, &graphFn{Config: cfg}, lines)
	beam.ParDo0(s, &writeFileFn{Path: cfg.Path}, file)
}

// graphFn counts records into the corpus graph, as `extract graph` does,
// and gives the graph's file.
type graphFn struct {
	Config GraphConfig
}

func (fn *graphFn) CreateAccumulator() *graph.Builder { return graph.NewBuilder(graph.Options{}) }

func (fn *graphFn) AddInput(b *graph.Builder, line string) (*graph.Builder, error) {
	rec, err := output.NewReader(strings.NewReader(line)).Read()
	if err != nil {
		return nil, err // a line process made: cannot happen
	}
	return b, b.Add(rec)
}

func (fn *graphFn) MergeAccumulators(a, b *graph.Builder) (*graph.Builder, error) {
	return a, a.Merge(b)
}

// ExtractOutput filters and finishes the graph with the options and the
// gazetteer's facts, which `extract graph` takes from the default
// gazetteer, and writes it in the chosen format.
func (fn *graphFn) ExtractOutput(b *graph.Builder) (string, error) {
	lookup, err := graph.DefaultLookup()
	if err != nil {
		return "", err
	}
	final := graph.NewBuilder(graph.Options{MinWeight: fn.Config.MinWeight, Labels: fn.Config.Labels, Lookup: lookup})
	if err := final.Merge(b); err != nil {
		return "", err
	}
	var buf bytes.Buffer
	if err := graph.Write(&buf, fn.Config.Format, final.Graph()); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// writeFileFn writes its one element to Path, on any Beam file system.
type writeFileFn struct {
	Path string
}

func (fn *writeFileFn) ProcessElement(ctx context.Context, content string) error {
	fs, err := filesystem.New(ctx, fn.Path)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, fn.Path)
	if err != nil {
		return err
	}
	if _, err := w.Write([]byte(content)); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
