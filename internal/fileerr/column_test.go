package fileerr

import "testing"

func TestColumn(t *testing.T) {
	tests := []struct {
		line string
		i    int
		want int
	}{
		{"abc", 0, 1},
		{"abc", 2, 3},
		{"Ош \\ud800", 5, 4}, // two letters of two bytes each, a space
		{"a\xff\xfeb", 3, 4}, // each invalid byte is one column
		{"😀x", 4, 2},         // four bytes, one code point
		{"e\u0301x", 3, 3},   // a combining mark is a code point of its own
	}
	for _, tt := range tests {
		if got := Column(tt.line, tt.i); got != tt.want {
			t.Errorf("Column(%q, %d) = %d, want %d", tt.line, tt.i, got, tt.want)
		}
		if got := Column([]byte(tt.line), tt.i); got != tt.want {
			t.Errorf("Column([]byte(%q), %d) = %d, want %d", tt.line, tt.i, got, tt.want)
		}
	}
}

func TestInvalidUTF8(t *testing.T) {
	for s, want := range map[string]int{"": -1, "Ош": -1, "a\xffb": 1, "Ош\xd0": 4, "😀\xf0\x9f": 4, "\x80": 0} {
		if got := InvalidUTF8(s); got != want {
			t.Errorf("InvalidUTF8(%q) = %d, want %d", s, got, want)
		}
		if got := InvalidUTF8([]byte(s)); got != want {
			t.Errorf("InvalidUTF8([]byte(%q)) = %d, want %d", s, got, want)
		}
	}
}
