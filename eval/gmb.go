package eval

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/extract-ca/extract/internal/fileerr"
)

// sentencesPerGMBDocument is the size of the documents made from a GMB
// file, which has no document boundaries: about one short news story.
const sentencesPerGMBDocument = 20

// ReadGMB reads the GMB corpus as published on Kaggle ("Annotated Corpus
// for Named Entity Recognition", ner_dataset.csv):
//
//	Sentence #,Word,POS,Tag
//	Sentence: 1,Thousands,NNS,O
//	,of,IN,O
//	,London,NNP,B-geo
//
// The first token of a sentence has "Sentence: N" in the first column;
// the word is the second column and the IOB2 tag the last one. Fields may
// be quoted and lines end in CRLF. Every 20 sentences make one document,
// named "<file>#1", "<file>#2", ..., with text built as in ReadCoNLL.
//
// A file that does not end in a line end was cut short, as the copy in
// shared/external is: its last sentence is dropped, since a sentence cut
// in the middle would score its cut entity as a miss.
//
// Types go through labelMap and types it does not map are dropped; nil
// means GMBLabelMap. Problems are reported in a fileerr.ErrorList.
func ReadGMB(r io.Reader, file string, labelMap map[string]string) ([]Document, error) {
	if labelMap == nil {
		labelMap = gmbLabels
	}
	var (
		errs   fileerr.ErrorList
		report = func(line int, err error) { errs.Add(file, line, err) }
		tail   = &lastByteReader{r: r}
		cr     = csv.NewReader(tail)
		sents  []sentence
		sent   sentence
		open   bool // a "Sentence:" row has been read
		first  = true
	)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		var perr *csv.ParseError
		if errors.As(err, &perr) {
			report(perr.Line, fmt.Errorf("%w: %v", ErrRow, perr.Err))
			continue
		}
		if err != nil {
			report(0, err)
			break
		}
		line, _ := cr.FieldPos(0)
		if first {
			first = false
			if strings.TrimSpace(rec[0]) == "Sentence #" {
				continue
			}
		}
		if len(rec) < 4 {
			report(line, fmt.Errorf("%w: want Sentence #,Word,POS,Tag, got %d fields", ErrRow, len(rec)))
			continue
		}
		switch marker := strings.TrimSpace(rec[0]); {
		case strings.HasPrefix(marker, "Sentence:"):
			if len(sent) > 0 {
				sents = append(sents, sent)
			}
			sent, open = nil, true
		case marker != "":
			report(line, fmt.Errorf("%w: first column is %q, want \"Sentence: N\" or nothing", ErrRow, rec[0]))
		case !open:
			report(line, fmt.Errorf("%w: token before the first \"Sentence: N\" row", ErrRow))
			open = true
		}
		sent = append(sent, taggedToken{text: rec[1], tag: strings.TrimSpace(rec[len(rec)-1]), line: line})
	}
	if len(sent) > 0 && tail.last == '\n' {
		sents = append(sents, sent)
	}
	return groupDocuments(file, sents, sentencesPerGMBDocument, labelMap, report), errs.Err()
}

// lastByteReader remembers the last byte read, to tell a file that ends
// in a line end from one cut short.
type lastByteReader struct {
	r    io.Reader
	last byte
}

func (l *lastByteReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	if n > 0 {
		l.last = p[n-1]
	}
	return n, err
}
