package importer

// The namespaces of imported ids: an imported entry's id is
// <namespace>/<type>/<slug> (geonames/place/almaty,
// un/group/islamic-movement-of-uzbekistan-qde.010,
// ofac/person/tahir-yuldashev-6725), so that it never equals the id of a
// curated entry, which is <type>/<slug>, nor one of another list. Layering
// an import over the default gazetteer then adds entries and replaces
// none; the curated entry of a name comes first and wins (see
// pipeline.Link).
const (
	NamespaceGeoNames = "geonames"
	NamespaceUN       = "un"
	NamespaceOFAC     = "ofac"
)

// geoNamesPlace is the start of every GeoNames id.
const geoNamesPlace = NamespaceGeoNames + "/place/"
