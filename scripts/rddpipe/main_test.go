package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/extract-ca/extract/internal/gobuild"
)

func buildExtract(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "extract")
	if err := gobuild.Build("../..", "./cmd/extract", bin); err != nil {
		t.Fatal(err)
	}
	return bin
}

// The README's promises for --input jsonl, through partitions piped
// concurrently as RDD.pipe does: one line out per line in, in order, and
// every kind of bad line an error line of its own (blank, not JSON, no
// "text", invalid UTF-8, a lone surrogate, over --max-bytes, an id given
// twice in a process's input, an id that is no string or number).
func TestPipeKeepsTheContract(t *testing.T) {
	bin := buildExtract(t)
	good := func(id, text string) string { return fmt.Sprintf(`{"id":%s,"text":%q}`, id, text) }
	lines := []string{
		good(`"a"`, "Emomali Rahmon spoke in Dushanbe."),
		"",
		good(`"b"`, "Talks in Bishkek and Osh."),
		// Partitions of 3, 4, 4 and 4 lines: g and its repeat go to one
		// process, which refuses the second.
		"   ",
		good(`"g"`, "Samarkand."),
		good(`"g"`, "The same id, later in the same process."),
		"not json",
		`{"id":"c"}`,
		"{\"id\":\"d\",\"text\":\"Osh \xff\"}",
		`{"id":"e","text":"Osh \ud800"}`,
		good(`"f"`, strings.Repeat("Almaty. ", 40)),
		good(`7`, "A numeric id, in Tashkent."),
		good(`[1]`, "An id that is an array."),
		`{"text":"No id: Kabul."}`,
		good(`"h"`, "Herat and Mazar-i-Sharif."),
	}
	// The messages as they stand in the JSON of the error lines.
	wantErrors := map[string]int{
		"blank line": 2, "invalid JSON": 1, `no \"text\" field`: 1, "invalid UTF-8": 1, "lone surrogate": 1,
		"over --max-bytes 200": 1, `id \"g\" is already the id of`: 1, `\"id\" must be a string or a number`: 1,
	}
	res, err := Pipe(context.Background(), bin, []string{"--no-ner", "--max-bytes", "200"}, []byte(strings.Join(lines, "\n")+"\n"), 4)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range res.Problems {
		t.Error(p)
	}
	if res.Lines != len(lines) || res.Records != len(lines) {
		t.Errorf("%d lines in, %d records out; want %d and %d", res.Lines, res.Records, len(lines), len(lines))
	}
	out := string(res.Output)
	total := 0
	for msg, n := range wantErrors {
		if got := strings.Count(out, msg); got != n {
			t.Errorf("%d error lines saying %q, want %d", got, msg, n)
		}
		total += n
	}
	if res.Errors != total {
		t.Errorf("%d error lines, want %d", res.Errors, total)
	}

	// A broken promise is found: a partition whose output lost a line.
	res.Problems = nil
	res.check(0, lines[:2], []byte(strings.SplitAfter(out, "\n")[0]))
	if len(res.Problems) == 0 {
		t.Error("a missing output line went unnoticed")
	}
}

// A worker in a stream writes each line's record as soon as it is done,
// before its input ends: a reader (Spark's RDD.pipe, Hadoop Streaming) is
// never stuck waiting for output the process holds back.
func TestWorkerFlushesEachLine(t *testing.T) {
	bin := buildExtract(t)
	cmd := exec.Command(bin, "run", "--input", "jsonl", "--no-ner", "-")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	defer stdin.Close()
	out := bufio.NewReader(stdout)
	for i, line := range []string{`{"id":"a","text":"Osh."}`, ``, `{"id":"b","text":"Khujand."}`} {
		if _, err := io.WriteString(stdin, line+"\n"); err != nil {
			t.Fatal(err)
		}
		got := make(chan string, 1)
		go func() { l, _ := out.ReadString('\n'); got <- l }()
		select {
		case l := <-got:
			if !strings.HasSuffix(l, "\n") {
				t.Fatalf("line %d: output %q", i+1, l)
			}
		case <-time.After(60 * time.Second):
			t.Fatalf("line %d: no output line while the input stays open", i+1)
		}
	}
}
