package wordlist

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/fileerr"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, text string
		keys       []string
		pairs      map[string]string
		dups       []string
	}{
		{"words", "# what and where\n\nmr\nmrs\n", []string{"mr", "mrs"}, nil, nil},
		{"spaces and comments", "  a b  \n#c\n\td\n", []string{"a b", "d"}, nil, nil},
		{"duplicate kept once", "x\ny\nx\n", []string{"x", "y"}, nil, []string{"x"}},
		{"pairs", "oblast | region\nriver | river\n", []string{"oblast", "river"},
			map[string]string{"oblast": "region", "river": "river"}, nil},
		{"phrase key", "korea, north | KP", []string{"korea, north"}, map[string]string{"korea, north": "KP"}, nil},
		{"empty", "", nil, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := parse(tt.text)
			if strings.Join(l.keys, "/") != strings.Join(tt.keys, "/") {
				t.Errorf("keys %q, want %q", l.keys, tt.keys)
			}
			if strings.Join(l.dups, "/") != strings.Join(tt.dups, "/") {
				t.Errorf("dups %q, want %q", l.dups, tt.dups)
			}
			if len(l.pairs) != len(tt.pairs) {
				t.Errorf("pairs %v, want %v", l.pairs, tt.pairs)
			}
			for k, v := range tt.pairs {
				if l.pairs[k] != v {
					t.Errorf("pairs[%q] = %q, want %q", k, l.pairs[k], v)
				}
			}
		})
	}
}

// TestFiles checks what the loader cannot: every file says first what it
// holds and where it comes from, writes each word once, and is either all
// words or all pairs.
func TestFiles(t *testing.T) {
	names, err := fs.Glob(data, "data/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatal(names, err)
	}
	for _, n := range names {
		b, _ := data.ReadFile(n)
		text := string(b)
		if !strings.HasPrefix(text, "# ") {
			t.Errorf("%s: the first line is no comment saying what the list is and where it comes from", n)
		}
		name := strings.TrimSuffix(path.Base(n), ".txt")
		l := Default().lists[name]
		if len(l.dups) > 0 {
			t.Errorf("%s: written more than once: %q", n, l.dups)
		}
		if len(l.keys) == 0 {
			t.Errorf("%s: empty", n)
		}
		if l.pairs != nil && len(l.pairs) != len(l.keys) {
			t.Errorf("%s: mixes words and key | value pairs", n)
		}
		// What Text gives a user to start from is a valid replacement.
		if _, errs := parseFile(n, name, text, shapeOf(l)); len(errs) > 0 {
			t.Errorf("%s is no valid replacement of itself: %v", n, errs)
		}
	}
}

func TestUnknownListPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Set of an unknown list did not panic")
		}
	}()
	Set("no-such-list")
}

func TestSetIsACopy(t *testing.T) {
	a := Set("titles")
	delete(a, "president")
	if !Set("titles")["president"] {
		t.Error("changing one Set changed the list")
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // file name in the directory → text
		names []string          // the lists that may be replaced
		err   string            // every problem, one per line; "" for none
		check func(*Lists) string
	}{
		{name: "empty directory is the defaults", files: nil,
			check: func(l *Lists) string {
				if !l.Set("titles")["president"] || len(l.Replaced()) != 0 {
					return "not the defaults"
				}
				return ""
			}},
		{name: "a file replaces its list whole", files: map[string]string{"titles.txt": "# mine\nmarshal\nsheikh\n"},
			check: func(l *Lists) string {
				if got := strings.Join(l.Words("titles"), ","); got != "marshal,sheikh" {
					return "titles " + got
				}
				if !l.Set("demonyms")["kyrgyz"] || strings.Join(l.Replaced(), ",") != "titles" {
					return "other lists changed"
				}
				if !Default().Set("titles")["president"] {
					return "the defaults changed"
				}
				return ""
			}},
		{name: "pairs", files: map[string]string{"kinds-after.txt": "raion | district\n  oblast |  region \n"},
			check: func(l *Lists) string {
				if p := l.Pairs("kinds-after"); len(p) != 2 || p["oblast"] != "region" {
					return fmt.Sprint(p)
				}
				return ""
			}},
		{name: "an empty file empties the list", files: map[string]string{"place-nouns.txt": "# none\n"},
			check: func(l *Lists) string {
				if len(l.Set("place-nouns")) != 0 {
					return "not empty"
				}
				return ""
			}},
		{name: "hidden files ignored", files: map[string]string{".titles.txt.swp": "x y z"}},
		{name: "unknown list", files: map[string]string{"tittles.txt": "x\n"},
			err: "D/tittles.txt: no list \"tittles\" to replace: NAME.txt replaces the list NAME, one of"},
		{name: "list the caller does not read", files: map[string]string{"company-words.txt": "llc\n"}, names: []string{"titles", "demonyms"},
			err: "D/company-words.txt: no list \"company-words\" to replace: NAME.txt replaces the list NAME, one of titles, demonyms"},
		{name: "not .txt", files: map[string]string{"titles.text": "x\n"},
			err: "D/titles.text: not a word list: the files of a word-list directory are NAME.txt"},
		{name: "duplicate", files: map[string]string{"titles.txt": "gen\nmarshal\ngen\n"},
			err: "D/titles.txt:3: \"gen\" is already on line 1"},
		{name: "capitals in a lower-case list", files: map[string]string{"titles.txt": "\nMarshal\n"},
			err: "D/titles.txt:2: \"Marshal\" has capitals: titles is looked up in lower case (write \"marshal\")"},
		{name: "lower case in a list of capitals", files: map[string]string{"known-acronyms.txt": "Llc\n"},
			err: "D/known-acronyms.txt:1: \"Llc\" has lower-case letters: known-acronyms is written in capitals (write \"LLC\")"},
		{name: "phrase in a list of words", files: map[string]string{"titles.txt": "field marshal\n"},
			err: "D/titles.txt:1: \"field marshal\" holds a space: titles is looked up one word at a time"},
		{name: "pair in a list of words", files: map[string]string{"titles.txt": "gen | general\n"},
			err: "D/titles.txt:1: \"gen | general\": a line of titles is one entry, not \"key | value\""},
		{name: "word in a list of pairs", files: map[string]string{"kinds-after.txt": "raion\n"},
			err: "D/kinds-after.txt:1: \"raion\": a line of kinds-after is \"key | value\""},
		{name: "empty value", files: map[string]string{"kinds-after.txt": "raion | \n"},
			err: "D/kinds-after.txt:1: \"raion |\": a line of kinds-after is \"key | value\""},
		{name: "value of the wrong case", files: map[string]string{"demonym-countries.txt": "kazakh | kz\n"},
			err: "D/demonym-countries.txt:1: \"kz\" has lower-case letters: demonym-countries is written in capitals (write \"KZ\")"},
		{name: "stray bar", files: map[string]string{"titles.txt": "gen|eral\n"},
			err: "D/titles.txt:1: \"gen|eral\": | and # are no part of an entry"},
		{name: "invalid UTF-8", files: map[string]string{"titles.txt": "ok\n\xff\n"},
			err: "D/titles.txt:2: invalid UTF-8"},
		{name: "every problem of every file", files: map[string]string{"titles.txt": "A\nb\nb\n", "demonyms.txt": "x y\n"},
			err: "D/demonyms.txt:1: \"x y\" holds a space: demonyms is looked up one word at a time\n" +
				"D/titles.txt:1: \"A\" has capitals: titles is looked up in lower case (write \"a\")\n" +
				"D/titles.txt:3: \"b\" is already on line 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, text := range tt.files {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			l, err := Load(dir, tt.names...)
			if tt.err != "" {
				if err == nil {
					t.Fatalf("no error, want %q", tt.err)
				}
				if got := strings.ReplaceAll(err.Error(), dir, "D"); !strings.HasPrefix(got, tt.err) {
					t.Fatalf("error\n%s\nwant\n%s", got, tt.err)
				}
				var pe *fileerr.ParseError
				if !errors.As(err, &pe) {
					t.Errorf("%T is no fileerr.ParseError", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.check != nil {
				if msg := tt.check(l); msg != "" {
					t.Error(msg)
				}
			}
		})
	}
}

func TestLoadMissingDirectory(t *testing.T) {
	if _, err := Load(filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("no error for a missing directory")
	}
}

// TestJSON: the lists a distributed run sends to its workers are the ones
// the launcher loaded.
func TestJSON(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "titles.txt"), []byte("# mine\nmarshal\n"), 0o644)
	l, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	var back *Lists
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(back.Words("titles"), ","); got != "marshal" {
		t.Errorf("titles after JSON: %s", got)
	}
	if !back.Set("demonyms")["kyrgyz"] {
		t.Error("the other lists are lost")
	}
	if err := json.Unmarshal([]byte(`{"titles":"A\n"}`), &back); err == nil || !strings.Contains(err.Error(), "titles.txt:1:") {
		t.Errorf("a bad list in JSON: %v", err)
	}
	if b, _ := json.Marshal(Default()); string(b) != "null" {
		t.Errorf("the defaults marshal as %s", b)
	}
}

func TestText(t *testing.T) {
	text, err := Text("titles")
	if err != nil || !strings.HasPrefix(text, "# ") || !strings.Contains(text, "\npresident\n") {
		t.Errorf("Text(titles) = %.40q, %v", text, err)
	}
	if _, err := Text("no-such-list"); err == nil {
		t.Error("no error for an unknown list")
	}
}

// FuzzParseFile: a user's file never panics the parser, and what it keeps
// is a valid list of the shape: written back out, it reads the same.
func FuzzParseFile(f *testing.F) {
	f.Add("titles", "# c\nmarshal\nGen\n\nx y\n")
	f.Add("kinds-after", "raion | district\nx|y\n | \n")
	f.Add("demonym-countries", "kazakh | KZ\nkazakh | KG\n\xff\n")
	f.Add("known-acronyms", "LLC\n")
	f.Fuzz(func(t *testing.T, name, text string) {
		d, ok := Default().lists[name]
		if !ok {
			return
		}
		s := shapeOf(d)
		l, _ := parseFile("f.txt", name, text, s)
		var b strings.Builder
		for _, k := range l.keys {
			b.WriteString(k)
			if s.pairs {
				b.WriteString(" | " + l.pairs[k])
			}
			b.WriteByte('\n')
		}
		again, errs := parseFile("g.txt", name, b.String(), s)
		if len(errs) > 0 {
			t.Fatalf("kept entries are refused when written back: %v\n%q", errs, b.String())
		}
		if strings.Join(again.keys, "\n") != strings.Join(l.keys, "\n") {
			t.Fatalf("keys %q, then %q", l.keys, again.keys)
		}
		for k, v := range l.pairs {
			if again.pairs[k] != v {
				t.Fatalf("pair %q: %q, then %q", k, v, again.pairs[k])
			}
		}
	})
}
