package view_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/extract-ca/extract/pipeline"
	"github.com/extract-ca/extract/view"
)

// A Site writes one page per document as it comes, and the index with the
// corpus's entities on Close; the pages need nothing but the directory.
func ExampleSite() {
	dir, p := tempDirAndPipeline()
	defer os.RemoveAll(dir)
	site, err := view.NewSite(dir)
	if err != nil {
		panic(err)
	}
	for i, text := range []string{"Mirziyoyev visited Astana.", "The SCO met in Bishkek."} {
		rec, err := p.Record(fmt.Sprint("d", i), fmt.Sprint("d", i, ".txt"), text)
		if err != nil {
			panic(err)
		}
		if err := site.Add(rec, text); err != nil {
			panic(err)
		}
	}
	if err := site.Close(); err != nil {
		panic(err)
	}
	fmt.Println(files(dir))
	// Output:
	// [docs/0001-d0.html docs/0002-d1.html index.html style.css view.js]
}

// WriteDocument writes a single page, for a caller with its own layout of
// files; WriteAssets then writes the stylesheet and script the page links,
// once, at the root it names.
func ExampleWriteDocument() {
	dir, p := tempDirAndPipeline()
	defer os.RemoveAll(dir)
	const text = "Rahmon met Mirziyoyev in Dushanbe."
	rec, err := p.Record("d0", "d0.txt", text)
	if err != nil {
		panic(err)
	}
	f, err := os.Create(filepath.Join(dir, "d0.html"))
	if err != nil {
		panic(err)
	}
	if err := view.WriteDocument(f, rec, text, "./"); err != nil {
		panic(err)
	}
	if err := f.Close(); err != nil {
		panic(err)
	}
	if err := view.WriteAssets(dir); err != nil {
		panic(err)
	}
	fmt.Println(files(dir))
	// Output:
	// [d0.html style.css view.js]
}

// tempDirAndPipeline makes a directory to write pages in and a pipeline
// without the model, for examples that need both.
func tempDirAndPipeline() (string, *pipeline.Pipeline) {
	dir, err := os.MkdirTemp("", "view")
	if err != nil {
		panic(err)
	}
	p, err := pipeline.New(pipeline.Config{NER: false})
	if err != nil {
		panic(err)
	}
	return dir, p
}

// files lists the files below dir, relative to it.
func files(dir string) []string {
	var names []string
	filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			names = append(names, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(names)
	return names
}
