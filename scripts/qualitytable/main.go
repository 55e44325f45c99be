// Command qualitytable turns `extract eval --json` reports into the
// Markdown tables of docs/quality.md, so that scripts/quality needs no jq.
//
// Usage:
//
//	qualitytable [-previous docs/quality.md] TITLE FULL.json NO-NER.json [...]
//
// A set whose data is missing is given as TITLE - GOLD-PATH: its section
// is copied from the -previous report, with a note saying that GOLD-PATH
// was not found and when the figures were measured, so that a clone
// without the outside data sets keeps the figures instead of losing them.
// With no section to copy, the set gets a heading and the note alone.
//
// For each set it prints the micro precision, recall and F1 of the four
// schemes and the strict F1 per label, for the full pipeline and for the
// run with --no-ner (gazetteer and rules alone). The report shape is the
// one documented in package eval; only the fields used are declared here,
// and a report without them is an error rather than a table of zeros.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

type counts struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

type report struct {
	Documents *struct {
		Gold   int `json:"gold"`
		Failed int `json:"failed"`
	} `json:"documents"`
	Mentions *struct {
		Gold int `json:"gold"`
	} `json:"mentions"`
	Schemes []scheme `json:"schemes"`
}

type scheme struct {
	Scheme string            `json:"scheme"`
	Micro  counts            `json:"micro"`
	Labels map[string]counts `json:"labels"`
}

var (
	schemes = []string{"strict", "exact", "partial", "type"}
	labels  = []string{"PERSON", "PLACE", "GROUP"}
)

func main() {
	fs := flag.NewFlagSet("qualitytable", flag.ExitOnError)
	previous := fs.String("previous", "", "the report being replaced, whose sections are kept for sets whose data is missing")
	fs.Parse(os.Args[1:])
	var prev string
	if *previous != "" {
		data, err := os.ReadFile(*previous)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			fmt.Fprintln(os.Stderr, "qualitytable:", err)
			os.Exit(1)
		}
		prev = string(data)
	}
	today := time.Now().UTC().Format("2006-01-02")
	if err := run(fs.Args(), prev, today, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "qualitytable:", err)
		os.Exit(1)
	}
}

// run writes the section of each set. prev is the previous report (""
// when there is none) and today the date the missing notes give.
func run(args []string, prev, today string, w io.Writer) error {
	if len(args) == 0 || len(args)%3 != 0 {
		return errors.New("usage: qualitytable [-previous FILE] TITLE FULL.json NO-NER.json [...]")
	}
	for i := 0; i < len(args); i += 3 {
		if args[i+1] == "-" {
			keepSection(w, prev, args[i], args[i+2], today)
			continue
		}
		full, err := readReport(args[i+1])
		if err != nil {
			return err
		}
		noNER, err := readReport(args[i+2])
		if err != nil {
			return err
		}
		writeSet(w, args[i], full, noNER)
	}
	return nil
}

func readReport(path string) (*report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r report
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if r.Documents == nil || r.Mentions == nil {
		return nil, fmt.Errorf("%s: not an extract eval report (no documents or mentions)", path)
	}
	for _, name := range schemes {
		if r.scheme(name) == nil {
			return nil, fmt.Errorf("%s: no %q scheme", path, name)
		}
	}
	return &r, nil
}

func (r *report) scheme(name string) *scheme {
	for i := range r.Schemes {
		if r.Schemes[i].Scheme == name {
			return &r.Schemes[i]
		}
	}
	return nil
}

func writeSet(w io.Writer, title string, full, noNER *report) {
	fmt.Fprintf(w, "## %s\n\n", title)
	fmt.Fprintf(w, "%d documents, %d gold mentions", full.Documents.Gold, full.Mentions.Gold)
	if n := full.Documents.Failed; n > 0 {
		fmt.Fprintf(w, "; %d documents failed in the pipeline and count as found nothing", n)
	}
	fmt.Fprint(w, ".\n\n")

	fmt.Fprintln(w, "| scheme | P | R | F1 | P --no-ner | R --no-ner | F1 --no-ner |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|--:|--:|")
	for _, name := range schemes {
		a, b := full.scheme(name).Micro, noNER.scheme(name).Micro
		fmt.Fprintf(w, "| %s | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |\n", name, a.Precision, a.Recall, a.F1, b.Precision, b.Recall, b.F1)
	}
	fmt.Fprintln(w)

	fmt.Fprintln(w, "| strict F1 | PERSON | PLACE | GROUP |")
	fmt.Fprintln(w, "|---|--:|--:|--:|")
	for _, run := range []struct {
		name string
		r    *report
	}{{"pipeline", full}, {"--no-ner", noNER}} {
		fmt.Fprintf(w, "| %s |", run.name)
		for _, l := range labels {
			fmt.Fprintf(w, " %.3f |", run.r.scheme("strict").Labels[l].F1)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
}

// missingNote starts the line that marks a section copied from an earlier
// report; a section copied again keeps its note, which says when its
// figures were measured.
const missingNote = "> Not measured on "

// keepSection writes the section titled title from the previous report,
// with a note that gold was not found today. The figures are kept rather
// than dropped because a run without the data says nothing new about them;
// the note keeps them from passing for today's.
func keepSection(w io.Writer, prev, title, gold, today string) {
	body, found := section(prev, title)
	fmt.Fprintf(w, "## %s\n\n", title)
	measured := "earlier"
	if m := measuredLine(prev); m != "" {
		measured = m
	}
	var lines []string
	if body != "" {
		lines = strings.Split(strings.TrimRight(body, "\n"), "\n")
	}
	if len(lines) > 0 && strings.HasPrefix(lines[0], missingNote) {
		// Copied before: the first note still says when the figures are from.
		lines = lines[1:]
		for len(lines) > 0 && lines[0] == "" {
			lines = lines[1:]
		}
		if i := strings.Index(body, "figures measured "); i >= 0 {
			measured = strings.TrimSuffix(strings.SplitN(body[i+len("figures measured "):], "\n", 2)[0], ".")
		}
	}
	if found && len(lines) > 0 {
		fmt.Fprintf(w, "%s%s: `%s` not found; figures measured %s.\n\n", missingNote, today, gold, measured)
		fmt.Fprintf(w, "%s\n\n", strings.Join(lines, "\n"))
		return
	}
	fmt.Fprintf(w, "%s%s: `%s` not found, and no earlier figures.\n\n", missingNote, today, gold)
}

// section returns the body of the section of a report whose heading names
// the same set as title: the lines after the heading up to the next heading
// of that level. Headings are compared without the data's path, which
// follows the name as " (`path`)", so that a set found at another path
// (QUALITY_NER) still finds its figures.
func section(report, title string) (string, bool) {
	name := setName(title)
	lines := strings.SplitAfter(report, "\n")
	for i, line := range lines {
		heading, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), "## ")
		if !ok || setName(heading) != name {
			continue
		}
		var body strings.Builder
		for _, l := range lines[i+1:] {
			if strings.HasPrefix(l, "## ") {
				break
			}
			body.WriteString(l)
		}
		return strings.TrimLeft(body.String(), "\n"), true
	}
	return "", false
}

// setName is a section title without the data's path.
func setName(title string) string {
	if i := strings.LastIndex(title, " (`"); i >= 0 && strings.HasSuffix(title, "`)") {
		return title[:i]
	}
	return title
}

// measuredLine returns when and where the previous report was measured,
// from its "Measured on DATE at commit C by ..." line: "on DATE at commit C".
func measuredLine(report string) string {
	for _, line := range strings.Split(report, "\n") {
		if rest, ok := strings.CutPrefix(line, "Measured on "); ok {
			if j := strings.Index(rest, " by "); j >= 0 {
				rest = rest[:j]
			}
			return "on " + strings.TrimSuffix(rest, ".")
		}
	}
	return ""
}
