// Package cputime measures the CPU time a benchmark uses. The machines
// benchmarks run on are shared, so wall time per operation moves with the
// load of others; the CPU time of the process (every thread, the garbage
// collector's included) moves much less. The scripts that measure stages
// take the CPU time of one thread (Thread) and say how busy the machine was
// (LoadAverage).
package cputime

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"
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

// Thread returns the CPU time of the calling thread, from
// CLOCK_THREAD_CPUTIME_ID (Linux): nanosecond precision, where getrusage's
// RUSAGE_THREAD moves in scheduler ticks and would round small stages to
// zero. The caller locks its goroutine to its thread
// (runtime.LockOSThread); the stage times of other goroutines and of other
// users of the machine stay out of it.
func Thread() (time.Duration, error) {
	const clockThreadCPUTime = 3 // CLOCK_THREAD_CPUTIME_ID, Linux
	var ts syscall.Timespec
	_, _, errno := syscall.RawSyscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0)
	if errno != 0 {
		return 0, fmt.Errorf("thread CPU time (clock_gettime): %w", errno)
	}
	return time.Duration(ts.Nano()), nil
}

// LoadAverage is the 1, 5 and 15 minute load averages ("n/a" where
// /proc/loadavg cannot be read), so that a reader of a measurement can
// judge how busy the shared machine was.
func LoadAverage() string {
	raw, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "n/a"
	}
	f := strings.Fields(string(raw))
	if len(f) < 3 {
		return "n/a"
	}
	return strings.Join(f[:3], " ")
}
