package importer

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/internal/fileerr"
	"github.com/extract-ca/extract/wordlist"
)

// GeoNamesAttribution is the credit the GeoNames licence (CC BY 4.0) asks
// for; write it in the header of an imported file.
const GeoNamesAttribution = "Data (c) GeoNames (www.geonames.org), licensed under CC BY 4.0"

// GeoNamesOptions names the three GeoNames files to read and what to keep.
type GeoNamesOptions struct {
	// Cities is a cities dump (cities15000.txt, cities5000.txt, ...): one
	// place per line, 19 tab-separated columns.
	Cities Input
	// Admin1 is admin1CodesASCII.txt: code ("KZ.05"), name, ASCII name,
	// geonameid.
	Admin1 Input
	// Countries is countryInfo.txt: 19 columns, comment lines start with #.
	Countries Input

	// Country lists the ISO 3166-1 alpha-2 codes of the countries to import
	// (KZ, KG, ...); empty imports every country.
	Country []string
	// MinPopulation drops the cities with fewer inhabitants.
	MinPopulation int64
}

// maxPlaceAliases caps the aliases of one place: the alternate names of a
// capital run into the hundreds.
const maxPlaceAliases = 30

// Columns of the GeoNames files.
const (
	citiesColumns    = 19
	admin1Columns    = 4
	countriesColumns = 19
)

// ReadGeoNames reads the three GeoNames files of opts and returns, in this
// order: a country entry per selected country (geonames/place/<slug of its name>,
// kind country), a region entry per first-level division of those
// countries (geonames/place/<slug>-region, or geonames/place/<slug> when the name already
// says Region, Province or Oblast; kind region; parent the country), and a
// city entry per city of at least opts.MinPopulation inhabitants (kind
// city; parent its region, or its country when the region is unknown).
//
// Ids are unique: a region whose id is taken gets its country code added
// (geonames/place/central-region-gh), a city its geonameid
// (geonames/place/hyderabad-1176734);
// the most populous city keeps the plain id.
//
// Every problem of the files (a row with the wrong number of columns, a bad
// number) is reported, with its file and line, in a fileerr.ErrorList
// returned with the entries of the good rows.
func ReadGeoNames(opts GeoNamesOptions) ([]*gazetteer.Entry, error) {
	want := map[string]bool{}
	for _, c := range opts.Country {
		c = strings.ToUpper(strings.TrimSpace(c))
		if !gazetteer.ValidCountry(c) {
			return nil, fmt.Errorf("%w: country %q: want an ISO 3166-1 alpha-2 code such as KZ", ErrOption, c)
		}
		want[c] = true
	}
	if opts.MinPopulation < 0 {
		return nil, fmt.Errorf("%w: negative minimum population %d", ErrOption, opts.MinPopulation)
	}
	selected := func(cc string) bool { return len(want) == 0 || want[cc] }

	var p fileerr.ErrorList
	ids := map[string]bool{}
	countries, countryIDs, countryNames := geoCountries(opts.Countries, selected, ids, &p)
	regions, regionIDs := geoRegions(opts.Admin1, countryIDs, ids, &p)
	cities := geoCities(opts, selected, countryIDs, regionIDs, ids, &p)

	var missing []string
	for c := range want {
		if countryIDs[c] == "" {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		p.Add(opts.Countries.Name, 0, fmt.Errorf("%w: no country %s in the file", ErrOption, strings.Join(missing, ", ")))
	}

	dropOtherPlaceNames(append(regions, cities...), append(countryNames, cities...))
	entries := append(countries, regions...)
	return append(entries, cities...), p.Err()
}

// dropOtherPlaceNames removes from the aliases of places those that are the
// name of another place: GeoNames lists "Kazakhstan" among the names of the
// town of Aksay and "Samarkand" among those of Temirtau (a former name), and
// such an alias would take the mentions of the country or the city that
// bears the name. names holds every country, imported or not, and the
// imported cities.
func dropOtherPlaceNames(places, names []*gazetteer.Entry) {
	owner := map[string]*gazetteer.Entry{}
	for _, e := range names {
		k := gazetteer.MatchKey(e.Name)
		if _, taken := owner[k]; !taken {
			owner[k] = e
		} else if owner[k] != e {
			owner[k] = nil // two places of that name: no single owner, but still another's name
		}
	}
	for _, e := range places {
		kept := e.Aliases[:0]
		for _, a := range e.Aliases {
			if o, ok := owner[gazetteer.MatchKey(a.Text)]; ok && o != e {
				continue
			}
			kept = append(kept, a)
		}
		e.Aliases = kept
	}
}

// geoCountries reads countryInfo.txt and returns the selected countries,
// their ids by ISO code, and every country of the file under its name only.
func geoCountries(in Input, selected func(string) bool, ids map[string]bool, p *fileerr.ErrorList) (entries []*gazetteer.Entry, byCode map[string]string, all []*gazetteer.Entry) {
	byCode = map[string]string{}
	seen := map[string]bool{}
	readTSV(in, p, func(line int, f []string) {
		if !columns(p, in.Name, line, f, countriesColumns) {
			return
		}
		code, name := strings.TrimSpace(f[0]), placeName(f[4])
		switch {
		case !gazetteer.ValidCountry(code):
			p.Add(in.Name, line, fmt.Errorf("%w: ISO code %q", gazetteer.ErrCountry, code))
			return
		case name == "":
			p.Add(in.Name, line, ErrNoName)
			return
		case seen[code]:
			p.Add(in.Name, line, fmt.Errorf("%w: country %s", ErrDuplicate, code))
			return
		}
		seen[code] = true
		all = append(all, &gazetteer.Entry{Name: name})
		if !selected(code) {
			return
		}
		base, _ := slug(name)
		if base == "" {
			base = strings.ToLower(code)
		}
		id := uniqueID(ids, geoNamesPlace+base, "-"+strings.ToLower(code), "-"+digits(f[16]))
		byCode[code] = id
		e := &gazetteer.Entry{ID: id, Type: gazetteer.Place, Kind: "country",
			Country: code, Name: name, File: in.Name, Line: line}
		all[len(all)-1] = e
		entries = append(entries, e)
	})
	return entries, byCode, all
}

// geoRegions reads admin1CodesASCII.txt and returns the regions of the
// countries in countryIDs, with their ids by admin1 code ("KZ.05").
func geoRegions(in Input, countryIDs map[string]string, ids map[string]bool, p *fileerr.ErrorList) ([]*gazetteer.Entry, map[string]string) {
	var entries []*gazetteer.Entry
	byCode := map[string]string{}
	readTSV(in, p, func(line int, f []string) {
		if !columns(p, in.Name, line, f, admin1Columns) {
			return
		}
		code := strings.TrimSpace(f[0])
		cc, _, ok := strings.Cut(code, ".")
		name, asciiName := placeName(f[1]), placeName(f[2])
		switch {
		case !ok || !gazetteer.ValidCountry(cc):
			p.Add(in.Name, line, fmt.Errorf("%w: admin1 code %q: want CC.code such as KZ.05", gazetteer.ErrCountry, code))
			return
		case name == "" && asciiName == "":
			p.Add(in.Name, line, ErrNoName)
			return
		case byCode[code] != "":
			p.Add(in.Name, line, fmt.Errorf("%w: admin1 code %s", ErrDuplicate, code))
			return
		case countryIDs[cc] == "":
			return
		}
		if name == "" {
			name = asciiName
		}
		base := placeSlug(name, asciiName)
		if base == "" {
			base = refSlug(code)
		}
		if !hasRegionWord(name) {
			base += "-region"
		}
		id := uniqueID(ids, geoNamesPlace+base, "-"+strings.ToLower(cc), "-"+digits(f[3]), "-"+refSlug(code))
		byCode[code] = id
		e := &gazetteer.Entry{ID: id, Type: gazetteer.Place, Kind: "region", Country: cc,
			Parent: countryIDs[cc], Name: name, File: in.Name, Line: line}
		as := newAliasSet(name, maxPlaceAliases)
		as.add(asciiName)
		e.Aliases = as.aliases
		entries = append(entries, e)
	})
	return entries, byCode
}

// geoCity is one row of a cities file, kept until ids are given out.
type geoCity struct {
	entry      *gazetteer.Entry
	base       string // slug of the name
	geonameid  string
	population int64
}

// geoCities reads the cities file and returns the cities of the selected
// countries with at least opts.MinPopulation inhabitants.
func geoCities(opts GeoNamesOptions, selected func(string) bool, countryIDs, regionIDs map[string]string, ids map[string]bool, p *fileerr.ErrorList) []*gazetteer.Entry {
	in := opts.Cities
	var rows []geoCity
	seen := map[string]int{}
	readTSV(in, p, func(line int, f []string) {
		if !columns(p, in.Name, line, f, citiesColumns) {
			return
		}
		id := strings.TrimSpace(f[0])
		name, asciiName := placeName(f[1]), placeName(f[2])
		cc, admin1 := strings.TrimSpace(f[8]), strings.TrimSpace(f[10])
		population, popErr := parsePopulation(f[14])
		bad := false
		if id == "" || digits(id) != id {
			p.Add(in.Name, line, fmt.Errorf("%w: geonameid %q", ErrNumber, id))
			bad = true
		}
		if popErr != nil {
			p.Add(in.Name, line, popErr)
			bad = true
		}
		if name == "" && asciiName == "" {
			p.Add(in.Name, line, ErrNoName)
			bad = true
		}
		if first, dup := seen[id]; dup && !bad {
			p.Add(in.Name, line, fmt.Errorf("%w: geonameid %s (first on line %d)", ErrDuplicate, id, first))
			bad = true
		}
		if bad || !selected(cc) || population < opts.MinPopulation {
			return
		}
		seen[id] = line
		written := name
		if _, latin := slug(name); !latin && asciiName != "" || name == "" {
			name = asciiName // the English name, not the Cyrillic one
		}
		e := &gazetteer.Entry{Type: gazetteer.Place, Kind: "city", Name: name, File: in.Name, Line: line}
		if gazetteer.ValidCountry(cc) {
			e.Country = cc
			e.Parent = countryIDs[cc]
		}
		if r := regionIDs[cc+"."+admin1]; r != "" && admin1 != "" {
			e.Parent = r
		}
		as := newAliasSet(name, maxPlaceAliases)
		as.add(asciiName)
		if isRealName(written) {
			as.add(written)
		}
		for _, a := range strings.Split(f[3], ",") {
			if isRealName(a) {
				as.add(a)
			}
		}
		e.Aliases = as.aliases
		base := placeSlug(name, asciiName)
		if base == "" {
			base = id
		}
		rows = append(rows, geoCity{entry: e, base: base, geonameid: id, population: population})
	})

	// The most populous city of a name gets the plain id.
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := rows[order[i]], rows[order[j]]
		if a.population != b.population {
			return a.population > b.population
		}
		return len(a.geonameid) < len(b.geonameid) || len(a.geonameid) == len(b.geonameid) && a.geonameid < b.geonameid
	})
	for _, i := range order {
		rows[i].entry.ID = uniqueID(ids, geoNamesPlace+rows[i].base, "-"+rows[i].geonameid)
	}
	entries := make([]*gazetteer.Entry, len(rows))
	for i, r := range rows {
		entries[i] = r.entry
	}
	return entries
}

// placeName cleans a name of the GeoNames files as Write would, and
// returns "" when nothing usable is left (no letter or digit).
func placeName(s string) string {
	s = cleanName(s)
	if strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return ""
	}
	return s
}

// parsePopulation reads the population column; an empty one is 0.
func parsePopulation(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%w: population %q", ErrNumber, s)
	}
	return n, nil
}

// placeSlug slugs a place name, or its ASCII form when the name is written
// in another script.
func placeSlug(name, asciiName string) string {
	s, ok := slug(name)
	if !ok || s == "" {
		if a, _ := slug(asciiName); a != "" {
			return a
		}
	}
	return s
}

// hasRegionWord reports whether a region's name already says what it is:
// "Pavlodar Region", "Sughd Province", "Almaty Oblysy".
func hasRegionWord(name string) bool {
	words := strings.Fields(strings.ToLower(name))
	if len(words) < 2 {
		return false
	}
	return regionWords[strings.TrimRightFunc(words[len(words)-1], isApostrophe)]
}

// regionWords are the last words of a region name that say it is one.
var regionWords = wordlist.Set("region-words")

// uniqueID returns id, or the first id+suffix not taken yet, and takes it.
// The suffixes are tried in order, then numbers.
func uniqueID(ids map[string]bool, id string, suffixes ...string) string {
	try := []string{id}
	for _, s := range suffixes {
		if s != "-" && s != "" {
			try = append(try, id+s)
		}
	}
	for _, t := range try {
		if !ids[t] {
			ids[t] = true
			return t
		}
	}
	for n := 2; ; n++ {
		t := fmt.Sprintf("%s-%d", try[len(try)-1], n)
		if !ids[t] {
			ids[t] = true
			return t
		}
	}
}

// digits returns the ASCII digits of s.
func digits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
