package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/extract-ca/extract/output"
	"github.com/extract-ca/extract/pipeline"
)

// runApp runs the command line with args and stdin, returning exit code,
// stdout and stderr.
func runApp(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := App{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}.Run(context.Background(), args)
	return code, out.String(), errb.String()
}

func readRecords(t *testing.T, s string) []*output.Record {
	t.Helper()
	r := output.NewReader(strings.NewReader(s))
	var recs []*output.Record
	for {
		rec, err := r.Read()
		if err != nil {
			if err.Error() == "EOF" {
				return recs
			}
			t.Fatal(err)
		}
		recs = append(recs, rec)
	}
}

// TestRunSeeds is the README's first command: five lines, each valid against
// the schema, every mention's text equal to the document at its code point
// and its byte offsets.
func TestRunSeeds(t *testing.T) {
	code, out, stderr := runApp(t, "", "run", "../../seeds/")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "5 documents") {
		t.Errorf("summary line missing: %q", stderr)
	}
	v, err := output.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	lines := 0
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		lines++
		if err := v.Validate(sc.Bytes()); err != nil {
			t.Errorf("line %d: %v", lines, err)
		}
	}
	if lines != 5 {
		t.Fatalf("got %d lines, want 5", lines)
	}
	for _, rec := range readRecords(t, out) {
		raw, err := os.ReadFile(rec.Source)
		if err != nil {
			t.Fatal(err)
		}
		text := string(raw)
		runes := []rune(text)
		if rec.Length != len(runes) {
			t.Errorf("%s: length %d, want %d", rec.ID, rec.Length, len(runes))
		}
		if len(rec.Mentions) == 0 {
			t.Errorf("%s: no mentions", rec.ID)
		}
		for _, m := range rec.Mentions {
			if got := string(runes[m.Start:m.End]); got != m.Text {
				t.Errorf("%s %s: code points %d:%d hold %q, text is %q", rec.ID, m.ID, m.Start, m.End, got, m.Text)
			}
			if got := text[m.ByteStart:m.ByteEnd]; got != m.Text {
				t.Errorf("%s %s: bytes %d:%d hold %q, text is %q", rec.ID, m.ID, m.ByteStart, m.ByteEnd, got, m.Text)
			}
			if strings.ContainsAny(m.Text, "\n\r") {
				t.Errorf("%s %s: mention %q spans a line break", rec.ID, m.ID, m.Text)
			}
			s := rec.Sentences[m.Sentence]
			if m.Start < s[0] || m.End > s[1] {
				t.Errorf("%s %s: mention %d:%d outside its sentence %v", rec.ID, m.ID, m.Start, m.End, s)
			}
		}
	}
}

// TestRunWorkersIdentical: output does not depend on the number of workers.
func TestRunWorkersIdentical(t *testing.T) {
	_, one, _ := runApp(t, "", "run", "--workers", "1", "../../seeds/")
	_, four, _ := runApp(t, "", "run", "--workers", "4", "../../seeds/")
	if one == "" || one != four {
		t.Fatalf("--workers 1 and --workers 4 differ (%d vs %d bytes)", len(one), len(four))
	}
}

// TestRunBadDocumentCostsNothingElse: a broken line and a broken file yield
// error records in their place; the rest is processed; exit status 1.
func TestRunBadDocumentCostsNothingElse(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "a.txt")
	bad := filepath.Join(dir, "b.txt")
	os.WriteFile(good, []byte("Dushanbe is the capital of Tajikistan."), 0o644)
	good2 := filepath.Join(dir, "c.txt") // not good again: ids are unique within a run
	os.WriteFile(good2, []byte("Dushanbe is the capital of Tajikistan."), 0o644)
	os.WriteFile(bad, []byte("line one\nline two \xff\xfe here"), 0o644)
	code, out, stderr := runApp(t, "", "run", "--no-ner", good, bad, good2)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	recs := readRecords(t, out)
	if len(recs) != 3 {
		t.Fatalf("got %d records, want 3", len(recs))
	}
	if recs[0].Error != "" || recs[2].Error != "" || len(recs[0].Mentions) == 0 {
		t.Errorf("good documents not processed: %+v", recs)
	}
	if !strings.Contains(recs[1].Error, "b.txt") || !strings.Contains(recs[1].Error, "line 2") {
		t.Errorf("error does not name file and line: %q", recs[1].Error)
	}
	if !strings.Contains(stderr, "1 errors") {
		t.Errorf("summary: %q", stderr)
	}
}

func TestRunJSONLInput(t *testing.T) {
	in := `{"id":"x1","text":"Talks in Bishkek."}
not json
{"id":7,"text":"The SCO met in Astana."}
{"id":"x3"}
`
	code, out, _ := runApp(t, in, "run", "--no-ner", "--input", "jsonl", "-")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	recs := readRecords(t, out)
	if len(recs) != 4 {
		t.Fatalf("got %d records, want 4", len(recs))
	}
	wantIDs := []string{"x1", "-:2", "7", "-:4"}
	for i, r := range recs {
		if r.ID != wantIDs[i] {
			t.Errorf("record %d id %q, want %q", i, r.ID, wantIDs[i])
		}
	}
	if recs[1].Error == "" || !strings.Contains(recs[1].Error, "-:2") {
		t.Errorf("bad JSON line: %q", recs[1].Error)
	}
	if recs[3].Error == "" || !strings.Contains(recs[3].Error, `no "text"`) {
		t.Errorf("missing text: %q", recs[3].Error)
	}
	if len(recs[2].Mentions) < 2 {
		t.Errorf("SCO and Astana not found: %+v", recs[2].Mentions)
	}
}

func TestRunUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"run", "--no-such-flag"},
		{"run", "does/not/exist.txt"},
		{"run", "--input", "xml", "-"},
		{"run", "--gazetteer", "missing.gaz", "-"},
		{"frobnicate"},
	} {
		code, _, stderr := runApp(t, "", args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr)
		}
	}
}

func TestRunUserGazetteerLayers(t *testing.T) {
	dir := t.TempDir()
	gaz := filepath.Join(dir, "mine.gaz")
	os.WriteFile(gaz, []byte("group/acme-security | GROUP | company | KZ | | Acme Security | Acme\n"), 0o644)
	code, out, stderr := runApp(t, "Acme hired guards in Almaty.", "run", "--no-ner", "--gazetteer", gaz)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	recs := readRecords(t, out)
	var ents []string
	for _, m := range recs[0].Mentions {
		ents = append(ents, m.Entity)
	}
	if got := strings.Join(ents, " "); !strings.Contains(got, "group/acme-security") || !strings.Contains(got, "place/almaty") {
		t.Errorf("entities %q: want the user's entry and the default's", got)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runApp(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "extract ") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestRecordsAreJSON(t *testing.T) {
	_, out, _ := runApp(t, "Osh.", "run", "--no-ner")
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
}

func TestRunUserGazetteerCSV(t *testing.T) {
	gaz := filepath.Join(t.TempDir(), "mine.csv")
	os.WriteFile(gaz, []byte("id,type,name,aliases\ngroup/acme-security,GROUP,Acme Security,Acme\n"), 0o644)
	code, out, stderr := runApp(t, "Acme hired guards.", "run", "--no-ner", "--gazetteer", gaz)
	if code != 0 || !strings.Contains(out, "group/acme-security") {
		t.Errorf("exit %d: %s %s", code, out, stderr)
	}
}

// TestGraphCommand: extract graph over the seeds' run, from a file and
// from standard input, gives the same graph; an error line is counted.
func TestGraphCommand(t *testing.T) {
	code, run, stderr := runApp(t, "", "run", "../../seeds/")
	if code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	path := filepath.Join(t.TempDir(), "m.jsonl")
	if err := os.WriteFile(path, []byte(run+`{"id":"x","source":"x.txt","error":"bad"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, fromFile, stderr := runApp(t, "", "graph", "--format", "nodelink", path)
	if code != 0 || !strings.Contains(stderr, "6 records (1 error records skipped)") {
		t.Fatalf("graph: exit %d: %s", code, stderr)
	}
	_, fromStdin, _ := runApp(t, run, "graph", "--format", "nodelink")
	if fromFile != fromStdin {
		t.Error("graph of a file differs from that of standard input")
	}
	out := filepath.Join(t.TempDir(), "g.json")
	if code, _, stderr := runApp(t, run, "graph", "--format", "nodelink", "-o", out); code != 0 {
		t.Errorf("graph -o: exit %d, %s", code, stderr)
	}
	if b, err := os.ReadFile(out); err != nil || string(b) != fromStdin {
		t.Errorf("graph -o FILE differs from its standard output (%v)", err)
	}
	var g struct{ Nodes, Edges []map[string]any }
	if err := json.Unmarshal([]byte(fromFile), &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) == 0 || len(g.Edges) == 0 {
		t.Errorf("%d nodes, %d edges", len(g.Nodes), len(g.Edges))
	}
	if code, _, stderr := runApp(t, "", "graph", "--format", "neo4j", path); code != 2 || !strings.Contains(stderr, "-o DIR") {
		t.Errorf("neo4j without -o: exit %d, %s", code, stderr)
	}
	dir := t.TempDir()
	if code, _, stderr := runApp(t, "", "graph", "--format", "neo4j", "--documents", "-o", dir, path); code != 0 {
		t.Errorf("neo4j: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "mentions.csv")); err != nil {
		t.Error(err)
	}
	if code, _, stderr := runApp(t, "{bad\n", "graph"); code != 1 || !strings.Contains(stderr, "-:1: invalid character") {
		t.Errorf("malformed input: exit %d, %s", code, stderr)
	}

	// A damaged line and a cut last line (a killed run) cost only
	// themselves: the graph is that of the other records, each bad line is
	// named, and the exit status says that lines were skipped.
	lines := strings.SplitAfter(run, "\n")
	others := lines[0] + lines[2] + lines[3]
	damaged := lines[0] + "{not a record\n" + lines[2] + lines[3] + lines[4][:len(lines[4])/2]
	if err := os.WriteFile(path, []byte(damaged), 0o644); err != nil {
		t.Fatal(err)
	}
	code, got, stderr := runApp(t, "", "graph", "--format", "nodelink", path)
	_, want, _ := runApp(t, others, "graph", "--format", "nodelink")
	if code != 1 || got != want {
		t.Errorf("damaged input: exit %d, graph equal to the other records' %v: %s", code, got == want, stderr)
	}
	for _, line := range []string{path + ":2: invalid character", path + ":5: unexpected end"} {
		if !strings.Contains(stderr, line) {
			t.Errorf("stderr does not name %q: %s", line, stderr)
		}
	}
}

// TestWithoutHelp checks that the help of --without, on every command that
// takes it, names every stage and coref rule the pipeline lets it leave out.
func TestWithoutHelp(t *testing.T) {
	n := 0
	for _, c := range (App{}).rootCommand().Commands() {
		f := c.Flags().Lookup("without")
		if f == nil {
			continue
		}
		n++
		for _, s := range pipeline.OptionalStages() {
			if !strings.Contains(f.Usage, s+",") && !strings.Contains(f.Usage, s+")") {
				t.Errorf("%s --without: the help does not name the stage %s: %q", c.Name(), s, f.Usage)
			}
		}
		for _, r := range pipeline.CorefRules() {
			if !strings.Contains(f.Usage, r+",") && !strings.Contains(f.Usage, r+")") {
				t.Errorf("%s --without: the help does not name the coref rule %s: %q", c.Name(), r, f.Usage)
			}
		}
	}
	if n == 0 {
		t.Fatal("no command takes --without")
	}
}

// TestRunGivesCoresBack: a run with fewer workers than cores limits
// GOMAXPROCS while it runs, and restores it after, for a caller of App.
func TestRunGivesCoresBack(t *testing.T) {
	if os.Getenv("GOMAXPROCS") != "" || runtime.GOMAXPROCS(0) < 2 {
		t.Skip("needs two cores and GOMAXPROCS unset")
	}
	before := runtime.GOMAXPROCS(0)
	if code, _, stderr := runApp(t, "", "run", "--workers", "1", "--no-ner", "../../seeds/"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if after := runtime.GOMAXPROCS(0); after != before {
		t.Errorf("GOMAXPROCS %d after the run, %d before", after, before)
	}
}
