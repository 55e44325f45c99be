package importer

import "strings"

// countryCode returns the ISO 3166-1 alpha-2 code of a country as the
// sanctions lists name it in a nationality ("Russian Federation", "Korea,
// North", "Iran (Islamic Republic of)", "Afghan"), or "" when the name is
// not in the table. Case, a trailing period and a parenthesised remark
// ("Indonesia (as at Dec. 2003)") do not matter.
func countryCode(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	if code, ok := nationalityCodes[n]; ok {
		return code
	}
	if i := strings.IndexByte(n, '('); i >= 0 {
		n = n[:i]
	}
	n = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(n), "."))
	return nationalityCodes[n]
}

// nationalityCodes holds the countries that occur as nationalities in the UN
// and OFAC lists, Central Asia and its neighbours first, under the names the
// lists use, with the few adjectives the UN list uses instead of names.
var nationalityCodes = map[string]string{
	// Central Asia and neighbours.
	"afghanistan": "AF", "afghan": "AF",
	"kazakhstan": "KZ", "kyrgyzstan": "KG", "kyrgyz republic": "KG",
	"tajikistan": "TJ", "turkmenistan": "TM", "uzbekistan": "UZ",
	"russian federation": "RU", "russia": "RU",
	"china": "CN", "mongolia": "MN",
	"pakistan": "PK", "india": "IN", "bangladesh": "BD", "sri lanka": "LK", "maldives": "MV", "nepal": "NP",
	"iran": "IR", "iran (islamic republic of)": "IR", "islamic republic of iran": "IR",
	"azerbaijan": "AZ", "armenia": "AM", "georgia": "GE",
	"turkey": "TR", "türkiye": "TR", "turkiye": "TR",
	"ukraine": "UA", "belarus": "BY", "moldova": "MD", "republic of moldova": "MD",

	// Middle East and North Africa.
	"iraq": "IQ", "syrian arab republic": "SY", "syria": "SY",
	"saudi arabia": "SA", "saudi arabian": "SA", "yemen": "YE", "yemeni": "YE",
	"jordan": "JO", "lebanon": "LB", "israel": "IL",
	"state of palestine": "PS", "palestine": "PS", "palestinian": "PS",
	"kuwait": "KW", "qatar": "QA", "bahrain": "BH", "oman": "OM", "united arab emirates": "AE",
	"egypt": "EG", "libya": "LY", "tunisia": "TN", "algeria": "DZ", "algerian": "DZ", "morocco": "MA", "mauritania": "MR",
	"sudan": "SD", "south sudan": "SS",

	// Sub-Saharan Africa.
	"somalia": "SO", "somali": "SO", "ethiopia": "ET", "eritrea": "ER", "djibouti": "DJ", "kenya": "KE",
	"uganda": "UG", "rwanda": "RW", "burundi": "BI",
	"united republic of tanzania": "TZ", "tanzania": "TZ",
	"democratic republic of the congo": "CD", "congo, democratic republic of the": "CD", "congo": "CG",
	"central african republic": "CF", "chad": "TD", "cameroon": "CM", "nigeria": "NG", "niger": "NE",
	"mali": "ML", "burkina faso": "BF", "senegal": "SN", "guinea": "GN", "guinea-bissau": "GW",
	"gambia": "GM", "ghana": "GH", "cote d'ivoire": "CI", "côte d'ivoire": "CI", "liberia": "LR", "sierra leone": "SL",
	"south africa": "ZA", "zimbabwe": "ZW", "mozambique": "MZ", "comoros": "KM", "union of the comoros": "KM",

	// Asia and the Pacific.
	"indonesia": "ID", "philippines": "PH", "malaysia": "MY", "singapore": "SG", "thailand": "TH",
	"burma": "MM", "myanmar": "MM", "cambodia": "KH", "viet nam": "VN", "vietnam": "VN",
	"democratic people's republic of korea": "KP", "korea, north": "KP", "north korea": "KP",
	"republic of korea": "KR", "korea, south": "KR", "south korea": "KR",
	"japan": "JP", "australia": "AU", "new zealand": "NZ",

	// Europe.
	"united kingdom": "GB", "united kingdom of great britain and northern ireland": "GB",
	"germany": "DE", "france": "FR", "belgium": "BE", "netherlands": "NL", "denmark": "DK",
	"sweden": "SE", "norway": "NO", "finland": "FI", "spain": "ES", "italy": "IT", "switzerland": "CH",
	"austria": "AT", "greece": "GR", "cyprus": "CY", "bulgaria": "BG", "serbia": "RS", "albania": "AL",
	"bosnia and herzegovina": "BA", "kosovo": "XK", "north macedonia": "MK", "latvia": "LV",
	"lithuania": "LT", "estonia": "EE", "poland": "PL", "czech republic": "CZ", "czechia": "CZ",

	// The Americas.
	"united states": "US", "united states of america": "US", "canada": "CA", "mexico": "MX",
	"cuba": "CU", "venezuela": "VE", "colombia": "CO", "nicaragua": "NI", "guatemala": "GT",
	"el salvador": "SV", "honduras": "HN", "panama": "PA", "brazil": "BR", "argentina": "AR",
	"trinidad and tobago": "TT",
}
