package pipeline

import (
	"fmt"
	"testing"
)

func TestWorks(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		titles []Span // byte offsets
	}{
		{"two books with publisher and year",
			"She is the author of Roads and Rivers in the Fergana Valley (Riverside Press, 2016) and Water Politics: A Primer (Osh Books, 2019).",
			[]Span{{Start: 21, End: 59}, {Start: 88, End: 112}}},
		{"quoted report",
			"The report “Water and Borders in Kyrgyzstan” was published.",
			[]Span{{Start: 14, End: 45}}},
		{"italic title after editor of, no year needed",
			"He is the editor of *Nationalism and Identity in Tajikistan*.",
			[]Span{{Start: 21, End: 59}}},
		{"titled with straight quotes",
			`a film titled "Kelin" was shown`,
			[]Span{{Start: 15, End: 20}}},
		{"a newspaper after editor of stays a name",
			"He was the editor of The Astana Times until 2015.", nil},
		{"a bracket without a year is no citation",
			"the author of Roads and Rivers (Riverside Press) said", nil},
		{"a verb in lower case ends a title: a sentence, not a title",
			"By the author of Kabul was Calm (2011) in his words.", nil},
		{"a long preposition in lower case stays inside",
			"the author of Roads between the Mountains (Osh Books, 2011) said",
			[]Span{{Start: 14, End: 41}}},
		{"lower-case after the cue",
			"The report said that Osh (2015) was calm.", nil},
		{"quote closing on another line is no title",
			"the book “Water and\nBorders” again", nil},
		{"a lower-case quote is no title",
			"the report “on water and borders” again", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := process(t, tt.text, Tokenize{}, Works{})
			if fmt.Sprint(d.Titles) != fmt.Sprint(tt.titles) {
				var got []string
				for _, s := range d.Titles {
					got = append(got, tt.text[s.Start:s.End])
				}
				t.Errorf("titles %v %q, want %v", d.Titles, got, tt.titles)
			}
		})
	}
}
