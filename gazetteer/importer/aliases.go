package importer

import (
	"strings"

	"github.com/extract-ca/extract/gazetteer"
)

// aliasSet gathers the aliases of one entry, dropping those the matcher
// would not tell apart from the name or from an alias already taken (same
// gazetteer.MatchKey: case, diacritics and spelling habits folded).
type aliasSet struct {
	seen    map[string]bool
	aliases []gazetteer.Alias
	max     int // 0: no limit
}

func newAliasSet(name string, max int) *aliasSet {
	s := &aliasSet{seen: map[string]bool{}, max: max}
	s.seen[gazetteer.MatchKey(name)] = true
	s.seen["\x00"+name] = true
	return s
}

// add takes one more alias, unless it is empty, a repeat, or over the limit.
func (s *aliasSet) add(a string) {
	a = strings.Join(strings.Fields(a), " ")
	if a == "" || s.max > 0 && len(s.aliases) >= s.max {
		return
	}
	key := gazetteer.MatchKey(a)
	if key == "" {
		key = "\x00" + a
	}
	if s.seen[key] {
		return
	}
	s.seen[key] = true
	s.aliases = append(s.aliases, gazetteer.Alias{Text: a})
}
