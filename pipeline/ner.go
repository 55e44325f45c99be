package pipeline

import (
	"strings"
	"sync"

	prose "github.com/jdkato/prose/v2"

	"github.com/extract-ca/extract/output"
)

// NER runs prose's statistical model over each sentence and turns the IOB
// labels of its tokens into mentions.
//
// The model is loaded once per process and shared by every worker: prose
// rebuilds it on every NewDocument unless it is given one, which costs far
// more than tagging an article.
type NER struct {
	model *prose.Model
}

// proseModel is prose's default English model, built on first use.
var proseModel = sync.OnceValue(func() *prose.Model { return prose.ModelFromData("en") })

// NewNER returns the stage with the shared model.
func NewNER() NER { return NER{model: proseModel()} }

func (NER) Name() string { return "ner" }

func (n NER) Process(d *Doc) error {
	d.Model = d.Model[:0]
	for _, s := range d.Sentences {
		text := d.Text[s.Start:s.End]
		pd, err := prose.NewDocument(text, prose.UsingModel(n.model), prose.WithSegmentation(false))
		if err != nil {
			return err
		}
		toks := pd.Tokens()
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = t.Text
		}
		labeled := make([]labeledToken, 0, len(toks))
		align(text, s.Start, words, func(i int, sp Span) {
			labeled = append(labeled, labeledToken{sp, mapLabel(toks[i].Label)})
		})
		d.Model = appendModelSpans(d.Text, labeled, d.Model)
	}
	return nil
}

type labeledToken struct {
	Span
	label string // PERSON, PLACE, GROUP or ""
}

// mapLabel maps prose's labels to ours: GPE, LOCATION, GSP and FACILITY are
// places, ORGANIZATION is a group. Others (and O) are dropped.
func mapLabel(iob string) string {
	_, typ, ok := strings.Cut(iob, "-")
	if !ok {
		return ""
	}
	switch typ {
	case "PERSON":
		return output.LabelPerson
	case "GPE", "LOCATION", "GSP", "FACILITY":
		return output.LabelPlace
	case "ORGANIZATION":
		return output.LabelGroup
	}
	return ""
}

// appendModelSpans builds mentions from labeled tokens. prose's model marks
// most entity tokens B- even inside a name ("Vladimir/B-PERSON
// Putin/B-PERSON"), so the B/I distinction carries no information, and it
// often gives the words of one name different types ("Uran/GPE
// Botobekov/PERSON"). So adjacent labeled tokens, separated by nothing but
// spaces, form one span, and runLabel decides its label.
func appendModelSpans(text string, toks []labeledToken, out []Mention) []Mention {
	for k := 0; k < len(toks); {
		if toks[k].label == "" {
			k++
			continue
		}
		j := k + 1
		for j < len(toks) && toks[j].label != "" && onlySpaces(text[toks[j-1].End:toks[j].Start]) {
			j++
		}
		out = append(out, Mention{
			Span:   Span{toks[k].Start, toks[j-1].End},
			Label:  runLabel(text, toks[k:j]),
			Source: output.SourceNER,
			Ref:    -1,
		})
		k = j
	}
	return out
}

// runLabel decides the label of a run of labeled tokens: a run that ends
// in the head noun of an organisation's name ("... Studies", "... Center")
// is a group; otherwise a run with a person token is a person (the model
// confuses unfamiliar surnames with places, rarely the reverse); otherwise
// the label most of its tokens have, the first on a tie.
func runLabel(text string, run []labeledToken) string {
	last := run[len(run)-1]
	if orgHeads[strings.ToLower(text[last.Start:last.End])] {
		return output.LabelGroup
	}
	count := map[string]int{}
	for _, t := range run {
		count[t.label]++
	}
	if count[output.LabelPerson] > 0 && len(run) > 1 {
		return output.LabelPerson
	}
	best := run[0].label
	for _, t := range run {
		if count[t.label] > count[best] {
			best = t.label
		}
	}
	return best
}

func onlySpaces(s string) bool { return strings.Trim(s, " \t") == "" }
