// Package gazetteer holds the names of Central Asian people, places and
// groups, reads and writes them in a text format made for review in diffs,
// and finds them in tokenised text.
//
// A gazetteer file has one entry per line, seven fields separated by "|":
//
//	# id | type | kind | country | parent | name | aliases
//	place/tajikistan | PLACE | country | TJ | | Tajikistan | Republic of Tajikistan; Таджикистан; Тоҷикистон
//	group/imu | GROUP | militant group | UZ | | Islamic Movement of Uzbekistan | IMU; Islamic Party of Turkestan; ИДУ
//
// Blank lines and lines starting with # are ignored. Aliases are separated
// by ";". A name or alias written with a leading "?" is ambiguous: it may be shared
// with entries of another type, and the matcher applies the context rules of
// matcher.go before it accepts a hit on it.
//
// Load returns the default gazetteer, built from the files under data/ and
// embedded, with a user's files layered over it and checked; Parse (or
// NewReader for streaming) reads one file. NewMatcher builds a Matcher.
package gazetteer

import (
	"fmt"
	"strings"
)

// Type is the label an entry's mentions carry.
type Type string

// The three entry types.
const (
	Person Type = "PERSON"
	Place  Type = "PLACE"
	Group  Type = "GROUP"
)

// Valid reports whether t is one of the three types.
func (t Type) Valid() bool { return t == Person || t == Place || t == Group }

// Entry is one person, place or group.
type Entry struct {
	ID      string // stable, readable: "person/emomali-rahmon"
	Type    Type   // PERSON, PLACE or GROUP
	Kind    string // "country", "city", "militant group", "head of state", ...
	Country string // ISO 3166-1 alpha-2, or empty
	Parent  string // id of the enclosing entry (city → region → country), or empty
	Name    string // canonical name
	// NameAmbiguous is set when the name itself is written with a leading
	// "?": a city named Mary is still a common first name.
	NameAmbiguous bool
	Aliases       []Alias // other names; the canonical name is not repeated here

	// Where the entry was read from, for error messages.
	File string
	Line int
}

// Alias is one more name of an entry.
type Alias struct {
	Text      string
	Ambiguous bool // written with a leading "?"
}

// Names returns the canonical name followed by every alias.
func (e *Entry) Names() []Alias {
	names := make([]Alias, 0, 1+len(e.Aliases))
	names = append(names, Alias{Text: e.Name, Ambiguous: e.NameAmbiguous})
	return append(names, e.Aliases...)
}

// String formats the entry as one line of the gazetteer format.
func (e *Entry) String() string {
	aliases := make([]string, len(e.Aliases))
	for i, a := range e.Aliases {
		if a.Ambiguous {
			aliases[i] = "?" + a.Text
		} else {
			aliases[i] = a.Text
		}
	}
	name := e.Name
	if e.NameAmbiguous {
		name = "?" + name
	}
	return fmt.Sprintf("%s | %s | %s | %s | %s | %s | %s",
		e.ID, e.Type, e.Kind, e.Country, e.Parent, name, strings.Join(aliases, "; "))
}
