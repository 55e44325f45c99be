package view

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/extract-ca/extract/eval"
)

// KindCorrect is a prediction that matches a gold span exactly (bounds
// and label). The mistakes have their kinds in eval (eval.Kinds()).
const KindCorrect = "correct"

// diffKinds are the kinds a diff page shows, the worst first: a region
// holding several is coloured as the first of them.
var diffKinds = []string{eval.KindWrongSpan, eval.KindWrongLabel, eval.KindMissed, eval.KindSpurious, KindCorrect}

func kindClass(kind string) string { return "k-" + strings.ReplaceAll(kind, " ", "-") }

// diffItem is one thing to show: a correct match or one mistake, over
// the union of its gold and predicted spans.
type diffItem struct {
	start, end int
	kind       string
	gold, pred *eval.Span
}

// diffRegion is a stretch of text shown as one mark: items that overlap
// are drawn together, since marks cannot cross.
type diffRegion struct {
	Text                     string // plain text when Mark is false
	Mark                     bool
	Class, Kinds, Title, Tag string
	Parts                    []diffPart
}

// diffPart is a piece of a region inside the same gold and predicted
// spans, so that the page can underline gold and overline predictions.
type diffPart struct{ Text, Class string }

type kindCount struct {
	Kind, Class string
	Count       int
}

type diffPage struct {
	Title, ID, Root, Error string
	Regions                []diffRegion
	Kinds                  []kindCount
	Gold, Pred, Skipped    int
}

type diffRow struct {
	Href, ID, Error string
	Gold, Pred      int
	Kinds           []kindCount
}

type diffIndex struct {
	Title  string
	Docs   []diffRow
	Totals []kindCount
	Kinds  []kindCount
}

// WriteDiff writes the pages of an evaluation into dir: index.html with
// each gold document's counts of correct predictions and of each kind of
// mistake, and a page per gold document (docs/) with the gold and
// predicted spans drawn over its text. mistakes are the report's
// (eval.Report.Errors, every one of them); predicted documents are
// matched to gold ones by id. The stylesheet and script are written at
// the root of dir, as for a Site.
func WriteDiff(dir string, gold, pred []eval.Document, mistakes []eval.Mistake) error {
	if err := makeSite(dir); err != nil {
		return err
	}
	preds := make(map[string]*eval.Document, len(pred))
	for i := range pred {
		if _, seen := preds[pred[i].ID]; !seen {
			preds[pred[i].ID] = &pred[i]
		}
	}
	byDoc := map[string][]eval.Mistake{}
	for _, m := range mistakes {
		byDoc[m.Doc] = append(byDoc[m.Doc], m)
	}
	idx := diffIndex{Title: "extract eval", Totals: kindCounts(nil), Kinds: kindCounts(nil)}
	for i, g := range gold {
		name := pageName(i+1, g.ID)
		page := diffDocument(g, preds[g.ID], byDoc[g.ID])
		page.Root = "../"
		row := diffRow{Href: "docs/" + name, ID: g.ID, Error: page.Error, Gold: page.Gold, Pred: page.Pred, Kinds: page.Kinds}
		for k, c := range page.Kinds {
			idx.Totals[k].Count += c.Count
		}
		idx.Docs = append(idx.Docs, row)
		err := writeFile(filepath.Join(dir, "docs", name), func(w io.Writer) error {
			return templates.ExecuteTemplate(w, "diff", page)
		})
		if err != nil {
			return err
		}
	}
	return writeFile(filepath.Join(dir, "index.html"), func(w io.Writer) error {
		return templates.ExecuteTemplate(w, "diffindex", idx)
	})
}

func kindCounts(items []diffItem) []kindCount {
	out := make([]kindCount, len(diffKinds))
	for i, k := range diffKinds {
		out[i] = kindCount{Kind: k, Class: kindClass(k)}
	}
	for _, it := range items {
		for i, k := range diffKinds {
			if it.kind == k {
				out[i].Count++
			}
		}
	}
	return out
}

// diffDocument builds the page of one gold document; p is its
// prediction, nil when there is none.
func diffDocument(g eval.Document, p *eval.Document, mistakes []eval.Mistake) diffPage {
	page := diffPage{Title: g.ID + " · eval", ID: g.ID, Gold: len(g.Spans)}
	text := []rune(g.Text)
	var items []diffItem
	if p != nil {
		page.Pred, page.Error = len(p.Spans), p.Error
		type key struct {
			start, end int
			label      string
		}
		predicted := map[key]bool{}
		for _, s := range p.Spans {
			predicted[key{s.Start, s.End, s.Label}] = true
		}
		for _, s := range g.Spans {
			if predicted[key{s.Start, s.End, s.Label}] {
				items = append(items, diffItem{start: s.Start, end: s.End, kind: KindCorrect, gold: &s, pred: &s})
			}
		}
	} else {
		page.Error = "no prediction for this document"
	}
	for _, m := range mistakes {
		it := diffItem{kind: m.Kind, start: -1}
		for _, mt := range []*eval.MentionText{m.Gold, m.Pred} {
			if mt == nil {
				continue
			}
			if it.start < 0 || mt.Start < it.start {
				it.start = mt.Start
			}
			it.end = max(it.end, mt.End)
		}
		if m.Gold != nil {
			it.gold = &eval.Span{Start: m.Gold.Start, End: m.Gold.End, Label: m.Gold.Label}
		}
		if m.Pred != nil {
			it.pred = &eval.Span{Start: m.Pred.Start, End: m.Pred.End, Label: m.Pred.Label}
		}
		items = append(items, it)
	}
	// Items outside the text (a gold file and a prediction that disagree
	// on the text) cannot be drawn; they are counted instead.
	kept := items[:0]
	for _, it := range items {
		if it.start < 0 || it.end > len(text) || it.start >= it.end || !inside(it.gold, it) || !inside(it.pred, it) {
			page.Skipped++
			continue
		}
		kept = append(kept, it)
	}
	items = kept
	page.Kinds = kindCounts(items)
	sort.SliceStable(items, func(i, j int) bool {
		if items[i].start != items[j].start {
			return items[i].start < items[j].start
		}
		return items[i].end > items[j].end
	})
	at := 0
	for i := 0; i < len(items); {
		start, end := items[i].start, items[i].end
		j := i + 1
		for j < len(items) && items[j].start < end {
			end = max(end, items[j].end)
			j++
		}
		if start > at {
			page.Regions = append(page.Regions, diffRegion{Text: string(text[at:start])})
		}
		page.Regions = append(page.Regions, region(text, start, end, items[i:j]))
		at = end
		i = j
	}
	if at < len(text) {
		page.Regions = append(page.Regions, diffRegion{Text: string(text[at:])})
	}
	return page
}

func inside(s *eval.Span, it diffItem) bool {
	return s == nil || (s.Start >= it.start && s.End <= it.end && s.Start < s.End)
}

// region draws overlapping items as one mark: cut at every span bound,
// each piece classed g when a gold span covers it and p when a
// prediction does.
func region(text []rune, start, end int, items []diffItem) diffRegion {
	r := diffRegion{Mark: true}
	cuts := []int{start, end}
	var kinds, tags, titles []string
	for _, it := range items {
		for _, s := range []*eval.Span{it.gold, it.pred} {
			if s != nil {
				cuts = append(cuts, s.Start, s.End)
			}
		}
		if !contains(kinds, it.kind) {
			kinds = append(kinds, it.kind)
		}
		if t := tag(it); t != "" {
			tags = append(tags, t)
		}
		titles = append(titles, title(text, it))
	}
	for _, k := range diffKinds {
		if contains(kinds, k) {
			r.Class = kindClass(k)
			break
		}
	}
	r.Kinds = strings.Join(kinds, ",")
	r.Tag = strings.Join(tags, "; ")
	r.Title = strings.Join(titles, "\n")
	sort.Ints(cuts)
	for i := 0; i+1 < len(cuts); i++ {
		a, b := cuts[i], cuts[i+1]
		if a == b {
			continue
		}
		var g, p bool
		for _, it := range items {
			g = g || covers(it.gold, a, b)
			p = p || covers(it.pred, a, b)
		}
		var class []string
		if g {
			class = append(class, "g")
		}
		if p {
			class = append(class, "p")
		}
		r.Parts = append(r.Parts, diffPart{Text: string(text[a:b]), Class: strings.Join(class, " ")})
	}
	return r
}

func covers(s *eval.Span, a, b int) bool { return s != nil && s.Start <= a && b <= s.End }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// tag is the short note written after a mark.
func tag(it diffItem) string {
	switch {
	case it.kind == eval.KindWrongLabel && it.gold != nil && it.pred != nil:
		return it.gold.Label + "→" + it.pred.Label
	case it.kind == KindCorrect:
		return "" // the colour says it; a note on every match would bury the mistakes
	case it.gold != nil:
		return it.kind + " " + it.gold.Label
	case it.pred != nil:
		return it.kind + " " + it.pred.Label
	}
	return it.kind
}

// title is the tooltip of a mark: each span with its text.
func title(text []rune, it diffItem) string {
	s := it.kind
	if it.gold != nil {
		s += fmt.Sprintf(" · gold %s %d–%d %q", it.gold.Label, it.gold.Start, it.gold.End, string(text[it.gold.Start:it.gold.End]))
	}
	if it.pred != nil && it.kind != KindCorrect {
		s += fmt.Sprintf(" · predicted %s %d–%d %q", it.pred.Label, it.pred.Start, it.pred.End, string(text[it.pred.Start:it.pred.End]))
	}
	return s
}
