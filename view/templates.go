package view

import (
	"embed"
	"html/template"
	"os"
	"path/filepath"
)

//go:embed page.tmpl
var pageTemplates string

// templates are parsed once; they are part of the program, so a parse
// error is a bug caught by every test, never a user's problem.
var templates = template.Must(template.New("").Parse(pageTemplates))

// assets are the stylesheet and script every page links: written once
// at the root of a site rather than repeated in each of its pages.
//
//go:embed assets/style.css assets/view.js
var assets embed.FS

// assetNames are the files WriteAssets writes at the root of a site.
var assetNames = []string{"style.css", "view.js"}

// WriteAssets writes the stylesheet and the script the pages link
// (style.css, view.js) into dir, the root of a site: a caller that writes pages
// one by one (WriteDocument) calls it once. NewSite and WriteDiff do.
func WriteAssets(dir string) error {
	for _, name := range assetNames {
		b, err := assets.ReadFile("assets/" + name)
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// makeSite makes dir and dir/docs and writes the assets at its root.
func makeSite(dir string) error {
	if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
		return err
	}
	return WriteAssets(dir)
}
