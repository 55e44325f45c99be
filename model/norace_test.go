//go:build !race

package model

// raceEnabled reports whether the race detector is on.
const raceEnabled = false
