package pipeline

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/extract-ca/extract/internal/golden"
	"github.com/extract-ca/extract/output"
)

// withModel is the full default pipeline, built once for the tests that
// need it.
var withModel = sync.OnceValues(func() (*Pipeline, error) { return New(Config{NER: true}) })

// linked describes a document's mentions as "start-end text LABEL entity",
// byte offsets, with the candidates of an ambiguous entity after it. The
// ids of names the gazetteer lacks are cut to "auto/<label>/": how they
// are spelled is not this test's business.
func linked(t *testing.T, text string) []string {
	t.Helper()
	p, err := withModel()
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Process("test", "test", text)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range d.Mentions {
		id := m.Entity
		if strings.HasPrefix(id, "auto/") {
			id = "auto/" + strings.ToLower(m.Label) + "/"
		}
		s := fmt.Sprintf("%d-%d %s %s %s", m.Start, m.End, text[m.Start:m.End], m.Label, id)
		if len(m.Candidates) > 0 {
			s += " [" + strings.Join(m.Candidates, " ") + "]"
		}
		out = append(out, s)
	}
	return out
}

// TestLinkInContext has a case for each rule of the choice among a name's
// entries (candidates.go) and of the guideline's shapes of names
// (names.go), on invented sentences.
func TestLinkInContext(t *testing.T) {
	tests := []struct {
		rule, text string
		want       []string
	}{
		{"kind after the name, through the region's own name", "Floods hit the Osh region on Monday.",
			[]string{"15-18 Osh PLACE place/osh-region"}},
		{"country's adjective before the name", "The Kyrgyz Ministry of Emergency Situations sent rescuers.",
			[]string{"11-43 Ministry of Emergency Situations GROUP group/ministry-of-emergency-situations-of-kyrgyzstan"}},
		{"spelling: two services whose names fold alike", "Police in Bishkek detained two men, Radio Azattyq reported.",
			[]string{"10-17 Bishkek PLACE place/bishkek", "36-49 Radio Azattyq GROUP group/radio-azattyq"}},
		{"spelling of an alias the gazetteer marks ambiguous", "Reports by Azattyk and Azattyq differed.",
			[]string{"11-18 Azattyk GROUP group/radio-azattyk", "23-30 Azattyq GROUP group/radio-azattyq"}},
		{"spelling: two cities whose names fold alike", "He flew to Samarra on Monday.",
			[]string{"11-18 Samarra PLACE place/samarra"}},
		{"entry named with certainty", "The Supreme Court of Tajikistan met. Later the Supreme Court ruled.",
			[]string{"4-31 Supreme Court of Tajikistan GROUP group/supreme-court-of-tajikistan",
				"47-60 Supreme Court GROUP group/supreme-court-of-tajikistan"}},
		{"parent named", "The BBC sent a reporter. Its Uzbek Service carried the interview.",
			[]string{"4-7 BBC GROUP group/bbc", "29-42 Uzbek Service GROUP group/bbc-uzbek"}},
		{"country of the sentence", "In Dushanbe, the Supreme Court banned the party.",
			[]string{"3-11 Dushanbe PLACE place/dushanbe", "17-30 Supreme Court GROUP group/supreme-court-of-tajikistan"}},
		{"country of the document", "Tashkent was calm. Shops opened. Buses ran. Later the Supreme Court ruled.",
			[]string{"0-8 Tashkent PLACE place/tashkent", "54-67 Supreme Court GROUP group/supreme-court-of-uzbekistan"}},
		{"earlier link", "In Talas, the Supreme Court ruled. Astana and Almaty were calm. Shops opened. Buses ran. The Supreme Court ruled again.",
			[]string{"3-8 Talas PLACE place/talas", "14-27 Supreme Court GROUP group/supreme-court-of-kyrgyzstan",
				"35-41 Astana PLACE place/astana", "46-52 Almaty PLACE place/almaty",
				"93-106 Supreme Court GROUP group/supreme-court-of-kyrgyzstan"}},
		{"undecided: an ambiguous entity, kept because its type is certain", "Officials said the Supreme Court would rule.",
			[]string{"19-32 Supreme Court GROUP ambiguous/group/supreme-court [group/supreme-court-of-kazakhstan group/supreme-court-of-kyrgyzstan group/supreme-court-of-tajikistan group/supreme-court-of-uzbekistan group/supreme-court-of-turkmenistan group/supreme-court-of-afghanistan]"}},
		{"facility head", "Flights to Kyzyl-Tash Airport resumed.",
			[]string{"11-29 Kyzyl-Tash Airport PLACE auto/place/"}},
		{"country's adjective out of a body's name", "The Uzbek Prosecutor General's Office opened a case.",
			[]string{"10-37 Prosecutor General's Office GROUP group/prosecutor-generals-office-of-uzbekistan"}},
		{"adjective that is part of a name", "The Afghan National Security Forces withdrew.",
			[]string{"4-35 Afghan National Security Forces GROUP group/afghan-national-security-forces"}},
		{"possessive between two names", "RFE/RL's Turkmen Service reported the arrests.",
			[]string{"0-6 RFE/RL GROUP group/radio-free-europe-radio-liberty", "9-24 Turkmen Service GROUP group/radio-azatlyk"}},
		{"place ending a person's name", "Aziz Naryn, a shepherd, spoke to reporters.",
			[]string{"0-10 Aziz Naryn PERSON auto/person/"}},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			got := linked(t, tt.text)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("%q:\ngot\n\t%s\nwant\n\t%s", tt.text, strings.Join(got, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
		})
	}
}

// TestAmbiguousEntityRecord checks that an ambiguous entity's candidates
// reach its output record, and that the line is valid by the schema.
func TestAmbiguousEntityRecord(t *testing.T) {
	p, err := withModel()
	if err != nil {
		t.Fatal(err)
	}
	d, err := p.Process("a", "a.txt", "Officials said the Ministry of Defence would comment.")
	if err != nil {
		t.Fatal(err)
	}
	rec := d.Record()
	if len(rec.Entities) != 1 {
		t.Fatalf("entities %+v, want one", rec.Entities)
	}
	e := rec.Entities[0]
	if e.ID != "ambiguous/group/ministry-of-defence" || e.Name != "Ministry of Defence" || e.Kind != "ministry" ||
		len(e.Candidates) < 2 || !slices.Contains(e.Candidates, "group/ministry-of-defence-of-kyrgyzstan") {
		t.Errorf("entity %+v", e)
	}
	v, err := output.NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Validate(rec.AppendJSON(nil)); err != nil {
		t.Error(err)
	}
}

// TestLinkingGolden runs the invented cases of testdata/linking-cases.txt
// through the full pipeline and compares the mentions with
// testdata/linking.golden (go test -run LinkingGolden -args -update).
func TestLinkingGolden(t *testing.T) {
	f, err := os.Open("testdata/linking-cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out strings.Builder
	cases := 0
	sc := bufio.NewScanner(f)
	comment := ""
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# "):
			comment = line
		case line == "":
			comment = ""
		default:
			if comment == "" {
				t.Fatalf("linking-cases.txt: %q has no comment line before it", line)
			}
			cases++
			fmt.Fprintf(&out, "%s\n%s\n", comment, line)
			for _, m := range linked(t, line) {
				fmt.Fprintf(&out, "\t%s\n", m)
			}
			out.WriteString("\n")
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if cases < 15 {
		t.Errorf("%d cases, want at least 15", cases)
	}
	golden.Check(t, "linking.golden", []byte(out.String()))
}

// The words around a name, which link reads ("Uzbek Ministry of Defence",
// "Osh region"), are whole words after any quote mark and across a
// no-break space, and never cross a line.
func TestWordAround(t *testing.T) {
	for _, tc := range []struct {
		text          string
		i             int // byte offset: the end of the word before, the start of the one after
		before, after string
	}{
		{"the Uzbek Ministry", 10, "Uzbek", "ministry"},
		{"“Uzbek Ministry”", 9, "Uzbek", "ministry"}, // “ is 3 bytes
		{"«Uzbek Ministry»", 8, "Uzbek", "ministry"}, // « is 2 bytes
		{"Osh\u00a0region", 3, "Osh", "region"},
		{"Uzbek\nMinistry", 6, "", "ministry"},
		{"Uzbek\n", 6, "", ""},
		{"Ministry", 0, "", "ministry"},
		{"Қазақ Ministry", 11, "Қазақ", "ministry"},
	} {
		if got := wordBefore(tc.text, tc.i); got != tc.before {
			t.Errorf("wordBefore(%q, %d) = %q, want %q", tc.text, tc.i, got, tc.before)
		}
		if got := wordAfter(tc.text, tc.i); got != tc.after {
			t.Errorf("wordAfter(%q, %d) = %q, want %q", tc.text, tc.i, got, tc.after)
		}
	}
}
