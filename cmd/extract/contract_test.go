package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/extract-ca/extract/internal/testfile"
	"github.com/extract-ca/extract/output"
)

// outputLines splits output into lines, failing on a last line without
// its newline: the output ends on a line boundary.
func outputLines(t *testing.T, out string) []string {
	t.Helper()
	if out == "" {
		return nil
	}
	if !strings.HasSuffix(out, "\n") {
		t.Fatalf("output does not end with a newline: ...%q", out[max(0, len(out)-40):])
	}
	return strings.Split(strings.TrimSuffix(out, "\n"), "\n")
}

// checkContract checks every output line against the schema and against
// want, one entry per input in input order: "id" for a result, "id!part of
// the error" for an error record. It returns the number of error records.
func checkContract(t *testing.T, out string, want []string) int {
	t.Helper()
	v, err := output.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	lines := outputLines(t, out)
	if len(lines) != len(want) {
		t.Errorf("%d output lines for %d inputs", len(lines), len(want))
	}
	errs := 0
	for i, line := range lines {
		if err := v.Validate([]byte(line)); err != nil {
			t.Errorf("line %d is not valid against the schema: %v\n%s", i+1, err, line)
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if i >= len(want) {
			continue
		}
		id, wantErr, isErr := strings.Cut(want[i], "!")
		if rec["id"] != id {
			t.Errorf("line %d: id %v, want %q", i+1, rec["id"], id)
		}
		msg, _ := rec["error"].(string)
		switch {
		case isErr && (len(rec) != 3 || !strings.Contains(msg, wantErr)):
			t.Errorf("line %d (%s): %s\nwant an error record with %q", i+1, id, line, wantErr)
		case !isErr && msg != "":
			t.Errorf("line %d (%s): unexpected error %q", i+1, id, msg)
		}
		if msg != "" {
			errs++
			if src, _ := rec["source"].(string); !strings.Contains(msg, src) {
				t.Errorf("line %d: error %q does not name its file %q", i+1, msg, src)
			}
		}
	}
	return errs
}

// runAppTimeout is runApp that fails instead of hanging when the run
// blocks (on a named pipe, say).
func runAppTimeout(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	type res struct {
		code        int
		out, stderr string
	}
	done := make(chan res, 1)
	go func() {
		var out, errb bytes.Buffer
		code := App{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb}.Run(context.Background(), args)
		done <- res{code, out.String(), errb.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.stderr
	case <-time.After(60 * time.Second):
		t.Fatalf("extract %v blocks", args)
		return 0, "", ""
	}
}

// TestFaultCorpus builds the inputs a crawler brings in and checks the
// contract on them: one line per input, in input order, valid against the
// schema, errors naming their file (and line), exit status 1, the same
// output for any number of workers.
func TestFaultCorpus(t *testing.T) {
	dir := t.TempDir()
	c := filepath.Join(dir, "corpus")
	put := func(name, text string) { testfile.Write(t, filepath.Join(c, name), text) }
	put("big.txt", strings.Repeat("Osh. ", 1000))
	put("binary.txt", "\x7fELF\x02\x01\x01\x00\x00\xff\xfe\x00\x10\x80")
	put("bom.txt", "\ufeffDushanbe is the capital of Tajikistan.")
	put("crlf.txt", "Rahmon met Tokayev.\r\nThey spoke in Astana.\r\n")
	put("empty.txt", "")
	put("nul.txt", "Talks in Bishkek\x00ended.")
	put("utf8bad.txt", "line one\nline two \xc3\x28 here\n")
	put("x/a.txt", "Rahmon in Dushanbe.")
	put("y/a.txt", "Mirziyoyev in Tashkent.")
	if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(c, "dangling.txt")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(c, "fifo.txt"), 0o644); err != nil {
		t.Skip("no named pipes:", err)
	}
	real := filepath.Join(dir, "real")
	os.MkdirAll(real, 0o755)
	os.WriteFile(filepath.Join(real, "l.txt"), []byte("The SCO met in Astana."), 0o644)
	linked := filepath.Join(dir, "linked")
	if err := os.Symlink(real, linked); err != nil {
		t.Fatal(err)
	}

	args := []string{"run", "--max-bytes", "4096", c, linked, filepath.Join(c, "x"), filepath.Join(c, "y")}
	want := []string{
		"big!over --max-bytes 4096",
		"binary!invalid UTF-8",
		"bom", "crlf",
		"dangling!no such file",
		"empty",
		"fifo!not a regular file (named pipe)",
		"nul",
		"utf8bad!line 2, column 10: invalid UTF-8",
		"x/a", "y/a", // under one argument, x/a.txt and y/a.txt have different ids
		"l", // a symlinked directory argument is walked
		"a", // corpus/x given as an argument: the id is below it
		"a!already the id of " + filepath.Join(c, "x", "a.txt"),
	}
	start := time.Now()
	code, out, stderr := runAppTimeout(t, "", append(args, "--workers", "1")...)
	elapsed := time.Since(start)
	if code != 1 {
		t.Errorf("exit %d, want 1\n%s", code, stderr)
	}
	errs := checkContract(t, out, want)
	for _, workers := range []string{"2", "8"} {
		_, other, _ := runAppTimeout(t, "", append(args, "--workers", workers)...)
		if other != out {
			t.Errorf("--workers %s gives other output than --workers 1", workers)
		}
	}

	// JSONL: every line yields its line, however long or broken.
	jsonl := strings.Join([]string{
		`{"id":"j1","text":"Talks in Bishkek."}`,
		``,
		`{"id":"long","text":"` + strings.Repeat("a", 5000) + `"}`,
		`   `,
		`{"id":"sur","text":"lone \ud800 surrogate"}`,
		`not json`,
		`{"id":"j1","text":"the same id again"}`,
		`{"id":"j2","text":"The SCO met in Astana."}`,
	}, "\n") + "\n"
	jpath := filepath.Join(dir, "docs.jsonl")
	os.WriteFile(jpath, []byte(jsonl), 0o644)
	jcode, jout, jstderr := runAppTimeout(t, "", "run", "--input", "jsonl", "--max-bytes", "4096", jpath)
	if jcode != 1 {
		t.Errorf("jsonl: exit %d, want 1\n%s", jcode, jstderr)
	}
	at := func(n int) string { return fmt.Sprintf("%s:%d", jpath, n) }
	jwant := []string{
		"j1",
		at(2) + "!" + at(2) + ": blank line",
		at(3) + "!" + at(3) + ": line of 5023 bytes, over --max-bytes 4096",
		at(4) + "!" + at(4) + ": blank line",
		at(5) + "!" + at(5) + `: column 26: lone surrogate \ud800`,
		at(6) + "!" + at(6) + ": invalid JSON",
		"j1!" + at(7) + `: id "j1" is already the id of ` + at(1),
		"j2",
	}
	jerrs := checkContract(t, jout, jwant)

	t.Logf("fault corpus (%.2f s):\n"+
		"| run | inputs | output lines | error records | exit |\n|---|---|---|---|---|\n"+
		"| text: %s | %d | %d | %d | %d |\n| --input jsonl | %d | %d | %d | %d |",
		elapsed.Seconds(), strings.Join(args[3:], " "), len(want), len(outputLines(t, out)), errs, code,
		len(jwant), len(outputLines(t, jout)), jerrs, jcode)
}
