package wordlist

import (
	"io/fs"
	"path"
	"strings"
	"testing"
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
		l := all()[strings.TrimSuffix(path.Base(n), ".txt")]
		if len(l.dups) > 0 {
			t.Errorf("%s: written more than once: %q", n, l.dups)
		}
		if len(l.keys) == 0 {
			t.Errorf("%s: empty", n)
		}
		if l.pairs != nil && len(l.pairs) != len(l.keys) {
			t.Errorf("%s: mixes words and key | value pairs", n)
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
