package gazetteer

// IsApostrophe reports whether r is an apostrophe: a mark a name keeps
// inside a word ("O‘zbekiston", "Ma'ruf", "Raʼs", the prime of some
// romanisations, "Ob′") and that Spell and Fold drop. It is the one list
// of them: the matcher's words, the importer's names and the pipeline's
// entity keys split at the same marks.
func IsApostrophe(r rune) bool { return isApostrophe(r) }
