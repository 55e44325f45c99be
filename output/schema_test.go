package output

import (
	"strings"
	"testing"
)

func TestSchemaAcceptsAndRejects(t *testing.T) {
	v, err := NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	good := `{"id":"a","source":"a.txt","sha256":"` + strings.Repeat("0", 64) + `","length":5,"sentences":[[0,5]],` +
		`"mentions":[{"id":"m0","start":0,"end":3,"byte_start":0,"byte_end":3,"text":"Osh","label":"PLACE","entity":"place/osh","source":"gazetteer","sentence":0}],` +
		`"entities":[{"id":"place/osh","label":"PLACE","name":"Osh","kind":"city","mentions":["m0"]}],"edges":[]}`
	tests := []struct {
		name, line string
		ok         bool
	}{
		{"full record", good, true},
		{"error record", `{"id":"a","source":"a.txt","error":"a.txt: line 3: invalid UTF-8"}`, true},
		{"error record with extra field", `{"id":"a","source":"a.txt","error":"x","length":1}`, false},
		{"bad label", strings.Replace(good, `"label":"PLACE","entity"`, `"label":"LOC","entity"`, 1), false},
		{"bad source", strings.Replace(good, `"source":"gazetteer"`, `"source":"magic"`, 1), false},
		{"missing mentions", strings.Replace(good, `"mentions":[{"id":"m0"`, `"mentionz":[{"id":"m0"`, 1), false},
		{"negative offset", strings.Replace(good, `"start":0`, `"start":-1`, 1), false},
		{"fractional offset", strings.Replace(good, `"end":3`, `"end":3.5`, 1), false},
		{"sentence triple", strings.Replace(good, `[[0,5]]`, `[[0,5,7]]`, 1), false},
		{"bad hash", strings.Replace(good, strings.Repeat("0", 64), "xyz", 1), false},
		{"ambiguous entity with candidates", strings.Replace(good, `"mentions":["m0"]}`, `"mentions":["m0"],"candidates":["place/osh","place/osh-region"]}`, 1), true},
		{"auto entity with its key", strings.Replace(good, `"mentions":["m0"]}`, `"mentions":["m0"],"key":"jamshid holmurodov"}`, 1), true},
		{"empty key", strings.Replace(good, `"mentions":["m0"]}`, `"mentions":["m0"],"key":""}`, 1), false},
		{"one candidate", strings.Replace(good, `"mentions":["m0"]}`, `"mentions":["m0"],"candidates":["place/osh"]}`, 1), false},
		{"zero weight", strings.Replace(good, `"edges":[]`, `"edges":[{"source":"a","target":"b","relation":"sentence","weight":0}]`, 1), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := v.Validate([]byte(tt.line))
			if (err == nil) != tt.ok {
				t.Errorf("Validate = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}
