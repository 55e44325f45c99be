package main

import (
	"testing"
	"time"

	"github.com/extract-ca/extract/batch"
)

func TestRenderProgress(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   progressState
		want string
	}{
		{"start, total known", progressState{total: 40}, "\r0/40 documents   0% 0.00 MB/s\033[K"},
		{"a quarter, ETA three times the elapsed", progressState{done: 10, total: 40, bytes: 2_000_000, elapsed: 4 * time.Second},
			"\r10/40 documents  25% 0.50 MB/s ETA 0:12\033[K"},
		{"ETA rounded up", progressState{done: 3, total: 4, bytes: 1_500_000, elapsed: 1500 * time.Millisecond},
			"\r3/4 documents  75% 1.00 MB/s ETA 0:01\033[K"},
		{"ETA over an hour", progressState{done: 1, total: 1000, bytes: 100_000, elapsed: 5 * time.Second},
			"\r1/1000 documents   0% 0.02 MB/s ETA 1:23:15\033[K"},
		{"done: no ETA", progressState{done: 5, total: 5, bytes: 10_000_000, elapsed: 2 * time.Second},
			"\r5/5 documents 100% 5.00 MB/s\033[K"},
		{"total unknown: count only", progressState{done: 1234, bytes: 3_000_000, elapsed: time.Second},
			"\r1234 documents 3.00 MB/s\033[K"},
		{"nothing yet, no time", progressState{}, "\r0 documents 0.00 MB/s\033[K"},
	} {
		if got := renderProgress(tc.in); got != tc.want {
			t.Errorf("%s: renderProgress(%+v) = %q, want %q", tc.name, tc.in, got, tc.want)
		}
	}
}

func TestProgressTotal(t *testing.T) {
	files := []batch.File{{Path: "a.txt"}, {Path: "b.txt"}}
	for _, tc := range []struct {
		name   string
		format batch.InputFormat
		files  []batch.File
		resume bool
		want   int
	}{
		{"text files", batch.FormatText, files, false, 2},
		{"standard input among them", batch.FormatText, append(files, batch.File{Path: "-"}), false, 0},
		{"jsonl", batch.FormatJSONL, files, false, 0},
		{"resume", batch.FormatText, files, true, 0},
	} {
		if got := progressTotal(tc.format, tc.files, tc.resume); got != tc.want {
			t.Errorf("%s: progressTotal = %d, want %d", tc.name, got, tc.want)
		}
	}
}
