package eval

import (
	"fmt"
	"maps"
	"strings"
)

// A label map turns the labels of an outside annotation scheme into ours:
// key is the outside label as written in the file (case matters), value is
// PERSON, PLACE or GROUP. Outside labels without a key (MISC, tim,
// product, ...) are dropped: the pipeline has no such label, so keeping
// them would only count as misses it cannot avoid.

// The maps are variables of the package, read by the readers; the exported
// functions hand out copies so that no caller can change a reader's
// defaults for everyone.

// DefaultLabelMap returns the map of the CoNLL-2003 and WikiGold types.
// MISC is dropped.
func DefaultLabelMap() map[string]string { return maps.Clone(conllLabels) }

// WNUTLabelMap returns the map of the WNUT-17 types. A corporation is a
// GROUP under docs/annotation.md; product and creative-work are dropped.
func WNUTLabelMap() map[string]string { return maps.Clone(wnutLabels) }

// GMBLabelMap returns the map of the GMB types. A geopolitical entity is a
// PLACE under docs/annotation.md ("Kazakhstan said" is still PLACE); tim, art,
// eve and nat are dropped.
func GMBLabelMap() map[string]string { return maps.Clone(gmbLabels) }

var conllLabels = map[string]string{
	"PER": "PERSON",
	"LOC": "PLACE",
	"ORG": "GROUP",
}

var wnutLabels = map[string]string{
	"person":      "PERSON",
	"location":    "PLACE",
	"group":       "GROUP",
	"corporation": "GROUP",
}

var gmbLabels = map[string]string{
	"per": "PERSON",
	"geo": "PLACE",
	"gpe": "PLACE",
	"org": "GROUP",
}

// doccanoLabelMap is used for doccano files when no map is given: our own
// labels, and the CoNLL ones that doccano projects often start from.
var doccanoLabelMap = map[string]string{
	"PERSON": "PERSON",
	"PLACE":  "PLACE",
	"GROUP":  "GROUP",
	"PER":    "PERSON",
	"LOC":    "PLACE",
	"ORG":    "GROUP",
}

// ParseLabelMap parses a --label-map value such as
// "PER=PERSON,LOC=PLACE,ORG=GROUP". Spaces around names are ignored. An
// empty string returns a nil map, which the readers take as "use the
// format's default map", so a command can pass an unset flag through.
func ParseLabelMap(s string) (map[string]string, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	m := make(map[string]string)
	for _, pair := range strings.Split(s, ",") {
		from, to, ok := strings.Cut(pair, "=")
		from, to = strings.TrimSpace(from), strings.TrimSpace(to)
		switch {
		case !ok || from == "":
			return nil, fmt.Errorf("label map %q: want FROM=TO pairs separated by commas, got %q", s, pair)
		case !isLabel(to):
			return nil, fmt.Errorf("label map %q: %q maps to %q: want PERSON, PLACE or GROUP", s, from, to)
		}
		if prev, dup := m[from]; dup && prev != to {
			return nil, fmt.Errorf("label map %q: %q maps to both %s and %s", s, from, prev, to)
		}
		m[from] = to
	}
	return m, nil
}
