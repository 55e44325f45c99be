package view

import (
	"math"
	"math/rand/v2"
	"sort"
)

// Layout parameters. The seed and the iteration count are fixed so that
// the same graph is always drawn the same way: a site rebuilt from the
// same run must not change, and its golden files must hold.
const (
	layoutSeed       = 12
	layoutIterations = 300
)

// LayoutEdge joins two nodes of a layout by their indices, with a weight
// that pulls them together more strongly.
type LayoutEdge struct {
	A, B   int
	Weight float64
}

// Point is a position in the unit square [0,1]×[0,1].
type Point struct{ X, Y float64 }

// Layout places n nodes in the unit square with a Fruchterman–Reingold
// force layout: every pair repels, every edge attracts, and the step
// shrinks each iteration (cooling) so the picture settles. It is
// deterministic: the start positions come from a generator with a fixed
// seed and the loop runs a fixed number of times, so the same nodes and
// edges give the same points. Callers sort their nodes first, since the
// result depends on the order (it is the order the seeded positions go
// to). Edges naming a node outside [0,n) or a node itself are ignored.
func Layout(n int, edges []LayoutEdge) []Point {
	pos := make([]Point, n)
	if n == 0 {
		return pos
	}
	if n == 1 {
		pos[0] = Point{0.5, 0.5}
		return pos
	}
	rng := rand.New(rand.NewPCG(layoutSeed, uint64(n)))
	for i := range pos {
		pos[i] = Point{rng.Float64(), rng.Float64()}
	}
	valid := make([]LayoutEdge, 0, len(edges))
	maxW := 0.0
	for _, e := range edges {
		if e.A < 0 || e.B < 0 || e.A >= n || e.B >= n || e.A == e.B || !(e.Weight > 0) || math.IsInf(e.Weight, 0) {
			continue
		}
		valid = append(valid, e)
		maxW = math.Max(maxW, e.Weight)
	}
	// The ideal distance between nodes when the square is shared evenly.
	k := math.Sqrt(1 / float64(n))
	// The pull to the centre grows with the number of nodes, like the
	// total repulsion it has to balance, so that a node with no edges
	// stays near the others instead of being pushed to a corner (which,
	// once the picture is stretched to the square, squeezes the rest).
	gravity := 0.5 * float64(n) * k * k
	disp := make([]Point, n)
	temp := 0.1
	cool := temp / float64(layoutIterations+1)
	for range layoutIterations {
		clear(disp)
		for i := range n {
			for j := i + 1; j < n; j++ {
				dx, dy, d := delta(pos[i], pos[j], i, j)
				f := float64(k * k / d)
				disp[i].X += float64(dx / d * f)
				disp[i].Y += float64(dy / d * f)
				disp[j].X -= float64(dx / d * f)
				disp[j].Y -= float64(dy / d * f)
			}
		}
		for _, e := range valid {
			dx, dy, d := delta(pos[e.A], pos[e.B], e.A, e.B)
			// Heavier edges pull harder, but only up to twice as hard,
			// so that one strong pair does not collapse onto itself.
			f := float64(d * d / k * (1 + e.Weight/maxW))
			disp[e.A].X -= float64(dx / d * f)
			disp[e.A].Y -= float64(dy / d * f)
			disp[e.B].X += float64(dx / d * f)
			disp[e.B].Y += float64(dy / d * f)
		}
		for i := range pos {
			disp[i].X -= float64((pos[i].X - 0.5) * gravity)
			disp[i].Y -= float64((pos[i].Y - 0.5) * gravity)
			l := math.Hypot(disp[i].X, disp[i].Y)
			if l > 0 {
				step := math.Min(l, temp)
				pos[i].X += float64(disp[i].X / l * step)
				pos[i].Y += float64(disp[i].Y / l * step)
			}
			pos[i].X = math.Min(1, math.Max(0, pos[i].X))
			pos[i].Y = math.Min(1, math.Max(0, pos[i].Y))
		}
		temp -= cool
	}
	return normalize(pos)
}

// delta is the vector from b to a and its length. Two nodes on the same
// point are pushed apart along a direction fixed by their indices, so
// that no division by zero happens and the result stays deterministic.
func delta(a, b Point, i, j int) (dx, dy, d float64) {
	dx, dy = a.X-b.X, a.Y-b.Y
	d = math.Hypot(dx, dy)
	if d < 1e-9 {
		angle := float64(i*7+j*13) * 0.618
		dx, dy, d = math.Cos(angle)*1e-6, math.Sin(angle)*1e-6, 1e-6
	}
	return dx, dy, d
}

// normalize stretches the points to fill the unit square, keeping the
// aspect, so that small graphs are not drawn in a corner.
func normalize(pos []Point) []Point {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pos {
		minX, maxX = math.Min(minX, p.X), math.Max(maxX, p.X)
		minY, maxY = math.Min(minY, p.Y), math.Max(maxY, p.Y)
	}
	span := math.Max(maxX-minX, maxY-minY)
	if !(span > 1e-9) {
		for i := range pos {
			pos[i] = Point{0.5, 0.5}
		}
		return pos
	}
	offX := (1 - (maxX-minX)/span) / 2
	offY := (1 - (maxY-minY)/span) / 2
	for i, p := range pos {
		pos[i] = Point{offX + (p.X-minX)/span, offY + (p.Y-minY)/span}
	}
	return pos
}

// topEntities picks the at most n entities named in the most documents
// (ties: more mentions, then id), in id order so that the layout does not
// depend on how the counts were gathered.
func topEntities[T any](items []T, n int, docs, mentions func(T) int, id func(T) string) []T {
	s := append([]T(nil), items...)
	sort.SliceStable(s, func(i, j int) bool {
		if docs(s[i]) != docs(s[j]) {
			return docs(s[i]) > docs(s[j])
		}
		if mentions(s[i]) != mentions(s[j]) {
			return mentions(s[i]) > mentions(s[j])
		}
		return id(s[i]) < id(s[j])
	})
	if len(s) > n {
		s = s[:n]
	}
	sort.SliceStable(s, func(i, j int) bool { return id(s[i]) < id(s[j]) })
	return s
}
