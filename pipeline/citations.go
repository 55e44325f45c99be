package pipeline

import (
	"regexp"
	"strings"

	"github.com/extract-ca/extract/output"
)

// Citations reads the references of a text, one per line, as footnotes and
// bibliographies write them:
//
//	<sup>12</sup> Ormonova D. Water Politics in the Fergana Valley [Internet]. Bishkek Review; 2019.
//	7. Petrov K, Walsh M. *Roads and Rivers*. Riverside University Press; 2016.
//
// The authors are persons (Doc.Rules); the title of the cited work is not
// text about the world, so the names inside it are no mentions (Doc.Titles,
// which resolve drops candidates inside of).
type Citations struct{}

var (
	// referenceStart is a footnote marker at the start of a line.
	referenceStart = regexp.MustCompile(`^[ \t]*(?:<sup>\s*\d+\s*</sup>|\[\d+\]|\d{1,3}\.)[ \t]*(?:\d{1,3}\.[ \t]*)?`)
	// author is "Surname X." or "Surname XY" with one to three initials (an
	// initial is a capital not followed by a letter), or "X. Surname".
	author = regexp.MustCompile(`^(?:(\p{Lu}\p{Ll}[\p{L}'’-]*(?: \p{Lu}\p{Ll}[\p{L}'’-]*)?) ((?:\p{Lu}(?:\.|\b) ?){1,3})|((?:\p{Lu}\. ?){1,3}\p{Lu}\p{Ll}[\p{L}'’-]*))(?:,|;| and|\.)? ?`)
	// parenYear is a year in brackets after the authors.
	parenYear = regexp.MustCompile(`^\((?:19|20)\d\d[a-z]?\)[.,]? *`)
	// year marks a line as a reference rather than a numbered paragraph.
	year = regexp.MustCompile(`\b(?:19|20)\d\d\b`)
)

func (Citations) Process(d *Doc) error {
	start := 0
	for start < len(d.Text) {
		end := strings.IndexByte(d.Text[start:], '\n')
		if end < 0 {
			end = len(d.Text)
		} else {
			end += start
		}
		citation(d, start, end)
		start = end + 1
	}
	return nil
}

// citation handles one line, text[start:end].
func citation(d *Doc, start, end int) {
	line := d.Text[start:end]
	if !mayStartReference(line) {
		return
	}
	marker := referenceStart.FindStringIndex(line)
	if marker == nil || !year.MatchString(line) {
		return
	}
	i := start + marker[1]
	for {
		m := author.FindStringSubmatchIndex(d.Text[i:end])
		if m == nil {
			break
		}
		// The person is the surname and its initials, with the full stop
		// of the last initial when there is one; or the initials and the
		// surname.
		nameStart, nameEnd := i+m[2], i+m[5]
		if m[2] < 0 {
			nameStart, nameEnd = i+m[6], i+m[7]
		}
		for nameEnd > nameStart && d.Text[nameEnd-1] == ' ' {
			nameEnd--
		}
		if m[2] >= 0 && nameEnd < end && d.Text[nameEnd] == '.' {
			nameEnd++
		}
		d.Rules = append(d.Rules, Mention{Span: Span{Start: nameStart, End: nameEnd}, Label: output.LabelPerson, Source: output.SourceRule, Ref: -1})
		i += m[1]
	}
	if i == start+marker[1] {
		// No personal author: the first element is an institution ("ICG.",
		// "US Department of State."), which is ordinary text.
		if dot := strings.Index(d.Text[i:end], ". "); dot > 0 && dot < 80 {
			i += dot + 2
		}
	}
	// "J. Nichols (2014). *Title*": the year may come between.
	if m := parenYear.FindStringIndex(d.Text[i:end]); m != nil {
		i += m[1]
	}
	if t := titleEnd(d.Text, i, end); t > i {
		d.Titles = append(d.Titles, Span{Start: i, End: t})
	}
}

// mayStartReference is a quick test that spares most lines the regular
// expressions: a footnote marker (referenceStart) begins, after spaces and
// tabs, with "<", "[" or a digit.
func mayStartReference(line string) bool {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	return i < len(line) && (line[i] == '<' || line[i] == '[' || line[i] >= '0' && line[i] <= '9')
}

// titleEnd finds the end of a cited title that starts at i: the closing *
// of an italic title, else "[Internet]", else the first full stop that
// ends a sentence.
func titleEnd(text string, i, end int) int {
	rest := text[i:end]
	if strings.HasPrefix(rest, "*") {
		if j := strings.IndexByte(rest[1:], '*'); j >= 0 {
			return i + j + 2
		}
	}
	if j := strings.Index(rest, "[Internet]"); j >= 0 {
		return i + j
	}
	if j := strings.Index(rest, ". "); j >= 0 {
		return i + j
	}
	return i
}
