package eval_test

import (
	"fmt"
	"os"

	"github.com/extract-ca/extract/eval"
)

func ExampleScore() {
	text := "Karimov met the IMU in Tashkent."
	gold := []eval.Document{{ID: "1", Text: text, Spans: []eval.Span{
		{Start: 0, End: 7, Label: "PERSON", Cluster: "karimov"},
		{Start: 16, End: 19, Label: "GROUP", Cluster: "imu"},
		{Start: 23, End: 31, Label: "PLACE", Cluster: "tashkent"},
	}}}
	pred := []eval.Document{{ID: "1", Spans: []eval.Span{
		{Start: 0, End: 7, Label: "PERSON", Cluster: "e1"},   // correct
		{Start: 12, End: 19, Label: "GROUP", Cluster: "e2"},  // "the IMU": boundary off
		{Start: 23, End: 31, Label: "PERSON", Cluster: "e3"}, // wrong label
	}}}
	rep := eval.Score(gold, pred)
	for _, s := range rep.Schemes {
		fmt.Printf("%-7s P %.2f R %.2f F1 %.2f\n", s.Scheme, s.Micro.Precision, s.Micro.Recall, s.Micro.F1)
	}
	rep.WriteErrors(os.Stdout)
	// Output:
	// strict  P 0.33 R 0.33 F1 0.33
	// exact   P 0.67 R 0.67 F1 0.67
	// partial P 0.83 R 0.83 F1 0.83
	// type    P 0.67 R 0.67 F1 0.67
	// wrong span: 1
	// 1  gold [16,19) GROUP "IMU"  pred [12,19) GROUP "the IMU"  Karimov met [the IMU] in Tashkent.
	//
	// wrong label: 1
	// 1  gold [23,31) PLACE "Tashkent"  pred [23,31) PERSON "Tashkent"  Karimov met the IMU in [Tashkent].
	//
	// missed: 0
	//
	// spurious: 0
}

// ReadGold reads several gold files as one set and reports the problems
// of all of them together, each with its file and line.
func ExampleReadGold() {
	_, err := eval.ReadGold([]string{"testdata/gold.jsonl", "testdata/bad.conll"}, "", nil)
	fmt.Println(err)
	// Output:
	// testdata/bad.conll:2: bad row: a token with no tag column
	// testdata/bad.conll:3: bad tag: want O, B-TYPE or I-TYPE, got "X-LOC"
	// testdata/bad.conll:4: bad tag: want O, B-TYPE or I-TYPE, got "I-"
}
