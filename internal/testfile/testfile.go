// Package testfile writes the input files of tests. It is imported by
// tests only.
package testfile

import (
	"os"
	"path/filepath"
	"testing"
)

// Write writes text to path, making its directories first; a failure
// ends the test.
func Write(t testing.TB, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Seeds returns the texts of the seed articles, root/seeds/*.txt in name
// order, root being the repository's root seen from the test's package
// (".." for a package at the top). Finding none fails the test.
func Seeds(t testing.TB, root string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(root, "seeds", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatal("no seeds", err)
	}
	texts := make([]string, 0, len(files))
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(raw))
	}
	return texts
}
