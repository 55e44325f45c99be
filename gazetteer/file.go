package gazetteer

import (
	"os"
	"path/filepath"
	"strings"
)

// ReadFile reads a gazetteer file: CSV (.csv) or TSV (.tsv) with a header
// row (see ParseTable), or else the text format of this package.
func ReadFile(path string) ([]*Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return ParseTable(f, path, ',')
	case ".tsv":
		return ParseTable(f, path, '\t')
	}
	return Parse(f, path)
}
