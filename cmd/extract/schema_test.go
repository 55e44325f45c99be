package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/extract-ca/extract/output"
)

// TestSchemaCommand checks that extract schema prints the schema the
// output package validates with, and that run's lines are valid against
// what it prints.
func TestSchemaCommand(t *testing.T) {
	code, stdout, stderr := runApp(t, "", "schema")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !bytes.Equal([]byte(stdout), output.Schema()) {
		t.Fatalf("extract schema printed %d bytes, not output.Schema's %d", len(stdout), len(output.Schema()))
	}
	v, err := output.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	code, lines, stderr := runApp(t, "", "run", "../../examples/article.txt")
	if code != 0 {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	for i, line := range strings.Split(strings.TrimSpace(lines), "\n") {
		if err := v.Validate([]byte(line)); err != nil {
			t.Errorf("line %d of run's output: %v", i+1, err)
		}
	}
	if code, _, _ := runApp(t, "", "schema", "extra"); code == 0 {
		t.Error("extract schema extra: exit 0, want a usage error")
	}
}
