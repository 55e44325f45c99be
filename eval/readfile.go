package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Gold file formats accepted by ReadFile.
const (
	FormatJSONL   = "jsonl"
	FormatDoccano = "doccano"
	FormatCoNLL   = "conll"
	FormatGMB     = "gmb"
)

// ReadFile reads the gold file at path in the given format, or sniffs the
// format when format is "": a .jsonl or .json file whose first object has
// "spans" is ours, one with "label" or "entities" is doccano; a .csv file
// is GMB; anything else is CoNLL. labelMap is passed to the reader (nil
// means the format's default map); our own JSONL format takes no map.
func ReadFile(path, format string, labelMap map[string]string) ([]Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if format == "" {
		format = sniffFormat(path, data)
	}
	r := bytes.NewReader(data)
	switch format {
	case FormatJSONL:
		return ReadJSONL(r, path)
	case FormatDoccano:
		return ReadDoccano(r, path, labelMap)
	case FormatCoNLL:
		return ReadCoNLL(r, path, labelMap)
	case FormatGMB:
		return ReadGMB(r, path, labelMap)
	}
	return nil, fmt.Errorf("unknown gold format %q: want %s, %s, %s or %s", format, FormatJSONL, FormatDoccano, FormatCoNLL, FormatGMB)
}

func sniffFormat(path string, data []byte) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".jsonl", ".json":
		return sniffJSONFormat(data)
	case ".csv":
		return FormatGMB
	}
	return FormatCoNLL
}

// sniffJSONFormat looks at the keys of the first non-blank line. When it
// cannot tell, it says ours, whose reader then reports what is wrong.
func sniffJSONFormat(data []byte) string {
	lr := newLineReader(bytes.NewReader(data))
	for {
		b, err := lr.next()
		if err != nil {
			return FormatJSONL
		}
		if len(bytes.TrimSpace(b)) == 0 {
			continue
		}
		var keys map[string]json.RawMessage
		if json.Unmarshal(b, &keys) != nil {
			return FormatJSONL
		}
		_, spans := keys["spans"]
		_, label := keys["label"]
		_, entities := keys["entities"]
		if !spans && (label || entities) {
			return FormatDoccano
		}
		return FormatJSONL
	}
}
