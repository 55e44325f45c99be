package output

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"strings"
	"testing"
)

// encodingJSON is what the Writer wrote before it had its own encoder, and
// the reference AppendJSON must equal byte for byte; for an error record,
// the reference is its three keys alone.
func encodingJSON(t testing.TB, r *Record) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	var v any = r
	if r.Error != "" {
		v = struct {
			ID     string `json:"id"`
			Source string `json:"source"`
			Error  string `json:"error"`
		}{r.ID, r.Source, r.Error}
	}
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func checkSame(t *testing.T, r *Record) {
	t.Helper()
	want := encodingJSON(t, r)
	got := append(r.AppendJSON(nil), '\n')
	if !bytes.Equal(got, want) {
		t.Fatalf("AppendJSON differs from encoding/json\n got: %s\nwant: %s", got, want)
	}
}

// oddRunes are the characters JSON encoders disagree about, and some
// ordinary ones between them.
var oddRunes = []rune{
	'a', 'Z', '0', ' ', '"', '\\', '/', '<', '>', '&', '\'', '\x00', '\x01', '\b', '\t', '\n',
	'\f', '\r', '\x1b', '\x1f', '\x7f', '\u0080', '\u00e9', '\u2028', '\u2029', '\ufffd',
	'\ufeff', 'ж', 'Ә', '\u200b', '😀', '\U0010ffff',
}

func randString(r *rand.Rand) string {
	if r.Intn(5) == 0 {
		return ""
	}
	var b strings.Builder
	for n := r.Intn(12); n > 0; n-- {
		b.WriteRune(oddRunes[r.Intn(len(oddRunes))])
	}
	return b.String()
}

func randInt(r *rand.Rand) int {
	switch r.Intn(4) {
	case 0:
		return 0
	case 1:
		return -r.Intn(1000)
	case 2:
		return r.Int()
	}
	return r.Intn(100000)
}

// randRecord makes a record with random strings, numbers, and nil, empty
// and filled slices.
func randRecord(r *rand.Rand) *Record {
	rec := &Record{ID: randString(r), Source: randString(r), SHA256: randString(r), Length: randInt(r), Error: randString(r)}
	size := func() int {
		switch r.Intn(3) {
		case 0:
			return -1 // nil
		case 1:
			return 0
		}
		return 1 + r.Intn(4)
	}
	if n := size(); n >= 0 {
		rec.Sentences = make([][2]int, n)
		for i := range rec.Sentences {
			rec.Sentences[i] = [2]int{randInt(r), randInt(r)}
		}
	}
	if n := size(); n >= 0 {
		rec.Mentions = make([]Mention, n)
		for i := range rec.Mentions {
			rec.Mentions[i] = Mention{ID: randString(r), Start: randInt(r), End: randInt(r), ByteStart: randInt(r),
				ByteEnd: randInt(r), Text: randString(r), Label: randString(r), Entity: randString(r),
				Source: randString(r), Sentence: randInt(r)}
		}
	}
	if n := size(); n >= 0 {
		rec.Entities = make([]Entity, n)
		for i := range rec.Entities {
			e := Entity{ID: randString(r), Label: randString(r), Name: randString(r), Kind: randString(r), Key: randString(r)}
			if r.Intn(2) == 0 {
				e.Candidates = []string{randString(r), randString(r)}
			}
			if k := size(); k >= 0 {
				e.Mentions = make([]string, k)
				for j := range e.Mentions {
					e.Mentions[j] = randString(r)
				}
			}
			rec.Entities[i] = e
		}
	}
	if n := size(); n >= 0 {
		rec.Edges = make([]Edge, n)
		for i := range rec.Edges {
			rec.Edges[i] = Edge{Source: randString(r), Target: randString(r), Relation: randString(r), Weight: randInt(r)}
		}
	}
	return rec
}

func TestAppendJSONRandomRecords(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 20000; i++ {
		checkSame(t, randRecord(r))
	}
}

func TestAppendJSONEmptyAndErrorRecords(t *testing.T) {
	checkSame(t, &Record{})
	checkSame(t, &Record{ID: "doc", Source: "doc.txt", Error: "doc.txt: line 3: invalid UTF-8"})
	checkSame(t, &Record{ID: "doc", Sentences: [][2]int{}, Mentions: []Mention{}, Entities: []Entity{{}}, Edges: []Edge{}})
}

// An error record has the keys id, source and error and no other, even
// when the Record holds more (a half-filled result), and the schema accepts
// it.
// A record's line is allocated once, at about its size, instead of
// growing from nothing through a doubling per few mentions.
// Run without -race (.ci/run has a step for it): under the race detector
// the count is the detector's.
func TestAppendJSONAllocatesOnce(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts under -race include the detector's own; .ci/run runs this test without it")
	}
	rec := &Record{ID: "news/2026/kabul-talks", Source: "corpus/news/2026/kabul-talks.txt", SHA256: strings.Repeat("ab", 32), Length: 40000}
	for i := range 300 {
		rec.Sentences = append(rec.Sentences, [2]int{i * 100, i*100 + 99})
		rec.Mentions = append(rec.Mentions, Mention{ID: "m" + strings.Repeat("1", 3), Start: 123456, End: 123470, ByteStart: 123456, ByteEnd: 123470,
			Text: "Emomali Rahmon", Label: LabelPerson, Entity: "person/emomali-rahmon", Source: SourceGazetteer, Sentence: 1234})
	}
	for range 40 {
		rec.Entities = append(rec.Entities, Entity{ID: "person/emomali-rahmon", Label: LabelPerson, Name: "Emomali Rahmon", Kind: "president",
			Mentions: []string{"m1", "m22", "m333"}, Candidates: []string{"person/a", "person/b"}})
		rec.Edges = append(rec.Edges, Edge{Source: "person/emomali-rahmon", Target: "place/dushanbe", Relation: RelationSentence, Weight: 12})
	}
	if n := testing.AllocsPerRun(10, func() { rec.AppendJSON(nil) }); n != 1 {
		t.Errorf("AppendJSON made %v allocations, want 1", n)
	}
	if hint, got := rec.sizeHint(), len(rec.AppendJSON(nil)); hint < got || hint > 2*got {
		t.Errorf("sizeHint %d for a line of %d bytes", hint, got)
	}
}

func TestErrorRecordHasThreeKeys(t *testing.T) {
	rec := &Record{ID: "doc", Source: "doc.txt", SHA256: strings.Repeat("0", 64), Length: 4,
		Sentences: [][2]int{{0, 4}}, Mentions: []Mention{}, Error: "doc.txt: line 3: invalid UTF-8"}
	got := string(rec.AppendJSON(nil))
	if want := `{"id":"doc","source":"doc.txt","error":"doc.txt: line 3: invalid UTF-8"}`; got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	v, err := NewValidator()
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Validate([]byte(got)); err != nil {
		t.Errorf("schema rejects the error record: %v", err)
	}
}

func TestWriterMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	var got, want bytes.Buffer
	w := NewWriter(&got)
	for i := 0; i < 100; i++ {
		rec := randRecord(r)
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
		want.Write(encodingJSON(t, rec))
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Fatal("Writer output differs from encoding/json")
	}
}

// FuzzAppendJSON puts one fuzzed string (valid UTF-8 or not) in every
// string field of a record and compares with encoding/json.
func FuzzAppendJSON(f *testing.F) {
	for _, s := range []string{"", "plain", `"quoted" \back\slash`, "<a href=\"x\">&amp;</a>", "\x00\x1f\x7f\n\r\t\b\f",
		"line\u2028para\u2029", "bad \xff\xfe utf8 \xe2\x80", "Рахмонов O‘zbekiston 😀"} {
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, s string, n int) {
		rec := &Record{ID: s, Source: s, SHA256: s, Length: n, Sentences: [][2]int{{n, -n}}, Error: s,
			Mentions: []Mention{{ID: s, Start: n, Text: s, Label: s, Entity: s, Source: s}},
			Entities: []Entity{{ID: s, Label: s, Name: s, Kind: s, Key: s, Mentions: []string{s, s}, Candidates: []string{s}}},
			Edges:    []Edge{{Source: s, Target: s, Relation: s, Weight: n}}}
		checkSame(t, rec)
	})
}
