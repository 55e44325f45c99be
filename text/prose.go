package text

import (
	"bufio"
	_ "embed"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ProseToken is one token of a text as prose's tokenizer makes it: the
// statistical model's tokens (package model labels them), which Tokenize
// refines into the document's.
type ProseToken struct {
	Span          // byte offsets in the text given to ProseTokens
	Text   string // prose's text of the token: curly quotes and "&rsquo;" straightened
	Run    string // the whitespace-separated run it came from, straightened
	Piece  int32  // index of the token among the tokens of its run
	RunNum int32  // ordinal of its run in the text
}

// ProseTokens passes each token prose's tokenizer makes of text to each,
// in order, with its offsets in text.
//
// prose straightens curly quotes and "&rsquo;", splits the text at white
// space, and splits each run further: leading $ ( " [ come off one at a
// time, a word before 'll 's 're 'm or n't comes off, and trailing
// , ) " ] ! ; . ? : ' come off; emoticons and abbreviations such as
// "U.S." or "Dr." stay whole. Faithful to prose, part of some runs is
// dropped: in "Kabul's," the "'s," goes, because prose stops splitting
// when a clitic begins the rest of the run. Callers that need every
// character covered fill such gaps themselves.
//
// Where prose itself would panic (a clitic found in the lower-cased run at
// an offset beyond the run, possible with letters such as 'İ' whose lower
// case is longer) the rest of the run becomes one token.
func ProseTokens(text string, each func(ProseToken)) {
	clean, back := straighten(text)
	t := tokenizer{clean: clean, back: back, each: each}
	white := false
	start := 0
	run := int32(0)
	for i, r := range clean {
		space := IsSpace(r)
		if i == 0 {
			white = space
		}
		if space != white {
			if !white && start < i {
				t.split(start, i, run)
				run++
			}
			start = i
			white = !white
		}
	}
	if !white && start < len(clean) {
		t.split(start, len(clean), run)
	}
}

// IsSpace is unicode.IsSpace with ASCII decided inline: prose's white
// space, which separates runs. It is asked of every rune of the text.
func IsSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// straighten applies prose's rewrites (“ ” → ", ‘ ’ → ', "&rsquo;" → ')
// and returns the rewritten text with a table to map its offsets back.
// Without rewrites the text itself is returned and the table is nil.
func straighten(text string) (string, []shift) {
	if !strings.Contains(text, "\u201c") && !strings.Contains(text, "\u201d") &&
		!strings.Contains(text, "\u2018") && !strings.Contains(text, "\u2019") &&
		!strings.Contains(text, "&rsquo;") {
		return text, nil
	}
	var b strings.Builder
	b.Grow(len(text))
	var back []shift
	for i := 0; i < len(text); {
		var repl byte
		var n int
		switch {
		case strings.HasPrefix(text[i:], "\u201c"), strings.HasPrefix(text[i:], "\u201d"):
			repl, n = '"', 3
		case strings.HasPrefix(text[i:], "\u2018"), strings.HasPrefix(text[i:], "\u2019"):
			repl, n = '\'', 3
		case strings.HasPrefix(text[i:], "&rsquo;"):
			repl, n = '\'', len("&rsquo;")
		default:
			b.WriteByte(text[i])
			i++
			continue
		}
		b.WriteByte(repl)
		i += n
		back = append(back, shift{clean: b.Len(), orig: i})
	}
	return b.String(), back
}

// shift says that offset clean of the rewritten text is offset orig of the
// original; offsets between two shifts differ by the same amount.
type shift struct{ clean, orig int }

func original(back []shift, i int) int {
	if back == nil {
		return i
	}
	k := sort.Search(len(back), func(k int) bool { return back[k].clean > i })
	if k == 0 {
		return i
	}
	return back[k-1].orig + i - back[k-1].clean
}

type tokenizer struct {
	clean  string
	back   []shift
	each   func(ProseToken)
	suffs  []int // ends of the trailing marks split off the current run
	lower  []byte
	finder cliticFinder
}

func (t *tokenizer) add(lo, hi int, run int32, span string, piece *int32) {
	if lo >= hi {
		return
	}
	t.each(ProseToken{
		Span: Span{original(t.back, lo), original(t.back, hi)},
		Text: t.clean[lo:hi], Run: span, Piece: *piece, RunNum: run,
	})
	*piece++
}

// clitics are what prose splits a word from, in the order it looks for them.
var clitics = []string{"'ll", "'s", "'re", "'m"}

// split is prose's doSplit over the run clean[lo:hi].
func (t *tokenizer) split(lo, hi int, run int32) {
	span := t.clean[lo:hi]
	var piece int32
	ascii := IsASCII(span)
	finder := &t.finder
	if ascii {
		finder.init(span, lo, &t.lower)
	}
	t.suffs = t.suffs[:0]
	runes := len(span)
	if !ascii {
		runes = utf8.RuneCountInString(span)
	}
	last := 0
	for lo < hi && runes != last {
		tok := t.clean[lo:hi]
		if isSpecial(tok) {
			t.add(lo, hi, run, span, &piece)
			break
		}
		last = runes
		var idx int
		switch {
		case len(tok) > 1 && (tok[0] == '$' || tok[0] == '(' || tok[0] == '"' || tok[0] == '['):
			t.add(lo, lo+1, run, span, &piece)
			lo++
			runes--
			continue
		case ascii:
			idx = finder.index(lo, hi)
		default:
			idx = unicodeClitic(tok)
		}
		if idx >= 0 {
			if idx > len(tok) {
				// prose would panic slicing tok[:idx]; keep the rest whole.
				t.add(lo, hi, run, span, &piece)
				break
			}
			t.add(lo, lo+idx, run, span, &piece)
			lo += idx
			if ascii {
				runes -= idx
			} else {
				runes = utf8.RuneCountInString(t.clean[lo:hi])
			}
			continue
		}
		if len(tok) > 1 && isSuffixMark(tok[len(tok)-1]) {
			t.suffs = append(t.suffs, hi)
			hi--
			if ascii {
				runes--
			} else {
				runes = utf8.RuneCountInString(t.clean[lo:hi])
			}
			continue
		}
		t.add(lo, hi, run, span, &piece)
	}
	for k := len(t.suffs) - 1; k >= 0; k-- {
		t.add(t.suffs[k]-1, t.suffs[k], run, span, &piece)
	}
}

func isSuffixMark(b byte) bool {
	switch b {
	case ',', ')', '"', ']', '!', ';', '.', '?', ':', '\'':
		return true
	}
	return false
}

// unicodeClitic is prose's search for a clitic in a run that is not all
// ASCII: the index is found in the lower-cased run, whose length may
// differ from the run's, and used as an offset into the run.
func unicodeClitic(tok string) int {
	lower := strings.ToLower(tok)
	for _, group := range [][]string{clitics, {"n't"}} {
		for _, c := range group {
			if idx := strings.Index(lower, c); idx >= 0 && len(lower) > len(c) {
				return idx
			}
		}
	}
	return -1
}

// cliticFinder answers prose's clitic search for every window lo:hi of one
// ASCII run in time linear in the run: it lists where each clitic occurs
// once, and windows only shrink.
type cliticFinder struct {
	none bool // the run has no apostrophe, so no clitic
	base int
	at   [5][]int // occurrences of clitics[0..3] and "n't", relative to base
	next [5]int   // first occurrence not before the window's start
}

func (f *cliticFinder) init(span string, base int, scratch *[]byte) {
	f.base = base
	for k := range f.at {
		f.at[k] = f.at[k][:0]
		f.next[k] = 0
	}
	// Every clitic has an apostrophe: most runs have none to look for.
	f.none = strings.IndexByte(span, '\'') < 0
	if f.none {
		return
	}
	lower := append((*scratch)[:0], span...)
	for i, b := range lower {
		if 'A' <= b && b <= 'Z' {
			lower[i] = b + 'a' - 'A'
		}
	}
	*scratch = lower
	for k, c := range [5]string{clitics[0], clitics[1], clitics[2], clitics[3], "n't"} {
		for i := 0; ; {
			j := strings.Index(string(lower[i:]), c)
			if j < 0 {
				break
			}
			f.at[k] = append(f.at[k], i+j)
			i += j + 1
		}
	}
}

// index returns what prose's hasAnyIndex gives for clean[lo:hi]: the
// offset of the first clitic found, trying 'll 's 're 'm before n't, or -1.
func (f *cliticFinder) index(lo, hi int) int {
	if f.none {
		return -1
	}
	n := hi - lo
	for k := range f.at {
		for f.next[k] < len(f.at[k]) && f.base+f.at[k][f.next[k]] < lo {
			f.next[k]++
		}
		if f.next[k] == len(f.at[k]) {
			continue
		}
		pos := f.base + f.at[k][f.next[k]]
		clen := 3
		if k == 1 || k == 3 {
			clen = 2
		}
		if pos+clen <= hi && n > clen {
			return pos - lo
		}
	}
	return -1
}

// isSpecial is prose's test for a run kept whole: an emoticon, letters
// each followed by a full stop ("U.S.", "e.g."), or a capital, one or two
// small letters and a full stop ("Dr.", "Mrs.").
func isSpecial(tok string) bool {
	if emoticonFirst[tok[0]] && IsEmoticon(tok) {
		return true
	}
	return isInitials(tok) || isShortAbbrev(tok)
}

func isInitials(s string) bool {
	if len(s) < 4 || len(s)%2 != 0 {
		return false
	}
	for i := 0; i < len(s); i += 2 {
		if !IsASCIILetter(s[i]) || s[i+1] != '.' {
			return false
		}
	}
	return true
}

func isShortAbbrev(s string) bool {
	if len(s) < 3 || len(s) > 4 || s[0] < 'A' || s[0] > 'Z' || s[len(s)-1] != '.' {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

//go:embed data/emoticons.txt
var emoticonList string

// emoticons are the strings prose keeps whole (and tags SYM).
var emoticons = func() map[string]bool {
	set := map[string]bool{}
	sc := bufio.NewScanner(strings.NewReader(emoticonList))
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "# ") {
			set[line] = true
		}
	}
	return set
}()

// emoticonFirst holds the first bytes of the emoticons: the tokenizer
// asks the set about every run, and most start with a byte none has.
var emoticonFirst = func() (first [256]bool) {
	for e := range emoticons {
		first[e[0]] = true
	}
	return first
}()

// maxEmoticonLen bounds the lookup: longer strings are never emoticons.
var maxEmoticonLen = func() int {
	n := 0
	for e := range emoticons {
		n = max(n, len(e))
	}
	return n
}()

// IsEmoticon reports whether s is one of the emoticons prose keeps whole
// (data/emoticons.txt).
func IsEmoticon(s string) bool { return len(s) <= maxEmoticonLen && emoticons[s] }
