package view

import (
	"math"
	"testing"
)

func TestLayoutDeterministic(t *testing.T) {
	ring := func(n int) []LayoutEdge {
		var e []LayoutEdge
		for i := range n {
			e = append(e, LayoutEdge{A: i, B: (i + 1) % n, Weight: float64(1 + i%3)})
		}
		return e
	}
	tests := []struct {
		name  string
		n     int
		edges []LayoutEdge
	}{
		{"empty", 0, nil},
		{"one", 1, nil},
		{"two unconnected", 2, nil},
		{"pair", 2, []LayoutEdge{{A: 0, B: 1, Weight: 5}}},
		{"triangle", 3, ring(3)},
		{"star", 8, []LayoutEdge{{0, 1, 1}, {0, 2, 1}, {0, 3, 1}, {0, 4, 1}, {0, 5, 1}, {0, 6, 1}, {0, 7, 1}}},
		{"ring of 40", 40, ring(40)},
		{"bad edges are ignored", 3, []LayoutEdge{{A: -1, B: 2, Weight: 1}, {A: 0, B: 3, Weight: 1}, {A: 1, B: 1, Weight: 1}, {A: 0, B: 1, Weight: math.NaN()}, {A: 0, B: 2, Weight: math.Inf(1)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Layout(tt.n, tt.edges)
			b := Layout(tt.n, tt.edges)
			if len(a) != tt.n {
				t.Fatalf("%d points for %d nodes", len(a), tt.n)
			}
			for i := range a {
				if a[i] != b[i] {
					t.Errorf("node %d: %v, then %v", i, a[i], b[i])
				}
				p := a[i]
				if math.IsNaN(p.X) || math.IsNaN(p.Y) || p.X < 0 || p.X > 1 || p.Y < 0 || p.Y > 1 {
					t.Errorf("node %d at %v, outside the unit square", i, p)
				}
			}
		})
	}
}

// TestLayoutIgnoresBadEdges: edges that name no node change nothing.
func TestLayoutIgnoresBadEdges(t *testing.T) {
	want := Layout(3, nil)
	got := Layout(3, []LayoutEdge{{A: -1, B: 2, Weight: 1}, {A: 0, B: 3, Weight: 1}, {A: 1, B: 1, Weight: 1}, {A: 0, B: 1, Weight: 0}})
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("node %d: %v, want %v", i, got[i], want[i])
		}
	}
}

// TestLayoutSpreads: connected nodes end up closer than unconnected ones,
// and no two nodes share a point.
func TestLayoutSpreads(t *testing.T) {
	// Two triangles joined by nothing.
	edges := []LayoutEdge{{0, 1, 1}, {1, 2, 1}, {2, 0, 1}, {3, 4, 1}, {4, 5, 1}, {5, 3, 1}}
	p := Layout(6, edges)
	d := func(i, j int) float64 { return math.Hypot(p[i].X-p[j].X, p[i].Y-p[j].Y) }
	within := (d(0, 1) + d(1, 2) + d(3, 4) + d(4, 5)) / 4
	across := (d(0, 3) + d(1, 4) + d(2, 5)) / 3
	if within >= across {
		t.Errorf("within a triangle %.3f, across %.3f", within, across)
	}
	for i := range p {
		for j := i + 1; j < len(p); j++ {
			if d(i, j) < 0.01 {
				t.Errorf("nodes %d and %d at %v and %v", i, j, p[i], p[j])
			}
		}
	}
}
