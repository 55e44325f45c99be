package gazetteer

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/fileerr"
)

func TestParseTable(t *testing.T) {
	csvSrc := "id,name,type,aliases,notes\n" +
		"group/acme,Acme Security,GROUP,\"Acme; ?ACME Ltd\",ignored\n" +
		"place/x,Xtown,PLACE,,\n"
	entries, err := ParseTable(strings.NewReader(csvSrc), "mine.csv", ',')
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || entries[0].Name != "Acme Security" || len(entries[0].Aliases) != 2 ||
		!entries[0].Aliases[1].Ambiguous || entries[1].Line != 3 {
		t.Errorf("entries: %+v %+v", entries[0], entries[1])
	}
	tsvSrc := "id\ttype\tname\tcountry\nperson/y\tPERSON\tY Y\tKZ\n"
	entries, err = ParseTable(strings.NewReader(tsvSrc), "mine.tsv", '\t')
	if err != nil || len(entries) != 1 || entries[0].Country != "KZ" {
		t.Errorf("tsv: %v %+v", err, entries)
	}
}

func TestParseTableReportsEveryProblem(t *testing.T) {
	src := "id,type,name\n" +
		"group/a,GROUP,A\n" +
		"group/a,GROUP,A again\n" +
		"Bad Id,GROUP,B\n" +
		"group/c,ORG,C\n" +
		"group/d,GROUP,\n"
	_, err := ParseTable(strings.NewReader(src), "bad.csv", ',')
	var el fileerr.ErrorList
	if !errors.As(err, &el) || len(el) != 4 {
		t.Fatalf("want 4 problems, got %v", err)
	}
	for i, want := range []string{"bad.csv:3: duplicate", "bad.csv:4: bad id", "bad.csv:5: bad type", "bad.csv:6: empty name"} {
		if !strings.HasPrefix(el[i].Error(), want) {
			t.Errorf("problem %d = %q, want prefix %q", i, el[i], want)
		}
	}
	if _, err := ParseTable(strings.NewReader("name,kind\nx,y\n"), "nohead.csv", ','); !errors.Is(err, ErrHeader) {
		t.Errorf("missing columns: %v", err)
	}
}

// A stray quote is a problem of its line, with its column, and the rows
// after it are read: a quote left open does not swallow them.
func TestParseTableStrictQuotes(t *testing.T) {
	src := "id,type,name,aliases\n" +
		"group/a,GROUP,A \"the\" group,\n" + // 2: stray quote in a plain field
		"group/b,GROUP,\"B, Ltd\",\"B \"\"Ltd\"\"\"\n" + // 3: good
		"group/c,GROUP,\"C,\n" + // 4: left open
		"group/d,GROUP,D,\n" + // 5: good
		"group/e,GROUP,\"E\"x,\n" + // 6: text after the closing quote
		"group/f,GROUP,F,\n" // 7: good
	entries, err := ParseTable(strings.NewReader(src), "q.csv", ',')
	var el fileerr.ErrorList
	if !errors.As(err, &el) || len(el) != 3 {
		t.Fatalf("want 3 problems, got %v", err)
	}
	for i, want := range []string{"q.csv:2: column 17: stray", "q.csv:4: column 15: quoted field not closed", "q.csv:6: column 18: text after"} {
		if !strings.HasPrefix(el[i].Error(), want) {
			t.Errorf("problem %d = %q, want prefix %q", i, el[i], want)
		}
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.String())
	}
	want := []string{
		`group/b | GROUP |  |  |  | B, Ltd | B "Ltd"`,
		"group/d | GROUP |  |  |  | D | ",
		"group/f | GROUP |  |  |  | F | ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A line over the limit is one problem, and every line after it is still
// checked, in the text format and in tables alike.
func TestLongLineKeepsChecking(t *testing.T) {
	long := "place/long | PLACE | city | KZ | | Long | " + strings.Repeat("x", maxLineBytes+10)
	for _, tc := range []struct {
		file, head, long, bad1, bad2, good string
	}{
		{"long.gaz", "", long, "bad line", "person/p | PERSONA | | | | P |", "place/ok | PLACE | city | KZ | | Okay |"},
		{"long.csv", "id,type,name\n", "place/long,PLACE," + strings.Repeat("x", maxLineBytes+10), "Bad Id,PLACE,B", "person/p,PERSONA,P", "place/ok,PLACE,Okay"},
	} {
		src := tc.head + tc.long + "\n" + tc.bad1 + "\n" + tc.bad2 + "\r\n" + tc.good
		var entries []*Entry
		var err error
		if tc.head == "" {
			entries, err = Parse(strings.NewReader(src), tc.file)
		} else {
			entries, err = ParseTable(strings.NewReader(src), tc.file, ',')
		}
		var el fileerr.ErrorList
		if !errors.As(err, &el) || len(el) != 3 {
			t.Fatalf("%s: want 3 problems, got %v", tc.file, err)
		}
		first := 1 + strings.Count(tc.head, "\n")
		for i, want := range []string{"line too long", "", "bad type"} {
			prefix := fmt.Sprintf("%s:%d: %s", tc.file, first+i, want)
			if !strings.HasPrefix(el[i].Error(), prefix) {
				t.Errorf("problem %d = %.80q, want prefix %q", i, el[i], prefix)
			}
		}
		if len(entries) != 1 || entries[0].ID != "place/ok" || entries[0].Line != first+3 {
			t.Errorf("%s: entries %v, want place/ok on line %d", tc.file, entries, first+3)
		}
	}
}
