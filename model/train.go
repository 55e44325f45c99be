package model

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// TrainDoc is one annotated document for Train.
type TrainDoc struct {
	Text  string
	Spans []TrainSpan // gold names, byte offsets into Text
	Hits  []GazMatch  // the gazetteer's matches in Text; nil without gazetteer features
	// Sentences are the byte ranges of the sentences, in order, as the
	// caller will cut them when it runs the model (pipeline.SentenceSplitter):
	// a model learns best on the sentences it will label. Nil: SplitSentences.
	Sentences [][2]int
}

// TrainSpan is a gold name: byte offsets and its type (PERSON, PLACE,
// GROUP; spans of other types are ignored).
type TrainSpan struct {
	Start, End int
	Type       string
}

// TrainOptions configure Train.
type TrainOptions struct {
	// Iterations is the number of passes over the data (default 10); with
	// Dev, the most passes tried.
	Iterations int
	// Seed orders the documents of each pass: the same data and seed give
	// the same model, byte for byte.
	Seed uint64
	// Orders, when above 1, trains that many perceptrons side by side, the
	// k-th (from 0) ordering its documents as Seed+k would, and keeps the
	// mean of their averaged weights: one model of the same kind (its
	// features the union of theirs) whose figures depend less on the
	// order of training, for Orders times the training time. With Dev, the
	// pass is chosen by the dev score of the mean. The perceptrons run one
	// after the other: they share the documents' feature state.
	Orders int
	// Dev, when set, is scored after each pass and the pass with the best
	// entity F1 is kept.
	Dev []TrainDoc
	// Gazetteer turns on the gazetteer features (TrainDoc.Hits).
	Gazetteer bool
	// Lexicons are word lists the model gets as features (see Lexicon)
	// and keeps: at most 64, each with a name of its own. Train
	// normalises their words.
	Lexicons []Lexicon
	// Beam, when above 1, trains for the beam search that Annotate
	// decodes with: each sentence is decoded with a beam of that width,
	// and the weights move as soon as the gold labelling falls out of the
	// beam (early update: the gold prefix against the best hypothesis),
	// or at the sentence's end when the best hypothesis is not the gold
	// one; Dev is scored with that beam. 0 or 1: greedy, each token
	// updated on its own. The model decodes with DefaultBeam either way
	// (EntityTagger.Beam): a wider beam than training's measures better.
	Beam int
	// Progress, when set, is told about each pass.
	Progress func(Pass)
	// Context, when set, stops training once it is done (a signal, a
	// deadline): Train then returns context.Cause and no model.
	Context context.Context
}

// Pass is the report of one training pass.
type Pass struct {
	N        int     // 1-based
	Errors   int     // tokens mislabelled during the pass, by all orders
	Tokens   int     // tokens seen, by all orders
	DevF1    float64 // entity F1 on the dev documents; -1 without
	Best     bool    // the best pass so far (always, without dev)
	Features int     // weight rows so far
}

// entityTypes are the types an entity model labels, in label order.
var entityTypes = []string{"PERSON", "PLACE", "GROUP"}

// preparedDoc is a document ready for training or scoring: its tokens,
// sentences, gold labels and the hashes of its label-free features.
type preparedDoc struct {
	toks   []Token
	sents  []Sentence
	gold   []int // label index by token
	fc     *featureContext
	static []uint64 // features of token i: static[off[i]:off[i+1]]
	off    []int32
}

// prepareDoc tokenizes, tags and featurizes a training document.
func prepareDoc(d TrainDoc, labelOf map[string]int, f features) *preparedDoc {
	toks := Tokenize(d.Text, nil)
	sents := SplitSentences(d.Text, toks)
	if d.Sentences != nil {
		sents = tokenSentences(toks, d.Sentences)
	}
	pos := Default()
	for _, s := range sents {
		pos.Tag(toks[s.Start:s.End], SeparateRepeats)
	}
	gold := make([]int, len(toks))
	for _, sp := range d.Spans {
		b, ok := labelOf["B-"+sp.Type]
		if !ok {
			continue
		}
		first := true
		for i := searchToken(toks, sp.Start); i < len(toks) && toks[i].Start < sp.End; i++ {
			if toks[i].Start < sp.Start {
				continue
			}
			if first {
				gold[i] = b
			} else {
				gold[i] = b + 1
			}
			first = false
		}
	}
	hits := d.Hits
	if !f.gazetteer {
		hits = nil
	}
	fc := prepare(toks, sents, hits, f.lex)
	pd := &preparedDoc{toks: toks, sents: sents, gold: gold, fc: fc, off: make([]int32, 1, len(toks)+1)}
	for s, sent := range sents {
		for i := sent.Start; i < sent.End; i++ {
			pd.static = fc.staticFeatures(pd.static, sents, s, i)
			pd.off = append(pd.off, int32(len(pd.static)))
		}
	}
	// Tokens outside every sentence (none with SplitSentences) would
	// have no features; the offsets cover sentence tokens only, in order.
	return pd
}

// tokenSentences returns the token ranges of sentences given as byte
// ranges: the tokens that lie wholly inside each, skipping empty ones.
func tokenSentences(toks []Token, spans [][2]int) []Sentence {
	var out []Sentence
	k := 0
	for _, s := range spans {
		for k < len(toks) && toks[k].Start < s[0] {
			k++
		}
		first := k
		for k < len(toks) && toks[k].End <= s[1] {
			k++
		}
		if first < k {
			out = append(out, Sentence{first, k})
		}
	}
	return out
}

// SplitSentences cuts tokens into sentences for the entity model: after
// a token ". ! ?" that ends its whitespace-separated run, and where the
// text between two tokens holds a line break. Cutting only at run
// boundaries keeps every sentence made of whole runs, as Model.Annotate
// requires.
func SplitSentences(text string, toks []Token) []Sentence {
	var out []Sentence
	start := 0
	for i := range toks {
		end := i+1 == len(toks)
		if !end {
			next := toks[i+1]
			newRun := next.RunNum != toks[i].RunNum
			gap := ""
			if toks[i].End <= next.Start && next.Start <= len(text) {
				gap = text[toks[i].End:next.Start]
			}
			switch t := toks[i].Text; {
			case newRun && strings.ContainsRune(gap, '\n'):
				end = true
			case newRun && (t == "." || t == "!" || t == "?"):
				end = true
			}
		}
		if end {
			out = append(out, Sentence{start, i + 1})
			start = i + 1
		}
	}
	return out
}

// trainer holds the perceptron's state: current weights and, for the
// average, the running sum of each weight's changes times the step at
// which they were made (the average is w - u/c). Trainers of one Train
// share the index, so that row r is the same feature in each; a trainer's
// rows end where its own updates have reached.
type trainer struct {
	n     int // labels
	index map[uint64]int32
	w     []float32
	u     []float64
	c     float64 // steps so far (tokens seen, 1-based)

	rng         *rand.Rand // orders the documents of each pass
	order       []int
	labelScores []float32
	feats       []uint64

	beam   int         // TrainOptions.Beam
	search *beamSearch // beamDoc's, reused
	pred   []int       // beamDoc's best labelling of a sentence
}

func newTrainer(labels int, index map[uint64]int32, docs int, seed uint64) *trainer {
	tr := &trainer{n: labels, index: index, c: 1, order: make([]int, docs), labelScores: make([]float32, labels)}
	tr.rng = rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
	for i := range tr.order {
		tr.order[i] = i
	}
	return tr
}

func (tr *trainer) row(f uint64) int32 {
	r, ok := tr.index[f]
	if !ok {
		r = int32(len(tr.index))
		tr.index[f] = r
	}
	if need := (int(r) + 1) * tr.n; need > len(tr.w) {
		tr.w = append(tr.w, make([]float32, need-len(tr.w))...)
		tr.u = append(tr.u, make([]float64, need-len(tr.u))...)
	}
	return r
}

func (tr *trainer) scores(feats []uint64, scores []float32) {
	clear(scores)
	for _, f := range feats {
		if r, ok := tr.index[f]; ok && int(r)*tr.n < len(tr.w) {
			w := tr.w[int(r)*tr.n : int(r)*tr.n+tr.n]
			for l := range scores {
				scores[l] += w[l]
			}
		}
	}
}

func (tr *trainer) update(feats []uint64, gold, pred int) {
	for _, f := range feats {
		r := int(tr.row(f)) * tr.n
		tr.w[r+gold]++
		tr.u[r+gold] += tr.c
		tr.w[r+pred]--
		tr.u[r+pred] -= tr.c
	}
}

// pass runs one pass over the documents in a new order of the trainer's,
// adding its counts to report: each document learnt token by token
// (greedyDoc) or, for a beam, sentence by sentence (beamDoc).
func (tr *trainer) pass(ctx context.Context, train []*preparedDoc, report *Pass) error {
	tr.rng.Shuffle(len(tr.order), func(i, j int) { tr.order[i], tr.order[j] = tr.order[j], tr.order[i] })
	for _, k := range tr.order {
		if ctx.Err() != nil {
			return context.Cause(ctx)
		}
		if tr.beam > 1 {
			tr.beamDoc(train[k], report)
		} else {
			tr.greedyDoc(train[k], report)
		}
	}
	return nil
}

// greedyDoc learns pd greedily: each token labelled with the labels
// chosen before it, and the weights corrected where its label is wrong.
func (tr *trainer) greedyDoc(pd *preparedDoc, report *Pass) {
	scores := tr.labelScores
	tr.feats = pd.walk(tr.feats, func(i int, feats []uint64, p1 int) int {
		tr.scores(feats, scores)
		pred := bestLabel(scores, p1)
		gold := pd.gold[i]
		// An I- the history cannot continue is taught as the B- it
		// then is, so that the target is reachable.
		if !allowedAfter(gold, p1) {
			gold--
		}
		if pred != gold {
			tr.update(feats, gold, pred)
			report.Errors++
		}
		tr.c++
		report.Tokens++
		return pred
	})
}

// add adds delta to the weights of feats for label, and to the sums the
// averaged weights are made of.
func (tr *trainer) add(feats []uint64, label int, delta float32) {
	for _, f := range feats {
		r := int(tr.row(f))*tr.n + label
		tr.w[r] += delta
		tr.u[r] += float64(delta) * tr.c
	}
}

// beamDoc learns pd for a model that decodes with a beam of tr.beam
// (TrainOptions.Beam): each sentence is decoded as annotateBeam does,
// and the weights move when the gold labelling drops out of the beam
// (early update, Collins and Roark 2004: the gold prefix up to there
// against the best hypothesis) or, at the sentence's end, when the best
// hypothesis is not the gold labelling. The document memory keeps the
// best hypothesis's labels, as decoding does; after an early update, those
// of the tokens decoded up to it (the rest of the sentence is not decoded).
//
// A gold I- that the label before it cannot continue (a name cut by a
// sentence break: 2 to 5 of the recipe's 15,000 sentences a pass) is left
// as it is: the gold labelling falls out of the beam there, and the
// update teaches the sentence up to it. Teaching it as the B- it could be,
// as the greedy pass does, or as O was measured with the recipe of
// scripts/train-recipe (strict F1 of the pipeline, beam 8, --seed 1 / 2;
// CoNLL dev, WikiGold, WNUT-17, GMB, seeds by cross-validation):
//
//	as it is  0.8934 / 0.8939  0.6452 / 0.6459  0.2772 / 0.2779  0.6619 / 0.6624  0.9415 / 0.9420
//	as B-     0.8941 / 0.8940  0.6462 / 0.6403  0.2778 / 0.2798  0.6609 / 0.6614  0.9384 / 0.9383
//	as O      0.8972 / 0.8956  0.6464 / 0.6459  0.2686 / 0.2728  0.6623 / 0.6617  0.9399 / 0.9399
//
// The seeds, the development set of the project's own kind of text,
// choose leaving it; the outside sets do not agree on another.
func (tr *trainer) beamDoc(pd *preparedDoc, report *Pass) {
	if tr.search == nil {
		tr.search = newBeamSearch(tr.beam, tr.n)
	}
	b, feats := tr.search, tr.feats
	clear(pd.fc.memory)
	t := 0 // index into pd.off
	for _, sent := range pd.sents {
		b.reset()
		goldAt := 0 // the gold prefix's index in the beam, -1 once out
		end := sent.End
		for i := sent.Start; i < sent.End; i++ {
			static := pd.static[pd.off[t+i-sent.Start]:pd.off[t+i-sent.Start+1]]
			tr.scores(static, b.static)
			b.step(func(p1, p2 int, scores []float32) {
				feats = pd.fc.dynamicFeatures(feats[:0], i, p1, p2)
				tr.scores(feats, scores)
			})
			tr.c++
			report.Tokens++
			in := -1
			for h, hyp := range b.beam {
				if hyp.from == goldAt && hyp.p1 == pd.gold[i] {
					in = h
					break
				}
			}
			goldAt = in
			if goldAt < 0 {
				end = i + 1 // early update
				break
			}
		}
		tr.pred = b.best(tr.pred[:0])
		if goldAt != 0 {
			// The best hypothesis is not the gold labelling.
			feats = tr.structuredUpdate(pd, t, sent.Start, end, feats, report)
		}
		for j, l := range tr.pred {
			pd.fc.remember(sent.Start+j, typeOf(l))
		}
		t += sent.End - sent.Start
	}
	tr.feats = feats
}

// structuredUpdate moves the weights towards the gold labels of the
// tokens from start to end (end exclusive) of the sentence whose first
// token's static features are at pd.off[t], and away from tr.pred's, each
// token's features taken after its own labelling's previous labels.
func (tr *trainer) structuredUpdate(pd *preparedDoc, t, start, end int, feats []uint64, report *Pass) []uint64 {
	gp1, gp2, pp1, pp2 := -1, -1, -1, -1
	for i := start; i < end; i++ {
		static := pd.static[pd.off[t+i-start]:pd.off[t+i-start+1]]
		gold, pred := pd.gold[i], tr.pred[i-start]
		if gold != pred {
			report.Errors++
			tr.add(static, gold, 1)
			tr.add(static, pred, -1)
		}
		if gold != pred || gp1 != pp1 || gp2 != pp2 {
			feats = pd.fc.dynamicFeatures(feats[:0], i, gp1, gp2)
			tr.add(feats, gold, 1)
			feats = pd.fc.dynamicFeatures(feats[:0], i, pp1, pp2)
			tr.add(feats, pred, -1)
		}
		gp2, gp1 = gp1, gold
		pp2, pp1 = pp1, pred
	}
	return feats
}

// walk labels pd greedily, left to right, as Annotate does without a
// beam: each token's features are its prepared static ones and the
// dynamic ones of the labels chosen before it, label gives the token's
// label (i its index, p1 the label before it in the sentence, -1 at the
// start), and the history and the document memory keep it. feats is
// scratch space, returned for reuse.
func (pd *preparedDoc) walk(feats []uint64, label func(i int, feats []uint64, p1 int) int) []uint64 {
	clear(pd.fc.memory)
	t := 0 // index into pd.off
	for _, sent := range pd.sents {
		p1, p2 := -1, -1
		for i := sent.Start; i < sent.End; i++ {
			feats = append(feats[:0], pd.static[pd.off[t]:pd.off[t+1]]...)
			t++
			feats = pd.fc.dynamicFeatures(feats, i, p1, p2)
			l := label(i, feats, p1)
			pd.fc.remember(i, typeOf(l))
			p2, p1 = p1, l
		}
	}
	return feats
}

// averaged returns the model of the mean of the trainers' averaged
// weights so far, sharing their index (rows added later are out of its
// range and ignored). One trainer gives its own averaged weights.
func averaged(trainers []*trainer, labels []string, f features) *EntityTagger {
	sum := make([]float64, len(trainers[0].index)*len(labels))
	for _, tr := range trainers {
		for i, w := range tr.w {
			sum[i] += float64(w) - tr.u[i]/tr.c
		}
	}
	avg := make([]float32, len(sum))
	for i, x := range sum {
		avg[i] = float32(x / float64(len(trainers)))
	}
	return &EntityTagger{labels: labels, index: trainers[0].index, weights: avg, Gazetteer: f.gazetteer, lex: f.lex}
}

// features are the kinds of features beyond the word's own that a model
// is trained with.
type features struct {
	gazetteer bool
	lex       *lexiconSet // the lexicons, nil for none
}

// Train trains an entity model on docs. The result depends only on the
// documents, their order and the options.
func Train(docs []TrainDoc, opts TrainOptions) (*EntityTagger, error) {
	if len(docs) == 0 {
		return nil, errors.New("model: no training documents")
	}
	lexicons := make([]Lexicon, len(opts.Lexicons))
	for i, l := range opts.Lexicons {
		lexicons[i] = Lexicon{Name: l.Name, Words: slices.Clone(l.Words)}
		lexicons[i].Normalize()
	}
	if err := checkLexicons(lexicons); err != nil {
		return nil, fmt.Errorf("model: %w", err)
	}
	feat := features{gazetteer: opts.Gazetteer, lex: newLexiconSet(lexicons)}
	iters := opts.Iterations
	if iters <= 0 {
		iters = 10
	}
	labels := []string{"O"}
	labelOf := map[string]int{"O": 0}
	for _, t := range entityTypes {
		labelOf["B-"+t] = len(labels)
		labelOf["I-"+t] = len(labels) + 1
		labels = append(labels, "B-"+t, "I-"+t)
	}
	ctx := opts.Context
	if ctx == nil {
		ctx = context.Background()
	}
	train := make([]*preparedDoc, len(docs))
	for i, d := range docs {
		if ctx.Err() != nil {
			return nil, context.Cause(ctx)
		}
		train[i] = prepareDoc(d, labelOf, feat)
	}
	dev := make([]*preparedDoc, len(opts.Dev))
	for i, d := range opts.Dev {
		if ctx.Err() != nil {
			return nil, context.Cause(ctx)
		}
		dev[i] = prepareDoc(d, labelOf, feat)
	}

	index := map[uint64]int32{}
	trainers := make([]*trainer, max(opts.Orders, 1))
	for k := range trainers {
		trainers[k] = newTrainer(len(labels), index, len(train), opts.Seed+uint64(k))
		trainers[k].beam = opts.Beam
	}
	// Dev is scored as training decodes: greedily, or with the beam.
	devBeam := max(opts.Beam, 1)
	var best *EntityTagger
	bestF1 := math.Inf(-1)
	for pass := 1; pass <= iters; pass++ {
		report := Pass{N: pass, DevF1: -1}
		for _, tr := range trainers {
			if err := tr.pass(ctx, train, &report); err != nil {
				return nil, err
			}
		}
		report.Features = len(index)
		if len(dev) > 0 {
			m := averaged(trainers, labels, feat)
			m.Beam = devBeam
			report.DevF1 = m.score(dev)
			if report.DevF1 > bestF1 {
				bestF1, best, report.Best = report.DevF1, m, true
			}
		} else if pass == iters {
			best, report.Best = averaged(trainers, labels, feat), true
		}
		if opts.Progress != nil {
			opts.Progress(report)
		}
	}
	best.Beam = 0 // decode with DefaultBeam unless the user says otherwise
	return best.compact(), nil
}

// score returns the entity F1 (exact span and type) of the model on
// prepared documents.
func (t *EntityTagger) score(docs []*preparedDoc) float64 {
	var correct, predicted, gold int
	scores := make([]float32, len(t.labels))
	var feats []uint64
	pred := []int{}
	labelOf := t.labelIndex()
	for _, pd := range docs {
		pred = slices.Grow(pred[:0], len(pd.toks))[:len(pd.toks)]
		clear(pred)
		if k := t.beam(); k > 1 {
			// Decoded as Annotate does, on the prepared tokens.
			clear(pd.fc.memory)
			t.annotateBeam(pd.toks, pd.sents, pd.fc, k)
			for i, tok := range pd.toks {
				pred[i] = labelOf[tok.Label]
			}
		} else {
			feats = pd.walk(feats, func(i int, feats []uint64, p1 int) int {
				pred[i] = t.predict(feats, scores, p1)
				return pred[i]
			})
		}
		g, p := bioSpans(pd.gold), bioSpans(pred)
		gold += len(g)
		predicted += len(p)
		for s := range p {
			if g[s] {
				correct++
			}
		}
	}
	if correct == 0 {
		return 0
	}
	prec, rec := float64(correct)/float64(predicted), float64(correct)/float64(gold)
	return 2 * prec * rec / (prec + rec)
}

// bioSpans returns the set of entity spans (first token, end token,
// type) of a BIO label sequence.
func bioSpans(labels []int) map[[3]int]bool {
	out := map[[3]int]bool{}
	for i := 0; i < len(labels); {
		l := labels[i]
		if l == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] != 0 && labels[j]%2 == 0 && typeOf(labels[j]) == typeOf(l) {
			j++
		}
		out[[3]int{i, j, typeOf(l)}] = true
		i = j
	}
	return out
}

// pruneBelow is the smallest averaged weight kept: a feature updated once
// near the end of training averages to a tiny weight that changes no
// decision but costs space in the file.
const pruneBelow = 0.02

// compact drops the rows whose averaged weights are all negligible and
// gives the model its own index.
func (t *EntityTagger) compact() *EntityTagger {
	n := len(t.labels)
	rows := len(t.weights) / n
	hashes := make([]uint64, rows)
	for h, r := range t.index {
		if int(r) < rows {
			hashes[r] = h
		}
	}
	out := &EntityTagger{labels: t.labels, index: map[uint64]int32{}, Gazetteer: t.Gazetteer, lex: t.lex}
	for r := 0; r < rows; r++ {
		w := t.weights[r*n : r*n+n]
		keep := false
		for l := range w {
			if math.Abs(float64(w[l])) < pruneBelow {
				w[l] = 0
			} else {
				keep = true
			}
		}
		if keep {
			out.index[hashes[r]] = int32(len(out.weights) / n)
			out.weights = append(out.weights, w...)
		}
	}
	return out
}

// Features returns the number of feature rows of the model.
func (t *EntityTagger) Features() int { return len(t.weights) / len(t.labels) }

// String describes the model briefly.
func (t *EntityTagger) String() string {
	s := fmt.Sprintf("entity model: %d labels, %d features, gazetteer features %v", len(t.labels), len(t.index), t.Gazetteer)
	for _, l := range t.Lexicons() {
		s += fmt.Sprintf(", lexicon %s (%d words)", l.Name, len(l.Words))
	}
	return s
}
