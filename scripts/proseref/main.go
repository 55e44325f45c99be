// Command proseref runs plain prose over a corpus, as the reference that
// scripts/bench compares the pipeline with. It does per document exactly
// what a prose user would, and nothing else:
//
//	proseref DIR...           prose.NewDocument with default options (segmentation,
//	                          tagging, extraction) and one model built once and reused
//	proseref -tokens DIR...   prose's tokenizer alone (no segmentation, tagging,
//	                          extraction; prose then builds no model)
//
// DIR is read like `extract run DIR`: every *.txt and *.md below it, in
// lexical order, one file a document, one at a time. It prints one line of
// counts (so that the work cannot be skipped and a reader can check it
// matched the corpus) and writes nothing else.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	prose "github.com/jdkato/prose/v2"
)

func main() {
	tokensOnly := flag.Bool("tokens", false, "tokenize only")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: proseref [-tokens] DIR...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Args(), *tokensOnly); err != nil {
		fmt.Fprintln(os.Stderr, "proseref:", err)
		os.Exit(1)
	}
}

func run(dirs []string, tokensOnly bool) error {
	var files []string
	for _, dir := range dirs {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			switch strings.ToLower(filepath.Ext(path)) {
			case ".txt", ".md":
				if !d.IsDir() {
					files = append(files, path)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if len(files) == 0 {
		return fmt.Errorf("no .txt or .md files in %s", strings.Join(dirs, " "))
	}

	opts := []prose.DocOpt{prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false)}
	if !tokensOnly {
		// Built once: prose would otherwise rebuild it for every document.
		opts = []prose.DocOpt{prose.UsingModel(prose.ModelFromData("en"))}
	}
	var bytes, sentences, tokens, entities int
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		doc, err := prose.NewDocument(string(raw), opts...)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		bytes += len(raw)
		sentences += len(doc.Sentences())
		tokens += len(doc.Tokens())
		entities += len(doc.Entities())
	}
	fmt.Printf("documents %d bytes %d sentences %d tokens %d entities %d\n", len(files), bytes, sentences, tokens, entities)
	return nil
}
