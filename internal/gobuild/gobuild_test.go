package gobuild

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A command of the module (one of the standard library's imports only, so
// that the test builds fast) is built into the file named.
func TestBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "filedeps")
	if err := Build("../..", "./scripts/filedeps", out); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(out); err != nil || fi.Mode()&0o111 == 0 {
		t.Errorf("no executable at %s: %v", out, err)
	}
}

// A package that does not build fails with the package and the compiler's
// own words.
func TestBuildFailureSaysWhy(t *testing.T) {
	err := Build("../..", "./no/such/package", filepath.Join(t.TempDir(), "x"))
	if err == nil || !strings.HasPrefix(err.Error(), "go build ./no/such/package: ") || !strings.Contains(err.Error(), "directory not found") {
		t.Fatalf("got %v", err)
	}
}
