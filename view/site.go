package view

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/extract-ca/extract/graph"
	"github.com/extract-ca/extract/output"
)

// NetworkSize is how many entities the index's network picture shows:
// those named in the most documents. More than this and the picture is
// a hairball nobody can read.
const NetworkSize = 40

// Site writes a static site of documents into a directory: each Add
// writes one document's page at once, and Close writes index.html. Only
// the counts and each entity's documents are kept between calls, never a
// document's text.
type Site struct {
	dir      string
	docs     []docRow
	entities map[string]*entityRow
	graph    *graph.Builder
	closed   bool
}

// docRow is a document in the index.
type docRow struct {
	Href, ID, Source, Error string
	Mentions, Entities      int
}

// entityRow is an entity in the index, with the documents that name it.
type entityRow struct {
	Anchor, ID, Name, Label, Class string
	Mentions                       int
	Docs                           []docLink
}

type docLink struct {
	Href, ID string
	Mentions int
}

// NewSite makes dir (and dir/docs), writes the stylesheet and script
// there (WriteAssets) and returns a Site writing there.
func NewSite(dir string) (*Site, error) {
	if err := makeSite(dir); err != nil {
		return nil, err
	}
	return &Site{dir: dir, entities: map[string]*entityRow{}, graph: graph.NewBuilder(graph.Options{})}, nil
}

// pageName is the file of the n-th document (from 1). The number keeps
// names unique whatever the ids hold; the id, reduced to safe
// characters, makes the name readable.
func pageName(n int, id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		if b.Len() >= 60 {
			break
		}
	}
	return fmt.Sprintf("%04d-%s.html", n, strings.Trim(b.String(), "."))
}

// Add writes the page of one document: its record and the text the
// record's offsets point into. An error record (Error set) gets a page
// saying so.
func (s *Site) Add(rec *output.Record, text string) error {
	if s.closed {
		return fmt.Errorf("view: Add after Close")
	}
	name := pageName(len(s.docs)+1, rec.ID)
	href := "docs/" + name
	row := docRow{Href: href, ID: rec.ID, Source: rec.Source, Error: rec.Error}
	if rec.Error == "" {
		row.Mentions, row.Entities = len(rec.Mentions), len(rec.Entities)
		if err := s.graph.Add(rec); err != nil {
			return err
		}
		for _, e := range rec.Entities {
			er := s.entities[e.ID]
			if er == nil {
				er = &entityRow{ID: e.ID, Name: e.Name, Label: e.Label, Class: labelClass(e.Label)}
				s.entities[e.ID] = er
			}
			er.Mentions += len(e.Mentions)
			er.Docs = append(er.Docs, docLink{Href: href, ID: rec.ID, Mentions: len(e.Mentions)})
		}
	}
	s.docs = append(s.docs, row)
	return writeFile(filepath.Join(s.dir, "docs", name), func(w io.Writer) error {
		return WriteDocument(w, rec, text, "../")
	})
}

// Close writes index.html. The Site cannot be added to afterwards.
func (s *Site) Close() error {
	s.closed = true
	return writeFile(filepath.Join(s.dir, "index.html"), s.writeIndex)
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	if err := write(w); err != nil {
		f.Close()
		return err
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// docPage is what the document template shows.
type docPage struct {
	Title, ID, Source, Error, Root string
	Segments                       []segment
	Skipped, Mentions              int
	Entities                       []entityItem
	Legend                         []legendItem
}

type entityItem struct {
	ID, Name, Label, Class string
	Mentions               int
}

type legendItem struct {
	Label, Class string
	Count        int
}

// legend counts the mentions of each label, the three labels always
// first and in a fixed order, any other label after them.
func legend(labels []string) []legendItem {
	items := []legendItem{
		{Label: output.LabelPerson, Class: labelClass(output.LabelPerson)},
		{Label: output.LabelPlace, Class: labelClass(output.LabelPlace)},
		{Label: output.LabelGroup, Class: labelClass(output.LabelGroup)},
	}
	for _, l := range labels {
		i := 0
		for i < len(items) && items[i].Label != l {
			i++
		}
		if i == len(items) {
			items = append(items, legendItem{Label: l, Class: labelClass(l)})
		}
		items[i].Count++
	}
	return items
}

// WriteDocument writes the page of one document to w; root is the path
// from the page to the root of its site, where index.html and the assets
// (WriteAssets) are: "../" for a page in docs/. Exported for callers that
// write pages one by one.
func WriteDocument(w io.Writer, rec *output.Record, text, root string) error {
	p := docPage{Title: rec.ID, ID: rec.ID, Source: rec.Source, Error: rec.Error, Root: root}
	if rec.Error == "" {
		var skipped int
		p.Segments, skipped = markText([]rune(text), rec.Mentions)
		p.Skipped = skipped
		p.Mentions = len(rec.Mentions) - skipped
		// The legend counts the mentions drawn, as p.Mentions does.
		labels := make([]string, 0, p.Mentions)
		for _, s := range p.Segments {
			if s.Mark {
				labels = append(labels, s.Label)
			}
		}
		p.Legend = legend(labels)
		for _, e := range rec.Entities {
			p.Entities = append(p.Entities, entityItem{ID: e.ID, Name: e.Name, Label: e.Label, Class: labelClass(e.Label), Mentions: len(e.Mentions)})
		}
		// Most named first: the entity list is where a reader starts.
		sort.SliceStable(p.Entities, func(i, j int) bool {
			if p.Entities[i].Mentions != p.Entities[j].Mentions {
				return p.Entities[i].Mentions > p.Entities[j].Mentions
			}
			return p.Entities[i].ID < p.Entities[j].ID
		})
	}
	return templates.ExecuteTemplate(w, "document", p)
}

// indexPage is what the index template shows.
type indexPage struct {
	Title                         string
	Docs                          []docRow
	Entities                      []*entityRow
	Network                       *network
	Legend                        []legendItem
	Documents, Mentions, Failures int
}

func (s *Site) writeIndex(w io.Writer) error {
	p := indexPage{Title: "extract", Docs: s.docs, Documents: len(s.docs)}
	for _, d := range s.docs {
		p.Mentions += d.Mentions
		if d.Error != "" {
			p.Failures++
		}
	}
	labels := make([]string, 0, len(s.entities))
	for _, e := range s.entities {
		p.Entities = append(p.Entities, e)
		labels = append(labels, e.Label)
	}
	sort.Slice(p.Entities, func(i, j int) bool {
		a, b := p.Entities[i], p.Entities[j]
		if len(a.Docs) != len(b.Docs) {
			return len(a.Docs) > len(b.Docs)
		}
		if a.Mentions != b.Mentions {
			return a.Mentions > b.Mentions
		}
		return a.ID < b.ID
	})
	anchors := map[string]string{}
	for i, e := range p.Entities {
		e.Anchor = "e" + strconv.Itoa(i+1)
		anchors[e.ID] = e.Anchor
	}
	p.Legend = legend(labels)
	p.Network = drawNetwork(s.graph.Graph(), anchors)
	return templates.ExecuteTemplate(w, "index", p)
}

// network is the SVG picture of the most named entities.
type network struct {
	Width, Height int
	Nodes         []netNode
	Edges         []netEdge
}

type netNode struct {
	X, Y, R, LabelX, LabelY string
	Class, Name, ID, Anchor string
	Documents               int
}

type netEdge struct {
	X1, Y1, X2, Y2, Width string
	Title                 string
}

// drawNetwork lays out the NetworkSize entities named in the most
// documents and the sentence edges between them. Coordinates are
// written with one decimal: enough for a screen, and short.
func drawNetwork(g *graph.Graph, anchors map[string]string) *network {
	nodes := topEntities(g.Nodes, NetworkSize,
		func(n graph.Node) int { return n.Documents },
		func(n graph.Node) int { return n.Mentions },
		func(n graph.Node) string { return n.ID })
	if len(nodes) == 0 {
		return nil
	}
	index := make(map[string]int, len(nodes))
	for i, n := range nodes {
		index[n.ID] = i
	}
	var edges []LayoutEdge
	var kept []graph.Edge
	for _, e := range g.Edges {
		a, okA := index[e.Source]
		b, okB := index[e.Target]
		if okA && okB {
			edges = append(edges, LayoutEdge{A: a, B: b, Weight: float64(e.Sentences)})
			kept = append(kept, e)
		}
	}
	pos := Layout(len(nodes), edges)
	// The right margin is wider: names are written to the right of
	// their circles.
	const width, height, left, right, vpad = 900, 560, 40, 200, 40
	xy := func(p Point) (float64, float64) {
		return left + p.X*(width-left-right), vpad + p.Y*(height-2*vpad)
	}
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
	nw := &network{Width: width, Height: height}
	maxW := 1
	for _, e := range kept {
		maxW = max(maxW, e.Sentences)
	}
	for i, e := range kept {
		x1, y1 := xy(pos[edges[i].A])
		x2, y2 := xy(pos[edges[i].B])
		nw.Edges = append(nw.Edges, netEdge{X1: f(x1), Y1: f(y1), X2: f(x2), Y2: f(y2),
			Width: f(0.5 + 3.5*float64(e.Sentences)/float64(maxW)),
			Title: fmt.Sprintf("%s – %s: %d sentences", nodes[edges[i].A].Name, nodes[edges[i].B].Name, e.Sentences)})
	}
	maxD := 1
	for _, n := range nodes {
		maxD = max(maxD, n.Documents)
	}
	for i, n := range nodes {
		x, y := xy(pos[i])
		r := 4 + 10*float64(n.Documents)/float64(maxD)
		nw.Nodes = append(nw.Nodes, netNode{X: f(x), Y: f(y), R: f(r), LabelX: f(x + r + 2), LabelY: f(y + 4),
			Class: labelClass(n.Label), Name: n.Name, ID: n.ID, Anchor: anchors[n.ID], Documents: n.Documents})
	}
	return nw
}
