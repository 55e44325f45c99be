// Command rddpipe runs extract the way Spark's RDD.pipe and Hadoop
// Streaming do, on this machine, and checks the worker contract they rely
// on: a JSONL input is cut into partitions of consecutive lines, each
// partition is piped through its own `extract run --input jsonl -`
// process, all at once, and the outputs are concatenated in partition
// order. Every partition must give one line out per line in, in order:
// line j of the output is the record of line j of the input (its id is the
// line's "id", or -:j for a line without a usable one, j counted within
// the partition as the process sees it; a result's sha256 is that of the
// line's "text").
//
//	go run ./scripts/rddpipe --partitions 4 examples/docs.jsonl > mentions.jsonl
//	go run ./scripts/rddpipe --extract ./extract big.jsonl --no-ner
//
// Arguments after the input file go to extract run. The
// records go to standard output, a summary and any failed check to
// standard error; the exit status is 1 when a check fails. Like Spark,
// each element (line) is written to the process followed by "\n".
package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"github.com/extract-ca/extract/internal/gobuild"
	"github.com/extract-ca/extract/internal/jsonid"
)

func main() {
	partitions := flag.Int("partitions", 4, "partitions, each piped through its own process at the same time")
	extract := flag.String("extract", "", "extract binary (default: built from the module in a temp directory)")
	flag.Parse()
	if flag.NArg() < 1 || *partitions < 1 {
		fmt.Fprintln(os.Stderr, "usage: rddpipe [--partitions N] [--extract BIN] INPUT.jsonl [extract run flags]")
		os.Exit(2)
	}
	bin := *extract
	if bin == "" {
		dir, err := os.MkdirTemp("", "rddpipe-")
		if err != nil {
			fail(err)
		}
		defer os.RemoveAll(dir)
		bin = filepath.Join(dir, "extract")
		if err := gobuild.Build("", "./cmd/extract", bin); err != nil {
			fail(err)
		}
	}
	input, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fail(err)
	}
	res, err := Pipe(context.Background(), bin, flag.Args()[1:], input, *partitions)
	if err != nil {
		fail(err)
	}
	os.Stdout.Write(res.Output)
	fmt.Fprintf(os.Stderr, "rddpipe: %d lines in, %d records out (%d errors) from %d partitions of %v lines\n",
		res.Lines, res.Records, res.Errors, len(res.Partitions), res.Partitions)
	if len(res.Problems) > 0 {
		for _, p := range res.Problems {
			fmt.Fprintln(os.Stderr, "rddpipe:", p)
		}
		os.Exit(1)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "rddpipe:", err)
	os.Exit(1)
}

// Result is what a piped run gave.
type Result struct {
	Output     []byte   // the partitions' outputs, concatenated in order
	Lines      int      // input lines
	Partitions []int    // lines in each partition
	Records    int      // output lines
	Errors     int      // error records among them
	Problems   []string // every broken promise, with partition and line
}

// Pipe cuts input into lines (a last line without "\n" is a line, as
// Spark's textFile reads it), splits them into n partitions of
// consecutive lines, runs `bin run --input jsonl ARGS -` over each at the
// same time and checks each output against its input.
func Pipe(ctx context.Context, bin string, args []string, input []byte, n int) (*Result, error) {
	text := strings.TrimSuffix(string(input), "\n")
	var lines []string
	if len(input) > 0 {
		lines = strings.Split(text, "\n")
	}
	res := &Result{Lines: len(lines)}
	parts := make([][]string, n)
	for k := range n {
		parts[k] = lines[k*len(lines)/n : (k+1)*len(lines)/n]
		res.Partitions = append(res.Partitions, len(parts[k]))
	}
	outs := make([][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for k := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var stdin bytes.Buffer
			for _, l := range parts[k] {
				stdin.WriteString(l + "\n")
			}
			cmd := exec.CommandContext(ctx, bin, append(append([]string{"run", "--input", "jsonl"}, args...), "-")...)
			cmd.Stdin = &stdin
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			var ee *exec.ExitError
			if errors.As(err, &ee) && ee.ExitCode() == 1 {
				err = nil // some documents failed: their error lines are in place
			}
			if err != nil {
				err = fmt.Errorf("partition %d: %v\n%s", k, err, stderr.Bytes())
			}
			outs[k], errs[k] = out, err
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	for k := range n {
		res.check(k, parts[k], outs[k])
		res.Output = append(res.Output, outs[k]...)
	}
	return res, nil
}

// check compares one partition's output with its input lines.
func (res *Result) check(k int, in []string, out []byte) {
	problem := func(format string, a ...any) {
		res.Problems = append(res.Problems, fmt.Sprintf("partition %d: ", k)+fmt.Sprintf(format, a...))
	}
	if len(out) > 0 && out[len(out)-1] != '\n' {
		problem("output does not end with a newline")
	}
	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(out) == 0 {
		got = nil
	}
	res.Records += len(got)
	if len(got) != len(in) {
		problem("%d lines in, %d lines out", len(in), len(got))
	}
	for j := range min(len(got), len(in)) {
		var rec struct {
			ID     string `json:"id"`
			SHA256 string `json:"sha256"`
			Error  string `json:"error"`
		}
		if err := json.Unmarshal([]byte(got[j]), &rec); err != nil {
			problem("output line %d is not a record: %v", j+1, err)
			continue
		}
		if rec.Error != "" {
			res.Errors++
		}
		var doc struct {
			ID   json.RawMessage `json:"id"`
			Text *string         `json:"text"`
		}
		parsed := json.Unmarshal([]byte(in[j]), &doc) == nil
		own, _ := jsonid.Parse(doc.ID)
		place := fmt.Sprintf("-:%d", j+1)
		switch {
		case rec.ID == place:
		case parsed && own != "" && rec.ID == own:
		default:
			problem("line %d: record id %q is neither the line's id %q nor %s", j+1, rec.ID, own, place)
		}
		if rec.Error == "" {
			if !parsed || doc.Text == nil {
				problem("line %d: a result for a line without text", j+1)
				continue
			}
			sum := sha256.Sum256([]byte(*doc.Text))
			if rec.SHA256 != hex.EncodeToString(sum[:]) {
				problem("line %d: the record's sha256 is not that of the line's text: out of order", j+1)
			}
		}
	}
}
