// Package eval measures the pipeline against gold annotations: it reads
// gold files, scores predicted mentions the way the Python library
// nervaluate does (the four schemes of SemEval-2013 task 9.1), scores
// coreference with B³ and MUC, and lists the mistakes.
//
// Scoring pipeline output against our gold file:
//
//	gold, err := eval.ReadFile("seeds/gold.jsonl", "", nil)
//	if err != nil {
//		return err // an eval.ErrorList naming every bad line
//	}
//	f, err := os.Open("mentions.jsonl") // `extract run` output
//	...
//	pred, err := eval.ReadPredictions(f, "mentions.jsonl")
//	...
//	rep := eval.Score(gold, pred)
//	rep.WriteTable(os.Stdout)
//
// Run does all of this for the `extract eval` command.
//
// # Gold formats
//
// ReadJSONL reads ours (docs/annotation.md); ReadDoccano, ReadCoNLL and ReadGMB
// read outside sets, whose labels go through a label map (ParseLabelMap,
// DefaultLabelMap, WNUTLabelMap, GMBLabelMap) and are dropped when the map
// has no entry for them. The CoNLL and GMB readers rebuild a text from the
// tokens (single spaces between tokens, "\n" between sentences) and group
// sentences into article-sized documents named "<file>#<n>": a CoNLL file
// is cut at its -DOCSTART- lines, or into 50 sentences a document when it
// has none; a GMB file into 20 sentences a document. All offsets are Unicode
// code points, end exclusive. Every reader returns all the problems of a
// file as one fileerr.ErrorList of *fileerr.ParseError.
//
// # Scores
//
// For each scheme (strict: boundaries and label; exact: boundaries; partial:
// overlap, half credit for a partial match; type: overlap and label) the
// report gives the counts COR, INC, PAR, MIS, SPU, POS and ACT with
// precision, recall and F1, over all spans (micro), per label, and as the
// mean of the per-label scores (macro). align documents nervaluate's
// matching and the two places where this package decides for itself.
//
// # JSON report
//
// WriteJSON writes one object (numbers are float64 at full precision;
// label maps always hold PERSON, PLACE and GROUP; lists are [] when empty):
//
//	{
//	  "documents": {"gold": 5, "predicted": 5, "scored": 5, "missing": 0, "extra": 0, "failed": 0},
//	  "mentions": {"gold": 812, "predicted": 790},
//	  "schemes": [
//	    {
//	      "scheme": "strict",            // then "exact", "partial", "type", always in this order
//	      "micro": {"correct": 700, "incorrect": 40, "partial": 0, "missed": 72, "spurious": 50,
//	                "possible": 812, "actual": 790, "precision": 0.886, "recall": 0.862, "f1": 0.874},
//	      "macro": {"precision": 0.88, "recall": 0.85, "f1": 0.86},
//	      "macro_labels": ["PERSON", "PLACE", "GROUP"],   // labels averaged in macro
//	      "labels": {"GROUP": {...counts...}, "PERSON": {...}, "PLACE": {...}}
//	    }
//	  ],
//	  "coreference": {"mentions": 700, "clustered": 700,
//	                  "b3": {"precision": 0.9, "recall": 0.8, "f1": 0.85},
//	                  "muc": {"precision": 0.9, "recall": 0.8, "f1": 0.85}},
//	  "missing_docs": [], "extra_docs": [], "failed_docs": [],
//	  "errors": [                        // only with Options.Errors, and only when there are any
//	    {"doc": "000", "kind": "wrong span",   // or "wrong label", "missed", "spurious"
//	     "gold": {"start": 10, "end": 40, "label": "GROUP", "text": "Islamic Movement of Uzbekistan"},
//	     "pred": {"start": 30, "end": 40, "label": "GROUP", "text": "Uzbekistan"},
//	     "context": "...of the Islamic Movement of [Uzbekistan] said..."}
//	  ]
//	}
//
// "gold" or "pred" is absent from a mistake that has none; "note" is set
// only on a duplicate prediction. Document ids in "missing_docs",
// "extra_docs", "failed_docs" and "errors" are those of the gold readers.
package eval
