package view

import (
	_ "embed"
	"html/template"
)

//go:embed page.tmpl
var pageTemplates string

// templates are parsed once; they are part of the program, so a parse
// error is a bug caught by every test, never a user's problem.
var templates = template.Must(template.New("").Parse(pageTemplates))
