package pipeline

import (
	"iter"
	"strings"

	"github.com/extract-ca/extract/model"
	"github.com/extract-ca/extract/output"
)

// NER runs the statistical model (Config.Model, a trained entity model
// such as extract's default, or prose's English model when it is nil,
// through package model) over each sentence's tokens and turns their IOB
// labels into mentions. The tokens are the ones the tokenize stage made: the text is
// tokenized once.
//
// The model runs sentence by sentence, as prose.NewDocument would over
// each sentence's text: with model.SharedRepeats, a run of text repeated
// within a sentence gets the tag and label of its last occurrence, prose's
// behaviour.
//
// With a trained model (Config.Model), prose's model gives the POS tags
// and the trained one the labels, over the whole document so that its
// document memory sees every sentence, with the gazetteer's matches when
// it was trained with them.
type NER struct {
	model   *model.Model
	repeats model.Repeats
	trained *model.EntityTagger
}

func (n NER) Process(d *Doc) error {
	if n.trained != nil {
		return n.processTrained(d)
	}
	d.Model, d.modelPolicy = d.Model[:0], nil
	toks := d.ModelTokens
	var labeled []labeledToken
	for first, k := range sentenceTokens(d) {
		n.model.Annotate(toks[first:k], n.repeats)
		labeled = labeled[:0]
		for _, t := range toks[first:k] {
			labeled = append(labeled, labeledToken{Span{Start: t.Start, End: t.End}, mapLabel(t.Label)})
		}
		d.Model = appendModelSpans(d.words().orgHeads, d.Text, labeled, d.Model)
	}
	return nil
}

// sentenceTokens yields each sentence's share of the model's tokens, as
// the index of its first token and the index after its last. A sentence
// boundary always falls between whitespace-separated runs, so every model
// token lies in exactly one sentence.
func sentenceTokens(d *Doc) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		toks := d.ModelTokens
		k := 0
		for _, s := range d.Sentences {
			for k < len(toks) && toks[k].Start < s.Start {
				k++
			}
			first := k
			for k < len(toks) && toks[k].End <= s.End {
				k++
			}
			if first < k && !yield(first, k) {
				return
			}
		}
	}
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
func appendModelSpans(orgHeads map[string]bool, text string, toks []labeledToken, out []Mention) []Mention {
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
			Span:   Span{Start: toks[k].Start, End: toks[j-1].End},
			Label:  runLabel(orgHeads, text, toks[k:j]),
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
func runLabel(orgHeads map[string]bool, text string, run []labeledToken) string {
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

// processTrained labels the document with the trained model. Its labels
// are BIO: a B- starts a new name even right after another, so that
// "Kazakhstan Uzbekistan" lists stay two names.
func (n NER) processTrained(d *Doc) error {
	d.Model, d.modelPolicy = d.Model[:0], &trainedPolicy
	toks := d.ModelTokens
	var sents []model.Sentence
	for first, k := range sentenceTokens(d) {
		n.model.Tag(toks[first:k], n.repeats)
		sents = append(sents, model.Sentence{Start: first, End: k})
	}
	var hits []model.GazMatch
	if n.trained.Gazetteer {
		for _, g := range d.Gazetteer {
			kind := ""
			if len(g.Entries) > 0 {
				kind = g.Entries[0].Kind
			}
			hits = append(hits, model.GazMatch{Start: g.Start, End: g.End, Type: g.Label, Kind: kind})
		}
	}
	n.trained.Annotate(toks, sents, hits)
	var margins []float32
	var gazetteer *spanIndex
	if n.trained.MinMargin > 0 {
		margins = n.trained.Margins(toks, sents, hits)
		gazetteer = newSpanIndex(spansOf(d.Gazetteer, nil))
	}
	for _, s := range sents {
		for i := s.Start; i < s.End; {
			typ, ok := strings.CutPrefix(toks[i].Label, "B-")
			if !ok {
				i++ // O, or an I- the tagger never gives without a B-
				continue
			}
			j := i + 1
			for j < s.End && toks[j].Label == "I-"+typ {
				j++
			}
			span := Span{Start: toks[i].Start, End: toks[j-1].End}
			if margins != nil && closeCall(margins[i:j], span, gazetteer, n.trained.MinMargin) {
				i = j
				continue
			}
			d.Model = append(d.Model, Mention{
				Span:   span,
				Label:  typ,
				Source: output.SourceNER,
				Ref:    -1,
			})
			i = j
		}
	}
	return nil
}
