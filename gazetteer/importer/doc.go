// Package importer turns outside reference lists into gazetteer files: the
// GeoNames dumps (countries, first-level regions and cities), the UN Security
// Council consolidated sanctions list (XML) and the US Treasury OFAC SDN list
// (CSV).
//
// Each importer reads its input as a stream and returns gazetteer entries
// with stable, readable ids in a namespace of their own (see NamespaceGeoNames):
// geonames/place/<slug> for GeoNames (slug of the name,
// made unique with the country code or the geonameid), and
// un/<type>/<slug>-<reference> and ofac/<type>/<slug>-<number> for the sanctions lists, where the reference is
// the list's own number (UN "QDe.010" → un/group/islamic-movement-of-uzbekistan-qde.010,
// OFAC entry 6725 → ofac/group/islamic-movement-of-uzbekistan-6725), so that
// re-running an import on a newer list keeps the ids of the entries it had.
//
// Every problem of an input (a row with the wrong number of columns, a bad
// number, a record without a name) is reported with its file and line in a
// fileerr.ErrorList, and the good rows are still returned:
//
//	entries, err := importer.ReadOFAC(f, "sdn.csv", "SDGT", "FTO")
//	if err != nil {
//		log.Print(err) // every bad row, one per line
//	}
//	err = importer.Write(os.Stdout, entries, importer.Header("OFAC SDN list sdn.csv", time.Now()))
//
// GeoNames needs three files:
//
//	entries, err := importer.ReadGeoNames(importer.GeoNamesOptions{
//		Cities:        importer.Input{R: cities, Name: "cities15000.txt"},
//		Admin1:        importer.Input{R: admin1, Name: "admin1CodesASCII.txt"},
//		Countries:     importer.Input{R: info, Name: "countryInfo.txt"},
//		Country:       []string{"KZ", "KG", "TJ", "TM", "UZ", "AF"},
//		MinPopulation: 20000,
//	})
//
// Write formats entries as a gazetteer file that gazetteer.Parse reads back
// without errors: it replaces the characters the format reserves ("|" and
// ";") and drops aliases that repeat the name.
//
// The command line is `extract gazetteer import geonames|un-sanctions|ofac`.
package importer
