package importer

import (
	"strings"
	"unicode"

	"github.com/extract-ca/extract/wordlist"
)

// Kinds given to the entries of the sanctions lists. Those of the
// gazetteer's own lists are used where the list says enough; the others say
// only that the entry is listed.
const (
	KindMilitantGroup = "militant group"
	KindCompany       = "company"
	KindNGO           = "NGO"
	KindEntity        = "sanctioned entity"
	KindMilitant      = "militant"
	KindOfficial      = "official"
	KindIndividual    = "sanctioned individual"
)

// groupKind decides the kind of a listed entity from the words of its name.
// A company (trading, money exchange, hawala...) is a company and a charity
// (foundation, trust, society...) an NGO on any list; on a list of militants
// (militant true: the UN Al-Qaida/ISIL and Taliban lists, OFAC FTO) an
// entity that is neither is a militant group, and so is an entity whose name
// says it (brigade, front, jihad, movement...) on any terrorism list
// (terrorism true: those and OFAC SDGT). Anything else is a sanctioned
// entity.
func groupKind(name string, militant, terrorism bool) string {
	words := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) })
	has := func(set map[string]bool) bool {
		for _, w := range words {
			if set[w] {
				return true
			}
		}
		return false
	}
	switch {
	case has(companyWords):
		return KindCompany
	case (militant || terrorism) && has(militantWords):
		return KindMilitantGroup
	case has(ngoWords):
		return KindNGO
	case militant:
		return KindMilitantGroup
	}
	return KindEntity
}

// isOfficialDesignation reports whether a Taliban list designation ("Deputy Minister
// of Finance under the Taliban regime") names an office of the Taliban
// government.
func isOfficialDesignation(designation string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(designation), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if officialWords[w] {
			return true
		}
	}
	return false
}

var companyWords = wordlist.Set("company-words")

var ngoWords = wordlist.Set("ngo-words")

var militantWords = wordlist.Set("militant-words")

var officialWords = wordlist.Set("official-words")
