// Package gobuild compiles a command of the module for the scripts that
// run it as a separate process (scripts/ablation, rddpipe, scaling), so
// that they measure the binary a user runs, not `go run` and its
// compilation.
package gobuild

import (
	"fmt"
	"os/exec"
)

// Build compiles the package pkg ("./cmd/extract") of the module at root
// ("" for the current directory) into the file out. When the compiler
// fails, its output is in the error.
func Build(root, pkg, out string) error {
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = root
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %v\n%s", pkg, err, msg)
	}
	return nil
}
