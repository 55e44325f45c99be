package main

import (
	"runtime/debug"
	"testing"
)

func TestFormatVersion(t *testing.T) {
	const rev = "ac71663f0123456789abcdef0123456789abcdef"
	build := func(version string, settings ...string) *debug.BuildInfo {
		info := &debug.BuildInfo{GoVersion: "go1.24.0", Main: debug.Module{Path: "github.com/extract-ca/extract", Version: version}}
		for i := 0; i+1 < len(settings); i += 2 {
			info.Settings = append(info.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
		}
		return info
	}
	for _, tc := range []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "extract (unknown build)"},
		{"clone built with -buildvcs=false", build("(devel)"), "extract (devel) go1.24.0"},
		{"empty version", build(""), "extract (devel) go1.24.0"},
		{"clone with VCS stamping", build("(devel)", "vcs.revision", rev, "vcs.time", "2026-12-02T19:00:00Z", "vcs.modified", "false"),
			"extract (devel) ac71663f0123 (2026-12-02T19:00:00Z) go1.24.0"},
		{"uncommitted changes", build("(devel)", "vcs.revision", rev, "vcs.modified", "true"),
			"extract (devel) ac71663f0123-dirty go1.24.0"},
		{"go install at a tag", build("v1.2.3"), "extract v1.2.3 go1.24.0"},
		{"pseudo-version with revision", build("v0.0.0-20261202190000-ac71663f0123", "vcs.revision", rev),
			"extract v0.0.0-20261202190000-ac71663f0123 ac71663f0123 go1.24.0"},
		{"short revision kept whole", build("(devel)", "vcs.revision", "abc"), "extract (devel) abc go1.24.0"},
	} {
		if got := formatVersion(tc.info); got != tc.want {
			t.Errorf("%s: formatVersion = %q, want %q", tc.name, got, tc.want)
		}
	}
}
