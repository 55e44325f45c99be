package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/extract-ca/extract/output"
)

// Domains marks a site's name written as a domain ("Knb.kz",
// "Shutterstock.com", "counter-terror.kz") as a group: news and reports
// cite their sources so. A full URL or an e-mail address is not a name.
// The hits are candidates beside the gazetteer's (Doc.Rules).
type Domains struct{}

func (Domains) Name() string { return "domains" }

func (Domains) Process(d *Doc) error {
	for k, t := range d.Tokens {
		if !isDomain(t.Text) {
			continue
		}
		// "www.example.com/path" and "http://..." are addresses, not names:
		// prose keeps them as one token, so the token itself tells.
		if k > 0 && d.Tokens[k-1].End == t.Start && strings.HasSuffix(d.Tokens[k-1].Text, "/") {
			continue
		}
		d.Rules = append(d.Rules, Mention{Span: t.Span, Label: output.LabelGroup, Source: output.SourceRule, Ref: -1})
	}
	return nil
}

// topLevelDomains are the endings a site's name is recognised by: generic
// ones and the country codes of the region and of the sources it cites.
var topLevelDomains = set(`
com org net info biz edu gov int news media io eu
kz kg tj tm uz af ru cn pk ir az tr sy iq in mn ua by ge am
uk de fr it es nl be ch at se no dk fi pl cz us ca au jp kr
`)

// isDomain reports whether tok is a bare domain name: labels of letters,
// digits and hyphens separated by full stops, the last one a known
// top-level domain, and the first starting with a letter. "e.g." and
// "U.S." are not.
func isDomain(tok string) bool {
	if strings.ContainsAny(tok, "/@:") || strings.HasPrefix(strings.ToLower(tok), "www.") && strings.Count(tok, ".") < 2 {
		return false
	}
	labels := strings.Split(tok, ".")
	if len(labels) < 2 {
		return false
	}
	tld := labels[len(labels)-1]
	if !topLevelDomains[strings.ToLower(tld)] {
		return false
	}
	for _, l := range labels {
		if utf8.RuneCountInString(l) < 2 {
			return false
		}
		for _, r := range l {
			if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
				return false
			}
		}
	}
	first, _ := utf8.DecodeRuneInString(labels[0])
	return unicode.IsLetter(first)
}
