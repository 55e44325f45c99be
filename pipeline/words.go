package pipeline

import (
	"strings"
	"unicode/utf8"
)

// Word lists used by resolve to reject what a statistical model takes for
// a name. They hold general English and the region's demonyms, never names
// of particular texts.

// demonyms are adjectives of origin or faith: not annotated as mentions.
var demonyms = set(`
afghan afghans american americans arab arabs asian azerbaijani azeri baluch
belarusian british caucasian central chechen chechens chinese christian
christians dagestani dutch english european europeans french georgian german
hazara hindu indian iranian iraqi islamic islamist islamists israeli italian
japanese jewish jihadist jihadists kazakh kazakhs kazakhstani korean kurdish
kyrgyz kyrgyzstani mongolian muslim muslims pakistani pamiri pashtun pashtuns
persian russian russians salafi salafist salafists saudi shia shiite soviet
post-soviet sufi sunni syrian tajik tajiks tajikistani tatar turkic turkish
turkmen turkmens ukrainian uyghur uyghurs uighur uzbek uzbeks uzbekistani
wahhabi western westerners eurasian karakalpak
`)

// titles are words that precede a name and are not part of it.
var titles = set(`
president vice prime minister ministers deputy secretary general gen
chairman chairwoman chair director chief commander colonel col lieutenant lt
major maj captain capt sergeant sgt admiral ambassador senator sen governor
gov mayor king queen prince princess emir sheikh shaykh mullah mufti imam
ayatollah mr mrs ms dr prof professor sir lord judge justice spokesman
spokeswoman spokesperson head leader founder member
`)

// notNames are capitalised words a model often labels that never name a
// person, place or group on their own.
var notNames = set(`
god allah islam christianity jihad caliphate government state ministry
parliament army police court party committee council republic region
province district city university monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september
october november december i ii iii
`)

// commonWords are capitalised only because they start a sentence.
var commonWords = set(`
a about after all also although an and another any as at because before
both but by despite during each either every for from further however if
in including instead it its many meanwhile more moreover most neither
nevertheless no nor not now of on once one only or other others our over
since so some such than that the their then there these they this those
though thus to today under unlike until upon we what when where whether
which while who why with within without yet yesterday last next first
second third new old according following given recent recently earlier
later several few most officials security local national international
regional domestic foreign military political economic radical extremist
terrorist terrorism militant militants authorities government
`)

func set(words string) map[string]bool {
	m := map[string]bool{}
	start := -1
	for i := 0; i <= len(words); i++ {
		if i == len(words) || words[i] == ' ' || words[i] == '\n' {
			if start >= 0 {
				m[words[start:i]] = true
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return m
}

// orgHeads are the head nouns that end (or begin) the names of
// organisations: "Hollybush Institute", "Ministry of Culture".
var orgHeads = set(`
academy agency alliance army assembly association authority bank board
brigade bureau cabinet center centre chamber church club coalition college
command commission committee community company congress corporation council
court directorate division department embassy emirate federation forces
foundation front fund group guard inc institute institution league ltd
media ministry mission movement network news office organisation
organization parliament party police press
regiment republic school secretariat senate service services society staff
studies times tribunal union university
`)

// placePrepositions precede place names: "in Osh", "from Kunduz".
var placePrepositions = set(`
in from to near at into across outside inside toward towards via around
through throughout
`)

// placeNouns name kinds of places: "Batken province", "the city of Osh".
var placeNouns = set(`
province region district city town village valley river port capital
oblast raion rayon county state republic border area mountains gorge
`)

// inLower reports whether set holds w lower-cased (set[strings.ToLower(w)])
// without allocating for ASCII words: the rules look up most tokens of a
// text, and lower-casing a capitalised word allocated a string each time.
func inLower(set map[string]bool, w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return set[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return set[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}
