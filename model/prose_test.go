package model

import (
	"sync"

	prose "github.com/jdkato/prose/v2"
)

// proseModel is prose's own English model, the reference of the tests and
// benchmarks; built once per test binary.
var proseModel = sync.OnceValue(func() *prose.Model { return prose.ModelFromData("en") })
