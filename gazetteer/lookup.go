package gazetteer

import "github.com/extract-ca/extract/text"

// LookupResult says which entries a name in a string matches, and how.
type LookupResult struct {
	Text    string   // the matched part of the string
	Key     string   // the folded key it matched under
	Entries []*Entry // the entries with that name
}

// Lookup matches s as a text (segmented by text.Segment, as the pipeline
// segments a document) and reports every hit with its key; a tool for
// people checking why a spelling does or does not match.
func (m *Matcher) Lookup(s string) []LookupResult {
	var out []LookupResult
	for _, h := range m.Match(text.Segment(s, nil)) {
		out = append(out, LookupResult{Text: s[h.Start:h.End], Key: h.Key, Entries: h.Entries})
	}
	return out
}
