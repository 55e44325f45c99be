package model

import (
	"bytes"
	"math"
	"testing"
)

// TestTrainOrders: one order is the plain training, byte for byte; K
// orders are deterministic and give the mean of the weights of the K
// trainings with seeds Seed to Seed+K-1 (up to pruning, which each single
// model applies to its own average and the mean applies once).
func TestTrainOrders(t *testing.T) {
	train := func(seed uint64, orders int) *EntityTagger {
		m, err := Train(trainDocs(), TrainOptions{Iterations: 4, Seed: seed, Orders: orders, Gazetteer: true})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	if a, b := encode(t, train(3, 0)), encode(t, train(3, 1)); !bytes.Equal(a, b) {
		t.Error("Orders 1 differs from the default")
	}
	three := train(3, 3)
	if a, b := encode(t, three), encode(t, train(3, 3)); !bytes.Equal(a, b) {
		t.Error("two trainings with Orders 3 differ")
	}
	singles := []*EntityTagger{train(3, 1), train(4, 1), train(5, 1)}
	n := len(three.labels)
	weight := func(m *EntityTagger, h uint64, l int) float64 {
		if r, ok := m.index[h]; ok {
			return float64(m.weights[int(r)*n+l])
		}
		return 0
	}
	hashes := map[uint64]bool{}
	for _, m := range append(singles, three) {
		for h := range m.index {
			hashes[h] = true
		}
	}
	far := 0
	for h := range hashes {
		for l := range n {
			mean := 0.0
			for _, m := range singles {
				mean += weight(m, h, l) / float64(len(singles))
			}
			// A single model's pruned weight (below pruneBelow) moves
			// the mean by less than pruneBelow; a pruned mean is 0.
			if d := math.Abs(weight(three, h, l) - mean); d > pruneBelow+1e-5 {
				far++
				if far <= 3 {
					t.Errorf("feature %x label %s: weight %.4f, mean of the single orders %.4f", h, three.labels[l], weight(three, h, l), mean)
				}
			}
		}
	}
	if bytes.Equal(encode(t, three), encode(t, singles[0])) {
		t.Error("Orders 3 gave the model of one order")
	}
}
