package importer_test

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/extract-ca/extract/gazetteer/importer"
)

func ExampleReadOFAC() {
	sdn := "6725,\"ISLAMIC MOVEMENT OF UZBEKISTAN\",-0- ,\"FTO] [SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'IMU'.\"\r\n" +
		"18634,\"KHALIMOV, Gulmurod\",\"individual\",\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"citizen Tajikistan.\"\r\n" +
		"36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1a"
	entries, err := importer.ReadOFAC(strings.NewReader(sdn), "sdn.csv", "SDGT", "FTO")
	if err != nil {
		fmt.Println(err)
	}
	for _, e := range entries {
		fmt.Println(e)
	}
	// Output:
	// ofac/group/islamic-movement-of-uzbekistan-6725 | GROUP | militant group |  |  | Islamic Movement of Uzbekistan | IMU
	// ofac/person/gulmurod-khalimov-18634 | PERSON | sanctioned individual | TJ |  | Gulmurod Khalimov |
}

func ExampleWrite() {
	xml := `<CONSOLIDATED_LIST><ENTITIES><ENTITY>
<FIRST_NAME>EASTERN TURKISTAN ISLAMIC MOVEMENT (ETIM)</FIRST_NAME>
<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDe.088</REFERENCE_NUMBER>
<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>Islamic Party of Turkestan</ALIAS_NAME></ENTITY_ALIAS>
</ENTITY></ENTITIES></CONSOLIDATED_LIST>`
	entries, err := importer.ReadUNSanctions(strings.NewReader(xml), "consolidated.xml")
	if err != nil {
		fmt.Println(err)
	}
	date := time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)
	if err := importer.Write(os.Stdout, entries, importer.Header("the UN consolidated list", date)); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # Imported from the UN consolidated list on 2025-01-02 by `extract gazetteer import`.
	// # Do not edit by hand: re-run the import, or layer a file of your own over it.
	// # id | type | kind | country | parent | name | aliases
	// un/group/eastern-turkistan-islamic-movement-qde.088 | GROUP | militant group |  |  | Eastern Turkistan Islamic Movement | ETIM; Islamic Party of Turkestan
}
