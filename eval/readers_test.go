package eval

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/fileerr"
	"github.com/extract-ca/extract/internal/golden"
)

// TestReadersGolden reads each hand-written file under testdata/ and
// compares the documents, as gold JSONL with span texts, and the error
// list with the golden files next to it.
func TestReadersGolden(t *testing.T) {
	tests := []struct {
		file     string
		format   string
		labelMap map[string]string
	}{
		{"gold.jsonl", FormatJSONL, nil},
		{"bad.jsonl", FormatJSONL, nil},
		{"doccano.jsonl", FormatDoccano, nil},
		{"doccano_bad.jsonl", FormatDoccano, nil},
		{"iob1.conll", FormatCoNLL, nil},
		{"bad.conll", FormatCoNLL, nil},
		{"wnut.tsv", FormatCoNLL, WNUTLabelMap()},
		{"gmb.csv", FormatGMB, nil},
		{"bad.csv", FormatGMB, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			docs, err := ReadFile(path, tt.format, tt.labelMap)
			if err != nil {
				var list fileerr.ErrorList
				if !errors.As(err, &list) {
					t.Fatalf("error is %T, want fileerr.ErrorList: %v", err, err)
				}
			}
			golden.Check(t, tt.file+".docs", goldenDocuments(t, docs))
			golden.Check(t, tt.file+".errors", errorLines(err))
		})
	}
}

// TestGoldenFilesAreValidGold reads every *.docs golden file with
// ReadJSONL, which checks each span's "text" against its offsets: the
// goldens of the CoNLL and GMB readers are right about their offsets.
func TestGoldenFilesAreValidGold(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.docs"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no golden documents: %v", err)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			_, err = ReadJSONL(f, path)
			var list fileerr.ErrorList
			errors.As(err, &list)
			for _, e := range list {
				if !errors.Is(e, ErrDuplicateID) { // kept from the bad inputs
					t.Error(e)
				}
			}
		})
	}
}

// TestReadJSONLErrorList checks that every problem of bad.jsonl is listed,
// at its line, with its sentinel error.
func TestReadJSONLErrorList(t *testing.T) {
	_, err := ReadFile(filepath.Join("testdata", "bad.jsonl"), "", nil)
	var list fileerr.ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("got %v, want a fileerr.ErrorList", err)
	}
	want := []struct {
		line int
		err  error
	}{
		{2, ErrSyntax},        // truncated object
		{3, ErrOffset},        // ends past the text
		{3, ErrOffset},        // negative
		{3, ErrOffset},        // empty
		{4, ErrLabel},         // ORG
		{5, ErrOverlap},       // Uzbekistan inside Islamic Movement of Uzbekistan
		{6, ErrSpanText},      // Nazarbaev
		{8, ErrMissingField},  // id
		{9, ErrDuplicateID},   // a, first on line 1
		{10, ErrMissingField}, // text
		{11, ErrMissingField}, // start
		{12, ErrSyntax},       // an array
		{13, ErrSyntax},       // "start": "0"
	}
	if len(list) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(list), len(want), err)
	}
	for i, w := range want {
		if list[i].Line != w.line || !errors.Is(list[i], w.err) || list[i].File != filepath.Join("testdata", "bad.jsonl") {
			t.Errorf("problem %d: got %v, want line %d: %v", i, list[i], w.line, w.err)
		}
	}
	if !errors.Is(err, ErrOverlap) {
		t.Error("errors.Is does not see through the fileerr.ErrorList")
	}
}

// TestReadCoNLLOffsets spells out the offsets of a small IOB1 document and
// how IOB1 and IOB2 boundaries are read.
func TestReadCoNLLOffsets(t *testing.T) {
	tests := []struct {
		name  string
		input string
		text  string
		spans []Span
	}{
		{
			name:  "IOB1 span starts with I- after O",
			input: "in O\nOsh I-LOC\ncity O\n",
			text:  "in Osh city",
			spans: []Span{{Start: 3, End: 6, Label: "PLACE"}},
		},
		{
			name:  "IOB1 B- separates adjacent spans of one type",
			input: "Karimov I-PER\nPutin B-PER\n",
			text:  "Karimov Putin",
			spans: []Span{{Start: 0, End: 7, Label: "PERSON"}, {Start: 8, End: 13, Label: "PERSON"}},
		},
		{
			name:  "IOB1 I- of another type starts a span",
			input: "Tashkent I-LOC\nIMU I-ORG\n",
			text:  "Tashkent IMU",
			spans: []Span{{Start: 0, End: 8, Label: "PLACE"}, {Start: 9, End: 12, Label: "GROUP"}},
		},
		{
			name:  "IOB2 B- I- is one span",
			input: "Hizb B-ORG\nut-Tahrir I-ORG\n",
			text:  "Hizb ut-Tahrir",
			spans: []Span{{Start: 0, End: 14, Label: "GROUP"}},
		},
		{
			name:  "a blank line ends a span; sentences join with a newline",
			input: "Panj I-LOC\n\nRiver I-LOC\n",
			text:  "Panj\nRiver",
			spans: []Span{{Start: 0, End: 4, Label: "PLACE"}, {Start: 5, End: 10, Label: "PLACE"}},
		},
		{
			name:  "code points, not bytes",
			input: "Душанбе B-LOC\nи O\nХоруг B-LOC\n",
			text:  "Душанбе и Хоруг",
			spans: []Span{{Start: 0, End: 7, Label: "PLACE"}, {Start: 10, End: 15, Label: "PLACE"}},
		},
		{
			name:  "MISC is dropped and leaves no gap",
			input: "Russian I-MISC\nKremlin I-ORG\n",
			text:  "Russian Kremlin",
			spans: []Span{{Start: 8, End: 15, Label: "GROUP"}},
		},
		{
			name:  "CRLF, tabs and middle columns",
			input: "Osh\tNNP\tB-NP\tI-LOC\r\n",
			text:  "Osh",
			spans: []Span{{Start: 0, End: 3, Label: "PLACE"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := ReadCoNLL(strings.NewReader(tt.input), "t", nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 1 {
				t.Fatalf("got %d documents, want 1", len(docs))
			}
			if docs[0].ID != "t#1" || docs[0].Text != tt.text {
				t.Errorf("got document %q %q, want t#1 %q", docs[0].ID, docs[0].Text, tt.text)
			}
			if !equalSpans(docs[0].Spans, tt.spans) {
				t.Errorf("got spans %v, want %v", docs[0].Spans, tt.spans)
			}
		})
	}
}

func equalSpans(a, b []Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestDocumentGrouping checks the article-sized documents made from files
// without document boundaries: 50 sentences for CoNLL, 20 for GMB.
func TestDocumentGrouping(t *testing.T) {
	var conll, gmb strings.Builder
	gmb.WriteString("Sentence #,Word,POS,Tag\r\n")
	for i := range 101 {
		conll.WriteString("Osh B-LOC\n.\tO\n\n")
		fmt.Fprintf(&gmb, "Sentence: %d,Osh,NNP,B-geo\r\n,.,.,O\r\n", i+1)
	}
	tests := []struct {
		name      string
		read      func() ([]Document, error)
		sentences []int // per document
	}{
		{"CoNLL without -DOCSTART-", func() ([]Document, error) { return ReadCoNLL(strings.NewReader(conll.String()), "c", nil) }, []int{50, 50, 1}},
		{"GMB", func() ([]Document, error) { return ReadGMB(strings.NewReader(gmb.String()), "g", nil) }, []int{20, 20, 20, 20, 20, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := tt.read()
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, d := range docs {
				got = append(got, strings.Count(d.Text, "\n")+1)
				if len(d.Spans) != got[len(got)-1] {
					t.Errorf("%s: %d spans for %d sentences", d.ID, len(d.Spans), got[len(got)-1])
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.sentences) {
				t.Errorf("got sentences per document %v, want %v", got, tt.sentences)
			}
			if docs[1].ID != docs[0].ID[:len(docs[0].ID)-1]+"2" {
				t.Errorf("got ids %q, %q, want <file>#1, <file>#2", docs[0].ID, docs[1].ID)
			}
		})
	}
}

// TestReadGMBCutShort checks that the last sentence is kept when the file
// ends in a line end and dropped when it does not.
func TestReadGMBCutShort(t *testing.T) {
	const whole = "Sentence #,Word,POS,Tag\r\nSentence: 1,Osh,NNP,B-geo\r\nSentence: 2,Iran,NNP,B-gpe\r\n,defied,VBD,O"
	tests := []struct {
		name  string
		input string
		text  string
	}{
		{"ends in CRLF", whole + "\r\n", "Osh\nIran defied"},
		{"ends in LF", whole + "\n", "Osh\nIran defied"},
		{"cut short", whole, "Osh"},
		{"cut after a marker row", "Sentence: 1,Osh,NNP,B-geo\r\nSentence: 2,Iran,NNP,B-gpe", "Osh"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := ReadGMB(strings.NewReader(tt.input), "g", nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != 1 || docs[0].Text != tt.text {
				t.Errorf("got %+v, want one document %q", docs, tt.text)
			}
		})
	}
}

// TestReadFileSniffs checks that format "" picks the reader ReadFile would
// use when told.
func TestReadFileSniffs(t *testing.T) {
	tests := []struct{ file, format string }{
		{"gold.jsonl", FormatJSONL},
		{"doccano.jsonl", FormatDoccano},
		{"gmb.csv", FormatGMB},
		{"iob1.conll", FormatCoNLL},
		{"wnut.tsv", FormatCoNLL},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", tt.file)
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got := sniffFormat(path, data); got != tt.format {
				t.Errorf("sniffed %q, want %q", got, tt.format)
			}
		})
	}
	if _, err := ReadFile(filepath.Join("testdata", "gold.jsonl"), "xml", nil); err == nil {
		t.Error("unknown format: no error")
	}
}

// TestSeedGoldIsValid reads the project's own gold file, which annotators
// edit by hand: every problem in it fails this test with its line.
func TestSeedGoldIsValid(t *testing.T) {
	// The file is part of the repository: its absence is a failure.
	docs, err := ReadFile(filepath.Join("..", "seeds", "gold.jsonl"), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	seeds, err := filepath.Glob(filepath.Join("..", "seeds", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != len(seeds) {
		t.Errorf("%d gold documents for %d seed articles", len(docs), len(seeds))
	}
}
