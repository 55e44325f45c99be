package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/gazetteer/importer"
)

// gazetteerImportCommand is `extract gazetteer import`: turn GeoNames dumps
// and sanctions lists into gazetteer files.
func (a App) gazetteerImportCommand() *cobra.Command {
	c := &cobra.Command{
		Use:   "import",
		Short: "Make gazetteer files from GeoNames, the UN sanctions list or the OFAC SDN list",
		Long: `Make gazetteer files from outside reference lists. Every problem of an input file is
reported with its file and line; the good rows are still written, and the exit status is 1.
The output goes to -o FILE (replaced whole, only once it is complete) or to standard output.`,
		Example: `  extract gazetteer import geonames --cities examples/import/cities.txt \
      --admin1 examples/import/admin1CodesASCII.txt --countries-info examples/import/countryInfo.txt
  extract gazetteer import un-sanctions examples/import/consolidated.xml -o un.gaz
  extract gazetteer import ofac --program SDGT examples/import/sdn.csv`,
	}
	c.AddCommand(a.importGeoNamesCommand(), a.importUNCommand(), a.importOFACCommand())
	return c
}

type importGeoNamesOptions struct {
	cities, admin1, countriesInfo string
	countries                     []string
	minPopulation                 int64
	output                        string
}

func (a App) importGeoNamesCommand() *cobra.Command {
	var o importGeoNamesOptions
	c := &cobra.Command{
		Use:   "geonames --cities FILE --admin1 FILE --countries-info FILE [--country KZ,KG,...] [--min-population N] [-o FILE]",
		Short: "Import countries, first-level regions and cities from GeoNames dumps",
		Long: `Import countries, first-level regions and cities from the GeoNames dumps: a cities file
(cities15000.txt or another in that 19-column layout), admin1CodesASCII.txt (or regionInfo.tsv)
and countryInfo.txt. Ids are geonames/place/<slug>; a region is geonames/place/<slug>-region unless its name says
Region, Province or Oblast. GeoNames data is licensed CC BY 4.0: the header of the output
carries the attribution.`,
		Example: `  extract gazetteer import geonames --cities examples/import/cities.txt \
      --admin1 examples/import/admin1CodesASCII.txt --countries-info examples/import/countryInfo.txt \
      --country KZ,KG -o geonames.gaz
  # the repository's small files stand for GeoNames' own: cities15000.txt, admin1CodesASCII.txt, countryInfo.txt`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error { return a.importGeoNames(o) },
	}
	c.Flags().StringVar(&o.cities, "cities", "", "GeoNames cities `FILE` (cities15000.txt)")
	c.Flags().StringVar(&o.admin1, "admin1", "", "GeoNames first-level divisions `FILE` (admin1CodesASCII.txt)")
	c.Flags().StringVar(&o.countriesInfo, "countries-info", "", "GeoNames countries `FILE` (countryInfo.txt)")
	c.Flags().StringSliceVar(&o.countries, "country", nil, "import only these ISO `CODES`, e.g. KZ,KG,TJ,TM,UZ,AF (default: all)")
	c.Flags().Int64Var(&o.minPopulation, "min-population", 0, "drop cities with fewer inhabitants than `N`")
	outputFlag(c, &o.output, stdoutUsage)
	for _, f := range []string{"cities", "admin1", "countries-info"} {
		c.MarkFlagRequired(f)
	}
	return c
}

func (a App) importGeoNames(o importGeoNamesOptions) error {
	var inputs []importer.Input
	for _, path := range []string{o.cities, o.admin1, o.countriesInfo} {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		inputs = append(inputs, importer.Input{R: f, Name: path})
	}
	entries, err := importer.ReadGeoNames(importer.GeoNamesOptions{
		Cities: inputs[0], Admin1: inputs[1], Countries: inputs[2],
		Country: o.countries, MinPopulation: o.minPopulation,
	})
	if entries == nil && errors.Is(err, importer.ErrOption) {
		return err
	}
	source := fmt.Sprintf("GeoNames %s, %s and %s", filepath.Base(o.cities), filepath.Base(o.admin1), filepath.Base(o.countriesInfo))
	if len(o.countries) > 0 {
		source += " (countries " + strings.ToUpper(strings.Join(o.countries, ", ")) + ")"
	}
	if o.minPopulation > 0 {
		source += fmt.Sprintf(", cities of %d inhabitants or more", o.minPopulation)
	}
	header := importer.Header(source, time.Now()) + "\n" + importer.GeoNamesAttribution
	return a.writeImport(o.output, entries, header, err)
}

func (a App) importUNCommand() *cobra.Command {
	var output string
	c := &cobra.Command{
		Use:   "un-sanctions FILE [-o FILE]",
		Short: "Import people and groups from the UN Security Council consolidated sanctions list (XML)",
		Long: `Import the individuals (PERSON) and entities (GROUP) of the UN Security Council
consolidated sanctions list, in its XML form. Ids end with the list's reference number
(un/person/<slug>-qdi.123), so that they survive a new edition of the list.`,
		Example: `  extract gazetteer import un-sanctions examples/import/consolidated.xml -o un.gaz`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			source := "the UN Security Council consolidated list " + filepath.Base(args[0])
			return a.importFile(args[0], output, source, importer.ReadUNSanctions)
		},
	}
	outputFlag(c, &output, stdoutUsage)
	return c
}

func (a App) importOFACCommand() *cobra.Command {
	var output string
	var programs []string
	c := &cobra.Command{
		Use:   "ofac FILE [--program SDGT,FTO] [-o FILE]",
		Short: "Import people and groups from the OFAC SDN list (sdn.csv)",
		Long: `Import the individuals (PERSON) and entities (GROUP) of the US Treasury OFAC Specially
Designated Nationals list, in its CSV form (sdn.csv); vessels and aircraft are skipped.
Ids are ofac/<type>/<slug>-<entry number> (ofac/group/<slug>-6725).`,
		Example: `  extract gazetteer import ofac --program SDGT,FTO examples/import/sdn.csv -o ofac.gaz`,
		Args:    cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			source := "the OFAC SDN list " + filepath.Base(args[0])
			if len(programs) > 0 {
				source += " (programs " + strings.ToUpper(strings.Join(programs, ", ")) + ")"
			}
			return a.importFile(args[0], output, source, func(r io.Reader, file string) ([]*gazetteer.Entry, error) {
				return importer.ReadOFAC(r, file, programs...)
			})
		},
	}
	c.Flags().StringSliceVar(&programs, "program", nil, "import only the records of these `PROGRAMS`, e.g. SDGT,FTO (default: all)")
	outputFlag(c, &output, stdoutUsage)
	return c
}

// importFile runs the importer of one input file, read, on path and writes
// what it makes to output under a header naming source.
func (a App) importFile(path, output, source string, read func(io.Reader, string) ([]*gazetteer.Entry, error)) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	entries, err := read(f, path)
	return a.writeImport(output, entries, importer.Header(source, time.Now()), err)
}

// writeImport writes the imported entries to path, or to standard output
// when path is empty, with every name it shares with an entry of another
// type marked ambiguous (importer.MarkShared), and returns the problems of the input (readErr) as a
// failure: the good rows are written all the same.
func (a App) writeImport(path string, entries []*gazetteer.Entry, header string, readErr error) error {
	def, err := gazetteer.Default()
	if err != nil {
		return err
	}
	// What is written validates over the default, as run will layer it.
	importer.MarkShared(entries, def)
	if err := writeOutput(path, a.Stdout, func(w io.Writer) error { return importer.Write(w, entries, header) }); err != nil {
		return failure{err}
	}
	if readErr != nil {
		return failure{readErr}
	}
	return nil
}
