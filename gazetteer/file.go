package gazetteer

import (
	"os"
)

// ReadFile reads a gazetteer file in the format of this package.
func ReadFile(path string) ([]*Entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Parse(f, path)
}
