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
		Args:  cobra.NoArgs,
		Run: func(c *cobra.Command, args []string) {
			fmt.Fprintln(a.Stdout, version())
		},
	}
}

// version describes the build: module version, VCS revision and Go.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "extract (unknown build)"
	}
	v := info.Main.Version
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	out := "extract " + v
	if rev != "" {
		out += " " + rev
		if dirty {
			out += "-dirty"
		}
	}
	return out + " " + info.GoVersion
}
