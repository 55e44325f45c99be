package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/extract-ca/extract/pipeline"
	"github.com/extract-ca/extract/wordlist"
)

// wordlistsFlag registers --wordlists on c.
func wordlistsFlag(c *cobra.Command, dir *string) {
	c.Flags().StringVar(dir, "wordlists", "", "`DIR` of word lists: DIR/NAME.txt replaces the rules' list NAME whole (extract wordlists DIR writes the defaults to start from)")
}

// loadWordlists returns the word lists of a pipeline: the embedded ones
// (nil) when dir is "", else those with dir's files in their place, and
// says on w which lists dir replaced, so that a directory that replaces
// none (a wrong path inside it) does not go unnoticed.
func loadWordlists(w io.Writer, dir string) (*wordlist.Lists, error) {
	if dir == "" {
		return nil, nil
	}
	lists, err := wordlist.Load(dir, pipeline.Wordlists()...)
	if err != nil {
		return nil, err
	}
	replaced := lists.Replaced()
	if len(replaced) == 0 {
		fmt.Fprintf(w, "extract: %s replaces no word list (its files are NAME.txt; extract wordlists lists the names)\n", dir)
	} else {
		fmt.Fprintf(w, "extract: word lists of %s in place of the embedded ones: %s\n", dir, strings.Join(replaced, ", "))
	}
	return lists, nil
}

func (a App) wordlistsCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "wordlists [DIR]",
		Short: "List the rules' word lists, or write them to a directory to edit",
		Long: `The rules of the pipeline consult word lists (titles, demonyms, the head nouns of
organisations, ...) embedded in the binary. Without DIR, wordlists prints each list the
pipeline reads: its name, its number of entries and what it holds. With DIR, it writes each
of them to DIR/NAME.txt (creating DIR, never overwriting a file), a starting point for
--wordlists DIR on run, eval, html and train.

A file DIR/NAME.txt given with --wordlists replaces the list NAME whole: to add a word, add
it to the written file; to remove one, delete its line; delete a file to keep the embedded
list. A replacement keeps the format of the written files (one entry per line, # comments,
"key | value" in the lists of pairs) and the shape of its list: lower case where the
embedded list is, capitals where it is, one word per line where it has no phrase. Every
problem (a file that names no list, a line of the wrong shape, an entry written twice) is
reported with its file and line before any document is read.`,
		Example: `  extract wordlists
  extract wordlists my-lists
  extract run --wordlists my-lists seeds/`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if len(args) == 0 {
				return a.listWordlists()
			}
			return a.writeWordlists(args[0])
		},
	}
}

// listWordlists prints every list the pipeline reads with its size and the
// comment its file opens with (what it holds, where it comes from).
func (a App) listWordlists() error {
	for _, name := range pipeline.Wordlists() {
		text, err := wordlist.Text(name)
		if err != nil {
			return failure{err}
		}
		fmt.Fprintf(a.Stdout, "%s (%d entries)\n", name, len(wordlist.Words(name)))
		for line := range strings.Lines(text) {
			comment, ok := strings.CutPrefix(line, "#")
			if !ok {
				break
			}
			fmt.Fprintf(a.Stdout, "    %s", strings.TrimPrefix(comment, " "))
		}
	}
	return nil
}

// writeWordlists writes every list the pipeline reads to dir/NAME.txt,
// refusing to overwrite a file (the user's edits) before writing any.
func (a App) writeWordlists(dir string) error {
	names := pipeline.Wordlists()
	var exist []string
	for _, name := range names {
		path := filepath.Join(dir, name+".txt")
		if _, err := os.Lstat(path); err == nil {
			exist = append(exist, path)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	if len(exist) > 0 {
		return fmt.Errorf("%s: would overwrite %s (remove them, or write to another directory)", dir, strings.Join(exist, ", "))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, name := range names {
		text, err := wordlist.Text(name)
		if err != nil {
			return failure{err}
		}
		if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(text), 0o644); err != nil {
			return failure{err}
		}
	}
	fmt.Fprintf(a.Stderr, "extract: wrote %d word lists to %s\n", len(names), dir)
	return nil
}
