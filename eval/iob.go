package eval

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// taggedToken is one token of a CoNLL or GMB file with its IOB tag.
type taggedToken struct {
	text string
	tag  string
	line int
}

type sentence []taggedToken

// chunk is a run of tokens [first, end) that names one entity of type typ.
type chunk struct {
	first, end int
	typ        string
}

// chunks decodes IOB1 and IOB2 alike. B-X always starts a span. I-X
// continues an open X span and otherwise starts one: in IOB2 that case
// does not arise, and in IOB1 it is how a span starts after O or after a
// span of another type, B- being kept for two adjacent spans of one type.
// A tag that is neither O nor B-/I- plus a type is reported and read as O.
func chunks(s sentence, report func(line int, err error)) []chunk {
	var (
		out  []chunk
		open = -1 // index in out of the span the next I- may continue
	)
	for i, tok := range s {
		prefix, typ, ok := splitTag(tok.tag)
		if !ok {
			report(tok.line, fmt.Errorf("%w, got %q", ErrTag, tok.tag))
		}
		switch {
		case !ok || prefix == "O":
			open = -1
		case prefix == "I" && open >= 0 && out[open].typ == typ:
			out[open].end = i + 1
		default:
			out = append(out, chunk{first: i, end: i + 1, typ: typ})
			open = len(out) - 1
		}
	}
	return out
}

func splitTag(tag string) (prefix, typ string, ok bool) {
	if tag == "O" {
		return "O", "", true
	}
	prefix, typ, found := strings.Cut(tag, "-")
	if !found || typ == "" || (prefix != "B" && prefix != "I") {
		return "", "", false
	}
	return prefix, typ, true
}

// buildDocument rebuilds the text of tokenised sentences, tokens joined by
// one space and sentences by "\n", and places each chunk whose type
// labelMap maps at the code point offsets of its tokens. Tokens are made
// valid UTF-8 first so that the offsets count what a reader of the text
// sees.
func buildDocument(id string, sents []sentence, labelMap map[string]string, report func(line int, err error)) Document {
	var (
		text  strings.Builder
		spans []Span
		pos   int // code points written so far
	)
	for si, sent := range sents {
		if si > 0 {
			text.WriteByte('\n')
			pos++
		}
		starts := make([]int, len(sent))
		ends := make([]int, len(sent))
		for ti, tok := range sent {
			if ti > 0 {
				text.WriteByte(' ')
				pos++
			}
			t := strings.ToValidUTF8(tok.text, "\uFFFD")
			starts[ti] = pos
			text.WriteString(t)
			pos += utf8.RuneCountInString(t)
			ends[ti] = pos
		}
		for _, c := range chunks(sent, report) {
			label, ok := labelMap[c.typ]
			if !ok || !isLabel(label) {
				continue
			}
			if start, end := starts[c.first], ends[c.end-1]; start < end {
				spans = append(spans, Span{Start: start, End: end, Label: label})
			}
		}
	}
	return Document{ID: id, Text: text.String(), Spans: spans}
}

// groupDocuments makes a document of every size sentences, numbered
// "<file>#1", "<file>#2", ...: news articles run to some tens of sentences,
// and the pipeline's document-level steps (coreference, acronyms) need
// article-sized texts to do what they do on real input.
func groupDocuments(file string, sents []sentence, size int, labelMap map[string]string, report func(int, error)) []Document {
	var docs []Document
	for i := 0; i < len(sents); i += size {
		group := sents[i:min(i+size, len(sents))]
		docs = append(docs, buildDocument(documentID(file, len(docs)+1), group, labelMap, report))
	}
	return docs
}

func documentID(file string, n int) string { return file + "#" + strconv.Itoa(n) }
