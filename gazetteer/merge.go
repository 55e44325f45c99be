package gazetteer

// Merge layers gazetteers: entries are kept in order, and an entry whose id
// was already seen replaces the earlier one in its place. This is how a
// user's file passed with --gazetteer overrides the default: same id, new
// content; new ids are added.
func Merge(layers ...[]*Entry) []*Entry {
	var out []*Entry
	pos := map[string]int{}
	for _, layer := range layers {
		for _, e := range layer {
			if i, ok := pos[e.ID]; ok {
				out[i] = e
				continue
			}
			pos[e.ID] = len(out)
			out = append(out, e)
		}
	}
	return out
}
