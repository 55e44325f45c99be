package main

import (
	"github.com/spf13/cobra"

	"github.com/extract-ca/extract/output"
)

func (a App) schemaCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the JSON Schema of one line of run's output",
		Long: `Print the JSON Schema (draft 2020-12) that every line extract run writes is valid
against: the document's id, text checksum and length, its mentions with code point offsets,
entities and edges, or, for a document that could not be processed, its error. Feed it to a JSON Schema validator or a code generator in your own project;
the binary carries it, so it matches the version you run.`,
		Example: `  extract schema > extract.schema.json
  extract run seeds/ > mentions.jsonl   # every line is valid against extract.schema.json`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error {
			_, err := a.Stdout.Write(output.Schema())
			return err
		},
	}
}
