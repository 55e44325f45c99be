package main

import (
	"strings"
	"testing"
)

func TestDetokenize(t *testing.T) {
	tests := []struct {
		tokens string // space-separated
		want   string
	}{
		{"EU rejects German call to boycott British lamb .", "EU rejects German call to boycott British lamb."},
		{"Peter Blackburn", "Peter Blackburn"},
		{"He said , however ; that : no !", "He said, however; that: no!"},
		{"Is it ? Yes ...", "Is it? Yes..."},
		{"rose 5 % to $ 10 million", "rose 5% to $10 million"},
		{"the party ( PDP ) won", "the party (PDP) won"},
		{"-LRB- sic -RRB-", "(sic)"},
		{`He said " we will win " today .`, `He said "we will win" today.`},
		{`" A " and " B "`, `"A" and "B"`},
		{"`` Quoted , '' he said", "“Quoted,” he said"},
		{"Rahmon 's party does n't agree", "Rahmon's party doesn't agree"},
		{"they 're here and I 'm not", "they're here and I'm not"},
		{"DO N'T", "DON'T"},
		{"the ministers ' meeting", "the ministers' meeting"},
		{"Shi'ite leaders", "Shi'ite leaders"},
		{"SOCCER - JAPAN GET LUCKY WIN", "SOCCER - JAPAN GET LUCKY WIN"},
		{"", ""},
		{". starts with a period", ". starts with a period"},
	}
	for _, tt := range tests {
		var toks []string
		if tt.tokens != "" {
			toks = strings.Split(tt.tokens, " ")
		}
		if got := Detokenize(toks); got != tt.want {
			t.Errorf("Detokenize(%q) = %q, want %q", tt.tokens, got, tt.want)
		}
	}
}

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
		if got := Detokenize(tidyWNUT(strings.Split(tt.tokens, " "))); got != tt.want {
			t.Errorf("Detokenize(tidyWNUT(%q)) = %q, want %q", tt.tokens, got, tt.want)
		}
	}
}
