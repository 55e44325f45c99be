package pipeline

// closeCall reports whether the trained model's name, whose tokens have
// the given margins (model.EntityTagger.Margins), is a close call to drop:
// its smallest margin is below minMargin and no gazetteer name (in the
// index) overlaps it. A name the gazetteer supports stands on that
// evidence however unsure the model was.
//
// The threshold (extract run --min-margin) is chosen on CoNLL-2003
// eng.testa, the development set of the training recipe
// (scripts/train-recipe): strict F1 of the pipeline with the model of
// scripts/train-default, by threshold 0.5, 1, 2, 3, 4, 8: 0.8848, 0.8848,
// 0.8849, 0.8841, 0.8839, 0.8818; without: 0.8829. Thresholds of 0 and
// below, which drop only names the beam chose against a token's best
// label, score less (−4: 0.8844, 0: 0.8845). The smallest margin of the
// name's tokens scores above the margin of its first token (0.8846 at 2)
// and the mean of its tokens' (0.8844 at 2). Those figures are a greedily
// trained model's. A model trained for the beam (extract train --beam)
// loses with any threshold (eng.testa, beam 4, one order: 0.8891 without,
// 0.8810 at 0.5, 0.8806 at 1, 0.8785 at 2; five orders: 0.8930 without,
// 0.8856 at 1, 0.8835 at 4): the margins are taken token by token,
// greedily, which is not how it was trained to decide. The default model
// of seven lexicons (3 December 2026; CoNLL dev, WikiGold, WNUT-17, GMB,
// seeds by the fold models of scripts/seedcv): without 0.8952, 0.6606,
// 0.3039, 0.6632, 0.9435; at 0.5 0.8871, 0.6573, 0.2958, 0.6603, 0.9479;
// at 1 0.8862, 0.6573, 0.2966, 0.6601, 0.9474; at 2 0.8858, 0.6587,
// 0.2931, 0.6601, 0.9468. Only the seeds gain: the recipe sets none.
func closeCall(margins []float32, name Span, gazetteer *spanIndex, minMargin float32) bool {
	low := margins[0]
	for _, m := range margins[1:] {
		low = min(low, m)
	}
	return low < minMargin && !gazetteer.any(name)
}
