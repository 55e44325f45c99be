package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/extract-ca/extract/batch"
	"github.com/extract-ca/extract/eval"
	"github.com/extract-ca/extract/internal/detok"
)

// corpusInfo describes the corpus every variant reads.
type corpusInfo struct {
	Dir       string        `json:"dir"`
	Bytes     int64         `json:"bytes"`
	Documents int           `json:"documents"`
	Sources   []sourceShare `json:"sources,omitempty"` // empty for --corpus
	Notes     []string      `json:"notes,omitempty"`
}

type sourceShare struct {
	Name      string `json:"name"`
	Documents int    `json:"documents"`
	Bytes     int64  `json:"bytes"`
}

// docBytes is the size at which a document made of outside sentences is
// closed: a few KB, like a news article (the seeds are 20-70 KB).
const docBytes = 3000

// outside are the NER sets under ../shared/external that the corpus takes
// sentences from. They are read, never copied into the repository.
var outside = []struct {
	name, path string
	read       func(io.Reader) ([]sentence, error)
	paragraph  int // sentences per paragraph
}{
	{"conll2003", "ner-train/conll2003/eng.train", readColumns, 4},
	{"gmb", "ner/gmb/ner_dataset.csv", readGMB, 4},
	{"wikigold", "ner/wikigold/wikigold.conll.txt", readColumns, 4},
	{"wnut17", "ner/wnut17/emerging.test.annotated", readColumns, 1}, // tweets
}

type sentence struct {
	tokens   []string
	docStart bool // first sentence of a document of eval's reader (a -DOCSTART- line, or every 50 CoNLL or 20 GMB sentences)
}

// buildCorpus writes a corpus of at least target bytes into dir: the seed
// articles of root, then documents made from the outside sets of shared,
// taken in turn from each set so that a small corpus still mixes them. If
// no outside set is there, the seeds are repeated, and a note says so.
func buildCorpus(root, shared, dir string, target int64) (corpusInfo, error) {
	info := corpusInfo{Dir: dir}
	seedFiles, err := filepath.Glob(filepath.Join(root, "seeds", "*.txt"))
	if err != nil || len(seedFiles) == 0 {
		return info, fmt.Errorf("no seed articles in %s (run from the repository root or pass --root)", filepath.Join(root, "seeds"))
	}
	sort.Strings(seedFiles)
	var seeds []string
	for _, f := range seedFiles {
		raw, err := os.ReadFile(f)
		if err != nil {
			return info, err
		}
		seeds = append(seeds, string(raw))
	}

	var sources [][]string
	var names []string
	for _, o := range outside {
		path := filepath.Join(shared, o.path)
		f, err := os.Open(path)
		if errors.Is(err, fs.ErrNotExist) {
			info.Notes = append(info.Notes, fmt.Sprintf("%s not found: %s left out", path, o.name))
			continue
		}
		if err != nil {
			return info, err
		}
		sents, err := o.read(bufio.NewReader(f))
		f.Close()
		if err != nil {
			return info, fmt.Errorf("%s: %w", path, err)
		}
		docs := groupDocuments(sents, o.paragraph, o.name == "wnut17")
		if len(docs) == 0 {
			return info, fmt.Errorf("%s: no sentences", path)
		}
		sources = append(sources, docs)
		names = append(names, o.name)
	}

	if err := os.MkdirAll(dir, 0o755); err != nil {
		return info, err
	}
	shares := map[string]*sourceShare{}
	add := func(name, text string) error {
		info.Documents++
		path := filepath.Join(dir, fmt.Sprintf("%05d_%s.txt", info.Documents, name))
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return err
		}
		info.Bytes += int64(len(text))
		s := shares[name]
		if s == nil {
			s = &sourceShare{Name: name}
			shares[name] = s
		}
		s.Documents++
		s.Bytes += int64(len(text))
		return nil
	}
	order := []string{"seeds"}
	for _, s := range seeds {
		if err := add("seeds", s); err != nil {
			return info, err
		}
	}
	if len(sources) == 0 {
		info.Notes = append(info.Notes, fmt.Sprintf("no outside data under %s: the corpus is the %d seed articles repeated", shared, len(seeds)))
		for i := 0; info.Bytes < target; i++ {
			if err := add("seeds", seeds[i%len(seeds)]); err != nil {
				return info, err
			}
		}
	} else {
		order = append(order, names...)
		next := make([]int, len(sources))
		for info.Bytes < target {
			added := false
			for i, docs := range sources {
				if next[i] < len(docs) && info.Bytes < target {
					if err := add(names[i], docs[next[i]]); err != nil {
						return info, err
					}
					next[i]++
					added = true
				}
			}
			if !added {
				info.Notes = append(info.Notes, fmt.Sprintf("all outside text used: corpus is %d bytes, less than the %d asked for", info.Bytes, target))
				break
			}
		}
	}
	for _, name := range order {
		if s := shares[name]; s != nil {
			info.Sources = append(info.Sources, *s)
		}
	}
	return info, nil
}

// scanCorpus describes an existing corpus directory, read the way extract
// reads it (recursive *.txt and *.md).
func scanCorpus(dir string) (corpusInfo, error) {
	info := corpusInfo{Dir: dir}
	st, err := os.Stat(dir)
	if err != nil {
		return info, fmt.Errorf("--corpus: %w", err)
	}
	if !st.IsDir() {
		return info, fmt.Errorf("--corpus %s: not a directory", dir)
	}
	files, err := batch.ExpandPaths([]string{dir})
	if err != nil {
		return info, err
	}
	if len(files) == 0 {
		return info, fmt.Errorf("--corpus %s: no .txt or .md files", dir)
	}
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			return info, err
		}
		info.Bytes += st.Size()
		info.Documents++
	}
	return info, nil
}

// groupDocuments detokenizes sentences and joins them into documents of
// about docBytes, with a blank line between paragraphs: every paragraph
// sentences, at a document start, and after a headline (a sentence that
// ends without . ! ? or a quote, as CoNLL's "SOCCER - JAPAN GET LUCKY WIN").
func groupDocuments(sents []sentence, paragraph int, wnut bool) []string {
	var docs []string
	var b strings.Builder
	inPara := 0
	for _, s := range sents {
		toks := s.tokens
		if wnut {
			toks = tidyWNUT(toks)
		}
		text := detok.Join(toks)
		if text == "" {
			continue
		}
		if b.Len() > 0 {
			if s.docStart || inPara >= paragraph {
				b.WriteString("\n\n")
				inPara = 0
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(text)
		inPara++
		if !strings.ContainsAny(text[len(text)-1:], `.!?"”'’`) {
			inPara = paragraph // a headline ends its paragraph
		}
		if b.Len() >= docBytes {
			b.WriteByte('\n')
			docs = append(docs, b.String())
			b.Reset()
			inPara = 0
		}
	}
	if b.Len() > 0 {
		b.WriteByte('\n')
		docs = append(docs, b.String())
	}
	return docs
}

// tidyWNUT undoes what WNUT-17's tokenization did to its posts and
// detok.Join cannot know: HTML entities split up ("&", "gt", ";" is ">"),
// apostrophes split off both sides ("Cheney", "'", "s"; "could", "n", "'",
// "t") and subreddit names ("/", "r", "/", "news").
func tidyWNUT(toks []string) []string {
	entities := map[string]string{"amp": "&", "gt": ">", "lt": "<", "quot": `"`}
	suffixes := map[string]bool{"s": true, "re": true, "ve": true, "ll": true, "d": true, "m": true}
	out := make([]string, 0, len(toks))
	for i := 0; i < len(toks); i++ {
		at := func(k int) string {
			if i+k < len(toks) {
				return toks[i+k]
			}
			return ""
		}
		switch {
		case toks[i] == "&" && at(2) == ";" && entities[at(1)] != "":
			out = append(out, entities[at(1)])
			i += 2
		case toks[i] == "n" && at(1) == "'" && at(2) == "t":
			out = append(out, "n't")
			i += 2
		case toks[i] == "'" && suffixes[at(1)] && len(out) > 0:
			out = append(out, "'"+at(1))
			i++
		case toks[i] == "/" && at(1) == "r" && at(2) == "/" && at(3) != "":
			out = append(out, "/r/"+at(3))
			i += 3
		default:
			out = append(out, toks[i])
		}
	}
	return out
}

// readColumns reads CoNLL-style files (CoNLL-2003, WikiGold, WNUT-17) and
// readGMB the GMB CSV, through eval's readers: what the scorer reads is
// what the corpus is made of.
func readColumns(r io.Reader) ([]sentence, error) { return sentencesOf(eval.ReadCoNLL(r, "", nil)) }

func readGMB(r io.Reader) ([]sentence, error) { return sentencesOf(eval.ReadGMB(r, "", nil)) }

// sentencesOf cuts eval's documents back into sentences of tokens: their
// text is the tokens joined by spaces, the sentences by line ends. The
// first sentence of each document starts a paragraph, as a -DOCSTART- line
// did.
func sentencesOf(docs []eval.Document, err error) ([]sentence, error) {
	if err != nil {
		return nil, err
	}
	var sents []sentence
	for _, d := range docs {
		for i, line := range strings.Split(d.Text, "\n") {
			if line != "" {
				sents = append(sents, sentence{tokens: strings.Split(line, " "), docStart: i == 0})
			}
		}
	}
	return sents, nil
}
