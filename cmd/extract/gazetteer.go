package main

import "github.com/spf13/cobra"

func (a App) gazetteerCommand() *cobra.Command {
	return &cobra.Command{Use: "gazetteer", Short: "Validate, inspect and import gazetteers", Hidden: true}
}
