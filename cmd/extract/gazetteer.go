package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/extract-ca/extract/gazetteer"
	"github.com/extract-ca/extract/internal/fileerr"
)

func (a App) gazetteerCommand() *cobra.Command {
	c := &cobra.Command{
		Use:   "gazetteer",
		Short: "Validate, inspect, look up and import gazetteers",
		Example: `  extract gazetteer stats
  extract gazetteer validate examples/names.gaz
  extract gazetteer lookup "Рахмонов"`,
	}
	c.AddCommand(a.gazetteerValidateCommand(), a.gazetteerStatsCommand(), a.gazetteerLookupCommand(), a.gazetteerImportCommand())
	return c
}

func (a App) gazetteerValidateCommand() *cobra.Command {
	var gaz gazetteerFlags // the files are the arguments, not --gazetteer
	c := &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check gazetteer files and report every problem with file and line",
		Long: `Check gazetteer files: the format of every line, unique ids, parents that exist (in the
files or the default gazetteer), names shared by entries of different types without
the ambiguity mark, and ids that an earlier file or the default already has (unless
--gazetteer-collisions is replace or merge, as it will be given to run). A copy of one of the
default's files (gazetteer/data/NAME.gaz) is checked in place of the default's. Every
problem is reported, not only the first. Exit status 1 when there are problems.`,
		Example: `  extract gazetteer validate examples/names.gaz
  extract gazetteer validate gazetteer/data/*.gaz`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, files []string) error {
			gaz.files = files
			l, err := gaz.load(a.Stderr)
			var problems fileerr.ErrorList
			if !errors.As(err, &problems) && err != nil {
				return err
			}
			for _, p := range problems {
				fmt.Fprintln(a.Stdout, p)
			}
			if len(problems) > 0 {
				return failure{fmt.Errorf("%d problems", len(problems))}
			}
			fmt.Fprintf(a.Stdout, "%d entries, no problems\n", len(l.Own))
			return nil
		},
	}
	collisionsFlag(c, &gaz.collisions)
	return c
}

func (a App) gazetteerStatsCommand() *cobra.Command {
	var asJSON, noDefault bool
	var gaz gazetteerFlags
	c := &cobra.Command{
		Use:   "stats",
		Short: "Count entries and aliases by type and kind",
		Example: `  extract gazetteer stats
  extract gazetteer stats --json --no-default --gazetteer examples/names.gaz`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			l, err := gaz.load(a.Stderr)
			if err != nil {
				return err
			}
			entries := l.All
			if noDefault {
				entries = l.Own
			}
			s := gazetteer.ComputeStats(entries)
			if asJSON {
				enc := json.NewEncoder(a.Stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(s)
			}
			w := tabwriter.NewWriter(a.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
			fmt.Fprintln(w, "type\tkind\tentries\taliases\t")
			for _, t := range []gazetteer.Type{gazetteer.Person, gazetteer.Place, gazetteer.Group} {
				fmt.Fprintf(w, "%s\t(all)\t%d\t%d\t\n", t, s.ByType[t].Entries, s.ByType[t].Aliases)
			}
			fmt.Fprintf(w, "all\t\t%d\t%d\t\n", s.Entries, s.Aliases)
			fmt.Fprintln(w, "\t\t\t\t")
			for _, k := range s.ByKind {
				fmt.Fprintf(w, "%s\t%s\t%d\t%d\t\n", k.Type, k.Kind, k.Entries, k.Aliases)
			}
			return w.Flush()
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	gaz.register(c, gazetteerUsage)
	c.Flags().BoolVar(&noDefault, "no-default", false, "count only the --gazetteer files")
	return c
}

func (a App) gazetteerLookupCommand() *cobra.Command {
	var gaz gazetteerFlags
	c := &cobra.Command{
		Use:   "lookup TEXT",
		Short: "Show which entries a string matches, and through which folded key",
		Example: `  extract gazetteer lookup "Рахмонов"
  extract gazetteer lookup Hizb-ut-Tahrir
  extract gazetteer lookup --gazetteer examples/names.gaz "Pamir Water Council"`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			l, err := gaz.load(a.Stderr)
			if err != nil {
				return err
			}
			text := strings.Join(args, " ")
			results := gazetteer.NewMatcher(l.All).Lookup(text)
			if len(results) == 0 {
				fmt.Fprintf(a.Stdout, "no match in %q\n", text)
				return nil
			}
			w := tabwriter.NewWriter(a.Stdout, 0, 0, 2, ' ', 0)
			fmt.Fprintln(w, "text\tkey\tid\ttype\tkind\tname")
			for _, r := range results {
				for _, e := range r.Entries {
					fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Text, r.Key, e.ID, e.Type, e.Kind, e.Name)
				}
			}
			return w.Flush()
		},
	}
	gaz.register(c, gazetteerUsage)
	return c
}
