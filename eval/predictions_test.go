package eval

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/extract-ca/extract/internal/fileerr"
	"github.com/extract-ca/extract/output"
)

func TestFromRecords(t *testing.T) {
	recs := []*output.Record{
		{ID: "a", Mentions: []output.Mention{
			{Start: 3, End: 10, ByteStart: 3, ByteEnd: 17, Label: "PLACE", Entity: "e1"},
			{Start: 12, End: 15, ByteStart: 19, ByteEnd: 22, Label: "GROUP", Entity: "e2"},
		}},
		{ID: "b", Error: "timeout", Mentions: []output.Mention{{Start: 0, End: 1, Label: "PLACE"}}},
		nil,
	}
	want := []Document{
		{ID: "a", Spans: []Span{{3, 10, "PLACE", "e1"}, {12, 15, "GROUP", "e2"}}},
		{ID: "b", Error: "timeout"},
	}
	if got := FromRecords(recs); !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

func TestReadPredictions(t *testing.T) {
	path := filepath.Join("testdata", "pred_bad.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := ReadPredictions(f, path)
	var list fileerr.ErrorList
	if !errors.As(err, &list) || len(list) != 2 || list[0].Line != 2 || list[1].Line != 3 || list[0].File != path {
		t.Errorf("got %v, want problems on lines 2 (not JSON) and 3 (no id)", err)
	}
	if len(docs) != 2 || docs[0].ID != "tj-1" || docs[1].ID != "x" || len(docs[1].Spans) != 1 {
		t.Errorf("got %+v, want the two good records", docs)
	}
}

func TestParseLabelMap(t *testing.T) {
	tests := []struct {
		in      string
		want    map[string]string
		wantErr bool
	}{
		{"PER=PERSON,LOC=PLACE,ORG=GROUP", DefaultLabelMap(), false},
		{" per = PERSON , geo=PLACE,gpe=PLACE,org=GROUP ", GMBLabelMap(), false},
		{"person=PERSON,location=PLACE,group=GROUP,corporation=GROUP", WNUTLabelMap(), false},
		{"", nil, false},
		{"PER=PERSON,PER=PERSON", map[string]string{"PER": "PERSON"}, false},
		{"PER=PERSON,PER=PLACE", nil, true},
		{"PER", nil, true},
		{"=PERSON", nil, true},
		{"MISC=OTHER", nil, true},
		{"PER=PERSON,", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseLabelMap(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("got error %v, want error %v", err, tt.wantErr)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
