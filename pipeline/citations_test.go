package pipeline

import (
	"fmt"
	"testing"
)

func TestCitations(t *testing.T) {
	tests := []struct {
		name    string
		line    string
		authors []string
		title   string
	}{
		{"footnote, surname first, [Internet]",
			"<sup>33</sup> McDermott R. Kazakhstan's Evolving Strategy [Internet]. Jamestown; 2014.",
			[]string{"McDermott R."}, "Kazakhstan's Evolving Strategy "},
		{"two authors, italic title",
			"12. Cooley A, Heathershaw J. *Dictators without Borders*. Yale University Press; 2017.",
			[]string{"Cooley A", "Heathershaw J."}, "*Dictators without Borders*"},
		{"initials first",
			"<sup>55</sup> J. Nichols (2014). *Central Asia: Regional Developments*. CRS.",
			[]string{"J. Nichols"}, "*Central Asia: Regional Developments*"},
		{"institution as author",
			"<sup>9</sup> ICG. *The IMU and the Hizb-ut-Tahrir*. Brussels: ICG; 2001.",
			nil, "*The IMU and the Hizb-ut-Tahrir*"},
		{"institution with spaces as author",
			"<sup>25</sup> US Department of State. Chapter 2. Country Reports [Internet]. 2014.",
			nil, "Chapter 2. Country Reports "},
		{"numbered paragraph without a year is no reference",
			"3. Kazakhstan then asked Russia for help.", nil, ""},
		{"ordinary sentence", "Cooley A. wrote in 2012 about Osh.", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := process(t, tt.line, Citations{})
			authors := texts(d, d.Rules)
			if fmt.Sprint(authors) != fmt.Sprint(tt.authors) {
				t.Errorf("authors %q, want %q", authors, tt.authors)
			}
			title := ""
			if len(d.Titles) > 0 {
				title = tt.line[d.Titles[0].Start:d.Titles[0].End]
			}
			if title != tt.title {
				t.Errorf("title %q, want %q", title, tt.title)
			}
		})
	}
}
