// Command qualitytable turns `extract eval --json` reports into the
// Markdown tables of docs/quality.md, so that scripts/quality needs no jq.
//
// Usage:
//
//	qualitytable TITLE FULL.json NO-NER.json [TITLE FULL.json NO-NER.json ...]
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
	"fmt"
	"io"
	"os"
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
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "qualitytable:", err)
		os.Exit(1)
	}
}

func run(args []string, w io.Writer) error {
	if len(args) == 0 || len(args)%3 != 0 {
		return errors.New("usage: qualitytable TITLE FULL.json NO-NER.json [...]")
	}
	for i := 0; i < len(args); i += 3 {
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
