package pipeline

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/output"
)

// fuzzSeeds are texts that reach the stages' corners: acronyms defined in
// brackets, curly quotes and possessives, CRLF and blank lines, markup,
// hyphenated names, citations, scripts other than Latin, and combining
// marks next to names.
var fuzzSeeds = []string{
	"Taliban (TB) in Batken.", "“Kabul’s”", "a\r\n\r\nb", "<sup>5</sup>**x**", "U.S.-led",
	"President Emomali Rahmon met Shavkat Mirziyoyev in Dushanbe on Monday. The Eurasian Council on Foreign Affairs (ECFA) said so.",
	"Рахмон и Мирзиёев. Hizb ut-Tahrir, Hizb-ut-Tahrir and the IMU (Islamic Movement of Uzbekistan).",
	"[1] Smith, J. (2019). Central Asia. Oxford: OUP. https://knb.kz/news?id=5\n\n2. Ibid., p. 4.",
	"Mr. A. B. Nazarbayev’s son-in-law — the ex-KNB chief — fled to Almaty.\tKyrgyzstan\u00a0Osh\u200b.",
	"Ö\u0308sh Kazakhstan\u0301 e\u0301 İstanbul ǅ ﬁ ß ΣΑΣ 𝐁𝐚𝐭𝐤𝐞𝐧 👍🏽 Kazakhstan",
	"((((ISIS))))) ) ( Al-Qaeda) (A) (AB CD) ()",
}

// FuzzPipeline runs the rule stages without a gazetteer or the model, fast.
func FuzzPipeline(f *testing.F) {
	p, err := New(Config{Gazetteer: []*gazetteer.Entry{}})
	if err != nil {
		f.Fatal(err)
	}
	fuzzPipeline(f, p)
}

// FuzzPipelineDefault runs what `extract run` runs: the default gazetteer
// and the statistical model.
func FuzzPipelineDefault(f *testing.F) {
	p, err := New(Config{NER: true})
	if err != nil {
		f.Fatal(err)
	}
	fuzzPipeline(f, p)
}

// fuzzPipeline checks that any valid UTF-8 text goes through every stage
// of p without a panic or an error, and that the record made of it is
// sound: see checkRecord. The stages are run without Process's recover, so
// that a panic fails with its stack.
func fuzzPipeline(f *testing.F, p *Pipeline) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			if _, err := p.Process("f", "f", text); err == nil {
				t.Fatal("invalid UTF-8 accepted")
			}
			return
		}
		doc := &Doc{ID: "f", Source: "f", Text: text}
		for _, s := range p.steps {
			if err := s.stage.Process(doc); err != nil {
				t.Fatalf("stage %s: %v", s.name, err)
			}
		}
		if err := checkRecord(text, doc.Record()); err != nil {
			t.Fatal(err)
		}
	})
}

// checkRecord reports the first thing wrong with the record of text: a
// mention whose offsets are out of range, out of text order, or whose text
// differs from the document at its code point or byte offsets; a label
// other than the three; a sentence out of range; an entity list that does
// not hold each mention once, under the mention's entity.
func checkRecord(text string, rec *output.Record) error {
	runes := []rune(text)
	if rec.Length != len(runes) {
		return fmt.Errorf("length %d, text of %d code points", rec.Length, len(runes))
	}
	prev := 0
	for i, s := range rec.Sentences {
		if s[0] < prev || s[0] > s[1] || s[1] > len(runes) {
			return fmt.Errorf("sentence %d [%d,%d) out of order or range (%d code points)", i, s[0], s[1], len(runes))
		}
		prev = s[1]
	}
	entityOf := map[string]string{}
	prevStart := 0
	for i, m := range rec.Mentions {
		switch {
		case m.ID != fmt.Sprintf("m%d", i):
			return fmt.Errorf("mention %d has id %q", i, m.ID)
		case m.Start < prevStart:
			return fmt.Errorf("mention %+v before the one ahead of it", m)
		case m.Start < 0 || m.Start >= m.End || m.End > len(runes):
			return fmt.Errorf("mention %+v: code points out of range (%d)", m, len(runes))
		case m.ByteStart < 0 || m.ByteStart >= m.ByteEnd || m.ByteEnd > len(text):
			return fmt.Errorf("mention %+v: bytes out of range (%d)", m, len(text))
		case string(runes[m.Start:m.End]) != m.Text || text[m.ByteStart:m.ByteEnd] != m.Text:
			return fmt.Errorf("mention %+v does not match the text", m)
		case m.Label != output.LabelPerson && m.Label != output.LabelPlace && m.Label != output.LabelGroup:
			return fmt.Errorf("mention %+v: label %q", m, m.Label)
		case m.Entity == "":
			return fmt.Errorf("mention %+v without an entity", m)
		case len(rec.Sentences) > 0 && (m.Sentence < 0 || m.Sentence >= len(rec.Sentences)):
			return fmt.Errorf("mention %+v: sentence out of range (%d)", m, len(rec.Sentences))
		}
		prevStart = m.Start
		entityOf[m.ID] = m.Entity
	}
	for _, e := range rec.Entities {
		for _, id := range e.Mentions {
			want, ok := entityOf[id]
			if !ok {
				return fmt.Errorf("entity %s: mention %q unknown or listed twice", e.ID, id)
			}
			if want != e.ID {
				return fmt.Errorf("entity %s lists mention %s of %s", e.ID, id, want)
			}
			delete(entityOf, id)
		}
	}
	if len(entityOf) > 0 {
		return fmt.Errorf("%d mentions in no entity", len(entityOf))
	}
	return nil
}
