package eval

// schemeTally accumulates one scheme's counts.
type schemeTally struct {
	micro   Counts
	byLabel map[string]*Counts
}

func (t *schemeTally) add(label string, o outcome) {
	t.micro.add(o)
	if c, ok := t.byLabel[label]; ok {
		c.add(o)
	}
}

// Score compares predictions with gold documents, matched by ID, under the
// four schemes of SemEval-2013 task 9.1 as nervaluate computes them (see
// align), scores coreference over the strictly matched mentions (see
// Coreference), and lists the strict-scheme mistakes.
//
// Per-label counts go to the gold span's label, except COR and SPU, which
// go to the prediction's (nervaluate's choice; a spurious prediction has no
// gold label). Spans whose label is not PERSON, PLACE or GROUP are left out
// on both sides. If a prediction ID occurs twice, the first is used.
func Score(gold, pred []Document) *Report {
	var tallies [numSchemes]schemeTally
	for i := range tallies {
		tallies[i].byLabel = make(map[string]*Counts, len(labels))
		for _, l := range labels {
			tallies[i].byLabel[l] = &Counts{}
		}
	}
	rep := &Report{
		Documents:   DocumentCounts{Gold: len(gold), Predicted: len(pred)},
		MissingDocs: []string{},
		ExtraDocs:   []string{},
		FailedDocs:  []string{},
		Errors:      []Mistake{},
	}
	predByID := make(map[string]Document, len(pred))
	for _, p := range pred {
		if _, dup := predByID[p.ID]; !dup {
			predByID[p.ID] = p
		}
	}
	var coref corefTally
	goldIDs := make(map[string]bool, len(gold))
	for _, g := range gold {
		goldIDs[g.ID] = true
		p, ok := predByID[g.ID]
		switch {
		case !ok:
			rep.MissingDocs = append(rep.MissingDocs, g.ID)
		case p.Error != "":
			rep.FailedDocs = append(rep.FailedDocs, g.ID)
			p.Spans = nil
		}
		if ok {
			rep.Documents.Scored++
		}
		a := align(g.Spans, p.Spans)
		rep.Mentions.Gold += len(a.gold)
		rep.Mentions.Predicted += len(a.preds)
		tallyDocument(&tallies, a)
		addCoreference(&coref, a)
		rep.Errors = append(rep.Errors, mistakes(g.ID, newCodePoints(g.Text), a)...)
	}
	for _, p := range pred {
		if !goldIDs[p.ID] {
			rep.ExtraDocs = append(rep.ExtraDocs, p.ID)
			goldIDs[p.ID] = true // list a repeated extra ID once
		}
	}
	rep.Documents.Missing = len(rep.MissingDocs)
	rep.Documents.Extra = len(rep.ExtraDocs)
	rep.Documents.Failed = len(rep.FailedDocs)
	for s := range tallies {
		rep.Schemes = append(rep.Schemes, tallies[s].scores(schemeNames[s], s == partialScheme || s == typeScheme))
	}
	rep.Coreference = coref.result()
	return rep
}

// tallyDocument adds one aligned document to the four schemes.
func tallyDocument(tallies *[numSchemes]schemeTally, a alignment) {
	for _, p := range a.preds {
		label := p.span.Label
		if p.gold >= 0 {
			label = a.gold[p.gold].Label
		}
		for s, o := range outcomes[p.scenario] {
			tallies[s].add(label, o)
		}
	}
	for i, g := range a.gold {
		if !a.touched[i] {
			for s := range tallies {
				tallies[s].add(g.Label, mis)
			}
		}
	}
}

// addCoreference adds the strictly matched mentions of one document.
func addCoreference(t *corefTally, a alignment) {
	var key, response []string
	for i, g := range a.gold {
		if p := a.exactBy[i]; p >= 0 {
			key = append(key, g.Cluster)
			response = append(response, a.preds[p].span.Cluster)
			if g.Cluster != "" {
				t.clustered++
			}
		}
	}
	t.addDocument(key, response)
}

func (t *schemeTally) scores(name string, halfCredit bool) SchemeScores {
	s := SchemeScores{Scheme: name, MacroLabels: []string{}, Labels: make(map[string]Counts, len(labels))}
	t.micro.finish(halfCredit)
	s.Micro = t.micro
	for _, l := range labels {
		c := t.byLabel[l]
		c.finish(halfCredit)
		s.Labels[l] = *c
		if c.Possible+c.Actual > 0 {
			s.MacroLabels = append(s.MacroLabels, l)
			s.Macro.Precision += c.Precision
			s.Macro.Recall += c.Recall
			s.Macro.F1 += c.F1
		}
	}
	if n := float64(len(s.MacroLabels)); n > 0 {
		s.Macro.Precision /= n
		s.Macro.Recall /= n
		s.Macro.F1 /= n
	}
	return s
}
