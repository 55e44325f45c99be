package batch_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/extract-ca/extract/batch"
	"github.com/extract-ca/extract/output"
	"github.com/extract-ca/extract/pipeline"
)

// Run hands the records to emit in input order whatever the number of
// workers; a document that cannot be read or processed becomes a record
// with Error set, in its place, and the others go on. "Japarov" alone
// names two people of the gazetteer, so its entity is ambiguous.
func ExampleRun() {
	p, err := pipeline.New(pipeline.Config{NER: false})
	if err != nil {
		panic(err)
	}
	stdin := strings.NewReader(`{"id":"a","text":"Tokayev met Japarov in Astana."}
{"id":"b","text":
{"id":"c","text":"The SCO met in Bishkek."}
`)
	r := batch.Reader{Format: batch.FormatJSONL, Stdin: stdin}
	inputs := r.Inputs([]batch.File{batch.FileOf("-")})
	stats, err := batch.Run(context.Background(), p, inputs, 2, func(rec *output.Record) error {
		if rec.Error != "" {
			fmt.Println(rec.ID, "error:", rec.Error)
			return nil
		}
		for _, m := range rec.Mentions {
			fmt.Println(rec.ID, m.Text, m.Label, m.Entity)
		}
		return nil
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(stats.Documents, "documents,", stats.Errors, "error")
	// Output:
	// a Tokayev PERSON person/kassym-jomart-tokayev
	// a Japarov PERSON ambiguous/person/japarov
	// a Astana PLACE place/astana
	// -:2 error: -:2: invalid JSON: unexpected end of JSON input
	// c SCO GROUP group/shanghai-cooperation-organisation
	// c Bishkek PLACE place/bishkek
	// 3 documents, 1 error
}
