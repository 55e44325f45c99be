// Package cputime measures the CPU time a benchmark uses. The machines
// benchmarks run on are shared, so wall time per operation moves with the
// load of others; the CPU time of the process (every thread, the garbage
// collector's included) moves much less.
package cputime

import (
	"syscall"
	"testing"
	"time"
)

// Used returns the user and system CPU time of the process so far.
func Used() time.Duration {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// Report adds cpu-ns/op, and cpu-MB/s when bytes > 0, to b's results for
// the CPU time used since start over b.N operations of bytes each.
func Report(b *testing.B, start time.Duration, bytes int64) {
	used := Used() - start
	if b.N == 0 || used <= 0 {
		return
	}
	b.ReportMetric(float64(used.Nanoseconds())/float64(b.N), "cpu-ns/op")
	if bytes > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/1e6/used.Seconds(), "cpu-MB/s")
	}
}
