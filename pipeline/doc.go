// Package pipeline turns article text into a mention graph.
//
// One Doc flows through small stages, each in its own file with one job:
//
//	tokenize   the model's tokens, refined into the document's, byte offsets (segment.go, package text)
//	sentences  sentence spans; a sentence never crosses a blank line (segment.go, package text)
//	gazetteer  names of the gazetteer, longest match over words (gazetteer.go)
//	domains    sites named by their domain, Steppenews.kz (domains.go)
//	citations  authors of references, and the titles whose names are no mentions (citations.go)
//	works      titles of works named in running text, also no mentions (works.go)
//	orgnames   organisations by the shape of their names, Willowmere Institute (orgnames.go)
//	ner        the statistical model (package model) per sentence, spans from IOB labels (ner.go)
//	clean      the model's spans trimmed to names, non-names dropped (clean.go)
//	resolve    one precedence policy: which candidate becomes a mention (resolve.go)
//	acronyms   "Long Form (LF)" defines LF for the rest of the document (acronyms.go)
//	coref      the forms of one name join its fullest form: "Kholmurodov" after "Jamshid Kholmurodov" (coref.go)
//	link       an entity id for every mention, stable across documents (link.go)
//	graph      entities and the edges between them (graph.go)
//
// Offsets are bytes inside the package; Record converts them to Unicode code
// points for the outside world, in one place (text.CodePoints, called by Record).
//
// Use:
//
//	p, err := pipeline.New(pipeline.Config{NER: true})
//	doc, err := p.Process("id", "source.txt", text)
//	rec := doc.Record()
package pipeline

import (
	"sort"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/model"
	"github.com/extract-ca/extract/output"
	"github.com/extract-ca/extract/text"
)

// Span is a byte range of the document text, end exclusive.
type Span = text.Span

// Token is one token of the text; Text is the document text at its span.
type Token = text.Token

// Mention is a name found in the text.
type Mention struct {
	Span
	Label  string // PERSON, PLACE or GROUP
	Source string // gazetteer, ner or rule

	// Entries are the gazetteer entries the name may refer to, in gazetteer
	// order; empty for model mentions. Link picks one of them.
	Entries   []*gazetteer.Entry
	Ambiguous bool // matched through an alias marked ambiguous

	// hint is the label the model clean-up's evidence gives a model span
	// (initials: a person; an organisation's head noun: a group), applied
	// by resolve; "" for none.
	hint string

	// Ref is the index in Doc.Mentions of the mention this one abbreviates
	// or repeats (set by the coref and acronyms stages), or -1; link gives
	// it that mention's entity and label.
	Ref int

	Entity   string // entity id, set by link
	Name     string // canonical name of the entity, set by link
	Key      string // the folded key of an auto entity's name (AutoKey), set by link
	Kind     string // kind of the entity when known, set by link
	Sentence int    // index into Doc.Sentences

	// Candidates are the gazetteer ids an ambiguous entity may be (set by
	// link when the document cannot tell which of them the name is).
	Candidates []string
}

// label is the mention's label with the clean-up's hint applied.
func (m Mention) label() string {
	if m.hint != "" {
		return m.hint
	}
	return m.Label
}

// Entity is one thing the document names.
type Entity struct {
	ID       string
	Label    string
	Name     string
	Kind     string
	Key      string // the folded key of an auto entity's name (AutoKey)
	Mentions []int  // indexes into Doc.Mentions

	Candidates []string // the ids an ambiguous entity may be
}

// Edge links two entities (ids, Source < Target). It is the output's type,
// so that Record hands a document's edges over as they are: there are as
// many as pairs of entities, and copying them field by field cost more
// than building them.
type Edge = output.Edge

// Doc is one document on its way through the pipeline. Each stage reads
// what earlier stages set and adds its own part; none re-reads the input.
type Doc struct {
	ID     string
	Source string
	Text   string

	ModelTokens []model.Token // tokenize, when the pipeline has the ner stage: the statistical model's tokens; ner sets their tags and labels
	Tokens      []Token       // tokenize: the model's tokens refined, covering every visible character
	Sentences   []Span        // sentences
	Gazetteer   []Mention     // gazetteer: candidate hits, possibly overlapping
	Rules       []Mention     // domains, citations, orgnames: candidate hits of rules
	Titles      []Span        // citations, works: titles of works, where names are no mentions
	Model       []Mention     // ner: candidate model hits
	Cleaned     []Mention     // clean: model hits trimmed, non-names dropped
	cleaned     bool          // clean ran: resolve reads Cleaned, else the raw Model
	// modelPolicy is which repairs of clean and resolve apply to the
	// model's spans (nil: prose's weights, all of them); ner sets it.
	modelPolicy *modelPolicy
	Mentions    []Mention // resolve (and acronyms, link): final mentions in text order
	Entities    []Entity  // graph
	Edges       []Edge    // graph

	lower     map[string]bool // tokens written in lower case, built on demand (usedInLowerCase)
	lowerDone bool            // lower is built for this document
	lists     *words          // the pipeline's word lists (nil: the embedded ones); read through words()

	// Buffers a pipeline's Record keeps for the next document.
	hits       []gazetteer.Hit // gazetteer: the matcher's hits
	candidates []Mention       // resolve: the gazetteer's and rules' candidates
}

// segmentation returns the document's tokens and sentences as package text
// has them, for code outside the pipeline's stages (the gazetteer matcher).
func (d *Doc) segmentation() text.Segmentation {
	return text.Segmentation{Text: d.Text, Tokens: d.Tokens, Sentences: d.Sentences}
}

// within returns the part of the document's segmentation inside s: the
// tokens that lie wholly in it, as one sentence, so that a name is matched
// in s as in a text of its own. Offsets stay the document's.
func (d *Doc) within(s Span) text.Segmentation {
	lo := sort.Search(len(d.Tokens), func(k int) bool { return d.Tokens[k].Start >= s.Start })
	hi := lo
	for hi < len(d.Tokens) && d.Tokens[hi].End <= s.End {
		hi++
	}
	return text.Segmentation{Text: d.Text, Tokens: d.Tokens[lo:hi], Sentences: []Span{s}}
}

// AtSentenceStart reports whether byte offset i begins its sentence, but
// for opening quotes, brackets and markup before it.
func (d *Doc) AtSentenceStart(i int) bool { return d.segmentation().AtSentenceStart(i) }

// SentenceOf returns the index of the sentence that contains byte offset
// i, or the last sentence that starts before it.
func (d *Doc) SentenceOf(i int) int { return d.segmentation().SentenceOf(i) }

// sortMentions orders mentions by start and keeps Ref pointing at the same
// mention.
func sortMentions(ms []Mention) {
	idx := make([]int, len(ms))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return ms[idx[a]].Start < ms[idx[b]].Start })
	newPos := make([]int, len(ms))
	sorted := make([]Mention, len(ms))
	for to, from := range idx {
		newPos[from] = to
		sorted[to] = ms[from]
	}
	for i := range sorted {
		if sorted[i].Ref >= 0 {
			sorted[i].Ref = newPos[sorted[i].Ref]
		}
	}
	copy(ms, sorted)
}
