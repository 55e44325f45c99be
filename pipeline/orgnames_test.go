package pipeline

import (
	"fmt"
	"testing"
)

func TestOrgNames(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"He joined the Hollybush Institute last year.", []string{"Hollybush Institute"}},
		{"under the Ministry of Water and Energy is", []string{"Ministry of Water and Energy"}},
		{"the chairman of the Committee on National Security of Kazakhstan said", []string{"Committee on National Security of Kazakhstan"}},
		{"Associate Professor of Political Science and Director of the Hollybush Institute at Rowan", []string{"Hollybush Institute"}},
		{"Katibat al-Imam Bukhari and the Islamic Jihad Union, which", []string{"Islamic Jihad Union"}},
		{"articles in Ethnic and Racial Studies, and", []string{"Ethnic and Racial Studies"}},
		{"according to The Jamestown Foundation.", []string{"The Jamestown Foundation"}},
		{"The Jamestown Foundation said.", []string{"Jamestown Foundation"}},
		{"met the Prime Minister of Kazakhstan", nil},
		{"in Central Asia today", nil},
		{"the Institute\nof Peace", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := process(t, tt.text, Tokenize{}, Sentences{}, OrgNames{})
			got := texts(d, d.Rules)
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
