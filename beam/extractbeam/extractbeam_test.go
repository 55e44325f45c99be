package extractbeam

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/memfs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/extract-ca/extract/batch"
	"github.com/extract-ca/extract/internal/testfile"
)

// The jobs run on prism, in this process (loopback workers).
func TestMain(m *testing.M) {
	code := ptest.MainRetWithDefault(m, "prism")
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

var binDir string // where extractBinary builds

// extractBinary builds the root module's extract command once: the
// reference every record here is compared with is the command itself.
var extractBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "extractbeam-test-")
	if err != nil {
		return "", err
	}
	binDir = dir
	bin := filepath.Join(dir, "extract")
	out, err := exec.Command("go", "build", "-C", "../..", "-o", bin, "./cmd/extract").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("building extract: %v\n%s", err, out)
	}
	return bin, nil
})

// extract runs the extract command with args and returns its standard
// output; exit status 1 (some documents failed) is not an error.
func extract(t *testing.T, stdin []byte, args ...string) []byte {
	t.Helper()
	bin, err := extractBinary()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); err != nil && !(ok && ee.ExitCode() == 1) {
		t.Fatalf("extract %q: %v\n%s", args, err, stderr.Bytes())
	}
	return out
}

// runBeam runs the job of opts on prism and returns the records' lines.
func runBeam(t *testing.T, opts Options) []string {
	t.Helper()
	cfg, err := NewConfig(opts)
	if err != nil {
		t.Fatal(err)
	}
	p, s := beam.NewPipelineWithRoot()
	Build(s, cfg)
	if err := ptest.Run(p); err != nil {
		t.Fatalf("job failed: %v", err)
	}
	return lines(readFile(t, opts.Output))
}

// readFile reads a file on any Beam file system.
func readFile(t *testing.T, path string) []byte {
	t.Helper()
	ctx := context.Background()
	fs, err := filesystem.New(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer fs.Close()
	data, err := filesystem.Read(ctx, fs, path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func lines(b []byte) []string {
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}

// byID groups lines by their record's id, sorted: an id given twice
// has its record and the later input's error record.
func byID(t *testing.T, lines []string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, l := range lines {
		var rec struct{ ID string }
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("not a record: %v: %.200s", err, l)
		}
		out[rec.ID] = append(out[rec.ID], l)
	}
	for _, ls := range out {
		slices.Sort(ls)
	}
	return out
}

// sameRecords compares two outputs by id, line for line (so every field,
// error text included); the order of the lines is free.
func sameRecords(t *testing.T, got, want []string) {
	t.Helper()
	g, w := byID(t, got), byID(t, want)
	for id, wl := range w {
		gl, ok := g[id]
		switch {
		case !ok:
			t.Errorf("%s: no record from Beam; extract run wrote %.200s", id, wl)
		case !slices.Equal(gl, wl):
			t.Errorf("%s: Beam wrote\n%.300s\nextract run wrote\n%.300s", id, gl, wl)
		}
	}
	for id := range g {
		if _, ok := w[id]; !ok {
			t.Errorf("%s: a record from Beam that extract run does not write", id)
		}
	}
}

// The seeds through Beam give extract run's records, and the corpus graph
// the combiners count is extract graph's, byte for byte.
func TestSeedsEqualExtractRun(t *testing.T) {
	dir := t.TempDir()
	const glob = "../../seeds/*.txt"
	opts := Options{Input: glob, Output: filepath.Join(dir, "mentions.jsonl"), Graph: filepath.Join(dir, "seeds.graphml")}
	got := runBeam(t, opts)
	want := extract(t, nil, "run", glob)
	if len(got) != 5 {
		t.Errorf("%d records, want the 5 seed articles", len(got))
	}
	sameRecords(t, got, lines(want))

	wantGraph := extract(t, want, "graph", "--format", "graphml")
	if gotGraph := readFile(t, opts.Graph); !bytes.Equal(gotGraph, wantGraph) {
		t.Errorf("graph differs from extract graph's (%d bytes, want %d)", len(gotGraph), len(wantGraph))
	}
}

// Documents that fail (invalid UTF-8, over --max-bytes, an id given
// twice, JSONL lines that are blank or not JSON) become the error records
// extract run writes for them, and the job succeeds with the others; the
// graph's options are extract graph's.
func TestFailingDocumentsAreErrorRecords(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) { testfile.Write(t, filepath.Join(dir, name), text) }
	write("corpus/a.txt", "President Emomali Rahmon met officials in Dushanbe and Khujand.")
	write("corpus/a.md", "The same id as a.txt: Bishkek.")
	write("corpus/bad.txt", "Tashkent and \xff Samarkand")
	write("corpus/big.txt", strings.Repeat("Almaty. ", 200))
	write("corpus/sub/c.txt", "Hizb ut-Tahrir was banned in Uzbekistan.")
	write("docs/1.jsonl", "{\"id\":\"x\",\"text\":\"Rahmon in Dushanbe.\"}\n\nnot json\n{\"id\":\"y\",\"text\":\"Osh \\ud800\"}\n{\"text\":\"No id: Kabul.\"}\n")
	write("docs/2.jsonl", "{\"id\":\"x\",\"text\":\"Again x, in Astana.\"}\n{\"id\":\"z\",\"text\":\"Mirziyoyev and Tokayev met in Tashkent.\"}")

	for _, tc := range []struct {
		name, input, format string
		errors              int
	}{
		{"directory", filepath.Join(dir, "corpus"), "text", 3},
		{"glob", filepath.Join(dir, "corpus", "*.*"), "text", 3},
		{"jsonl", filepath.Join(dir, "docs", "*.jsonl"), "jsonl", 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out.jsonl")
			graphFile := filepath.Join(t.TempDir(), "g.json")
			got := runBeam(t, Options{Input: tc.input, InputFormat: batch.InputFormat(tc.format), Output: out, MaxBytes: 1000,
				NoNER: true, Graph: graphFile, GraphFormat: "nodelink", Labels: []string{"PLACE", "PERSON"}})
			want := extract(t, nil, "run", "--input", tc.format, "--no-ner", "--max-bytes", "1000", tc.input)
			sameRecords(t, got, lines(want))
			errs := 0
			for _, l := range got {
				if strings.Contains(l, `"error":`) {
					errs++
				}
			}
			if errs != tc.errors {
				t.Errorf("%d error records, want %d", errs, tc.errors)
			}
			wantGraph := extract(t, want, "graph", "--format", "nodelink", "--label", "PLACE,PERSON")
			if gotGraph := readFile(t, graphFile); !bytes.Equal(gotGraph, wantGraph) {
				t.Errorf("graph:\n%s\nextract graph:\n%s", gotGraph, wantGraph)
			}
		})
	}
}

// Files on another Beam file system (gs:// and s3:// on a cluster; memfs
// here) are listed, read and written through it, with the records extract
// run gives for the same files on disk: the same ids and errors, the path
// aside.
func TestRemoteFileSystem(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"a.txt":   "Shavkat Mirziyoyev spoke in Tashkent.",
		"b.txt":   "Kyrgyzstan and Kazakhstan signed in Bishkek.",
		"bad.txt": "Osh \xfe",
		"b.md":    "Not matched by the glob.",
	}
	for name, text := range files {
		memfs.Write("memfs://corpus/"+name, []byte(text))
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := runBeam(t, Options{Input: "memfs://corpus/*.txt", Output: "memfs://out/mentions.jsonl", NoNER: true})
	want := lines(extract(t, nil, "run", "--no-ner", filepath.Join(dir, "*.txt")))
	unpath := func(ls []string, prefix string) []string {
		out := slices.Clone(ls)
		for i, l := range out {
			out[i] = strings.ReplaceAll(l, prefix, "DIR/")
		}
		return out
	}
	sameRecords(t, unpath(got, "memfs://corpus/"), unpath(want, dir+"/"))
	if len(got) != 3 {
		t.Errorf("%d records, want 3", len(got))
	}
}

// Bad options are refused before a job starts.
func TestNewConfigRefuses(t *testing.T) {
	for _, tc := range []struct {
		opts Options
		want string
	}{
		{Options{Output: "x"}, "--input is required"},
		{Options{Input: "../../seeds/*.txt"}, "--output is required"},
		{Options{Input: "../../seeds/*.txt", Output: "x", InputFormat: "csv"}, "--input-format"},
		{Options{Input: "../../nothing/*.txt", Output: "x"}, "no such file"},
		{Options{Input: "../../seeds/*.txt", Output: "x", Gazetteers: []string{"../../nothing.gaz"}}, "nothing.gaz"},
		{Options{Input: "../../seeds/*.txt", Output: "x", Model: "../../seeds/gold.jsonl"}, "gold.jsonl"},
		{Options{Input: "../../seeds/*.txt", Output: "x", Wordlists: "../../nothing"}, "nothing"},
		{Options{Input: "../../seeds/*.txt", Output: "x", Wordlists: "../../seeds"}, "seeds/001_"},
		{Options{Input: "../../seeds/*.txt", Output: "x", Model: "m", NoNER: true}, "no effect with --no-ner"},
		{Options{Input: "../../seeds/*.txt", Output: "x", Graph: "g", GraphFormat: "neo4j"}, "--graph-format"},
		{Options{Input: "../../seeds/*.txt", Output: "x", Graph: "g", Labels: []string{"THING"}}, "--graph-label"},
	} {
		if _, err := NewConfig(tc.opts); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: err = %v, want one saying %q", tc.opts, err, tc.want)
		}
	}
}

// A gazetteer file and a trained model given on the launching machine
// travel to the workers: the records are extract run's with the same
// files.
func TestGazetteerAndModelTravel(t *testing.T) {
	dir := t.TempDir()
	model := filepath.Join(dir, "toy.model")
	extract(t, nil, "train", "--format", "conll", "--label-map", "PER=PERSON,LOC=PLACE,ORG=GROUP", "-o", model, "../../examples/sample.conll")
	got := runBeam(t, Options{Input: "../../examples/docs.jsonl", InputFormat: batch.FormatJSONL, Output: filepath.Join(dir, "out.jsonl"),
		Gazetteers: []string{"../../examples/names.gaz"}, Model: model})
	want := extract(t, nil, "run", "--input", "jsonl", "--gazetteer", "../../examples/names.gaz", "--model", model, "../../examples/docs.jsonl")
	sameRecords(t, got, lines(want))
}

// Word lists given on the launching machine travel to the workers: the
// records are extract run's with the same lists, which differ from the
// embedded lists' records.
func TestWordlistsTravel(t *testing.T) {
	dir := t.TempDir()
	lists := filepath.Join(dir, "lists")
	os.Mkdir(lists, 0o755)
	os.WriteFile(filepath.Join(lists, "org-heads.txt"), []byte("# only these\nguild\n"), 0o644)
	docs := filepath.Join(dir, "docs.jsonl")
	os.WriteFile(docs, []byte(`{"id":"a","text":"The Osh Weavers Guild met in Bishkek."}`+"\n"), 0o644)
	got := runBeam(t, Options{Input: docs, InputFormat: batch.FormatJSONL, Output: filepath.Join(dir, "out.jsonl"), NoNER: true, Wordlists: lists})
	want := extract(t, nil, "run", "--input", "jsonl", "--no-ner", "--wordlists", lists, docs)
	sameRecords(t, got, lines(want))
	if !strings.Contains(strings.Join(got, "\n"), `"text":"Osh Weavers Guild"`) {
		t.Errorf("the replaced org-heads did not reach the workers: %s", got)
	}
}

// A gazetteer file that repeats an id of the default is refused, as by
// extract run, unless the options say to replace or merge it; then the
// records are extract run's with the same choice, and the config's notes
// say what was replaced.
func TestGazetteerCollisions(t *testing.T) {
	dir := t.TempDir()
	gaz := filepath.Join(dir, "osh.gaz")
	os.WriteFile(gaz, []byte("place/osh | PLACE | city | KG | place/kyrgyzstan | Osh | Osh City\n"), 0o644)
	docs := filepath.Join(dir, "docs.jsonl")
	os.WriteFile(docs, []byte(`{"id":"a","text":"Traders came to Osh City from Bishkek."}`+"\n"), 0o644)
	opts := Options{Input: docs, InputFormat: batch.FormatJSONL, Output: filepath.Join(dir, "out.jsonl"), NoNER: true, Gazetteers: []string{gaz}}
	if _, err := NewConfig(opts); err == nil || !strings.Contains(err.Error(), "osh.gaz:1") {
		t.Fatalf("a repeated id: err = %v, want a collision at osh.gaz:1", err)
	}
	opts.Collisions = "sideways"
	if _, err := NewConfig(opts); err == nil || !strings.Contains(err.Error(), "sideways") {
		t.Fatalf("an unknown policy: err = %v, want it named", err)
	}
	opts.Collisions = "replace"
	cfg, err := NewConfig(opts)
	if err != nil {
		t.Fatal(err)
	}
	// Said as extract run says it, so that no curated entry changes unsaid.
	if want := gaz + ": 1 entries replace earlier entries of the same id (--gazetteer-collisions replace): place/osh"; len(cfg.Notes) != 1 || cfg.Notes[0] != want {
		t.Errorf("Notes = %q, want [%q]", cfg.Notes, want)
	}
	got := runBeam(t, opts)
	want := extract(t, nil, "run", "--input", "jsonl", "--no-ner", "--gazetteer", gaz, "--gazetteer-collisions", "replace", docs)
	sameRecords(t, got, lines(want))
	if !strings.Contains(strings.Join(got, "\n"), `"text":"Osh City"`) {
		t.Errorf("the replacing entry did not reach the workers: %s", got)
	}
}
