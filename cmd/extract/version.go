package main

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"
)

func (a App) versionCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of extract",
		Long: `Print the module version, the VCS revision the binary was built from (with -dirty when
the work tree had uncommitted changes) and the Go version. The revision is known when the
binary was built inside a git checkout with VCS stamping on (go build's default; not with
-buildvcs=false or go run).`,
		Example: `  go run ./cmd/extract version
  go build -o extract ./cmd/extract && ./extract version`,
		Args: cobra.NoArgs,
		Run: func(c *cobra.Command, args []string) {
			info, ok := debug.ReadBuildInfo()
			if !ok {
				info = nil
			}
			fmt.Fprintln(a.Stdout, formatVersion(info))
		},
	}
}

// formatVersion describes a build: module version, VCS revision and Go.
// It takes the build information as an argument because tests and CI build
// with -buildvcs=false, so the revision can only be tested on made-up info.
func formatVersion(info *debug.BuildInfo) string {
	if info == nil {
		return "extract (unknown build)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)" // a test binary has no main module version
	}
	var rev, at string
	dirty := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	// Twelve hex digits name a commit unambiguously in any repository of
	// this size, and are what `go version -m` users compare with.
	if len(rev) > 12 {
		rev = rev[:12]
	}
	out := "extract " + v
	if rev != "" {
		out += " " + rev
		if dirty {
			out += "-dirty"
		}
		if at != "" {
			out += " (" + at + ")"
		}
	}
	return out + " " + info.GoVersion
}
