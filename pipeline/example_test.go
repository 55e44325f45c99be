package pipeline_test

import (
	"fmt"

	"github.com/extract-ca/extract/pipeline"
)

// The pipeline turns a text into mentions with code point offsets and
// stable entity ids.
func Example() {
	p, err := pipeline.New(pipeline.Config{NER: false})
	if err != nil {
		panic(err)
	}
	doc, err := p.Process("a1", "a1.txt", "Рахмон met the CSTO in Dushanbe.")
	if err != nil {
		panic(err)
	}
	for _, m := range doc.Record().Mentions {
		fmt.Println(m.Start, m.End, m.Text, m.Label, m.Entity)
	}
	// Output:
	// 0 6 Рахмон PERSON person/emomali-rahmon
	// 15 19 CSTO GROUP group/collective-security-treaty-organization
	// 23 31 Dushanbe PLACE place/dushanbe
}

// Record gives the output record directly; a batch calls it for every
// document, and the pipeline reuses its buffers from one to the next.
func ExamplePipeline_Record() {
	p, err := pipeline.New(pipeline.Config{NER: false})
	if err != nil {
		panic(err)
	}
	for i, text := range []string{"Mirziyoyev visited Astana.", "The SCO met in Bishkek."} {
		rec, err := p.Record(fmt.Sprint("d", i), "", text)
		if err != nil {
			panic(err)
		}
		for _, m := range rec.Mentions {
			fmt.Println(rec.ID, m.Start, m.End, m.Text, m.Label)
		}
	}
	// Output:
	// d0 0 10 Mirziyoyev PERSON
	// d0 19 25 Astana PLACE
	// d1 4 7 SCO GROUP
	// d1 15 22 Bishkek PLACE
}
