package gazetteer

import "sort"

// Stats counts entries and aliases by type and by kind.
type Stats struct {
	Entries int            `json:"entries"`
	Aliases int            `json:"aliases"` // names besides the canonical one
	ByType  map[Type]Count `json:"by_type"`
	ByKind  []KindCount    `json:"by_kind"` // sorted by type, then entries descending
}

// Count is a number of entries and of their aliases.
type Count struct {
	Entries int `json:"entries"`
	Aliases int `json:"aliases"`
}

// KindCount is the count of one kind of one type.
type KindCount struct {
	Type Type   `json:"type"`
	Kind string `json:"kind"`
	Count
}

// ComputeStats counts entries.
func ComputeStats(entries []*Entry) Stats {
	s := Stats{ByType: map[Type]Count{}}
	kinds := map[[2]string]*KindCount{}
	for _, e := range entries {
		n := len(e.Aliases)
		s.Entries++
		s.Aliases += n
		c := s.ByType[e.Type]
		c.Entries++
		c.Aliases += n
		s.ByType[e.Type] = c
		k := [2]string{string(e.Type), e.Kind}
		if kinds[k] == nil {
			kinds[k] = &KindCount{Type: e.Type, Kind: e.Kind}
		}
		kinds[k].Entries++
		kinds[k].Aliases += n
	}
	for _, k := range kinds {
		s.ByKind = append(s.ByKind, *k)
	}
	sort.Slice(s.ByKind, func(i, j int) bool {
		a, b := s.ByKind[i], s.ByKind[j]
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if a.Entries != b.Entries {
			return a.Entries > b.Entries
		}
		return a.Kind < b.Kind
	})
	return s
}
