package graph

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/extract-ca/extract/output"
)

// writeRun writes a generated run of docs documents to a file under dir:
// each names 6 to 15 entities drawn from a fixed pool of 3,000 (a few
// frequent, most rare, as in news), over 5 to 20 sentences.
func writeRun(t testing.TB, dir string, docs int) string {
	t.Helper()
	path := filepath.Join(dir, fmt.Sprintf("run-%d.jsonl", docs))
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := output.NewWriter(f)
	rng := rand.New(rand.NewPCG(1, 2))
	labels := []string{output.LabelPerson, output.LabelPlace, output.LabelGroup}
	for d := 0; d < docs; d++ {
		rec := &output.Record{ID: fmt.Sprintf("doc%07d", d), Source: "generated", Sentences: [][2]int{}}
		sentences := 5 + rng.IntN(16)
		ents := map[string]int{} // entity → index in rec.Entities
		bySentence := make([][]string, sentences)
		for m, n := 0, 6+rng.IntN(10); m < n*2; m++ {
			k := int(3000 * rng.Float64() * rng.Float64() * rng.Float64()) // skewed towards small k
			id := fmt.Sprintf("auto/%s/entity-%d", labels[k%3], k)
			s := rng.IntN(sentences)
			mid := fmt.Sprintf("m%d", m)
			rec.Mentions = append(rec.Mentions, output.Mention{ID: mid, Start: m * 10, End: m*10 + 8, ByteStart: m * 10, ByteEnd: m*10 + 8,
				Text: fmt.Sprintf("Entity %d", k), Label: labels[k%3], Entity: id, Source: output.SourceNER, Sentence: s})
			i, ok := ents[id]
			if !ok {
				i = len(rec.Entities)
				ents[id] = i
				rec.Entities = append(rec.Entities, output.Entity{ID: id, Label: labels[k%3], Name: fmt.Sprintf("Entity %d", k)})
			}
			rec.Entities[i].Mentions = append(rec.Entities[i].Mentions, mid)
			bySentence[s] = append(bySentence[s], id)
		}
		pairs := map[[2]string]int{}
		for _, ids := range bySentence {
			seen := map[[2]string]bool{}
			for _, a := range ids {
				for _, b := range ids {
					if a < b && !seen[[2]string{a, b}] {
						seen[[2]string{a, b}] = true
						pairs[[2]string{a, b}]++
					}
				}
			}
		}
		for p, n := range pairs {
			rec.Edges = append(rec.Edges, output.Edge{Source: p[0], Target: p[1], Relation: output.RelationSentence, Weight: n})
		}
		if err := w.Write(rec); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// build reads the runs in turn and returns the graph and the peak heap in
// use while reading them, sampled every 1,000 records after a collection.
func build(t testing.TB, paths ...string) (*Graph, uint64) {
	t.Helper()
	b := NewBuilder(Options{})
	var peak uint64
	var ms runtime.MemStats
	i := 0
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		r := output.NewReader(bufio.NewReader(f))
		for ; ; i++ {
			rec, err := r.Read()
			if err != nil {
				break
			}
			if err := b.Add(rec); err != nil {
				t.Fatal(err)
			}
			if i%1000 == 0 {
				runtime.GC()
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapAlloc)
			}
		}
		f.Close()
	}
	g := b.Graph()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	return g, max(peak, ms.HeapAlloc)
}

// TestMemoryDoesNotGrowWithDocuments: a run read ten times (five times the
// documents of reading it twice, the same entities and edges) costs the
// same memory. Different documents would add edges, which is the point of
// the graph, and blur what this measures. (Twice, not once: the peak of
// reading once is sampled at other points of the maps' growth.)
func TestMemoryDoesNotGrowWithDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 22,000 documents")
	}
	run := writeRun(t, t.TempDir(), 2000)
	// Only the sizes of the first graph are kept: the graph itself would
	// be live during the second measurement.
	g, twice := build(t, run, run)
	nodes, edges := len(g.Nodes), len(g.Edges)
	g = nil
	g10, tenTimes := build(t, run, run, run, run, run, run, run, run, run, run)
	t.Logf("2,000 documents twice: %d nodes, %d edges, %.1f MB heap; the same ten times: %d nodes, %d edges, %.1f MB",
		nodes, edges, float64(twice)/1e6, len(g10.Nodes), len(g10.Edges), float64(tenTimes)/1e6)
	if nodes != len(g10.Nodes) || edges != len(g10.Edges) {
		t.Fatal("reading a run again changed the graph's size")
	}
	// A per-document cost of even 50 bytes would add 0.8 MB here.
	if tenTimes > twice+twice/10 {
		t.Errorf("heap %d B for 20,000 documents against %d B for the same 2,000 read twice", tenTimes, twice)
	}
}

// BenchmarkGraph100k builds the graph of a generated run of 100,000
// documents and reports time, peak heap and the graph's size. Run with
// go test -run x -bench Graph100k -benchtime 1x ./graph.
func BenchmarkGraph100k(b *testing.B) {
	path := writeRun(b, b.TempDir(), 100000)
	info, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		g, peak := build(b, path)
		b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
		b.ReportMetric(float64(len(g.Nodes)), "nodes")
		b.ReportMetric(float64(len(g.Edges)), "edges")
		b.ReportMetric(float64(info.Size())/1e6, "input-MB")
		b.Logf("100,000 documents (%.0f MB): %v, peak heap %.1f MB, %d nodes, %d edges",
			float64(info.Size())/1e6, time.Since(start).Round(time.Millisecond), float64(peak)/1e6, len(g.Nodes), len(g.Edges))
	}
}
