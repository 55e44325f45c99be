package eval

import (
	"fmt"
	"io"
	"strings"

	"github.com/extract-ca/extract/internal/fileerr"
)

// sentencesPerCoNLLDocument is the size of the documents made from a CoNLL
// file that has no -DOCSTART- lines: about one news article.
const sentencesPerCoNLLDocument = 50

// ReadCoNLL reads a CoNLL-style file: one token per line, its tag in the
// last column (space or tab separated, so CoNLL-2003, WikiGold and the
// tab-separated WNUT-17 files all read), blank lines between sentences.
// Tags are IOB1 or IOB2, read alike (see chunks).
//
// The text of a document is its tokens joined by single spaces and its
// sentences joined by "\n"; spans get code point offsets into that text.
// "-DOCSTART-" lines separate documents. A file with no -DOCSTART- line at
// all is cut into documents of 50 sentences, so that the pipeline sees
// article-sized texts. Documents are named "<file>#1", "<file>#2", ... in
// file order; a -DOCSTART- with no sentences after it makes no document.
//
// Types go through labelMap and types it does not map are dropped; nil
// means DefaultLabelMap. Lines with no tag column and malformed tags are
// reported in a fileerr.ErrorList.
func ReadCoNLL(r io.Reader, file string, labelMap map[string]string) ([]Document, error) {
	if labelMap == nil {
		labelMap = conllLabels
	}
	var (
		errs        fileerr.ErrorList
		report      = func(line int, err error) { errs.Add(file, line, err) }
		lr          = newLineReader(r)
		docs        [][]sentence // split at -DOCSTART-
		doc         []sentence
		sent        sentence
		sawDocstart bool
	)
	endSentence := func() {
		if len(sent) > 0 {
			doc = append(doc, sent)
			sent = nil
		}
	}
	endDocument := func() {
		endSentence()
		if len(doc) > 0 {
			docs = append(docs, doc)
			doc = nil
		}
	}
	for {
		b, err := lr.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			report(lr.line+1, err)
			break
		}
		fields := strings.FieldsFunc(string(b), isColumnSeparator)
		switch {
		case len(fields) == 0:
			endSentence()
		case fields[0] == "-DOCSTART-":
			endDocument()
			sawDocstart = true
		case len(fields) == 1:
			report(lr.line, fmt.Errorf("%w: a token with no tag column", ErrRow))
		default:
			sent = append(sent, taggedToken{text: fields[0], tag: fields[len(fields)-1], line: lr.line})
		}
	}
	endDocument()

	if !sawDocstart {
		var all []sentence
		for _, d := range docs {
			all = append(all, d...)
		}
		return groupDocuments(file, all, sentencesPerCoNLLDocument, labelMap, report), errs.Err()
	}
	out := make([]Document, 0, len(docs))
	for _, d := range docs {
		out = append(out, buildDocument(documentID(file, len(out)+1), d, labelMap, report))
	}
	return out, errs.Err()
}

// isColumnSeparator splits on ASCII blanks only, so that a token such as a
// lone no-break space stays a token.
func isColumnSeparator(r rune) bool {
	return r == ' ' || r == '\t' || r == '\v' || r == '\f' || r == '\r'
}
