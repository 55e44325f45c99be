package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"syscall"

	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK       = 0 // every document succeeded
	exitDocFails = 1 // some documents failed; the others' output is complete
	exitUsage    = 2 // bad flags, arguments or input files: nothing was done
)

// App is the command line with its streams, so that tests run it with
// buffers and no process.
type App struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// failure marks errors met while doing the work (an output file that
// cannot be written). Every other error is a usage error: a bad flag,
// argument or input file, raised by cobra or by a command before it starts.
type failure struct{ err error }

func (e failure) Error() string { return e.err.Error() }
func (e failure) Unwrap() error { return e.err }

// interruption is the cause of a run cancelled by a signal: the command
// exits 128 + its number (130 for SIGINT, 143 for SIGTERM), as a shell
// reports a process killed by it.
type interruption struct{ sig syscall.Signal }

func (e interruption) Error() string { return "interrupted by " + e.sig.String() }

// stopped is the error of work that ended early with err: the signal's
// interruption when one cancelled ctx (it sets the exit status), err as a
// failure otherwise (a caller of App that cancelled ctx, or a failed write).
func stopped(ctx context.Context, err error) error {
	if cause := context.Cause(ctx); errors.As(cause, new(interruption)) {
		return cause
	}
	return failure{err}
}

// errSomeFailed reports that a batch went through but some documents failed.
var errSomeFailed = errors.New("some documents failed")

// Run runs the command line args and returns the exit code.
func (a App) Run(ctx context.Context, args []string) int {
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(a.Stdin)
	root.SetOut(a.Stdout)
	root.SetErr(a.Stderr)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errSomeFailed):
		return exitDocFails
	}
	var sig interruption
	if errors.As(err, &sig) {
		fmt.Fprintf(a.Stderr, "extract: %v\n", err)
		return 128 + int(sig.sig)
	}
	fmt.Fprintf(a.Stderr, "extract: %v\n", err)
	var f failure
	if errors.As(err, &f) {
		return exitDocFails
	}
	return exitUsage
}

func (a App) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "extract",
		Short: "Extract people, places and groups from articles about Central Asia",
		Example: `  extract run seeds/ > mentions.jsonl
  extract eval seeds/gold.jsonl
  extract graph --format graphml mentions.jsonl > seeds.graphml
  source <(extract completion bash)   # completion in this shell (also zsh, fish)`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.AddCommand(a.runCommand(), a.versionCommand(), a.evalCommand(), a.gazetteerCommand(), a.graphCommand(), a.trainCommand(), a.htmlCommand(), a.wordlistsCommand(), a.schemaCommand())
	return root
}

// isTerminal reports whether w is a terminal, for progress output.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
