package pipeline

import (
	"strings"

	"github.com/extract-ca/extract/model"
	"github.com/extract-ca/extract/output"
)

// NER runs the statistical model (prose's English model, through package
// model) over each sentence's tokens and turns their IOB labels into
// mentions. The tokens are the ones the tokenize stage made: the text is
// tokenized once.
//
// The model runs sentence by sentence, as prose.NewDocument would over
// each sentence's text: with model.SharedRepeats, a run of text repeated
// within a sentence gets the tag and label of its last occurrence, prose's
// behaviour.
type NER struct {
	model   *model.Model
	repeats model.Repeats
}

// NewNER returns the stage with the shared default model.
func NewNER(repeats model.Repeats) NER { return NER{model: model.Default(), repeats: repeats} }

func (n NER) Process(d *Doc) error {
	d.Model = d.Model[:0]
	toks := d.ModelTokens
	var labeled []labeledToken
	k := 0
	for _, s := range d.Sentences {
		for k < len(toks) && toks[k].Start < s.Start {
			k++
		}
		first := k
		for k < len(toks) && toks[k].End <= s.End {
			k++
		}
		if first == k {
			continue
		}
		n.model.Annotate(toks[first:k], n.repeats)
		labeled = labeled[:0]
		for _, t := range toks[first:k] {
			labeled = append(labeled, labeledToken{Span{t.Start, t.End}, mapLabel(t.Label)})
		}
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
// often gives the words of one name different types ("Talant/GPE
// Abdykerov/PERSON"). So adjacent labeled tokens, separated by nothing but
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
