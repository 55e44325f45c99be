package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/extract-ca/extract/batch"
	"github.com/extract-ca/extract/eval"
)

// gazetteerUsage is the help of --gazetteer where it builds the pipeline.
const gazetteerUsage = "gazetteer `FILE` layered over the default (repeatable)"

// stdoutUsage is the help of -o where a command writes to standard output
// without it.
const stdoutUsage = "write to `FILE` instead of standard output"

// outputFlag adds -o/--output, where a command writes what it makes.
func outputFlag(c *cobra.Command, p *string, usage string) {
	c.Flags().StringVarP(p, "output", "o", "", usage)
}

// writeOutput calls write with where a command's -o sends what it makes:
// standard output when path is "" or "-", else the file path, written
// whole or not at all (writeFileAtomic).
func writeOutput(path string, stdout io.Writer, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		return write(stdout)
	}
	return writeFileAtomic(path, write)
}

// writeFileAtomic writes path through a temporary file in the same
// directory, renamed over path once complete: a failed write leaves the
// old file in place. A symbolic link is written through, as os.WriteFile
// would, and an existing file keeps its permissions; a path that is no
// regular file (/dev/stdout, a named pipe) is written directly, since
// there is no file to replace.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	mode := os.FileMode(0o644)
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
		if fi, err := os.Stat(path); err == nil {
			if !fi.Mode().IsRegular() {
				return writeDirectly(path, write)
			}
			mode = fi.Mode().Perm()
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly once renamed
	if err := write(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// writeDirectly writes to path, which exists and is no regular file.
func writeDirectly(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// inputFlags are --input and --max-bytes: how run and html read their
// inputs.
type inputFlags struct {
	format   string
	maxBytes int64
}

// register adds the two flags to c; tooLarge says what a document over
// --max-bytes gets instead of its result.
func (f *inputFlags) register(c *cobra.Command, tooLarge string) {
	c.Flags().StringVar(&f.format, "input", "text", "input format: text (a file is a document) or jsonl")
	c.Flags().Int64Var(&f.maxBytes, "max-bytes", batch.DefaultMaxBytes, "largest document (file, standard input or JSONL line) in `BYTES`; "+tooLarge)
}

// inputs checks the flags and returns the reader of the inputs and the
// input files of args (standard input when there are none), saying on
// a.Stderr what it passes over.
func (f *inputFlags) inputs(a App, args []string) (batch.Reader, []batch.File, error) {
	format := batch.InputFormat(f.format)
	if format != batch.FormatText && format != batch.FormatJSONL {
		return batch.Reader{}, nil, fmt.Errorf("--input must be text or jsonl, not %q", f.format)
	}
	if f.maxBytes <= 0 {
		return batch.Reader{}, nil, fmt.Errorf("--max-bytes must be positive")
	}
	if len(args) == 0 {
		args = []string{"-"}
	}
	files, err := batch.Expand(args, func(msg string) { fmt.Fprintf(a.Stderr, "extract: %s\n", msg) })
	return batch.Reader{Format: format, Stdin: a.Stdin, MaxBytes: f.maxBytes}, files, err
}

// goldFlags are --format and --label-map: how eval and train read gold
// files.
type goldFlags struct {
	format   string
	labelMap string
}

func (f *goldFlags) register(c *cobra.Command) {
	c.Flags().StringVar(&f.format, "format", "", "gold format: jsonl, doccano, conll or gmb (default: guess)")
	c.Flags().StringVar(&f.labelMap, "label-map", "", "map gold labels, e.g. PER=PERSON,LOC=PLACE,ORG=GROUP (unmapped labels are no mention)")
}

// labels parses --label-map.
func (f *goldFlags) labels() (map[string]string, error) { return eval.ParseLabelMap(f.labelMap) }
