package main

import "github.com/spf13/cobra"

func (a App) evalCommand() *cobra.Command {
	return &cobra.Command{Use: "eval", Short: "Score the pipeline against annotated articles", Hidden: true}
}
