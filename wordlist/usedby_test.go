package wordlist

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestUsedBy checks the "Used by" paths of every file's opening comment,
// which `extract wordlists` shows users, against the code: each path
// (a Go file without ".go", or a package directory, from the repository's
// root) exists and reads the list, and every file that reads the list is
// named by its own path or its directory's.
//
// A file reads a list when it asks for it by name (Set, Pairs or Words with
// the name as a string constant), or, in package pipeline, when it uses a
// field of the words that newWords (pipeline/words.go, the loader, whose
// own calls do not count) fills from the list. A script under scripts/
// (not Go) reads a list when it names its file, wordlist/data/NAME.txt:
// scripts/lexicons makes lexicons of the default entity model from some.
func TestUsedBy(t *testing.T) {
	readers := listReaders(t, "..")
	names, _ := fs.Glob(data, "data/*.txt")
	for _, n := range names {
		name := strings.TrimSuffix(path.Base(n), ".txt")
		b, _ := data.ReadFile(n)
		paths := usedByPaths(string(b))
		if len(paths) == 0 {
			t.Errorf("%s: no \"Used by\" path in its opening comment", n)
			continue
		}
		for _, p := range paths {
			if _, err := os.Stat(filepath.Join("..", p+".go")); err != nil {
				if st, err := os.Stat(filepath.Join("..", p)); err != nil || !st.IsDir() && !isScript(p) {
					t.Errorf("%s: Used by %s: neither %s.go, a directory %s nor a script exists", n, p, p, p)
					continue
				}
			}
			if !slices.ContainsFunc(readers[name], func(r string) bool { return named(p, r) }) {
				t.Errorf("%s: Used by %s, which does not read %s (read by %v)", n, p, name, readers[name])
			}
		}
		for _, r := range readers[name] {
			if !slices.ContainsFunc(paths, func(p string) bool { return named(p, r) }) {
				t.Errorf("%s: read by %s, which its \"Used by\" (%v) does not name", n, r, paths)
			}
		}
	}
}

// named reports whether the path p of a "Used by" line names the Go file
// r (a path from the root without ".go"): r itself, or a directory above.
func named(p, r string) bool { return p == r || strings.HasPrefix(r, p+"/") }

// pathWord is a path from the repository's root in a comment.
var pathWord = regexp.MustCompile(`\b[a-z][a-z0-9]*(?:/[a-z0-9_]+)+\b`)

// usedByPaths returns the paths of the repository that the opening comment
// of a list's file names.
func usedByPaths(text string) []string {
	var comment strings.Builder
	for line := range strings.Lines(text) {
		c, ok := strings.CutPrefix(line, "#")
		if !ok {
			break
		}
		comment.WriteString(c)
	}
	var paths []string
	for _, p := range pathWord.FindAllString(comment.String(), -1) {
		top, _, _ := strings.Cut(p, "/")
		if st, err := os.Stat(filepath.Join("..", top)); err == nil && st.IsDir() && !slices.Contains(paths, p) {
			paths = append(paths, p)
		}
	}
	return paths
}

// listReaders returns, by list name, the Go files (paths from root without
// ".go", tests and package wordlist left out) that read the list.
func listReaders(t *testing.T, root string) map[string][]string {
	t.Helper()
	fields := wordsFields(t, filepath.Join(root, "pipeline", "words.go"))
	readers := map[string][]string{}
	add := func(name, file string) {
		if !slices.Contains(readers[name], file) {
			readers[name] = append(readers[name], file)
		}
	}
	err := filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if e.IsDir() {
			if rel == "wordlist" || rel == "testdata" || strings.HasSuffix(rel, "/testdata") || (rel != "." && strings.HasPrefix(e.Name(), ".")) {
				return filepath.SkipDir
			}
			return nil
		}
		if isScript(rel) {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			for _, m := range listPath.FindAllSubmatch(b, -1) {
				add(string(m[1]), rel)
			}
			return nil
		}
		if !strings.HasSuffix(rel, ".go") || strings.HasSuffix(rel, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), p, nil, 0)
		if err != nil {
			return err
		}
		file := strings.TrimSuffix(rel, ".go")
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if name, ok := listCall(n); ok && rel != "pipeline/words.go" {
					add(name, file)
				}
			case *ast.SelectorExpr:
				if path.Dir(rel) == "pipeline" {
					for _, name := range fields[n.Sel.Name] {
						add(name, file)
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return readers
}

// isScript reports whether rel, a path from the repository's root, is a
// script: a file under scripts/ that is not Go.
func isScript(rel string) bool {
	if !strings.HasPrefix(rel, "scripts/") || strings.HasSuffix(rel, ".go") {
		return false
	}
	st, err := os.Stat(filepath.Join("..", rel))
	return err == nil && st.Mode().IsRegular()
}

// listPath is a list's file named in a script.
var listPath = regexp.MustCompile(`wordlist/data/([a-z0-9-]+)\.txt`)

// listCall returns the list a call Set("NAME"), Pairs("NAME") or
// Words("NAME") (of any receiver) asks for.
func listCall(c *ast.CallExpr) (string, bool) {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || len(c.Args) != 1 || !slices.Contains([]string{"Set", "Pairs", "Words"}, sel.Sel.Name) {
		return "", false
	}
	lit, ok := c.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	name, err := strconv.Unquote(lit.Value)
	return name, err == nil
}

// wordsFields returns, by field of pipeline's words, the lists newWords
// fills it from: the lists asked for in the field's value, directly or
// through a local variable.
func wordsFields(t *testing.T, file string) map[string][]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var fn *ast.FuncDecl
	for _, d := range f.Decls {
		if d, ok := d.(*ast.FuncDecl); ok && d.Name.Name == "newWords" {
			fn = d
		}
	}
	if fn == nil {
		t.Fatalf("%s: no func newWords", file)
	}
	lists := func(e ast.Node, locals map[string][]string) []string {
		var out []string
		ast.Inspect(e, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				if name, ok := listCall(n); ok {
					out = append(out, name)
				}
			case *ast.Ident:
				out = append(out, locals[n.Name]...)
			}
			return true
		})
		return out
	}
	locals := map[string][]string{}
	fields := map[string][]string{}
	ast.Inspect(fn.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				if id, ok := l.(*ast.Ident); ok && i < len(n.Rhs) {
					locals[id.Name] = lists(n.Rhs[i], locals)
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				fields[id.Name] = lists(n.Value, locals)
			}
			return false
		}
		return true
	})
	if len(fields) == 0 {
		t.Fatalf("%s: newWords fills no field from a list", file)
	}
	return fields
}
