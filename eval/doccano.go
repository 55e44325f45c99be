package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
)

// doccanoDocument is one line of a doccano sequence-labelling export, in
// either of its two shapes: "label" holds [start, end, "LABEL"] triples
// (doccano before 1.6), "entities" holds objects (later versions). Older
// exports name the text "data".
type doccanoDocument struct {
	documentHead
	Data     *string           `json:"data"`
	Label    []json.RawMessage `json:"label"`
	Entities []doccanoEntity   `json:"entities"`
}

type doccanoEntity struct {
	Start *int   `json:"start_offset"`
	End   *int   `json:"end_offset"`
	Label string `json:"label"`
}

// ReadDoccano reads a doccano JSONL export:
//
//	{"id": 7, "text": "...", "label": [[10, 19, "LOC"]]}
//	{"id": 8, "text": "...", "entities": [{"start_offset": 10, "end_offset": 19, "label": "LOC"}]}
//
// doccano's offsets are Python string indices, that is code points, like
// ours. The document id is the "id" field (a number or a string) or, when
// there is none, "<file>:<line>". Labels go through labelMap; labels it
// does not map are dropped. A nil labelMap keeps PERSON, PLACE and GROUP
// and maps PER, LOC and ORG.
//
// Problems are reported as for ReadJSONL, as one fileerr.ErrorList.
func ReadDoccano(r io.Reader, file string, labelMap map[string]string) ([]Document, error) {
	if labelMap == nil {
		labelMap = doccanoLabelMap
	}
	return readDocumentLines(r, file, func(b []byte, line int, report func(error)) (Document, bool) {
		doc, ok := parseDoccanoDocument(b, labelMap, report)
		if ok && doc.ID == "" {
			doc.ID = file + ":" + strconv.Itoa(line)
		}
		return doc, ok
	})
}

func parseDoccanoDocument(b []byte, labelMap map[string]string, report func(error)) (Document, bool) {
	var raw doccanoDocument
	id, ok := decodeDocument(b, &raw, &raw.documentHead, report)
	if !ok {
		return Document{}, false
	}
	if raw.Text == nil {
		raw.Text = raw.Data
	}
	if raw.Text == nil {
		report(fmt.Errorf("%w: document has no \"text\"", ErrMissingField))
		return Document{}, false
	}
	text := newCodePoints(*raw.Text)
	var spans []Span
	keep := func(at string, start, end int, label string) {
		if err := checkOffsets(start, end, len(text)); err != nil {
			report(fmt.Errorf("%s: %w", at, err))
			return
		}
		if mapped, ok := labelMap[label]; ok && isLabel(mapped) {
			spans = append(spans, Span{Start: start, End: end, Label: mapped})
		}
	}
	for i, triple := range raw.Label {
		at := "label[" + strconv.Itoa(i) + "]"
		start, end, label, err := parseLabelTriple(triple)
		if err != nil {
			report(fmt.Errorf("%s: %w", at, err))
			continue
		}
		keep(at, start, end, label)
	}
	for i, e := range raw.Entities {
		at := "entities[" + strconv.Itoa(i) + "]"
		if e.Start == nil || e.End == nil {
			report(fmt.Errorf("%w: %s has no \"start_offset\" or \"end_offset\"", ErrMissingField, at))
			continue
		}
		keep(at, *e.Start, *e.End, e.Label)
	}
	spans = dropOverlaps(spans, report)
	return Document{ID: id, Text: *raw.Text, Spans: spans}, true
}

// parseLabelTriple reads one [start, end, "LABEL"] entry.
func parseLabelTriple(raw json.RawMessage) (start, end int, label string, err error) {
	var parts []json.RawMessage
	if json.Unmarshal(raw, &parts) != nil || len(parts) != 3 ||
		json.Unmarshal(parts[0], &start) != nil ||
		json.Unmarshal(parts[1], &end) != nil ||
		json.Unmarshal(parts[2], &label) != nil {
		return 0, 0, "", fmt.Errorf("%w: %s is not [start, end, \"LABEL\"]", ErrSyntax, raw)
	}
	return start, end, label, nil
}
