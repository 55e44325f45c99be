package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFileAtomic: a new file gets 0644; an existing file is replaced
// whole and keeps its permissions; a symbolic link is written through and
// stays a link; a failed write leaves the old file; a path that is no
// regular file (/dev/null) is written directly, with no temporary file
// beside it.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	text := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	check := func(path, want string, mode os.FileMode) {
		t.Helper()
		got, err := os.ReadFile(path)
		if err != nil || string(got) != want {
			t.Errorf("%s holds %q (%v), want %q", path, got, err, want)
		}
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != mode {
			t.Errorf("%s: mode %v (%v), want %v", path, fi.Mode().Perm(), err, mode)
		}
	}

	fresh := filepath.Join(dir, "fresh.json")
	if err := writeFileAtomic(fresh, text("new")); err != nil {
		t.Fatal(err)
	}
	check(fresh, "new", 0o644)

	private := filepath.Join(dir, "private.json")
	if err := os.WriteFile(private, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(private, link); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(link, text("through the link")); err != nil {
		t.Fatal(err)
	}
	check(private, "through the link", 0o600)
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("%s is no longer a symbolic link (%v)", link, err)
	}

	failed := fmt.Errorf("disk full")
	if err := writeFileAtomic(private, func(w io.Writer) error { io.WriteString(w, "half"); return failed }); err != failed {
		t.Errorf("failed write: error %v, want %v", err, failed)
	}
	check(private, "through the link", 0o600)

	if err := writeFileAtomic(os.DevNull, text("discarded")); err != nil {
		t.Errorf("%s: %v", os.DevNull, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		t.Errorf("%d files in %s, want 3: a temporary file was left", len(entries), dir)
	}
}
