package importer

import (
	"strings"
	"sync"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/wordlist"
)

// countryCode returns the ISO 3166-1 alpha-2 code of a country as the
// sanctions lists name it in a nationality ("Russian Federation", "Korea,
// North", "Iran (Islamic Republic of)", "Afghan"), or "" when the name is
// not in the table. Case, a trailing period and a parenthesised remark
// ("Indonesia (as at Dec. 2003)") do not matter.
func countryCode(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	if code, ok := countryCodes()[n]; ok {
		return code
	}
	if i := strings.IndexByte(n, '('); i >= 0 {
		n = n[:i]
	}
	n = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(n), "."))
	return countryCodes()[n]
}

// countryCodes maps the lower-cased names of countries to their codes: the
// names and aliases of the gazetteer's countries, and the forms only the
// sanctions lists use (word list country-names: "korea, north", "afghan"),
// which win. Ambiguous names (Chad, Jordan) are left to the word list, and
// acronyms (USA) are left out so that a bracketed acronym stays an alias
// of the entity it follows (see names.go). Built on first use, as it reads
// the default gazetteer.
var countryCodes = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	entries, _ := gazetteer.Default() // embedded, kept valid by its own tests
	add := func(name, code string) {
		if !isAcronym(name, 8) {
			m[strings.ToLower(name)] = code
		}
	}
	for _, e := range entries {
		if e.Kind != "country" {
			continue
		}
		if !e.NameAmbiguous {
			add(e.Name, e.Country)
		}
		for _, a := range e.Aliases {
			if !a.Ambiguous {
				add(a.Text, e.Country)
			}
		}
	}
	for name, code := range wordlist.Pairs("country-names") {
		m[name] = code
	}
	return m
})
