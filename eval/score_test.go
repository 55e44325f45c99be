package eval

import (
	"math"
	"path/filepath"
	"testing"
)

// want is one scheme's expected micro counts and scores.
type want struct {
	cor, inc, par, mis, spu int
	p, r, f                 float64
}

func checkCounts(t *testing.T, scheme string, got Counts, w want) {
	t.Helper()
	if got.Correct != w.cor || got.Incorrect != w.inc || got.Partial != w.par || got.Missed != w.mis || got.Spurious != w.spu {
		t.Errorf("%s: got COR %d INC %d PAR %d MIS %d SPU %d, want %d %d %d %d %d", scheme,
			got.Correct, got.Incorrect, got.Partial, got.Missed, got.Spurious, w.cor, w.inc, w.par, w.mis, w.spu)
	}
	if !near(got.Precision, w.p) || !near(got.Recall, w.r) || !near(got.F1, w.f) {
		t.Errorf("%s: got P %.4f R %.4f F1 %.4f, want %.4f %.4f %.4f", scheme, got.Precision, got.Recall, got.F1, w.p, w.r, w.f)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func doc(id string, spans ...Span) Document {
	return Document{ID: id, Text: "Osh and Naryn met Putin and the IMU in Tashkent, Khujand and Kabul today.", Spans: spans}
}

func sp(start, end int, label string) Span { return Span{Start: start, End: end, Label: label} }

// TestScoreSchemes checks the four schemes on hand-made cases. The
// expected numbers follow nervaluate's compute_metrics by hand: see align
// for the scenarios.
func TestScoreSchemes(t *testing.T) {
	const per, place, group = "PERSON", "PLACE", "GROUP"
	tests := []struct {
		name                          string
		gold, pred                    []Span
		strict, exact, partial, ptype want
	}{
		{
			name:    "exact hit",
			gold:    []Span{sp(0, 10, per)},
			pred:    []Span{sp(0, 10, per)},
			strict:  want{cor: 1, p: 1, r: 1, f: 1},
			exact:   want{cor: 1, p: 1, r: 1, f: 1},
			partial: want{cor: 1, p: 1, r: 1, f: 1},
			ptype:   want{cor: 1, p: 1, r: 1, f: 1},
		},
		{
			name:    "wrong label, same span (IV)",
			gold:    []Span{sp(0, 10, per)},
			pred:    []Span{sp(0, 10, place)},
			strict:  want{inc: 1},
			exact:   want{cor: 1, p: 1, r: 1, f: 1},
			partial: want{cor: 1, p: 1, r: 1, f: 1},
			ptype:   want{inc: 1},
		},
		{
			name:    "span one character short (V)",
			gold:    []Span{sp(0, 10, per)},
			pred:    []Span{sp(0, 9, per)},
			strict:  want{inc: 1},
			exact:   want{inc: 1},
			partial: want{par: 1, p: 0.5, r: 0.5, f: 0.5},
			ptype:   want{cor: 1, p: 1, r: 1, f: 1},
		},
		{
			name:    "span one character long (V)",
			gold:    []Span{sp(4, 10, per)},
			pred:    []Span{sp(3, 10, per)},
			strict:  want{inc: 1},
			exact:   want{inc: 1},
			partial: want{par: 1, p: 0.5, r: 0.5, f: 0.5},
			ptype:   want{cor: 1, p: 1, r: 1, f: 1},
		},
		{
			name:    "prediction nested inside a gold span, other label (VI)",
			gold:    []Span{sp(0, 30, group)},  // Islamic Movement of Uzbekistan
			pred:    []Span{sp(20, 30, place)}, // Uzbekistan
			strict:  want{inc: 1},
			exact:   want{inc: 1},
			partial: want{par: 1, p: 0.5, r: 0.5, f: 0.5},
			ptype:   want{inc: 1},
		},
		{
			// Scored against the first gold span; the second is missed.
			name:    "prediction covering two gold spans",
			gold:    []Span{sp(0, 5, place), sp(10, 15, place)},
			pred:    []Span{sp(0, 15, place)},
			strict:  want{inc: 1, mis: 1},
			exact:   want{inc: 1, mis: 1},
			partial: want{par: 1, mis: 1, p: 0.5, r: 0.25, f: 1.0 / 3},
			ptype:   want{cor: 1, mis: 1, p: 1, r: 0.5, f: 2.0 / 3},
		},
		{
			// Both halves are scored against the one gold span, which
			// then counts twice in POS, as in nervaluate.
			name:    "overlapping predictions on one gold span",
			gold:    []Span{sp(0, 10, per)},
			pred:    []Span{sp(0, 6, per), sp(4, 10, per)},
			strict:  want{inc: 2},
			exact:   want{inc: 2},
			partial: want{par: 2, p: 0.5, r: 0.5, f: 0.5},
			ptype:   want{cor: 2, p: 1, r: 1, f: 1},
		},
		{
			name:    "exact hit and an overlapping prediction",
			gold:    []Span{sp(0, 10, per)},
			pred:    []Span{sp(5, 10, per), sp(0, 10, per)},
			strict:  want{cor: 1, inc: 1, p: 0.5, r: 0.5, f: 0.5},
			exact:   want{cor: 1, inc: 1, p: 0.5, r: 0.5, f: 0.5},
			partial: want{cor: 1, par: 1, p: 0.75, r: 0.75, f: 0.75},
			ptype:   want{cor: 2, p: 1, r: 1, f: 1},
		},
		{
			name:    "duplicate prediction: the copy is spurious",
			gold:    []Span{sp(0, 10, per)},
			pred:    []Span{sp(0, 10, per), sp(0, 10, per)},
			strict:  want{cor: 1, spu: 1, p: 0.5, r: 1, f: 2.0 / 3},
			exact:   want{cor: 1, spu: 1, p: 0.5, r: 1, f: 2.0 / 3},
			partial: want{cor: 1, spu: 1, p: 0.5, r: 1, f: 2.0 / 3},
			ptype:   want{cor: 1, spu: 1, p: 0.5, r: 1, f: 2.0 / 3},
		},
		{
			name:    "spurious and missed",
			gold:    []Span{sp(0, 3, place)},
			pred:    []Span{sp(8, 13, place)},
			strict:  want{mis: 1, spu: 1},
			exact:   want{mis: 1, spu: 1},
			partial: want{mis: 1, spu: 1},
			ptype:   want{mis: 1, spu: 1},
		},
		{
			name: "empty document",
		},
		{
			name:    "empty gold, one prediction",
			pred:    []Span{sp(0, 3, place)},
			strict:  want{spu: 1},
			exact:   want{spu: 1},
			partial: want{spu: 1},
			ptype:   want{spu: 1},
		},
		{
			name:    "labels outside PERSON, PLACE, GROUP are ignored",
			gold:    []Span{sp(0, 3, place), sp(8, 13, "MISC")},
			pred:    []Span{sp(0, 3, place), sp(18, 23, "DATE")},
			strict:  want{cor: 1, p: 1, r: 1, f: 1},
			exact:   want{cor: 1, p: 1, r: 1, f: 1},
			partial: want{cor: 1, p: 1, r: 1, f: 1},
			ptype:   want{cor: 1, p: 1, r: 1, f: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := Score([]Document{doc("d", tt.gold...)}, []Document{doc("d", tt.pred...)})
			checkCounts(t, "strict", rep.Scheme("strict").Micro, tt.strict)
			checkCounts(t, "exact", rep.Scheme("exact").Micro, tt.exact)
			checkCounts(t, "partial", rep.Scheme("partial").Micro, tt.partial)
			checkCounts(t, "type", rep.Scheme("type").Micro, tt.ptype)
		})
	}
}

// TestScorePerLabel checks per-label attribution (COR and SPU to the
// prediction's label, the rest to the gold label) and the macro average.
func TestScorePerLabel(t *testing.T) {
	gold := []Span{sp(0, 5, "PERSON"), sp(10, 15, "PLACE"), sp(20, 25, "GROUP")}
	pred := []Span{
		sp(0, 5, "PERSON"),  // COR
		sp(10, 14, "PLACE"), // V against PLACE
		sp(30, 35, "GROUP"), // SPU, attributed to GROUP; gold GROUP is missed
	}
	rep := Score([]Document{doc("d", gold...)}, []Document{doc("d", pred...)})
	strict, partial := rep.Scheme("strict"), rep.Scheme("partial")
	checkCounts(t, "strict micro", strict.Micro, want{cor: 1, inc: 1, mis: 1, spu: 1, p: 1.0 / 3, r: 1.0 / 3, f: 1.0 / 3})
	checkCounts(t, "strict PERSON", strict.Labels["PERSON"], want{cor: 1, p: 1, r: 1, f: 1})
	checkCounts(t, "strict PLACE", strict.Labels["PLACE"], want{inc: 1})
	checkCounts(t, "strict GROUP", strict.Labels["GROUP"], want{mis: 1, spu: 1})
	checkCounts(t, "partial PLACE", partial.Labels["PLACE"], want{par: 1, p: 0.5, r: 0.5, f: 0.5})
	if m := strict.Macro; !near(m.F1, 1.0/3) || !near(m.Precision, 1.0/3) || !near(m.Recall, 1.0/3) {
		t.Errorf("strict macro: got %+v, want 1/3 each", m)
	}
	if m := partial.Macro; !near(m.F1, 0.5) {
		t.Errorf("partial macro F1: got %v, want (1 + 0.5 + 0) / 3", m.F1)
	}

	// A label absent from both sides is not averaged.
	rep = Score([]Document{doc("d", sp(0, 5, "PERSON"))}, []Document{doc("d", sp(0, 5, "PERSON"))})
	if s := rep.Scheme("strict"); !near(s.Macro.F1, 1) || len(s.MacroLabels) != 1 {
		t.Errorf("macro over %v: got F1 %v, want 1 over [PERSON]", s.MacroLabels, s.Macro.F1)
	}
}

// TestScoreDocuments checks matching by ID: a missing document counts all
// its spans as missed, an extra one is ignored, a failed one has no spans.
func TestScoreDocuments(t *testing.T) {
	gold := []Document{
		doc("a", sp(0, 3, "PLACE")),
		doc("missing", sp(0, 3, "PLACE"), sp(8, 13, "PLACE")),
		doc("failed", sp(0, 3, "PLACE")),
	}
	pred := []Document{
		doc("a", sp(0, 3, "PLACE")),
		doc("extra", sp(0, 3, "PLACE")),
		{ID: "failed", Error: "pipeline: timeout", Spans: []Span{sp(0, 3, "PLACE")}},
	}
	rep := Score(gold, pred)
	checkCounts(t, "strict", rep.Scheme("strict").Micro, want{cor: 1, mis: 3, p: 1, r: 0.25, f: 0.4})
	d := rep.Documents
	if d.Gold != 3 || d.Predicted != 3 || d.Scored != 2 || d.Missing != 1 || d.Extra != 1 || d.Failed != 1 {
		t.Errorf("got document counts %+v", d)
	}
	if len(rep.MissingDocs) != 1 || rep.MissingDocs[0] != "missing" ||
		len(rep.ExtraDocs) != 1 || rep.ExtraDocs[0] != "extra" ||
		len(rep.FailedDocs) != 1 || rep.FailedDocs[0] != "failed" {
		t.Errorf("got missing %v, extra %v, failed %v", rep.MissingDocs, rep.ExtraDocs, rep.FailedDocs)
	}
	if rep.Mentions.Gold != 4 || rep.Mentions.Predicted != 1 {
		t.Errorf("got mentions %+v, want 4 gold, 1 predicted", rep.Mentions)
	}
}

// TestScoreBadOffsets checks that predictions with offsets no reader would
// accept (a broken pipeline, a hand-made file) are scored without panic.
func TestScoreBadOffsets(t *testing.T) {
	gold := []Document{{ID: "d", Text: "Osh", Spans: []Span{sp(0, 3, "PLACE")}}}
	pred := []Document{{ID: "d", Spans: []Span{sp(-4, -1, "PLACE"), sp(2, 1, "PLACE"), sp(2, 99, "PLACE"), sp(50, 60, "GROUP")}}}
	rep := Score(gold, pred)
	checkCounts(t, "strict", rep.Scheme("strict").Micro, want{inc: 1, spu: 3})
	if len(rep.Errors) != 4 {
		t.Errorf("got %d mistakes, want 4", len(rep.Errors))
	}
}

// BenchmarkScore scores the seed gold file against itself: five whole
// articles, about 900 mentions.
func BenchmarkScore(b *testing.B) {
	gold, err := ReadFile(filepath.Join("..", "seeds", "gold.jsonl"), "", nil)
	if err != nil {
		b.Skip(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Score(gold, gold)
	}
}
