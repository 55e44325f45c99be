package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/extract-ca/extract/internal/fileerr"
	"github.com/extract-ca/extract/internal/testfile"
	"github.com/extract-ca/extract/output"
	"github.com/extract-ca/extract/pipeline"
)

func ids(files []File) []string {
	var out []string
	for _, f := range files {
		out = append(out, f.ID)
	}
	return out
}

// Ids are paths relative to the argument, so that x/a.txt and y/a.txt
// under one directory differ; a file given directly keeps its base name.
func TestExpandIDsRelativeToArgument(t *testing.T) {
	dir := t.TempDir()
	testfile.Write(t, filepath.Join(dir, "c/x/a.txt"), "A")
	testfile.Write(t, filepath.Join(dir, "c/y/a.txt"), "A")
	testfile.Write(t, filepath.Join(dir, "c/b.md"), "B")
	testfile.Write(t, filepath.Join(dir, "c/skip.json"), "{}")
	files, err := Expand([]string{filepath.Join(dir, "c"), filepath.Join(dir, "c/x/a.txt")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(files), []string{"b", "x/a", "y/a", "a"}; !slices.Equal(got, want) {
		t.Errorf("ids %q, want %q", got, want)
	}
}

// A symlinked directory given as an argument is walked; inside a tree a
// link to a directory is followed, and a loop is skipped with a warning.
func TestExpandSymlinks(t *testing.T) {
	dir := t.TempDir()
	testfile.Write(t, filepath.Join(dir, "real/a.txt"), "A")
	testfile.Write(t, filepath.Join(dir, "other/b.txt"), "B")
	must(t, os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "link")))
	must(t, os.Symlink(filepath.Join(dir, "other"), filepath.Join(dir, "real/sub")))
	must(t, os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "real/loop")))
	must(t, os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(dir, "real/dangling.txt")))
	var warnings []string
	files, err := Expand([]string{filepath.Join(dir, "link")}, func(m string) { warnings = append(warnings, m) })
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ids(files), []string{"a", "dangling", "sub/b"}; !slices.Equal(got, want) {
		t.Errorf("ids %q, want %q", got, want)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "loop") {
		t.Errorf("warnings %q, want one about the loop", warnings)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// readAll reads every input of files with r, failing the test if that
// takes more than a few seconds (a FIFO opened for reading would block).
func readAll(t *testing.T, r Reader, files []File) []Input {
	t.Helper()
	done := make(chan []Input)
	go func() { done <- slices.Collect(r.Inputs(files)) }()
	select {
	case ins := <-done:
		return ins
	case <-time.After(10 * time.Second):
		t.Fatal("reading the inputs blocks")
		return nil
	}
}

// A named pipe is refused without being opened, a file over MaxBytes
// without being read; both name the file.
func TestReadRefusesFIFOAndLargeFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "x.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	big := filepath.Join(dir, "big.txt")
	testfile.Write(t, big, strings.Repeat("x", 101))
	ok := filepath.Join(dir, "ok.txt")
	testfile.Write(t, ok, strings.Repeat("x", 100))
	files := []File{{fifo, "x"}, {big, "big"}, {ok, "ok"}}
	ins := readAll(t, Reader{Format: FormatText, MaxBytes: 100}, files)
	if len(ins) != 3 {
		t.Fatalf("%d inputs, want 3", len(ins))
	}
	for i, want := range []string{"named pipe", "over --max-bytes 100", ""} {
		in := ins[i]
		if want == "" {
			if in.Err != nil || len(in.Text) != 100 {
				t.Errorf("%s: %v, %d bytes", in.ID, in.Err, len(in.Text))
			}
			continue
		}
		if in.Err == nil || !strings.Contains(in.Err.Error(), want) || !strings.HasPrefix(in.Err.Error(), files[i].Path+": ") {
			t.Errorf("%s: error %v, want %q naming the file", in.ID, in.Err, want)
		}
	}
	// Standard input over the limit is refused too, and the JSONL reader
	// refuses a named pipe as well.
	in := readAll(t, Reader{Format: FormatText, MaxBytes: 10, Stdin: strings.NewReader(strings.Repeat("y", 11))}, []File{{"-", "stdin"}})
	if in[0].Err == nil {
		t.Error("stdin over --max-bytes accepted")
	}
	in = readAll(t, Reader{Format: FormatJSONL}, []File{{fifo, "x"}})
	if len(in) != 1 || in[0].Err == nil || !strings.Contains(in[0].Err.Error(), "named pipe") {
		t.Errorf("JSONL named pipe: %+v", in)
	}
}

// Every JSONL line yields one input, whatever it holds: an over-long line
// is skipped to its newline and reading goes on; blank lines, invalid UTF-8
// and lone surrogates are errors naming file and line.
func TestReadJSONLEveryLine(t *testing.T) {
	long := `{"id":"long","text":"` + strings.Repeat("a", 5000) + `"}`
	lines := []string{
		`{"id":"a","text":"Osh"}`,
		long,
		``,
		"   \r",
		`{"id":"b","text":"bad \ud800 here"}`,
		`{"id":"c","text":"pair \ud83d\ude00 ok"}`,
		`{"id":"d","text":"Ош lone low \udc00"}`,
		"{\"id\":\"e\",\"text\":\"Ош raw \xff\xfe\"}",
		`{"id":"f","text":"escaped \\ud800 is text"}`,
		`{"id":"a","text":"again"}`,
		`{"id":"g","text":"last, no newline"}`,
	}
	src := strings.Join(lines, "\n")
	ins := readAll(t, Reader{Format: FormatJSONL, MaxBytes: 1000, Stdin: strings.NewReader(src)}, []File{{"-", "stdin"}})
	// Columns are in characters: "Ош" is two, in four bytes.
	want := []string{"a", "error:2:over --max-bytes", "error:3:blank", "error:4:blank", `error:5:column 23: lone surrogate \ud800 in a JSON string`,
		"c", `error:7:column 31: lone surrogate \udc00 in a JSON string`, "error:8:column 26: invalid UTF-8", "f", "error:10:already the id", "g"}
	if len(ins) != len(want) {
		t.Fatalf("%d inputs for %d lines", len(ins), len(want))
	}
	for i, in := range ins {
		w := want[i]
		if !strings.HasPrefix(w, "error:") {
			if in.Err != nil || in.ID != w {
				t.Errorf("line %d: %s %v, want %s", i+1, in.ID, in.Err, w)
			}
			continue
		}
		parts := strings.SplitN(w, ":", 3)
		var pe *fileerr.ParseError
		if !errors.As(in.Err, &pe) || !strings.Contains(in.Err.Error(), "-:"+parts[1]+": ") || !strings.Contains(in.Err.Error(), parts[2]) {
			t.Errorf("line %d: error %v, want -:%s: ...%s...", i+1, in.Err, parts[1], parts[2])
		}
	}
	if ins[5].Text != "pair 😀 ok" || ins[8].Text != `escaped \ud800 is text` {
		t.Errorf("texts %q %q", ins[5].Text, ins[8].Text)
	}
}

// The limit is exact, with or without a newline after the line.
func TestReadJSONLLimitExact(t *testing.T) {
	line := `{"id":"x","text":"abc"}` // 23 bytes
	for _, tc := range []struct {
		src  string
		max  int64
		fail bool
	}{{line, 23, false}, {line + "\n", 23, false}, {line, 22, true}, {line + "\n", 22, true}} {
		ins := readAll(t, Reader{Format: FormatJSONL, MaxBytes: tc.max, Stdin: strings.NewReader(tc.src)}, []File{{"-", "stdin"}})
		if len(ins) != 1 || (ins[0].Err != nil) != tc.fail {
			t.Errorf("%q with --max-bytes %d: %+v", tc.src, tc.max, ins)
		}
	}
}

// An over-long line is not held: reading a line far over the limit
// allocates about the limit, not the line.
func TestReadJSONLLongLineNotHeld(t *testing.T) {
	const size = 64 << 20
	src := io.MultiReader(strings.NewReader(`{"id":"x","text":"`), &repeatReader{n: size}, strings.NewReader("\"}\n{\"id\":\"y\",\"text\":\"Osh\"}\n"))
	var before, after runtimeMem
	before.read()
	ins := readAll(t, Reader{Format: FormatJSONL, MaxBytes: 1 << 20, Stdin: src}, []File{{"-", "stdin"}})
	after.read()
	if len(ins) != 2 || ins[0].Err == nil || ins[1].ID != "y" {
		t.Fatalf("inputs %+v", ins)
	}
	if grew := after.totalAlloc - before.totalAlloc; grew > 16<<20 {
		t.Errorf("reading a %d MiB line allocated %d MiB", size>>20, grew>>20)
	}
}

type repeatReader struct{ n int }

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	n := min(len(p), r.n)
	for i := range p[:n] {
		p[i] = 'a'
	}
	r.n -= n
	return n, nil
}

// Reading a stream, a record is emitted and flushed as soon as it and all
// before it are done, before the next line arrives.
func TestRunLinesFlushesStream(t *testing.T) {
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	flushed := make(chan string, 10)
	var pendingIDs []string
	go func() {
		_, err := RunLines(context.Background(), p, ReadInputs([]File{{"-", "stdin"}}, FormatJSONL, pr), 4,
			func(r *output.Record, _ []byte) error { pendingIDs = append(pendingIDs, r.ID); return nil },
			func() error {
				for _, id := range pendingIDs {
					flushed <- id
				}
				pendingIDs = pendingIDs[:0]
				return nil
			})
		if err != nil {
			t.Error(err)
		}
		close(flushed)
	}()
	for _, id := range []string{"one", "two", "three"} {
		io.WriteString(pw, `{"id":"`+id+`","text":"Talks in Bishkek."}`+"\n")
		select {
		case got := <-flushed:
			if got != id {
				t.Fatalf("flushed %q, want %q", got, id)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("record %q not flushed while the stream stays open", id)
		}
	}
	pw.Close()
	for range flushed {
	}
}

// Cancelling returns at once, after the complete records, with the
// context's error.
func TestRunStopsOnCancel(t *testing.T) {
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	inputs := func(yield func(Input) bool) {
		for i := 0; ; i++ {
			if !yield(Input{ID: "x", Text: "Osh"}) {
				return
			}
		}
	}
	_, err = Run(ctx, p, inputs, 4, func(*output.Record) error {
		if n++; n == 5 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
}

// From a file, a line over the limit is measured without being held:
// refusing a 64 MiB line under a 32 MiB limit allocates far less than the
// limit, and the lines around it, one longer than the reader's buffer but
// within the limit, read whole and in order.
func TestReadJSONLFileLongLineNotHeld(t *testing.T) {
	path := filepath.Join(t.TempDir(), "long.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	mid := strings.Repeat("b", 200<<10) // over the 64 KiB buffer, within the limit
	fmt.Fprintf(f, "{\"id\":\"a\",\"text\":\"Osh\"}\n{\"id\":\"x\",\"text\":\"")
	if _, err := io.Copy(f, &repeatReader{n: 64 << 20}); err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(f, "\"}\n{\"id\":\"m\",\"text\":\"%s\"}\r\n{\"id\":\"z\",\"text\":\"Naryn\"}", mid)
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	var before, after runtimeMem
	before.read()
	ins := readAll(t, Reader{Format: FormatJSONL, MaxBytes: 32 << 20}, []File{{path, "long"}})
	after.read()
	if len(ins) != 4 || ins[0].Text != "Osh" || ins[1].Err == nil || ins[2].Text != mid || ins[3].Text != "Naryn" {
		t.Fatalf("inputs: %d, first %+v", len(ins), ins[0])
	}
	if want := path + ":2: line of"; !strings.HasPrefix(ins[1].Err.Error(), want) {
		t.Errorf("error %q, want prefix %q", ins[1].Err, want)
	}
	if grew := after.totalAlloc - before.totalAlloc; grew > 4<<20 {
		t.Errorf("reading a 64 MiB line from a file allocated %d MiB", grew>>20)
	}
}
