// Package output defines the JSONL records that `extract run` writes, one per
// input document, with a streaming Writer and Reader for them.
//
// Every offset a user sees is a Unicode code point offset (the index of a
// Python string, end exclusive); byte offsets are given beside them for Go
// and other byte-oriented consumers. A mention's Text always equals the
// document text at both pairs of offsets.
//
// A document that could not be processed is written as a Record with only
// ID, Source and Error set, in the place its result would have had.
package output

// Record is one line of output: the mention graph of one document.
type Record struct {
	ID        string    `json:"id"`
	Source    string    `json:"source"`
	SHA256    string    `json:"sha256,omitempty"`
	Length    int       `json:"length"` // code points
	Sentences [][2]int  `json:"sentences"`
	Mentions  []Mention `json:"mentions"`
	Entities  []Entity  `json:"entities"`
	Edges     []Edge    `json:"edges"`
	Error     string    `json:"error,omitempty"`
}

// Mention is one occurrence of a name in the text.
type Mention struct {
	ID        string `json:"id"` // "m0", "m1", ... in text order
	Start     int    `json:"start"`
	End       int    `json:"end"`
	ByteStart int    `json:"byte_start"`
	ByteEnd   int    `json:"byte_end"`
	Text      string `json:"text"`
	Label     string `json:"label"`  // PERSON, PLACE or GROUP
	Entity    string `json:"entity"` // Entity.ID
	Source    string `json:"source"` // gazetteer, ner or rule
	Sentence  int    `json:"sentence"`
}

// Entity is one thing the document names, with the mentions that name it.
type Entity struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	Name  string `json:"name"`
	Kind  string `json:"kind,omitempty"`
	// Key is the folded key of the name of an entity the gazetteer does
	// not know (id auto/...): its words lower-cased, transliterated and
	// with the spelling habits of Central Asian names folded ("Kholmurodov"
	// and "Holmurodov" both give "holmurodov"). Ids keep spellings apart,
	// keys do not: `extract graph` merges the auto entities of one label
	// and key across documents. Absent for every other entity.
	Key      string   `json:"key,omitempty"`
	Mentions []string `json:"mentions"`
	// Candidates are the gazetteer ids an ambiguous entity may be, when
	// the document names a body that several entries share ("Supreme
	// Court") and does not say which one it is; absent otherwise.
	Candidates []string `json:"candidates,omitempty"`
}

// Edge links two entities of the document. Relation "sentence" counts the
// sentences in which both are mentioned (Weight). It is the only relation:
// that two entities share a document is already said by the entity list.
type Edge struct {
	Source   string `json:"source"`
	Target   string `json:"target"`
	Relation string `json:"relation"`
	Weight   int    `json:"weight"`
}

// Labels are the three entity labels of the mention graph.
const (
	LabelPerson = "PERSON"
	LabelPlace  = "PLACE"
	LabelGroup  = "GROUP"
)

// Mention sources.
const (
	SourceGazetteer = "gazetteer"
	SourceNER       = "ner"
	SourceRule      = "rule"
)

// RelationSentence is the relation of every edge: both entities are named
// in the same sentence.
const RelationSentence = "sentence"
