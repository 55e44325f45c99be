// Command filedeps prints which files of one Go package use declarations
// of which other files: the package's internal dependency graph, one
// "from -> to" line per arrow, then the number of arrows and the longest
// chain. It measures how tangled a package's files are (issue: stages
// must not borrow each other's helpers).
//
// Usage: go run ./scripts/filedeps [-tests] [-core doc.go,stage.go] DIR
package main

import (
	"flag"
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
)

func main() {
	tests := flag.Bool("tests", false, "include _test.go files")
	core := flag.String("core", "", "comma-separated `FILES` holding the package's shared types (Doc, Stage): arrows into them are listed but counted apart")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: filedeps [-tests] DIR")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *tests, strings.Split(*core, ","), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "filedeps:", err)
		os.Exit(1)
	}
}

func run(dir string, tests bool, core []string, w *os.File) error {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, dir, func(fi os.FileInfo) bool {
		return tests || !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		return err
	}
	for name, pkg := range pkgs {
		if strings.HasSuffix(name, "_test") {
			continue
		}
		var files []*ast.File
		for _, f := range pkg.Files {
			files = append(files, f)
		}
		info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}}
		conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil), Error: func(error) {}}
		conf.Check(name, fset, files, info)
		edges := map[[2]string]bool{}
		add := func(from token.Pos, obj types.Object) {
			if obj == nil || obj.Pkg() == nil || obj.Pkg().Name() != name || !obj.Pos().IsValid() {
				return
			}
			a, b := filepath.Base(fset.Position(from).Filename), filepath.Base(fset.Position(obj.Pos()).Filename)
			if a != b {
				edges[[2]string{a, b}] = true
			}
		}
		for id, obj := range info.Uses {
			// Only package-level declarations and methods count: a local
			// variable never crosses files.
			if obj.Parent() == obj.Pkg().Scope() || isMethod(obj) {
				add(id.Pos(), obj)
			}
		}
		for sel, s := range info.Selections {
			add(sel.Sel.Pos(), s.Obj())
		}
		var lines []string
		out := map[string][]string{}
		between := 0
		for e := range edges {
			lines = append(lines, e[0]+" -> "+e[1])
			if !slices.Contains(core, e[1]) {
				out[e[0]] = append(out[e[0]], e[1])
				between++
			}
		}
		sort.Strings(lines)
		for _, l := range lines {
			fmt.Fprintln(w, l)
		}
		fmt.Fprintf(w, "%d files, %d arrows; %d arrows between files other than %v, longest chain of those %d\n",
			len(files), len(edges), between, core, longest(out))
	}
	return nil
}

func isMethod(obj types.Object) bool {
	f, ok := obj.(*types.Func)
	return ok && f.Type().(*types.Signature).Recv() != nil
}

// longest is the number of arrows on the longest path without repeating
// a file.
func longest(out map[string][]string) int {
	best := 0
	var walk func(n string, seen map[string]bool, depth int)
	walk = func(n string, seen map[string]bool, depth int) {
		best = max(best, depth)
		for _, m := range out[n] {
			if !seen[m] {
				seen[m] = true
				walk(m, seen, depth+1)
				delete(seen, m)
			}
		}
	}
	for n := range out {
		walk(n, map[string]bool{n: true}, 0)
	}
	return best
}
