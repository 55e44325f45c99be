package eval

// Report is the result of Score. Its JSON form (WriteJSON) is the stable
// shape documented in the package comment; field names there are the json
// tags here.
type Report struct {
	Documents DocumentCounts `json:"documents"`
	Mentions  MentionCounts  `json:"mentions"`
	// Schemes are strict, exact, partial and type, in that order.
	Schemes     []SchemeScores `json:"schemes"`
	Coreference Coreference    `json:"coreference"`
	// MissingDocs are gold documents with no prediction: all their spans
	// count as missed. ExtraDocs are predicted documents with no gold,
	// which are not scored. FailedDocs are gold documents whose
	// prediction failed (output.Record Error): scored with no spans.
	MissingDocs []string `json:"missing_docs"`
	ExtraDocs   []string `json:"extra_docs"`
	FailedDocs  []string `json:"failed_docs"`
	// Errors lists every strict-scheme false positive and false negative
	// in gold document order. Run leaves it out of the JSON unless asked.
	Errors []Mistake `json:"errors,omitempty"`
}

// DocumentCounts says how many documents each side had and how many were
// scored against a prediction.
type DocumentCounts struct {
	Gold      int `json:"gold"`
	Predicted int `json:"predicted"`
	Scored    int `json:"scored"` // gold documents with a prediction, failed ones included
	Missing   int `json:"missing"`
	Extra     int `json:"extra"`
	Failed    int `json:"failed"`
}

// MentionCounts counts spans with a known label: all gold ones, and the
// predicted ones of scored documents.
type MentionCounts struct {
	Gold      int `json:"gold"`
	Predicted int `json:"predicted"`
}

// SchemeScores are one scheme's counts and scores.
type SchemeScores struct {
	Scheme string `json:"scheme"` // strict, exact, partial or type
	Micro  Counts `json:"micro"`  // over all spans
	// Macro is the mean of the per-label precisions, recalls and F1s over
	// MacroLabels: the labels that occur in the gold or the predictions,
	// so that a label absent from a gold set does not add a 0.
	Macro       PRF               `json:"macro"`
	MacroLabels []string          `json:"macro_labels"`
	Labels      map[string]Counts `json:"labels"` // PERSON, PLACE, GROUP, always all three
}

// Scheme returns the scores of the named scheme, or nil.
func (r *Report) Scheme(name string) *SchemeScores {
	for i := range r.Schemes {
		if r.Schemes[i].Scheme == name {
			return &r.Schemes[i]
		}
	}
	return nil
}
