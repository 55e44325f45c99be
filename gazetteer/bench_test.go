package gazetteer

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/cputime"
	"github.com/extract-ca/extract/internal/testfile"
	"github.com/extract-ca/extract/text"
)

func seedText(b *testing.B) string {
	b.Helper()
	return strings.Join(testfile.Seeds(b, ".."), "")
}

// generated returns n synthetic entries of one to four words made of
// syllables, so that the trie is as large as a big user list.
func generated(n int) []*Entry {
	r := rand.New(rand.NewSource(1))
	syll := []string{"ka", "zan", "tur", "kul", "ob", "ash", "mir", "dor", "bek", "sar", "und", "iy", "khan", "gul", "tash", "ara"}
	word := func() string {
		var w strings.Builder
		for k := 0; k < 2+r.Intn(3); k++ {
			w.WriteString(syll[r.Intn(len(syll))])
		}
		s := w.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	entries := make([]*Entry, n)
	for i := range entries {
		words := make([]string, 1+r.Intn(4))
		for k := range words {
			words[k] = word()
		}
		entries[i] = &Entry{ID: fmt.Sprintf("place/gen-%d", i), Type: Place, Kind: "city", Name: strings.Join(words, " "),
			Aliases: []Alias{{Text: words[len(words)-1] + " " + word()}}}
	}
	return entries
}

// benchMatch matches over the seeds segmented once, as the pipeline's
// gazetteer stage does over a Doc's segmentation.
func benchMatch(b *testing.B, m *Matcher) {
	seg := text.Segment(seedText(b), nil)
	b.SetBytes(int64(len(seg.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Used()
	for i := 0; i < b.N; i++ {
		m.Match(seg)
	}
	cputime.Report(b, cpu, int64(len(seg.Text)))
}

// BenchmarkMatchDefault matches the default gazetteer over the seeds.
func BenchmarkMatchDefault(b *testing.B) {
	entries := defaultEntries(b)
	benchMatch(b, NewMatcher(entries))
}

// BenchmarkMatch100k matches a generated 100,000-entry gazetteer over the
// same text: the cost must not grow with the gazetteer.
func BenchmarkMatch100k(b *testing.B) {
	benchMatch(b, NewMatcher(generated(100000)))
}

// BenchmarkNewMatcherDefault is the start-up cost of building the matcher.
func BenchmarkNewMatcherDefault(b *testing.B) {
	entries := defaultEntries(b)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		NewMatcher(entries)
	}
}
