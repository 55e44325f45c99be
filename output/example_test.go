package output_test

import (
	"fmt"
	"io"
	"strings"

	"github.com/extract-ca/extract/output"
)

// A Reader streams the records of `extract run` output.
func ExampleReader() {
	in := `{"id":"a","source":"a.txt","length":3,"sentences":[[0,3]],"mentions":[{"id":"m0","start":0,"end":3,"byte_start":0,"byte_end":3,"text":"Osh","label":"PLACE","entity":"place/osh","source":"gazetteer","sentence":0}],"entities":[],"edges":[]}
{"id":"b","source":"b.txt","error":"b.txt: line 2: invalid UTF-8"}
`
	r := output.NewReader(strings.NewReader(in))
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			panic(err)
		}
		if rec.Error != "" {
			fmt.Println(rec.ID, "failed:", rec.Error)
			continue
		}
		for _, m := range rec.Mentions {
			fmt.Println(rec.ID, m.Text, m.Entity)
		}
	}
	// Output:
	// a Osh place/osh
	// b failed: b.txt: line 2: invalid UTF-8
}
