package main

import (
	"strings"
	"testing"

	"github.com/extract-ca/extract/internal/detok"
)

func TestTidyWNUT(t *testing.T) {
	tests := []struct{ tokens, want string }{
		{"& gt ; Cavani has the highest rate", "> Cavani has the highest rate"},
		{"Tom & Jerry", "Tom & Jerry"},
		{"Cheney ' s back .", "Cheney's back."},
		{"could n ' t handle it", "couldn't handle it"},
		{"You ' re right", "You're right"},
		{"kicked / r / politics hard", "kicked /r/politics hard"},
		{"the players ' union", "the players' union"},
	}
	for _, tt := range tests {
		if got := detok.Join(tidyWNUT(strings.Split(tt.tokens, " "))); got != tt.want {
			t.Errorf("detok.Join(tidyWNUT(%q)) = %q, want %q", tt.tokens, got, tt.want)
		}
	}
}
