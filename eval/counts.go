package eval

// Counts are the SemEval-2013 task 9.1 counts of one scheme, over one
// label or over all, with the scores nervaluate derives from them.
type Counts struct {
	Correct   int     `json:"correct"`   // COR
	Incorrect int     `json:"incorrect"` // INC
	Partial   int     `json:"partial"`   // PAR
	Missed    int     `json:"missed"`    // MIS
	Spurious  int     `json:"spurious"`  // SPU
	Possible  int     `json:"possible"`  // POS = COR+INC+PAR+MIS
	Actual    int     `json:"actual"`    // ACT = COR+INC+PAR+SPU
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// PRF is a precision, recall and F1 triple.
type PRF struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// outcome is what one prediction or gold span adds to one scheme's counts.
type outcome int

const (
	cor outcome = iota
	inc
	par
	mis
	spu
)

func (c *Counts) add(o outcome) {
	switch o {
	case cor:
		c.Correct++
	case inc:
		c.Incorrect++
	case par:
		c.Partial++
	case mis:
		c.Missed++
	case spu:
		c.Spurious++
	}
}

// finish computes POS, ACT and the scores. Half credit for PAR is given
// in the partial and type schemes, as nervaluate's
// compute_precision_recall_wrapper does; type never has PAR, so for it
// this is COR/ACT and COR/POS. A ratio over zero is 0, and so is F1 when
// P+R is 0, as in nervaluate.
func (c *Counts) finish(halfCredit bool) {
	c.Possible = c.Correct + c.Incorrect + c.Partial + c.Missed
	c.Actual = c.Correct + c.Incorrect + c.Partial + c.Spurious
	hits := float64(c.Correct)
	if halfCredit {
		hits += 0.5 * float64(c.Partial)
	}
	c.Precision = ratio(hits, float64(c.Actual))
	c.Recall = ratio(hits, float64(c.Possible))
	c.F1 = f1(c.Precision, c.Recall)
}

func ratio(num, den float64) float64 {
	if den == 0 {
		return 0
	}
	return num / den
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
