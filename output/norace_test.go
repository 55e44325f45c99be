//go:build !race

package output

// raceEnabled reports whether the race detector is on: its instrumentation
// allocates for itself, so allocation counts are not the code's then.
const raceEnabled = false
