package gazetteer

import (
	"strings"
	"testing"

	"github.com/extract-ca/extract/text"
)

func testEntries(t *testing.T) []*Entry {
	t.Helper()
	const src = `
place/kazakhstan | PLACE | country | KZ | | Kazakhstan | Казахстан
place/united-states | PLACE | country | US | | United States | US; U.S.; USA
place/central-asia | PLACE | world region | | | Central Asia |
place/turkey | PLACE | country | TR | | Turkey | Türkiye
group/islamic-state | GROUP | militant group | | | Islamic State | IS; ISIS; Daesh
group/hizb-ut-tahrir | GROUP | extremist movement | | | Hizb ut-Tahrir |
group/imu | GROUP | militant group | UZ | | Islamic Movement of Uzbekistan | IMU
place/uzbekistan | PLACE | country | UZ | | Uzbekistan |
group/al-qaeda | GROUP | militant group | | | al-Qaeda | al-Qaida
group/taliban | GROUP | militant group | AF | | Taliban |
group/knb | GROUP | security service | KZ | | National Security Committee | KNB
group/prosecutor-general-kz | GROUP | government body | KZ | | Prosecutor General's Office of Kazakhstan | Prosecutor General's Office
group/tengrinews | GROUP | media outlet | KZ | | Tengrinews | Tengrinews.kz
person/islam-karimov | PERSON | head of state | UZ | | Islam Karimov | Karimov
place/mary | PLACE | city | TM | | ?Mary | Merv
group/basmachi | GROUP | militant group | | | Basmachi |
person/islam | PERSON | cleric | | | Islam Umarov | Islam
person/mary-smith | PERSON | scholar | | | Mary Smith | ?Mary
group/shell | GROUP | company | GB | | Shell plc | Shell
group/steppe-media | GROUP | media outlet | KZ | | Steppe Media | Steppe.media
group/g20 | GROUP | intergovernmental forum | | | G20 | Group of Twenty
person/george-w-bush | PERSON | head of state | US | | George W. Bush | G. W. Bush
place/saint-petersburg | PLACE | city | RU | | Saint Petersburg | St. Petersburg
person/amonullo-nematzoda | PERSON | official | TJ | | Amonullo Nematzoda | Amonullo Ne'matzoda
place/north-ossetia | PLACE | republic | RU | | North Ossetia–Alania |
place/washington | PLACE | city | US | place/united-states | Washington | Washington, D.C.
group/unesco | GROUP | un agency | | | UNESCO | United Nations Educational, Scientific and Cultural Organization
place/kyrgyzstan | PLACE | country | KG | | Kyrgyzstan |
`
	entries, err := Parse(strings.NewReader(src), "test.gaz")
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

func TestMatch(t *testing.T) {
	m := NewMatcher(testEntries(t))
	type hit struct {
		start, end int
		id         string
	}
	tests := []struct {
		name string
		text string
		want []hit
	}{
		{"possessive stays out", "Kazakhstan's army", []hit{{0, 10, "place/kazakhstan"}}},
		{"curly possessive", "Kazakhstan’s army", []hit{{0, 10, "place/kazakhstan"}}},
		{"longest multiword", "the Islamic Movement of Uzbekistan (IMU)", []hit{
			{4, 34, "group/imu"}, {24, 34, "place/uzbekistan"}, {36, 39, "group/imu"}}},
		{"hyphen variant", "Hizb-ut-Tahrir members", []hit{{0, 14, "group/hizb-ut-tahrir"}}},
		{"joined variant", "Hizbut-Tahrir members", []hit{{0, 13, "group/hizb-ut-tahrir"}}},
		{"spaced variant", "Hizb ut Tahrir members", []hit{{0, 14, "group/hizb-ut-tahrir"}}},
		{"acronym only in capitals", "the US and us", []hit{{4, 6, "place/united-states"}}},
		{"middle initial", "President George W. Bush said", []hit{{10, 24, "person/george-w-bush"}}},
		{"initials", "by G. W. Bush.", []hit{{3, 13, "person/george-w-bush"}}},
		{"no initial across a line break", "George W.\nBush", nil},
		{"abbreviation", "from St. Petersburg to Osh", []hit{{5, 19, "place/saint-petersburg"}}},
		{"no number after an initial", "in Annex G. 20 people", nil},
		{"no name across a sentence's end", "They met a Saint. Petersburg is far.", nil},
		{"apostrophe the tokenizer cuts", "Amonullo Ne'matzoda said", []hit{{0, 19, "person/amonullo-nematzoda"}}},
		{"en dash inside a name", "in North Ossetia–Alania today", []hit{{3, 25, "place/north-ossetia"}}},
		{"no names in a URL", "see http://example.kz/Kazakhstan-and-Taliban or www.imu.org/Turkey, Turkey", []hit{{68, 74, "place/turkey"}}},
		{"a name after an address, joined by a dash", "see www.example.kz—Turkey said", []hit{{21, 27, "place/turkey"}}},
		{"an address in emphasis marks", "**http://example.kz/Turkey**", nil},
		{"no names in an e-mail address", "write to Taliban@example.org", nil},
		{"a comma inside a name", "the United Nations Educational, Scientific and Cultural Organization said", []hit{{4, 68, "group/unesco"}}},
		{"a comma and an abbreviation", "Washington, D.C.: Carnegie", []hit{{0, 16, "place/washington"}}},
		{"the name before a comma", "Washington, Turkey", []hit{{0, 10, "place/washington"}, {12, 18, "place/turkey"}}},
		{"no names joined across a list's commas", "Kazakhstan, Kyrgyzstan, Turkey", []hit{{0, 10, "place/kazakhstan"}, {12, 22, "place/kyrgyzstan"}, {24, 30, "place/turkey"}}},
		{"a name with a comma needs it", "Washington D.C.", []hit{{0, 10, "place/washington"}}},
		{"dotted acronym", "U.S. forces", []hit{{0, 4, "place/united-states"}}},
		{"IS in a headline is a verb", "WHAT IS AT STAKE", nil},
		{"IS in prose", "fighters of IS in Syria", []hit{{12, 14, "group/islamic-state"}}},
		{"US among acronyms", "the EU, US, IMU and KNB", []hit{{8, 10, "place/united-states"}, {12, 15, "group/imu"}, {20, 23, "group/knb"}}},
		{"lower-case common word", "a turkey dinner", nil},
		{"inside hyphenated word", "anti-Taliban forces", []hit{{5, 12, "group/taliban"}}},
		{"quotes stay out", "“Taliban”", []hit{{3, 10, "group/taliban"}}},
		{"no match across line break", "Central\nAsia", nil},
		{"domain name", "according to Tengrinews.kz.", []hit{{13, 26, "group/tengrinews"}}},
		{"lower-case particle", "al-Qaeda and Al-Qaida", []hit{{0, 8, "group/al-qaeda"}, {13, 21, "group/al-qaeda"}}},
		{"Cyrillic", "в Казахстане", nil},
		{"Cyrillic exact", "Казахстан", []hit{{0, 18, "place/kazakhstan"}}},
		{"plural of a name", "the Basmachis fought", []hit{{4, 13, "group/basmachi"}}},
		{"plural ending is no other word", "Islamic and Islams", []hit{{12, 18, "person/islam"}}},
		{"no plural of an acronym", "the IMUs", nil},
		{"ambiguous alias refused at sentence start", "Mary said so.", nil},
		{"ambiguous alias shared", "He met Mary there.", []hit{{7, 11, "place/mary"}}},
		{"ambiguous alias after a title", "He met Mr. Mary there.", []hit{{11, 15, "place/mary"}}},
		{"ambiguous alias after an initial", "He met J. Mary there.", nil},
		{"ambiguous alias after a colon", "Guests: Mary and Jo.", nil},
		{"ambiguous alias at a line start", "Guests\nMary and Jo.", nil},
		{"contraction is no name", "She'll go.", nil},
		{"alias folding like the name, in its own capitals", "Steppe.media and Steppe Media", []hit{{0, 12, "group/steppe-media"}, {17, 29, "group/steppe-media"}}},
		{"a lower-case word no alias writes so", "steppe Media", nil},
		{"name before a contraction", "Shell's here and Shell'll go.", []hit{{0, 5, "group/shell"}, {17, 22, "group/shell"}}},
		{"first name is not the person", "President Islam Karimov", []hit{{10, 23, "person/islam-karimov"}, {16, 23, "person/islam-karimov"}}},
		{"acronym in parentheses", "(KNB)", []hit{{1, 4, "group/knb"}}},
		{"lower-case word is not part of a capitalised name", "the national security committee", nil},
		{"capitalised name", "the National Security Committee", []hit{{4, 31, "group/knb"}}},
		{"possessive inside a name", "the Prosecutor General's Office said", []hit{{4, 31, "group/prosecutor-general-kz"}}},
		{"possessive inside a name, curly", "the Prosecutor General’s Office said", []hit{{4, 33, "group/prosecutor-general-kz"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []hit
			for _, h := range m.Match(text.Segment(tt.text, nil)) {
				got = append(got, hit{h.Start, h.End, h.Entries[0].ID})
				if tt.text[h.Start:h.End] == "" {
					t.Errorf("empty hit")
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("Match(%q) = %v, want %v", tt.text, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("Match(%q)[%d] = %v (%q), want %v", tt.text, i, got[i], tt.text[got[i].start:got[i].end], tt.want[i])
				}
			}
		})
	}
}

func TestMatchSharedAliasListsAllEntries(t *testing.T) {
	m := NewMatcher(testEntries(t))
	hits := m.Match(text.Segment("He met Mary there.", nil))
	if len(hits) != 1 || len(hits[0].Entries) != 2 {
		t.Fatalf("want one hit with 2 entries, got %+v", hits)
	}
	if hits[0].Entries[0].ID != "place/mary" || hits[0].Entries[1].ID != "person/mary-smith" {
		t.Errorf("entries not in gazetteer order: %v, %v", hits[0].Entries[0].ID, hits[0].Entries[1].ID)
	}
}
