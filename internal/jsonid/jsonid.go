// Package jsonid reads the "id" of a JSON Lines document, which the formats
// we read write as a string or as a number. The batch inputs and the eval
// gold readers share it so that an id means the same in both: a gold file
// run through `extract run --input jsonl` keeps its ids.
package jsonid

import "encoding/json"

// Parse returns the id written in raw: a JSON string as it is, a number in
// its JSON spelling. A missing or null id is "" with ok true, so that each
// caller decides what an absent id means; ok is false only when raw is
// something else (an object, an array, a boolean).
func Parse(raw json.RawMessage) (id string, ok bool) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", true
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, true
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), true
	}
	return "", false
}
