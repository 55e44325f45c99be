package pipeline

import (
	"slices"
	"strings"
	"testing"

	"github.com/extract-ca/extract/output"
)

func TestBracketedAcronym(t *testing.T) {
	tests := []struct {
		text  string
		after int // byte offset the long form ends at
		want  Span
		ok    bool
	}{
		{"Steppe Policy Institute (SPI) said", 23, Span{Start: 25, End: 28}, true},
		{"Steppe Policy Institute(SPI)", 23, Span{Start: 24, End: 27}, true},
		{"Steppe Policy Institute ( SPI ) said", 23, Span{Start: 26, End: 29}, true}, // text joined from tokens
		{"Steppe Policy Institute ( SPI) said", 23, Span{}, false},
		{"Steppe Policy Institute (  SPI ) said", 23, Span{}, false},
		{"Steppe Policy Institute ( ) said", 23, Span{}, false},
		{"Steppe Policy Institute  (SPI)", 23, Span{}, false}, // two spaces: not the long form's bracket
		{"Steppe Policy Institute (the SPI)", 23, Span{}, false},
		{"Steppe Policy Institute (S)", 23, Span{}, false},
		{"Steppe Policy Institute (ABCDEFGHIJKLM)", 23, Span{}, false},
		{"Steppe Policy Institute ( ABCDEFGHIJ )", 23, Span{Start: 26, End: 36}, true},
		{"Steppe Policy Institute (ABCDEFGHIJK)", 23, Span{}, false},    // eleven letters
		{"Steppe Policy Institute ( ABCDEFGHIJKL )", 23, Span{}, false}, // twelve
		{"Rosatom (РОСАТОМ) said", 7, Span{Start: 9, End: 23}, true},    // seven letters, fourteen bytes
		{"Rosatom (РОСАТОМКОР)", 7, Span{Start: 9, End: 29}, true},      // ten letters, twenty bytes
		{"Rosatom (РОСАТОМКОРП)", 7, Span{}, false},                     // eleven
		{"Kazakh Oil and Gas (KazMunayGas) said", 18, Span{}, false},    // a name, not an acronym
		{"Non-Governmental Organisations (NGOs)", 30, Span{Start: 32, End: 36}, true},
		{"Ministry of Defence (MoD)", 19, Span{Start: 21, End: 24}, true},
		{"Ministry of Defence (Mod)", 19, Span{}, false},
		{"Ministry of Defence (MoDs)", 19, Span{Start: 21, End: 25}, true},
		{"Ministry of Defence (MOs2)", 19, Span{}, false}, // s only at the end
		{"Steppe Policy Institute (S1)", 23, Span{}, false},
		{"Steppe Policy Institute (G20)", 23, Span{}, false}, // one capital
		{"Steppe Policy Institute (GU20)", 23, Span{Start: 25, End: 29}, true},
		{"Steppe Policy Institute (", 23, Span{}, false},
		{"Steppe Policy Institute ( ", 23, Span{}, false},
	}
	for _, tt := range tests {
		got, ok := bracketedAcronym(tt.text, tt.after)
		if got != tt.want || ok != tt.ok {
			t.Errorf("bracketedAcronym(%q, %d) = %v, %v; want %v, %v", tt.text, tt.after, got, ok, tt.want, tt.ok)
		}
	}
}

func TestPlausibleAcronym(t *testing.T) {
	tests := []struct {
		long, acr, label string
		want             bool
	}{
		{"National Security Committee", "GKNB", output.LabelGroup, true}, // another language's initials
		{"Democratic Republic of Congo", "DRC", output.LabelPlace, true},
		{"Republic of Korea", "DPRK", output.LabelPlace, false},
		{"Regional Security Dialogue", "RSD", output.LabelPerson, false}, // a person defines no acronym
		{"Jane Doe", "PSV", output.LabelPerson, false},
	}
	for _, tt := range tests {
		if got := plausibleAcronym(tt.long, tt.acr, tt.label); got != tt.want {
			t.Errorf("plausibleAcronym(%q, %q, %s) = %v, want %v", tt.long, tt.acr, tt.label, got, tt.want)
		}
	}
}

// TestAcronymsOfPersons: the acronym after a name the model took for a
// person is not made a mention with the person's label.
func TestAcronymsOfPersons(t *testing.T) {
	text := "The Regional Security Dialogue (RSD) met. The RSD ended."
	d := &Doc{Text: text}
	Tokenize{}.Process(d)
	Sentences{}.Process(d)
	d.Mentions = []Mention{{Span: Span{Start: 4, End: 30}, Label: output.LabelPerson, Source: output.SourceNER, Ref: -1}}
	if err := (Acronyms{}).Process(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Mentions) != 1 {
		t.Errorf("mentions %+v, want the long form alone", d.Mentions)
	}
	d.Mentions = []Mention{{Span: Span{Start: 4, End: 30}, Label: output.LabelGroup, Source: output.SourceNER, Ref: -1}}
	Acronyms{}.Process(d)
	var spans []Span
	for _, m := range d.Mentions {
		spans = append(spans, m.Span)
	}
	if len(spans) != 3 || spans[1] != (Span{Start: 32, End: 35}) || spans[2] != (Span{Start: 46, End: 49}) || d.Mentions[2].Ref != 0 {
		t.Errorf("a group's acronym: mentions %+v", d.Mentions)
	}
}

func TestAbbreviated(t *testing.T) {
	tests := []struct {
		text string // the long form ends where " (" starts
		acr  string
		want Span
		ok   bool
	}{
		{"components for improvised explosive devices (IEDs)", "IEDs", Span{Start: 15, End: 43}, true},
		{"supporting the Operation Enduring Freedom (OEF)", "OEF", Span{Start: 15, End: 41}, true},
		{"the Ministry of Defence (MoD)", "MoD", Span{Start: 4, End: 23}, true},                 // "of" between the words
		{"the Counter-Terrorism Committee (CTC)", "CTC", Span{Start: 4, End: 31}, true},         // a hyphen parts words
		{"the National Security Committee (GKNB)", "GKNB", Span{}, false},                       // another language's initials
		{"fighters of the (FO)", "FO", Span{}, false},                                           // the last word gives the last capital
		{"explosive devices (IEDs)", "IEDs", Span{}, false},                                     // the text starts before the first letter is met
		{"improvised\nexplosive devices (IEDs)", "IEDs", Span{}, false},                         // not across a line
		{"improvised  explosive devices (IEDs)", "IEDs", Span{}, false},                         // two spaces: no word between them
		{"“improvised explosive devices” (IEDs)", "IEDs", Span{}, false},                        // a quote before the first word
		{"the Organization of Islamic Cooperation (OIC)", "OIC", Span{Start: 4, End: 39}, true}, // "of" is no letter
		{strings.Repeat("x", 100) + " (XY)", "XY", Span{}, false},                               // no word that long
	}
	for _, tt := range tests {
		end := strings.Index(tt.text, " (")
		got, ok := abbreviated(tt.text, end, tt.acr)
		if got != tt.want || ok != tt.ok {
			t.Errorf("abbreviated(%q, %d, %q) = %v, %v; want %v, %v", tt.text, end, tt.acr, got, ok, tt.want, tt.ok)
		}
	}
}

// TestNoNameAcronyms: the model's mentions of an acronym the article
// defines for a description or an event go, wherever they stand; those
// of a body's acronym, and the gazetteer's, stay.
func TestNoNameAcronyms(t *testing.T) {
	tests := []struct {
		text     string
		mentions []Mention // before the stage, in order
		want     []Span    // after
	}{
		{
			text: "They found improvised explosive devices (IEDs). The IEDs were old.",
			mentions: []Mention{
				{Span: Span{Start: 41, End: 45}, Label: output.LabelGroup, Source: output.SourceNER},
				{Span: Span{Start: 52, End: 56}, Label: output.LabelGroup, Source: output.SourceNER},
			},
			want: nil,
		},
		{
			text: "Supporting Operation Enduring Freedom (OEF), Kazakhstan said OEF ended.",
			mentions: []Mention{
				{Span: Span{Start: 39, End: 42}, Label: output.LabelGroup, Source: output.SourceNER},
				{Span: Span{Start: 45, End: 55}, Label: output.LabelPlace, Source: output.SourceGazetteer},
				{Span: Span{Start: 61, End: 64}, Label: output.LabelGroup, Source: output.SourceNER},
			},
			want: []Span{{Start: 45, End: 55}},
		},
		{
			// A body written in lower case is still named by its acronym.
			text: "The ministry of internal affairs (MIA) said so.",
			mentions: []Mention{
				{Span: Span{Start: 34, End: 37}, Label: output.LabelGroup, Source: output.SourceNER},
			},
			want: []Span{{Start: 34, End: 37}},
		},
		{
			// At a sentence start a description is capitalised.
			text: "Improvised explosive devices (IEDs) were found.",
			mentions: []Mention{
				{Span: Span{Start: 30, End: 34}, Label: output.LabelGroup, Source: output.SourceNER},
			},
			want: nil,
		},
		{
			// Only a plural description: bodies are singular.
			text: "The presidential administration (PA) met.",
			mentions: []Mention{
				{Span: Span{Start: 33, End: 35}, Label: output.LabelGroup, Source: output.SourceNER},
			},
			want: []Span{{Start: 33, End: 35}},
		},
		{
			// The plural of a body's head noun is bodies.
			text: "Several non-governmental organizations (NGOs) met.",
			mentions: []Mention{
				{Span: Span{Start: 40, End: 44}, Label: output.LabelGroup, Source: output.SourceNER},
			},
			want: []Span{{Start: 40, End: 44}},
		},
		{
			// A name defines its acronym as a name.
			text: "The Collective Security Treaty Organization (CSTO) met.",
			mentions: []Mention{
				{Span: Span{Start: 45, End: 49}, Label: output.LabelGroup, Source: output.SourceNER},
			},
			want: []Span{{Start: 45, End: 49}},
		},
		{
			// A long form that is a mention is no event, whatever its words.
			text: "The Peace Process Initiative (PPI) met.",
			mentions: []Mention{
				{Span: Span{Start: 4, End: 28}, Label: output.LabelGroup, Source: output.SourceGazetteer},
				{Span: Span{Start: 30, End: 33}, Label: output.LabelGroup, Source: output.SourceNER},
			},
			want: []Span{{Start: 4, End: 28}, {Start: 30, End: 33}},
		},
		{
			// The gazetteer's acronym stays, and so does the model's elsewhere.
			text: "The foreign terrorist fighters (FTF) met the FTF.",
			mentions: []Mention{
				{Span: Span{Start: 32, End: 35}, Label: output.LabelGroup, Source: output.SourceGazetteer},
				{Span: Span{Start: 45, End: 48}, Label: output.LabelGroup, Source: output.SourceNER},
			},
			want: []Span{{Start: 32, End: 35}, {Start: 45, End: 48}},
		},
	}
	for _, tt := range tests {
		d := &Doc{Text: tt.text}
		Tokenize{}.Process(d)
		Sentences{}.Process(d)
		for i := range tt.mentions {
			tt.mentions[i].Ref = -1
		}
		d.Mentions = tt.mentions
		if err := (Acronyms{}).Process(d); err != nil {
			t.Fatal(err)
		}
		var got []Span
		for _, m := range d.Mentions {
			got = append(got, m.Span)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q: mentions %v, want %v", tt.text, got, tt.want)
		}
	}
}
