package gazetteer

import (
	"errors"
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
