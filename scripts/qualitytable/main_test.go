package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const prevReport = `# Extraction quality

Measured on 2026-11-30 at commit abc1234 by ` + "`scripts/quality`" + `.

## Seed gold (` + "`seeds/gold.jsonl`" + `)

5 documents, 934 gold mentions.

| strict F1 | PERSON | PLACE | GROUP |
|---|--:|--:|--:|
| pipeline | 0.893 | 0.963 | 0.889 |

## WikiGold (` + "`wiki.conll`" + `)

145 documents, 2846 gold mentions.

| strict F1 | PERSON | PLACE | GROUP |
|---|--:|--:|--:|
| pipeline | 0.406 | 0.809 | 0.427 |
`

const wikiTitle = "WikiGold (`wiki.conll`)"

const wikiFigures = `145 documents, 2846 gold mentions.

| strict F1 | PERSON | PLACE | GROUP |
|---|--:|--:|--:|
| pipeline | 0.406 | 0.809 | 0.427 |

`

func TestKeepSection(t *testing.T) {
	copied := "## " + wikiTitle + "\n\n> Not measured on 2026-12-02: `wiki.conll` not found; figures measured on 2026-11-30 at commit abc1234.\n\n" + wikiFigures
	for _, tc := range []struct {
		name, prev, title, today, want string
	}{
		{"last section of the report, copied with a note", prevReport, wikiTitle, "2026-12-02", copied},
		{"section in the middle, up to the next heading", prevReport, "Seed gold (`seeds/gold.jsonl`)", "2026-12-02",
			"## Seed gold (`seeds/gold.jsonl`)\n\n> Not measured on 2026-12-02: `wiki.conll` not found; figures measured on 2026-11-30 at commit abc1234.\n\n" +
				"5 documents, 934 gold mentions.\n\n| strict F1 | PERSON | PLACE | GROUP |\n|---|--:|--:|--:|\n| pipeline | 0.893 | 0.963 | 0.889 |\n\n"},
		{"copied again: one note, today's date, the first measurement",
			"# Extraction quality\n\nMeasured on 2026-12-02 at commit def5678 by x.\n\n" + copied, wikiTitle, "2026-12-09",
			"## " + wikiTitle + "\n\n> Not measured on 2026-12-09: `wiki.conll` not found; figures measured on 2026-11-30 at commit abc1234.\n\n" + wikiFigures},
		{"the data at another path: matched by the set's name", prevReport, "WikiGold (`elsewhere/wiki.conll`)", "2026-12-02",
			"## WikiGold (`elsewhere/wiki.conll`)\n\n> Not measured on 2026-12-02: `wiki.conll` not found; figures measured on 2026-11-30 at commit abc1234.\n\n" + wikiFigures},
		{"no previous report", "", wikiTitle, "2026-12-02",
			"## " + wikiTitle + "\n\n> Not measured on 2026-12-02: `wiki.conll` not found, and no earlier figures.\n\n"},
		{"previous report without the set", prevReport, "GMB (`gmb.csv`)", "2026-12-02",
			"## GMB (`gmb.csv`)\n\n> Not measured on 2026-12-02: `wiki.conll` not found, and no earlier figures.\n\n"},
	} {
		var b strings.Builder
		keepSection(&b, tc.prev, tc.title, "wiki.conll", tc.today)
		if got := b.String(); got != tc.want {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", tc.name, got, tc.want)
		}
	}
}

// TestRunKeepsMissingSets runs the whole table writer as scripts/quality
// does on a clone without the outside sets: the measured set gets new
// figures, the missing one keeps the old, and nothing is dropped.
func TestRunKeepsMissingSets(t *testing.T) {
	dir := t.TempDir()
	report := `{"documents":{"gold":5,"failed":0},"mentions":{"gold":934},"schemes":[` +
		`{"scheme":"strict","micro":{"precision":0.5,"recall":0.5,"f1":0.5},"labels":{"PERSON":{"f1":0.25}}},` +
		`{"scheme":"exact","micro":{}},{"scheme":"partial","micro":{}},{"scheme":"type","micro":{}}]}`
	path := filepath.Join(dir, "seeds.json")
	if err := os.WriteFile(path, []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	err := run([]string{"Seed gold (`seeds/gold.jsonl`)", path, path, wikiTitle, "-", "wiki.conll"}, prevReport, "2026-12-02", &b)
	if err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		"## Seed gold (`seeds/gold.jsonl`)\n\n5 documents, 934 gold mentions.",
		"| strict | 0.500 | 0.500 | 0.500 |",
		"| pipeline | 0.250 | 0.000 | 0.000 |",
		"## " + wikiTitle + "\n\n> Not measured on 2026-12-02",
		"| pipeline | 0.406 | 0.809 | 0.427 |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "0.893") {
		t.Errorf("the measured set kept its old figures:\n%s", got)
	}
}
