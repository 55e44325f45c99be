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
