package text_test

import (
	"fmt"

	"github.com/extract-ca/extract/text"
)

// Segment cuts a text into the tokens and sentences every stage reads,
// with byte offsets.
func ExampleSegment() {
	seg := text.Segment("Mr. Rahmon met Hizb-ut-Tahrir's envoy. Then he left.", nil)
	for _, s := range seg.Sentences {
		fmt.Printf("%d:%d %q\n", s.Start, s.End, seg.Text[s.Start:s.End])
	}
	for _, t := range seg.Tokens[:6] {
		fmt.Printf("%q ", t.Text)
	}
	fmt.Println()
	// Output:
	// 0:38 "Mr. Rahmon met Hizb-ut-Tahrir's envoy."
	// 39:52 "Then he left."
	// "Mr." "Rahmon" "met" "Hizb-ut-Tahrir" "'s" "envoy"
}
