package pipeline

import (
	"fmt"
	"strings"
	"testing"

	"github.com/extract-ca/extract/gazetteer"
)

// testGazetteer is a small hand-written gazetteer for stage tests.
func testGazetteer(t *testing.T) []*gazetteer.Entry {
	t.Helper()
	const src = `
place/kyrgyzstan | PLACE | country | KG | | Kyrgyzstan | Kyrgyz Republic
place/batken-region | PLACE | region | KG | place/kyrgyzstan | Batken Region | Batken; Batken Oblast
place/batken | PLACE | city | KG | place/batken-region | Batken |
place/central-asia | PLACE | world region | | | Central Asia |
group/taliban | GROUP | militant group | AF | | Taliban |
person/nursultan-nazarbayev | PERSON | head of state | KZ | | Nursultan Nazarbayev | Nazarbayev
place/mary | PLACE | city | TM | | ?Mary |
person/mary-smith | PERSON | scholar | | | Mary Smith | ?Mary
`
	entries, err := gazetteer.Parse(strings.NewReader(src), "test.gaz")
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// process runs stages over text, in order.
func process(t *testing.T, text string, stages ...Stage) *Doc {
	t.Helper()
	return processDoc(t, &Doc{Text: text}, stages...)
}

// processDoc runs stages over d, in order, and returns it.
func processDoc(t *testing.T, d *Doc, stages ...Stage) *Doc {
	t.Helper()
	for _, s := range stages {
		if err := s.Process(d); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// texts returns the document text of each mention.
func texts(d *Doc, ms []Mention) []string {
	var out []string
	for _, m := range ms {
		out = append(out, d.Text[m.Start:m.End])
	}
	return out
}

// runStages runs tokenize, sentences and the test gazetteer over text,
// sets the given model hits, and runs the stages after the model (clean to
// graph).
func runStages(t *testing.T, text string, model []Mention) *Doc {
	t.Helper()
	return runStagesWith(t, text, model, stagesOptions{})
}

// stagesOptions are what a test of runStagesWith changes.
type stagesOptions struct {
	trained  bool            // the model's spans are a trained model's (trainedPolicy)
	corefOff map[string]bool // rules of coref left out (Config.Without's coref/RULE)
}

// runStagesWith is runStages with the options o.
func runStagesWith(t *testing.T, text string, model []Mention, o stagesOptions) *Doc {
	t.Helper()
	d := process(t, text, Tokenize{}, Sentences{}, Gazetteer{gazetteer.NewMatcher(testGazetteer(t))})
	d.Model = model
	if o.trained {
		d.modelPolicy = &trainedPolicy
	}
	return processDoc(t, d, Clean{}, Resolve{}, Acronyms{}, Coref{off: o.corefOff}, Link{}, Graph{})
}

// modelHits makes the model's mentions of a table test: one over the
// first occurrence in text of each surface, with its label.
func modelHits(text string, surfaceLabels [][2]string) []Mention {
	var model []Mention
	for _, m := range surfaceLabels {
		i := strings.Index(text, m[0])
		model = append(model, Mention{Span: Span{Start: i, End: i + len(m[0])}, Label: m[1], Source: "ner", Ref: -1})
	}
	return model
}

func describe(d *Doc) string {
	var parts []string
	for _, m := range d.Mentions {
		parts = append(parts, fmt.Sprintf("%s@%d:%d/%s/%s/%s", d.Text[m.Start:m.End], m.Start, m.End, m.Label, m.Source, m.Entity))
	}
	return strings.Join(parts, " ")
}

// resolveCase is a text, the model's mentions in it, and the mentions
// the stages from Clean to Graph make of them with the gazetteer's (as
// describe writes them).
type resolveCase struct {
	name  string
	text  string
	model [][2]string // surface, label
	want  string
}

// testResolve runs each case through runStagesWith, the model's spans a
// trained model's (trainedPolicy) when own is set.
func testResolve(t *testing.T, own bool, tests []resolveCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			model := modelHits(tt.text, tt.model)
			if got := describe(runStagesWith(t, tt.text, model, stagesOptions{trained: own})); got != tt.want {
				t.Errorf("\ngot  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestResolve(t *testing.T) {
	testResolve(t, false, []resolveCase{
		{"gazetteer wins over model", "The Taliban advanced.", [][2]string{{"Taliban", "PLACE"}},
			"Taliban@4:11/GROUP/gazetteer/group/taliban"},
		{"model keeps what the gazetteer lacks", "Talks in Osh ended.", [][2]string{{"Osh", "PLACE"}},
			"Osh@9:12/PLACE/ner/auto/place/osh"},
		{"title trimmed", "said President Sooronbay Jeenbekov today.", [][2]string{{"President Sooronbay Jeenbekov", "PERSON"}},
			"Sooronbay Jeenbekov@15:34/PERSON/ner/auto/person/sooronbay-jeenbekov"},
		{"leading the trimmed", "He met the Jamestown Foundation there.", [][2]string{{"the Jamestown Foundation", "GROUP"}},
			"Jamestown Foundation@11:31/GROUP/ner/auto/group/jamestown-foundation"},
		{"punctuation trimmed", "He met (Jamestown) there.", [][2]string{{"(Jamestown)", "GROUP"}},
			"Jamestown@8:17/GROUP/ner/auto/group/jamestown"},
		{"possessive trimmed", "Talks in Osh's centre.", [][2]string{{"Osh's", "PLACE"}},
			"Osh@9:12/PLACE/ner/auto/place/osh"},
		{"one-word place without locative context dropped", "Credit: Truck", [][2]string{{"Credit", "PLACE"}}, ""},
		{"one-word place after a place noun", "the port of Poti grew", [][2]string{{"Poti", "PLACE"}},
			"Poti@12:16/PLACE/ner/auto/place/poti"},
		{"one-word place before a place noun", "the Sangvor district", [][2]string{{"Sangvor", "PLACE"}},
			"Sangvor@4:11/PLACE/ner/auto/place/sangvor"},
		{"phrase of common words dropped", "Border Management matters: border management is hard.",
			[][2]string{{"Border Management", "GROUP"}}, ""},
		{"initials after a surname", "see Cooley A. and McDermott R. (2012)", [][2]string{{"Cooley", "PERSON"}, {"McDermott", "PERSON"}},
			"Cooley A.@4:13/PERSON/ner/auto/person/cooley-a McDermott R.@18:30/PERSON/ner/auto/person/mcdermott-r"},
		{"middle initial", "Mariya Y. Omelicheva wrote", [][2]string{{"Mariya", "PERSON"}},
			"Mariya Y. Omelicheva@0:20/PERSON/ner/auto/person/mariya-y-omelicheva"},
		{"demonym before a group dropped", "the Afghan Taliban fighters", [][2]string{{"Afghan Taliban", "GROUP"}},
			"Taliban@11:18/GROUP/gazetteer/group/taliban"},
		{"trailing lower case dropped", "the Anadolu news agency said", [][2]string{{"Anadolu news agency", "GROUP"}},
			"Anadolu@4:11/GROUP/ner/auto/group/anadolu"},
		{"first name extended", "said Joe Painter today", [][2]string{{"Joe", "PERSON"}},
			"Joe Painter@5:16/PERSON/ner/auto/person/joe-painter"},
		{"org head makes a group", "the Hollybush Institute said", [][2]string{{"Hollybush Institute", "PLACE"}},
			"Hollybush Institute@4:23/GROUP/ner/auto/group/hollybush-institute"},
		{"lone demonym dropped", "Tajik forces moved.", [][2]string{{"Tajik", "PLACE"}}, ""},
		{"demonym phrase dropped", "the Central Asian states", [][2]string{{"Central Asian", "PLACE"}}, ""},
		{"lone title dropped", "The Minister spoke.", [][2]string{{"Minister", "PERSON"}}, ""},
		{"common word at sentence start dropped", "However, nothing.", [][2]string{{"However", "PLACE"}}, ""},
		{"lower case dropped", "the border guards", [][2]string{{"border", "PLACE"}}, ""},
		{"event name dropped, the place in it kept", "the Batken Process began", [][2]string{{"Batken Process", "GROUP"}},
			"Batken@4:10/PLACE/gazetteer/place/batken"},
		{"operation dropped", "during Operation Enduring Freedom troops", [][2]string{{"Operation Enduring Freedom", "GROUP"}}, ""},
		{"battle dropped, the place in it kept", "the Battle of Batken ended", [][2]string{{"Battle of Batken", "GROUP"}},
			"Batken@14:20/PLACE/gazetteer/place/batken"},
		{"a lone event word is left to the other rules", "Operation began", [][2]string{{"Operation", "GROUP"}},
			"Operation@0:9/GROUP/ner/auto/group/operation"},
		{"gazetteer wins inside prose's span", "fans of Batken United cheered", [][2]string{{"Batken United", "GROUP"}},
			"Batken@8:14/PLACE/gazetteer/place/batken"},
		{"longest gazetteer hit wins", "in the Kyrgyz Republic today", nil,
			"Kyrgyz Republic@7:22/PLACE/gazetteer/place/kyrgyzstan"},
		{"ambiguous without support dropped", "He met Mary there.", nil, ""},
		{"ambiguous with model support takes its type", "He met Mary there.", [][2]string{{"Mary", "PERSON"}},
			"Mary@7:11/PERSON/gazetteer/person/mary-smith"},
		{"city or region: bare name is the city", "clashes in Batken left two dead", nil,
			"Batken@11:17/PLACE/gazetteer/place/batken"},
		{"city or region: word after decides", "clashes in Batken region", nil,
			"Batken@11:17/PLACE/gazetteer/place/batken-region"},
		{"surname links to the full name", "Nursultan Nazarbayev spoke. Later Nazarbayev left.", nil,
			"Nursultan Nazarbayev@0:20/PERSON/gazetteer/person/nursultan-nazarbayev Nazarbayev@34:44/PERSON/gazetteer/person/nursultan-nazarbayev"},
		{"model surname links to model full name", "Almazbek Atambayev spoke. Then Atambayev left.",
			[][2]string{{"Almazbek Atambayev", "PERSON"}, {"Atambayev left", "PERSON"}},
			"Almazbek Atambayev@0:18/PERSON/ner/auto/person/almazbek-atambayev Atambayev@31:40/PERSON/ner/auto/person/almazbek-atambayev"},
	})
}

// TestResolveOwnBounds: with a trained model's spans (trainedPolicy) the
// repairs made for prose's boundaries are left out, and a span that holds
// a gazetteer name and adds name words to it wins over it.
func TestResolveOwnBounds(t *testing.T) {
	testResolve(t, true, []resolveCase{
		{"trained model's span holding a gazetteer name wins", "fans of Batken United cheered", [][2]string{{"Batken United", "GROUP"}},
			"Batken United@8:21/GROUP/ner/auto/group/batken-united"},
		{"trained model's span around a known person's full name loses", "said Affairs Nursultan Nazarbayev today", [][2]string{{"Affairs Nursultan Nazarbayev", "PERSON"}},
			"Nursultan Nazarbayev@13:33/PERSON/gazetteer/person/nursultan-nazarbayev"},
		{"trained model's span naming something after a known person wins", "grants of the Nursultan Nazarbayev Foundation rose", [][2]string{{"Nursultan Nazarbayev Foundation", "GROUP"}},
			"Nursultan Nazarbayev Foundation@14:45/GROUP/ner/auto/group/nursultan-nazarbayev-foundation"},
		{"trained model's span equal to a gazetteer name loses", "clashes in Batken left", [][2]string{{"Batken", "GROUP"}},
			"Batken@11:17/PLACE/gazetteer/place/batken"},
		{"trained model's span adding words joined by of wins", "the National Bank of Kyrgyzstan said", [][2]string{{"National Bank of Kyrgyzstan", "GROUP"}},
			"National Bank of Kyrgyzstan@4:31/GROUP/ner/auto/group/national-bank-of-kyrgyzstan"},
		{"trained model's span adding a title loses", "the Ministers Council of Kyrgyzstan met", [][2]string{{"Ministers Council of Kyrgyzstan", "GROUP"}},
			"Kyrgyzstan@25:35/PLACE/gazetteer/place/kyrgyzstan"},
		{"trained model's coordination loses", "in Kyrgyzstan and Batken today", [][2]string{{"Kyrgyzstan and Batken", "PLACE"}},
			"Kyrgyzstan@3:13/PLACE/gazetteer/place/kyrgyzstan Batken@18:24/PLACE/gazetteer/place/batken"},
		{"trained model's word run into a name across a dash loses", "the city of Batken–in which", [][2]string{{"Batken–in", "PLACE"}},
			"Batken@12:18/PLACE/gazetteer/place/batken"},
		{"trained model's trailing lower-case word kept", "the Tamga news said", [][2]string{{"Tamga news", "GROUP"}},
			"Tamga news@4:14/GROUP/ner/auto/group/tamga-news"},
		{"trained model's title kept", "said President Sooronbay Jeenbekov today.", [][2]string{{"President Sooronbay Jeenbekov", "PERSON"}},
			"President Sooronbay Jeenbekov@5:34/PERSON/ner/auto/person/president-sooronbay-jeenbekov"},
		{"trained model's one-word place kept", "Credit: Truck", [][2]string{{"Credit", "PLACE"}},
			"Credit@0:6/PLACE/ner/auto/place/credit"},
	})
}

func TestAcronyms(t *testing.T) {
	testResolve(t, false, []resolveCase{
		{"an acronym in brackets and its later uses take the name's entity",
			"The Eurasian Council on Foreign Affairs (ECFA) met. ECFA said the Taliban (TB) and ECFA agree.",
			[][2]string{{"Eurasian Council on Foreign Affairs", "GROUP"}},
			"Eurasian Council on Foreign Affairs@4:39/GROUP/ner/auto/group/eurasian-council-on-foreign-affairs " +
				"ECFA@41:45/GROUP/rule/auto/group/eurasian-council-on-foreign-affairs " +
				"ECFA@52:56/GROUP/rule/auto/group/eurasian-council-on-foreign-affairs " +
				"Taliban@66:73/GROUP/gazetteer/group/taliban " +
				"TB@75:77/GROUP/rule/group/taliban " +
				"ECFA@83:87/GROUP/rule/auto/group/eurasian-council-on-foreign-affairs"},
	})
}

func TestGraph(t *testing.T) {
	text := "Taliban and Batken. Batken again.\n\nCentral Asia."
	d := runStages(t, text, nil)
	var edges []string
	for _, e := range d.Edges {
		edges = append(edges, fmt.Sprintf("%s-%s/%s/%d", e.Source, e.Target, e.Relation, e.Weight))
	}
	// Central Asia shares no sentence with the others: no edge to it.
	want := "group/taliban-place/batken/sentence/1"
	if got := strings.Join(edges, " "); got != want {
		t.Errorf("\ngot  %s\nwant %s", got, want)
	}
	if len(d.Entities) != 3 || len(d.Entities[1].Mentions) != 2 {
		t.Errorf("entities: %+v", d.Entities)
	}
}

func TestProcessRefusesInvalidUTF8(t *testing.T) {
	p, err := New(Config{Gazetteer: testGazetteer(t)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.Process("x", "x.txt", "fine\nfine\nbad \xc3\x28 here")
	if err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("err = %v, want line 3", err)
	}
}

func TestAppendModelSpans(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		labels []string // per space-separated word; "" for none
		want   string
	}{
		{"same label joins", "met Vladimir Putin today", []string{"", "PERSON", "PERSON", ""}, "Vladimir Putin/PERSON"},
		{"person and place join as a person", "said Uran Botobekov today", []string{"", "PLACE", "PERSON", ""}, "Uran Botobekov/PERSON"},
		{"org head makes a group", "US Special Forces", []string{"PLACE", "GROUP", "PERSON"}, "US Special Forces/GROUP"},
		{"a person token makes a person", "Peter Cook", []string{"PERSON", "PLACE"}, "Peter Cook/PERSON"},
		{"majority wins", "New South Wales", []string{"PLACE", "GROUP", "PLACE"}, "New South Wales/PLACE"},
		{"gap splits", "Osh and Batken", []string{"PLACE", "", "PLACE"}, "Osh/PLACE Batken/PLACE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var toks []labeledToken
			pos := 0
			for i, w := range strings.Split(tt.text, " ") {
				toks = append(toks, labeledToken{Span{Start: pos, End: pos + len(w)}, tt.labels[i]})
				pos += len(w) + 1
			}
			var got []string
			for _, m := range appendModelSpans(defaultWords().orgHeads, tt.text, toks, nil) {
				got = append(got, tt.text[m.Start:m.End]+"/"+m.Label)
			}
			if strings.Join(got, " ") != tt.want {
				t.Errorf("got %q, want %q", strings.Join(got, " "), tt.want)
			}
		})
	}
}

func TestIsDomain(t *testing.T) {
	for tok, want := range map[string]bool{
		"Knb.kz": true, "counter-terror.kz": true, "Shutterstock.com": true, "Blogs.exeter.ac.uk": true,
		"Andrewgrantham.co.uk": true, "e.g.": false, "U.S.": false, "i.e": false, "3.14": false,
		"https://knb.kz": false, "me@ex.com": false, "Kazakhstan.": false, "example.xyz": false,
		"www.example.org": false, "WWW.Knb.kz": false, "www.kz": false, "www.": false, "Wwwnews.kz": true,
	} {
		if got := isDomain(defaultWords().topLevelDomains, tok); got != want {
			t.Errorf("isDomain(%q) = %v, want %v", tok, got, want)
		}
	}
}

func TestDomainsSkipAddresses(t *testing.T) {
	d := process(t, "Read Example.org, not www.example.org or http://example.org/a.", Tokenize{}, Domains{})
	if len(d.Rules) != 1 || d.Rules[0].Span != (Span{Start: 5, End: 16}) {
		t.Errorf("domain hits %v, want one at 5:16 (Example.org)", d.Rules)
	}
}

func TestDomainsAndAcronymOverride(t *testing.T) {
	text := "See Knb.kz for the Spiritual Directorate (SDKM). SDKM said so."
	d := process(t, text, Tokenize{}, Sentences{}, Gazetteer{gazetteer.NewMatcher(testGazetteer(t))}, Domains{})
	// The model calls the acronym a place at both places.
	d.Model = append(modelHits(text, [][2]string{{"Spiritual Directorate", "GROUP"}, {"SDKM", "PLACE"}}),
		Mention{Span: Span{Start: 49, End: 53}, Label: "PLACE", Source: "ner", Ref: -1})
	processDoc(t, d, Clean{}, Resolve{}, Acronyms{}, Link{})
	want := "Knb.kz@4:10/GROUP/rule/auto/group/knb-kz " +
		"Spiritual Directorate@19:40/GROUP/ner/auto/group/spiritual-directorate " +
		"SDKM@42:46/GROUP/rule/auto/group/spiritual-directorate " +
		"SDKM@49:53/GROUP/rule/auto/group/spiritual-directorate"
	if got := describe(d); got != want {
		t.Errorf("\ngot  %s\nwant %s", got, want)
	}
}

func TestNotInside(t *testing.T) {
	span := func(s, e int) Mention { return Mention{Span: Span{Start: s, End: e}} }
	model := []Mention{span(20, 30), span(0, 10), span(5, 12), span(40, 45)}
	tests := []struct {
		hit  Mention
		want bool // kept
	}{
		{span(0, 10), true},   // equal to a span: not strictly inside
		{span(0, 4), false},   // same start, shorter
		{span(6, 12), false},  // inside the overlapping second span
		{span(8, 11), false},  // inside 5-12 though 0-10 starts earlier
		{span(9, 13), true},   // crosses the end of every span
		{span(22, 30), false}, // same end, later start
		{span(40, 46), true},  // longer than the span
		{span(50, 52), true},  // after every span
	}
	for _, tt := range tests {
		got := len(notInside([]Mention{tt.hit}, model, func(Mention, Span) bool { return true })) == 1
		if got != tt.want {
			t.Errorf("hit %v: kept %v, want %v", tt.hit.Span, got, tt.want)
		}
	}
}

// TestExtendsName: what a trained model's span adds around a gazetteer
// name inside it, and whether that makes a longer name of it.
func TestExtendsName(t *testing.T) {
	tests := []struct {
		before, after string
		want          bool
	}{
		{"Dynamo ", "", true},  // Dynamo [Moscow]
		{"", " Airport", true}, // [Kyzyl-Tash] Airport
		{"Organisation for Security and Cooperation in ", "", true}, // "and" not next to the name
		{"Itar-", "", true},               // Itar-[Tass]: joined by a hyphen
		{"", "-Tass", true},               // [Itar]-Tass
		{"President ", "", false},         // a title
		{"Presidents ", "", false},        // a title, plural
		{"United States and ", "", false}, // a coordination
		{"", " and Europe", false},        // a coordination
		{"", " / Daesh", false},           // [Daish] / Daesh
		{"", " , Detroit", false},         // a list
		{"", "–in", false},                // [Aktobe]–in: a word run in across a dash
		{"", "s", false},                  // [Islamic State]s: inside a word
		{"The ", "", false},               // a capitalised stop word
	}
	d := &Doc{}
	for _, tt := range tests {
		if got := extendsName(d, tt.before, tt.after); got != tt.want {
			t.Errorf("extendsName(%q, %q) = %v, want %v", tt.before, tt.after, got, tt.want)
		}
	}
}
