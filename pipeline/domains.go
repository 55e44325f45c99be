package pipeline

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/extract-ca/extract/output"
)

// Domains marks a site's name written as a domain ("Steppenews.kz",
// "Photobank.com", "water-watch.kg") as a group: news and reports
// cite their sources so. A full URL or an e-mail address is not a name.
// The hits are candidates beside the gazetteer's (Doc.Rules).
type Domains struct{}

func (Domains) Process(d *Doc) error {
	for k, t := range d.Tokens {
		if !isDomain(d.words().topLevelDomains, t.Text) {
			continue
		}
		// A domain written right after a token ending in "/" is the
		// rest of an address the tokenizer split, not a name.
		if k > 0 && d.Tokens[k-1].End == t.Start && strings.HasSuffix(d.Tokens[k-1].Text, "/") {
			continue
		}
		d.Rules = append(d.Rules, Mention{Span: t.Span, Label: output.LabelGroup, Source: output.SourceRule, Ref: -1})
	}
	return nil
}

// isDomain reports whether tok is a bare domain name: labels of letters,
// digits and hyphens separated by full stops, the last one a known
// top-level domain, and the first starting with a letter. "e.g." and
// "U.S." are not, nor is an address: a token holding "/", "@" or ":"
// ("www.example.com/path", "http://..."; prose keeps them as one token),
// or a host name under "www." ("visit us at www.example.com"), which a
// site's name is written without. topLevelDomains (a word list) are the endings a site's
// name is recognised by: generic ones and the country codes of the region
// and of the sources it cites.
//
// It runs on every token, so it allocates nothing: most tokens have no
// full stop and are refused at once.
func isDomain(topLevelDomains map[string]bool, tok string) bool {
	dot := strings.LastIndexByte(tok, '.')
	if dot < 0 || strings.ContainsAny(tok, "/@:") || len(tok) >= 4 && strings.EqualFold(tok[:4], "www.") {
		return false
	}
	if !inLower(topLevelDomains, tok[dot+1:]) {
		return false
	}
	for rest := tok; ; {
		label, after, more := strings.Cut(rest, ".")
		if utf8.RuneCountInString(label) < 2 {
			return false
		}
		for _, r := range label {
			if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
				return false
			}
		}
		if !more {
			break
		}
		rest = after
	}
	first, _ := utf8.DecodeRuneInString(tok)
	return unicode.IsLetter(first)
}
