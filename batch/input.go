package batch

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/extract-ca/extract/internal/fileerr"
	"github.com/extract-ca/extract/internal/jsonid"
)

// Input is one document to process, or the reason it could not be read.
type Input struct {
	ID     string
	Source string // file path, "-" for standard input, "file:line" for a JSONL line
	Text   string
	Err    error
}

// InputFormat says how to read the inputs.
type InputFormat string

const (
	// FormatText: every file is one document; its id is the file name
	// without directory and extension.
	FormatText InputFormat = "text"
	// FormatJSONL: every line is {"id": ..., "text": ...}.
	FormatJSONL InputFormat = "jsonl"
)

// ErrNoInput is returned by ExpandPaths when a path names nothing.
var ErrNoInput = errors.New("no such file, directory or matching glob")

// ExpandPaths turns the command line's paths into files: a directory is
// walked recursively for *.txt and *.md files in lexical order, a glob is
// expanded, "-" stands for standard input and is kept as it is. A path
// that matches nothing is an error, reported before any work starts.
func ExpandPaths(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		if p == "-" {
			out = append(out, p)
			continue
		}
		info, err := os.Stat(p)
		switch {
		case err == nil && info.IsDir():
			files, err := walkTextFiles(p)
			if err != nil {
				return nil, err
			}
			out = append(out, files...)
		case err == nil:
			out = append(out, p)
		default:
			matches, gerr := filepath.Glob(p)
			if gerr != nil || len(matches) == 0 {
				return nil, fmt.Errorf("%s: %w", p, ErrNoInput)
			}
			sort.Strings(matches)
			for _, m := range matches {
				if info, err := os.Stat(m); err == nil && info.IsDir() {
					files, err := walkTextFiles(m)
					if err != nil {
						return nil, err
					}
					out = append(out, files...)
				} else {
					out = append(out, m)
				}
			}
		}
	}
	return out, nil
}

func walkTextFiles(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			switch strings.ToLower(filepath.Ext(path)) {
			case ".txt", ".md":
				files = append(files, path)
			}
		}
		return nil
	})
	return files, err
}

// maxDocBytes bounds one JSONL line (one document).
const maxDocBytes = 64 << 20

// ReadInputs yields the documents of files, in order. stdin is read for
// the file "-". A file or line that cannot be read yields an Input with Err
// set, in its place, and reading goes on.
func ReadInputs(files []string, format InputFormat, stdin io.Reader) iter.Seq[Input] {
	return func(yield func(Input) bool) {
		for _, f := range files {
			if !readFile(f, format, stdin, yield) {
				return
			}
		}
	}
}

// readFile yields the documents of one file and reports whether to go on.
func readFile(f string, format InputFormat, stdin io.Reader, yield func(Input) bool) bool {
	r := stdin
	if f != "-" {
		fh, err := os.Open(f)
		if err != nil {
			return yield(Input{ID: docID(f), Source: f, Err: err})
		}
		defer fh.Close()
		r = fh
	}
	if format == FormatJSONL {
		return readJSONL(r, f, yield)
	}
	b, err := io.ReadAll(r)
	in := Input{ID: docID(f), Source: f, Text: string(b)}
	if err != nil {
		in.Err = &fileerr.ParseError{File: f, Err: err}
	}
	return yield(in)
}

// docID is the id of a document read from file f.
func docID(f string) string {
	if f == "-" {
		return "stdin"
	}
	base := filepath.Base(f)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// jsonlInput is one line of --input jsonl.
type jsonlInput struct {
	ID   json.RawMessage `json:"id"`
	Text *string         `json:"text"`
}

func readJSONL(r io.Reader, file string, yield func(Input) bool) bool {
	s := bufio.NewScanner(r)
	s.Buffer(make([]byte, 0, 64<<10), maxDocBytes)
	line := 0
	for s.Scan() {
		line++
		b := s.Bytes()
		if strings.TrimSpace(string(b)) == "" {
			continue
		}
		where := fmt.Sprintf("%s:%d", file, line)
		in := Input{ID: where, Source: where}
		var rec jsonlInput
		var err error
		if jerr := json.Unmarshal(b, &rec); jerr != nil {
			err = fmt.Errorf("invalid JSON: %v", jerr)
		} else if rec.Text == nil {
			err = errors.New(`no "text" field`)
		} else {
			in.Text = *rec.Text
			if id, ok := jsonID(rec.ID); ok {
				in.ID = id
			} else if len(rec.ID) > 0 {
				err = errors.New(`"id" must be a string or a number`)
			}
		}
		if err != nil {
			in.Err = &fileerr.ParseError{File: file, Line: line, Err: err}
		}
		if !yield(in) {
			return false
		}
	}
	if err := s.Err(); err != nil {
		where := fmt.Sprintf("%s:%d", file, line+1)
		return yield(Input{ID: where, Source: where, Err: &fileerr.ParseError{File: file, Line: line + 1, Err: err}})
	}
	return true
}

// jsonID is the id of a JSONL input, ok only when there is one to use. The
// caller lets a missing id fall back to file:line and rejects any other
// unusable one (null, "", not a string or number), unlike the gold
// readers, which take "" for an absent id.
func jsonID(raw json.RawMessage) (string, bool) {
	id, ok := jsonid.Parse(raw)
	return id, ok && id != ""
}
