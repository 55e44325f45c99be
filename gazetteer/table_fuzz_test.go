package gazetteer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/fileerr"
)

// FuzzParseTable: the CSV and TSV reader never panics, reports its problems
// as a fileerr.ErrorList of the file, and every entry it accepts reads back
// the same from the text format and from a table written out again.
func FuzzParseTable(f *testing.F) {
	f.Add("id,type,name,aliases,notes\ngroup/acme,GROUP,Acme Security,\"Acme; ?ACME Ltd\",x\nplace/x,PLACE,Xtown,,\n", false)
	f.Add("\uFEFFID, Type ,NAME,kind,country,parent\nplace/osh,PLACE,Osh,city,KG,place/osh-region\r\n\r\n", false)
	f.Add("id\ttype\tname\tcountry\nperson/y\tPERSON\tY Y\tKZ\nbad\tPERSON\t\t\n", true)
	f.Add("id,type,name\ngroup/a,GROUP,\"A \"\"quoted\"\" name\"\ngroup/b,GROUP,a \"stray quote\ngroup/c,GROUP,C\n", false)
	f.Add("id,type,name\ngroup/a,GROUP,A | B\ngroup/a,GROUP,dup\nperson/p,PERSON,?Ambiguous\n", false)
	f.Add("id,type,name\ngroup/a,GROUP,\"open\ngroup/b,GROUP,B\ngroup/c,GROUP,\"C\"x\n", false)
	f.Add("name,type\n", false)
	f.Add("", true)
	f.Fuzz(func(t *testing.T, src string, tsv bool) {
		comma, file := ',', "fuzz.csv"
		if tsv {
			comma, file = '\t', "fuzz.tsv"
		}
		entries, err := ParseTable(strings.NewReader(src), file, comma)
		checkErrorList(t, err, file)
		for _, e := range entries {
			if e.File != file || e.Line < 2 {
				t.Fatalf("entry %q: place %s:%d, want %s at line 2 or later", e.String(), e.File, e.Line, file)
			}
			again, err := Parse(strings.NewReader(e.String()), "again.gaz")
			if err != nil || len(again) != 1 || again[0].String() != e.String() {
				t.Fatalf("entry %q does not read back from the text format: %v", e.String(), err)
			}
		}
		// Written out again as a table, the entries read back the same.
		var b bytes.Buffer
		w := csv.NewWriter(&b)
		w.Comma = comma
		w.Write([]string{"id", "type", "kind", "country", "parent", "name", "aliases"})
		for _, e := range entries {
			fields := strings.Split(e.String(), "|")
			for i := range fields {
				fields[i] = strings.TrimSpace(fields[i])
			}
			w.Write(fields)
		}
		w.Flush()
		again, err := ParseTable(&b, "again", comma)
		if err != nil || len(again) != len(entries) {
			t.Fatalf("the table written back does not read: %d entries of %d, %v\n%s", len(again), len(entries), err, b.String())
		}
		for i := range again {
			if again[i].String() != entries[i].String() {
				t.Fatalf("entry %q reads back as %q", entries[i].String(), again[i].String())
			}
		}
	})
}

// checkErrorList fails unless err is nil or a fileerr.ErrorList whose
// every problem names file.
func checkErrorList(t *testing.T, err error, file string) {
	t.Helper()
	if err == nil {
		return
	}
	var list fileerr.ErrorList
	if !errors.As(err, &list) || len(list) == 0 {
		t.Fatalf("error is %T, want a fileerr.ErrorList: %v", err, err)
	}
	for _, e := range list {
		if e.File != file {
			t.Fatalf("problem %v names %q, want %q", e, e.File, file)
		}
	}
}
