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
