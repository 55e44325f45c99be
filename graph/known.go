package graph

import (
	"sync"

	"github.com/extract-ca/extract/gazetteer"
)

// DefaultLookup returns the Options.Lookup of the default gazetteer: what
// it knows of an entity id (its kind, country and parent are not in the
// records). `extract graph` and the Beam pipeline use it, so that both
// draw the same graph. The table is built once, on the first call.
func DefaultLookup() (func(id string) (Known, bool), error) { return defaultLookup() }

var defaultLookup = sync.OnceValues(func() (func(id string) (Known, bool), error) {
	entries, err := gazetteer.Default()
	if err != nil {
		return nil, err
	}
	known := make(map[string]Known, len(entries))
	for _, e := range entries {
		known[e.ID] = Known{Name: e.Name, Kind: e.Kind, Country: e.Country, Parent: e.Parent}
	}
	return func(id string) (Known, bool) {
		k, ok := known[id]
		return k, ok
	}, nil
})
