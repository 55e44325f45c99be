package detok

import (
	"strings"
	"testing"
)

func TestJoin(t *testing.T) {
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
		// The model's compatibility corpus's cases.
		{"Almaty", "Almaty"},
		{"Tashkent , Bishkek ; Osh : Naryn ! Why ? End .", "Tashkent, Bishkek; Osh: Naryn! Why? End."},
		{"Kabul 's they 're I 'll do n't we 've I 'm she 'd", "Kabul's they're I'll don't we've I'm she'd"},
		{"CHINA 'S CA N'T", "CHINA'S CAN'T"},
		{"rose ( by $ 5 million ) or [ 7 % ]", "rose (by $5 million) or [7%]"},
		{`He said " no " and " yes . "`, `He said "no" and "yes."`},
		{"`` Go home , '' she said .", "“Go home,” she said."},
		{`" Yes "`, `"Yes"`},
		{`a " b`, `a "b`},
		{"the players ' union", "the players' union"},
		{"wait ... then -- go", "wait... then -- go"},
		{", and then", ", and then"},
		{"a  b", "a b"}, // an empty token is skipped
		{"“ Yes , ” he said", "“Yes,” he said"},
	}
	for _, tt := range tests {
		var toks []string
		if tt.tokens != "" {
			toks = strings.Split(tt.tokens, " ")
		}
		if got := Join(toks); got != tt.want {
			t.Errorf("Join(%q) = %q, want %q", tt.tokens, got, tt.want)
		}
	}
}
