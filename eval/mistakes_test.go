package eval

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/extract-ca/extract/internal/golden"
)

const karimovText = "President Islam Karimov of Uzbekistan met the Islamic Movement of Uzbekistan in Tashkent and Osh."

// karimovCase has one mistake of each kind, a duplicate, and a prediction
// covering two gold spans.
func karimovCase() (gold, pred []Document) {
	gold = []Document{
		{ID: "one", Text: karimovText, Spans: []Span{
			{10, 23, "PERSON", "karimov"}, // Islam Karimov
			{27, 37, "PLACE", "uzbekistan"},
			{46, 76, "GROUP", "imu"}, // Islamic Movement of Uzbekistan
			{80, 88, "PLACE", "tashkent"},
			{93, 96, "PLACE", "osh"},
		}},
		{ID: "two", Text: karimovText, Spans: []Span{
			{80, 88, "PLACE", "tashkent"},
			{93, 96, "PLACE", "osh"},
		}},
	}
	pred = []Document{
		{ID: "one", Spans: []Span{
			{0, 23, "PERSON", "e1"},  // President Islam Karimov: wrong span
			{27, 37, "PLACE", "e2"},  // correct
			{27, 37, "PLACE", "e2"},  // duplicate
			{38, 41, "PERSON", "e3"}, // "met": spurious
			{66, 76, "PLACE", "e2"},  // Uzbekistan inside the IMU: wrong label
		}},
		{ID: "two", Spans: []Span{
			{80, 96, "PLACE", "e1"}, // Tashkent and Osh
		}},
	}
	return gold, pred
}

func TestMistakes(t *testing.T) {
	gold, pred := karimovCase()
	mt := func(start, end int, label, text string) *MentionText {
		return &MentionText{Start: start, End: end, Label: label, Text: text}
	}
	want := []Mistake{
		{Doc: "one", Kind: KindWrongSpan, Gold: mt(10, 23, "PERSON", "Islam Karimov"), Pred: mt(0, 23, "PERSON", "President Islam Karimov"),
			Context: "[President Islam Karimov] of Uzbekistan met the Islamic Movement "},
		{Doc: "one", Kind: KindSpurious, Pred: mt(27, 37, "PLACE", "Uzbekistan"),
			Context: "President Islam Karimov of [Uzbekistan] met the Islamic Movement of Uzbekistan ", Note: "duplicate of an earlier prediction"},
		{Doc: "one", Kind: KindSpurious, Pred: mt(38, 41, "PERSON", "met"),
			Context: "President Islam Karimov of Uzbekistan [met] the Islamic Movement of Uzbekistan in T"},
		{Doc: "one", Kind: KindWrongLabel, Gold: mt(46, 76, "GROUP", "Islamic Movement of Uzbekistan"), Pred: mt(66, 76, "PLACE", "Uzbekistan"),
			Context: " Uzbekistan met the Islamic Movement of [Uzbekistan] in Tashkent and Osh."},
		{Doc: "one", Kind: KindMissed, Gold: mt(80, 88, "PLACE", "Tashkent"),
			Context: "t the Islamic Movement of Uzbekistan in [Tashkent] and Osh."},
		{Doc: "one", Kind: KindMissed, Gold: mt(93, 96, "PLACE", "Osh"),
			Context: " Movement of Uzbekistan in Tashkent and [Osh]."},
		{Doc: "two", Kind: KindWrongSpan, Gold: mt(80, 88, "PLACE", "Tashkent"), Pred: mt(80, 96, "PLACE", "Tashkent and Osh"),
			Context: "t the Islamic Movement of Uzbekistan in [Tashkent and Osh]."},
		// nervaluate counts Osh as missed; the listing shows what covered it.
		{Doc: "two", Kind: KindWrongSpan, Gold: mt(93, 96, "PLACE", "Osh"), Pred: mt(80, 96, "PLACE", "Tashkent and Osh"),
			Context: "t the Islamic Movement of Uzbekistan in [Tashkent and Osh]."},
	}
	got := Score(gold, pred).Errors
	if len(got) != len(want) {
		t.Fatalf("got %d mistakes, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("mistake %d:\ngot  %+v %+v %+v\nwant %+v %+v %+v", i, got[i], got[i].Gold, got[i].Pred, want[i], want[i].Gold, want[i].Pred)
		}
	}
}

// TestContextClamps checks that offsets outside the text, which a broken
// prediction may carry, give a short context and no panic.
func TestContextClamps(t *testing.T) {
	text := newCodePoints("Osh")
	tests := []struct {
		start, end int
		want       string
	}{
		{0, 3, "[Osh]"},
		{-5, 2, "[Os]h"},
		{2, 99, "Os[h]"},
		{7, 9, "Osh[]"},
		{2, 1, "Os[]h"},
	}
	for _, tt := range tests {
		if got := text.context(tt.start, tt.end); got != tt.want {
			t.Errorf("context(%d, %d) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}

// TestWriters compares the three report writers with golden files.
func TestWriters(t *testing.T) {
	gold, pred := karimovCase()
	pred = append(pred, Document{ID: "not-in-gold"})
	gold = append(gold, Document{ID: "no-prediction", Text: "Osh.", Spans: []Span{{0, 3, "PLACE", "osh"}}})
	rep := Score(gold, pred)
	writers := []struct {
		golden string
		write  func(*bytes.Buffer) error
	}{
		{"report.table", func(b *bytes.Buffer) error { return rep.WriteTable(b) }},
		{"report.json", func(b *bytes.Buffer) error { return rep.WriteJSON(b) }},
		{"report.errors", func(b *bytes.Buffer) error { return rep.WriteErrors(b) }},
	}
	for _, w := range writers {
		t.Run(w.golden, func(t *testing.T) {
			var buf bytes.Buffer
			if err := w.write(&buf); err != nil {
				t.Fatal(err)
			}
			golden.Check(t, w.golden, buf.Bytes())
		})
	}
}
