package eval

import "strconv"

// Coreference is scored on the mentions both sides agree on: the gold
// mentions that a prediction matches in boundaries and label. Over those,
// the gold clusters are the key and the predicted entities the response,
// so mention detection errors do not count twice.
type Coreference struct {
	Mentions  int `json:"mentions"`  // strictly matched mentions scored
	Clustered int `json:"clustered"` // of those, how many have a gold cluster key
	B3        PRF `json:"b3"`
	MUC       PRF `json:"muc"`
}

// corefTally sums what each document adds: B³ per-mention precision and
// recall (averaged over all mentions at the end), and MUC link counts
// (summed over documents, then divided).
type corefTally struct {
	mentions, clustered int
	b3Precision         float64
	b3Recall            float64
	mucRecallNum        int // Σ over key clusters of |k| - |parts of k in the response|
	mucRecallDen        int // Σ over key clusters of |k| - 1
	mucPrecisionNum     int // the same with key and response swapped
	mucPrecisionDen     int
}

// addDocument scores one document's matched mentions; key[i] and
// response[i] are the gold and predicted cluster of mention i. An empty
// key stands for a cluster of its own (CoNLL and GMB gold have no
// clusters; a pipeline mention may have no entity).
func (t *corefTally) addDocument(key, response []string) {
	key, response = singletons(key, "gold"), singletons(response, "pred")
	type pair struct{ key, response string }
	inKey, inResponse, inBoth := map[string]int{}, map[string]int{}, map[pair]int{}
	for i := range key {
		inKey[key[i]]++
		inResponse[response[i]]++
		inBoth[pair{key[i], response[i]}]++
	}
	for i := range key {
		both := float64(inBoth[pair{key[i], response[i]}])
		t.b3Precision += both / float64(inResponse[response[i]])
		t.b3Recall += both / float64(inKey[key[i]])
	}
	t.mentions += len(key)
	num, den := mucCounts(key, response)
	t.mucRecallNum += num
	t.mucRecallDen += den
	num, den = mucCounts(response, key)
	t.mucPrecisionNum += num
	t.mucPrecisionDen += den
}

// mucCounts returns Vilain et al.'s recall numerator and denominator of a
// response against a key: Σ |k| - |p(k)| and Σ |k| - 1 over key clusters
// k, where p(k) is the partition of k by the response. Every mention is in
// both, so p(k) needs no implicit singletons.
func mucCounts(key, response []string) (num, den int) {
	size := map[string]int{}
	parts := map[string]map[string]bool{}
	for i, k := range key {
		size[k]++
		if parts[k] == nil {
			parts[k] = map[string]bool{}
		}
		parts[k][response[i]] = true
	}
	for k, n := range size {
		num += n - len(parts[k])
		den += n - 1
	}
	return num, den
}

// singletons gives every empty cluster key a key of its own.
func singletons(keys []string, side string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		if k == "" {
			k = "\x00" + side + strconv.Itoa(i)
		}
		out[i] = k
	}
	return out
}

// result turns the sums into scores. Where a denominator is zero:
//   - with no matched mentions at all, nothing was scored and every score
//     is 0 (Mentions says so);
//   - MUC with no links to find (every key cluster a singleton) has
//     recall 1, and with no links made has precision 1: nothing was
//     missed, or nothing wrongly linked. So two all-singleton sides score
//     1, and linking mentions the gold keeps apart scores precision 0.
func (t *corefTally) result() Coreference {
	c := Coreference{Mentions: t.mentions, Clustered: t.clustered}
	if t.mentions == 0 {
		return c
	}
	n := float64(t.mentions)
	c.B3 = PRF{Precision: t.b3Precision / n, Recall: t.b3Recall / n}
	c.B3.F1 = f1(c.B3.Precision, c.B3.Recall)
	c.MUC = PRF{Precision: ratioOrOne(t.mucPrecisionNum, t.mucPrecisionDen), Recall: ratioOrOne(t.mucRecallNum, t.mucRecallDen)}
	c.MUC.F1 = f1(c.MUC.Precision, c.MUC.Recall)
	return c
}

func ratioOrOne(num, den int) float64 {
	if den == 0 {
		return 1
	}
	return float64(num) / float64(den)
}
