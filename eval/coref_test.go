package eval

import "testing"

// clustered returns PERSON spans [2i, 2i+1) with the given cluster keys.
func clustered(keys ...string) []Span {
	spans := make([]Span, len(keys))
	for i, k := range keys {
		spans[i] = Span{Start: 2 * i, End: 2*i + 1, Label: "PERSON", Cluster: k}
	}
	return spans
}

// TestCoreference checks B³ and MUC against numbers computed by hand.
//
//	split:  key {abcd}, response {ab}{cd}.
//	  MUC R = (4-2)/(4-1) = 2/3, P = (1+1)/(1+1) = 1, F1 = 0.8.
//	  B³: each mention P = 2/2, R = 2/4, so P 1, R 0.5, F1 2/3.
//	merge: key {ab}{cd}, response {abcd}: MUC and B³ with P and R swapped.
//	Vilain et al.'s example: key {abc}{de}, response {ab}{cde}.
//	  MUC R = ((3-2)+(2-1))/(2+1) = 2/3, P = ((2-1)+(3-2))/(1+2) = 2/3.
//	  B³ P = (1 + 1 + 1/3 + 2/3 + 2/3)/5 = 11/15, R = (2/3 + 2/3 + 1/3 + 1 + 1)/5 = 11/15.
//	split and merge in two documents, micro-summed:
//	  MUC R = (2+2)/(3+2) = 0.8, P = (2+2)/(2+3) = 0.8;
//	  B³ P = (4·1 + 4·0.5)/8 = 0.75, R = (4·0.5 + 4·1)/8 = 0.75.
func TestCoreference(t *testing.T) {
	tests := []struct {
		name              string
		gold, pred        []Document
		b3, muc           PRF
		mentions, cluster int
	}{
		{
			name:     "split",
			gold:     []Document{{ID: "d", Spans: clustered("x", "x", "x", "x")}},
			pred:     []Document{{ID: "d", Spans: clustered("e1", "e1", "e2", "e2")}},
			b3:       PRF{1, 0.5, 2.0 / 3},
			muc:      PRF{1, 2.0 / 3, 0.8},
			mentions: 4, cluster: 4,
		},
		{
			name:     "merge",
			gold:     []Document{{ID: "d", Spans: clustered("x", "x", "y", "y")}},
			pred:     []Document{{ID: "d", Spans: clustered("e", "e", "e", "e")}},
			b3:       PRF{0.5, 1, 2.0 / 3},
			muc:      PRF{2.0 / 3, 1, 0.8},
			mentions: 4, cluster: 4,
		},
		{
			name:     "Vilain et al.",
			gold:     []Document{{ID: "d", Spans: clustered("x", "x", "x", "y", "y")}},
			pred:     []Document{{ID: "d", Spans: clustered("e1", "e1", "e2", "e2", "e2")}},
			b3:       PRF{11.0 / 15, 11.0 / 15, 11.0 / 15},
			muc:      PRF{2.0 / 3, 2.0 / 3, 2.0 / 3},
			mentions: 5, cluster: 5,
		},
		{
			name: "split and merge in two documents",
			gold: []Document{
				{ID: "split", Spans: clustered("x", "x", "x", "x")},
				{ID: "merge", Spans: clustered("x", "x", "y", "y")},
			},
			pred: []Document{
				{ID: "split", Spans: clustered("e1", "e1", "e2", "e2")},
				{ID: "merge", Spans: clustered("e", "e", "e", "e")},
			},
			b3:       PRF{0.75, 0.75, 0.75},
			muc:      PRF{0.8, 0.8, 0.8},
			mentions: 8, cluster: 8,
		},
		{
			name:     "only strictly matched mentions count",
			gold:     []Document{{ID: "d", Spans: clustered("x", "x", "y")}},
			pred:     []Document{{ID: "d", Spans: append(clustered("e", "e"), Span{Start: 4, End: 6, Label: "PERSON", Cluster: "e"})}},
			b3:       PRF{1, 1, 1},
			muc:      PRF{1, 1, 1},
			mentions: 2, cluster: 2,
		},
		{
			// No links to find and none made: MUC is 1, not 0/0.
			name:     "all singletons",
			gold:     []Document{{ID: "d", Spans: clustered("x", "y")}},
			pred:     []Document{{ID: "d", Spans: clustered("e1", "e2")}},
			b3:       PRF{1, 1, 1},
			muc:      PRF{1, 1, 1},
			mentions: 2, cluster: 2,
		},
		{
			// Gold without clusters (CoNLL): every mention its own entity,
			// so a link the pipeline makes is wrong. MUC R is 1 (nothing to
			// find), P is 0/1.
			name:     "gold without clusters, linked prediction",
			gold:     []Document{{ID: "d", Spans: clustered("", "")}},
			pred:     []Document{{ID: "d", Spans: clustered("e", "e")}},
			b3:       PRF{0.5, 1, 2.0 / 3},
			muc:      PRF{0, 1, 0},
			mentions: 2, cluster: 0,
		},
		{
			name:     "no matched mentions",
			gold:     []Document{{ID: "d", Spans: clustered("x", "x")}},
			pred:     []Document{{ID: "d"}},
			mentions: 0,
		},
		{
			name: "empty documents",
			gold: []Document{{ID: "d"}},
			pred: []Document{{ID: "d"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Score(tt.gold, tt.pred).Coreference
			if c.Mentions != tt.mentions || c.Clustered != tt.cluster {
				t.Errorf("got %d mentions, %d clustered, want %d, %d", c.Mentions, c.Clustered, tt.mentions, tt.cluster)
			}
			checkPRF(t, "B3", c.B3, tt.b3)
			checkPRF(t, "MUC", c.MUC, tt.muc)
		})
	}
}

func checkPRF(t *testing.T, what string, got, want PRF) {
	t.Helper()
	if !near(got.Precision, want.Precision) || !near(got.Recall, want.Recall) || !near(got.F1, want.F1) {
		t.Errorf("%s: got P %.4f R %.4f F1 %.4f, want %.4f %.4f %.4f", what,
			got.Precision, got.Recall, got.F1, want.Precision, want.Recall, want.F1)
	}
}
