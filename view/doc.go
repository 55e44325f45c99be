// Package view writes static HTML for people to read the mention graph:
// a page per document with every mention marked and coloured by label, an
// index of documents and entities with a picture of the co-occurrence
// network, and the same pages for an evaluation (gold against predicted,
// each kind of mistake shown differently).
//
//	s, err := view.NewSite("site")
//	for each record and its text { err = s.Add(rec, text) }
//	err = s.Close() // writes index.html
//
// The pages need nothing but the files written, and open from disk: one
// stylesheet and one short script (choosing an entity highlights its
// mentions) stand once at the root of the site, style.css and view.js,
// and every page links them by a relative path, so that a site of many
// documents does not repeat them in each page.
// Every piece of document text goes through html/template, so markup in an
// article is shown as text, never run.
//
// Record offsets are Unicode code points; the text is converted to runes
// once per document and sliced by them. A mention whose offsets fall
// outside the text, or that overlaps one already shown, is left out and
// counted on the page rather than failing the site: the pages are for
// reading, and one bad record must not hide the others.
package view
