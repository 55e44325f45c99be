package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// buildExtract builds the command once per test binary, for tests that
// need a real process to kill. The binary is left in the system's temp
// directory under a name of its own, removed by TestMain.
func buildExtract(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "extract-test-")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "extract")
		if out, err := exec.Command("go", "build", "-o", builtBin, ".").CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if builtBin != "" {
		os.RemoveAll(filepath.Dir(builtBin))
	}
	os.Exit(code)
}

// killCorpus is n small articles made from the seeds, as JSONL lines.
func killCorpus(t *testing.T, n int) [][]byte {
	t.Helper()
	seeds, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(seeds) == 0 {
		t.Fatal("no seeds", err)
	}
	var lines [][]byte
	for i := range n {
		b, err := os.ReadFile(seeds[i%len(seeds)])
		if err != nil {
			t.Fatal(err)
		}
		// Each document differs, so that its sha256 does.
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("doc%03d", i), "text": fmt.Sprintf("Document %d.\n%s", i, b)})
		lines = append(lines, append(line, '\n'))
	}
	return lines
}

// runJSONL runs bin over all of corpus on standard input.
func runJSONL(t *testing.T, bin string, corpus [][]byte, args ...string) {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"run", "--input", "jsonl", "--workers", "2"}, args...)...)
	cmd.Stdin = bytes.NewReader(bytes.Join(corpus, nil))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %v\n%s", args, err, out)
	}
}

// startUntil runs bin over the first lines of corpus, given on standard
// input one at a time, the stream left open; once out holds a line for
// each (so the process is mid-run, waiting for more), it sends sig and
// returns how the process ended.
func startUntil(t *testing.T, bin, out string, corpus [][]byte, lines int, sig syscall.Signal) error {
	t.Helper()
	cmd := exec.Command(bin, "run", "--input", "jsonl", "--workers", "2", "-o", out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for _, l := range corpus[:lines] {
		stdin.Write(l)
	}
	deadline := time.After(60 * time.Second)
	for {
		select {
		case err := <-done:
			t.Fatalf("the run ended by itself: %v\n%s", err, stderr.String())
		case <-deadline:
			cmd.Process.Kill()
			t.Fatalf("no %d lines in %s after 60 s: %s", lines, out, stderr.String())
		case <-time.After(time.Millisecond):
		}
		b, _ := os.ReadFile(out)
		if bytes.Count(b, []byte("\n")) >= lines {
			cmd.Process.Signal(sig)
			return <-done
		}
	}
}

// uninterrupted runs bin over corpus to the end in a new directory and
// returns the directory and the output: what every interrupted run must
// end as once resumed.
func uninterrupted(t *testing.T, bin string, corpus [][]byte) (string, []byte) {
	t.Helper()
	dir := t.TempDir()
	full := filepath.Join(dir, "full.jsonl")
	runJSONL(t, bin, corpus, "-o", full)
	want, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	return dir, want
}

// TestResumeAfterKill: kill -9 at three points of a run, then --resume;
// the finished file is byte-identical to an uninterrupted run's. At one
// point the last line is also cut by hand, as a crash inside a write
// leaves it.
func TestResumeAfterKill(t *testing.T) {
	bin := buildExtract(t)
	corpus := killCorpus(t, 30)
	dir, want := uninterrupted(t, bin, corpus)
	total := len(corpus)
	for i, point := range []int{1, total / 3, 2 * total / 3} {
		out := filepath.Join(dir, fmt.Sprintf("killed%d.jsonl", i))
		startUntil(t, bin, out, corpus, point, syscall.SIGKILL)
		got, _ := os.ReadFile(out)
		if !bytes.HasPrefix(want, got) || bytes.Count(got, []byte("\n")) != point {
			t.Fatalf("point %d: the killed run's file is not the first %d lines of the full output", point, point)
		}
		if i == 1 {
			// A cut last line: what a crash inside a write leaves.
			got = got[:len(got)-10]
			os.WriteFile(out, got, 0o644)
		}
		kept := bytes.Count(got, []byte("\n"))
		runJSONL(t, bin, corpus, "-o", out, "--resume")
		resumed, _ := os.ReadFile(out)
		if !bytes.Equal(resumed, want) {
			t.Errorf("point %d: resumed file (%d bytes) differs from the uninterrupted run (%d bytes)", point, len(resumed), len(want))
		}
		t.Logf("kill -9 after %d of %d lines: %d complete lines kept (cut line dropped: %v), resumed file byte-identical: %v",
			point, total, kept, i == 1, bytes.Equal(resumed, want))
	}
}

// TestSignalEndsOnLineBoundary: SIGINT and SIGTERM end the run, even one
// waiting for input, with exit 130 and 143 and a file of whole lines,
// which --resume completes.
func TestSignalEndsOnLineBoundary(t *testing.T) {
	bin := buildExtract(t)
	corpus := killCorpus(t, 6)
	dir, want := uninterrupted(t, bin, corpus)
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		out := filepath.Join(dir, tc.sig.String()+".jsonl")
		err := startUntil(t, bin, out, corpus, 2, tc.sig)
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != tc.code {
			t.Errorf("%v: %v, want exit %d", tc.sig, err, tc.code)
		}
		got, _ := os.ReadFile(out)
		if len(got) == 0 || got[len(got)-1] != '\n' || !bytes.HasPrefix(want, got) {
			t.Errorf("%v: output (%d bytes) is not whole lines of the full output", tc.sig, len(got))
		}
		runJSONL(t, bin, corpus, "-o", out, "--resume")
		if resumed, _ := os.ReadFile(out); !bytes.Equal(resumed, want) {
			t.Errorf("%v: resumed file differs from the uninterrupted run", tc.sig)
		}
	}
}
