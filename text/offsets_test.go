package text

import (
	"fmt"
	"testing"
	"unicode/utf8"
)

func TestCodePoints(t *testing.T) {
	const s = "aé Ош😀." // bytes: a 0, é 1-2, space 3, О 4-5, ш 6-7, 😀 8-11, . 12
	// Each case runs on one converter, in this order, so that forward
	// steps, steps back and repeats are all exercised.
	for _, c := range []struct {
		byteOff, point int
	}{{0, 0}, {1, 1}, {3, 2}, {4, 3}, {8, 5}, {12, 6}, {13, 7}, {3, 2}, {3, 2}, {0, 0}} {
		cp := NewCodePoints(s)
		if got := cp.Point(c.byteOff); got != c.point {
			t.Errorf("Point(%d) = %d, want %d", c.byteOff, got, c.point)
		}
		if got := cp.Byte(c.point); got != c.byteOff {
			t.Errorf("Byte(%d) = %d, want %d", c.point, got, c.byteOff)
		}
	}
	cp := NewCodePoints(s)
	steps := []struct {
		op   string
		in   int
		want int
	}{
		{"point", 4, 3}, {"byte", 5, 8}, {"point", 12, 6}, {"byte", 1, 1}, {"point", 13, 7},
		{"byte", 2, 3}, {"point", 9, 5}, // inside 😀: the rune it lies in
		{"byte", 99, 13}, {"point", 99, 7}, {"point", -4, 0}, {"byte", -1, 0},
	}
	for _, st := range steps {
		var got int
		if st.op == "point" {
			got = cp.Point(st.in)
		} else {
			got = cp.Byte(st.in)
		}
		if got != st.want {
			t.Errorf("%s(%d) = %d, want %d", st.op, st.in, got, st.want)
		}
	}
	if cp.Len() != 7 {
		t.Errorf("Len = %d, want 7", cp.Len())
	}
}

// A text that is not valid UTF-8 (the pipeline refuses one, a caller may
// not) converts without a panic: a stray continuation byte is a rune.
func TestCodePointsInvalidUTF8(t *testing.T) {
	cp := NewCodePoints("\x80a\x80")
	for b, want := range []int{0, 1, 2, 3} {
		if got := cp.Point(b); got != want {
			t.Errorf("Point(%d) = %d, want %d", b, got, want)
		}
	}
	if got := cp.Byte(2); got != 2 {
		t.Errorf("Byte(2) = %d, want 2", got)
	}
}

// Every rune boundary converts there and back, in order and in reverse.
func TestCodePointsRoundTrip(t *testing.T) {
	s := "Бишкек, Osh – Хорог 🏔 ok"
	var bounds []int
	for i := range s {
		bounds = append(bounds, i)
	}
	bounds = append(bounds, len(s))
	cp := NewCodePoints(s)
	for p, b := range bounds {
		if got := cp.Point(b); got != p {
			t.Fatalf("Point(%d) = %d, want %d", b, got, p)
		}
	}
	for p := len(bounds) - 1; p >= 0; p-- {
		if got := cp.Byte(p); got != bounds[p] {
			t.Fatalf("Byte(%d) = %d, want %d", p, got, bounds[p])
		}
	}
	if cp.Len() != utf8.RuneCountInString(s) {
		t.Errorf("Len = %d", cp.Len())
	}
}

func ExampleCodePoints() {
	s := "Ош and Osh"
	cp := NewCodePoints(s)
	start, end := cp.Point(9), cp.Point(12) // "Osh": bytes 9-12, code points 7-10
	fmt.Println(start, end, cp.Len())
	fmt.Println(s[cp.Byte(start):cp.Byte(end)])
	// Output:
	// 7 10 10
	// Osh
}
