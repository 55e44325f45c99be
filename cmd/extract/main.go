// Command extract turns articles about Central Asia into a JSONL mention
// graph. See README.md, or run `extract help`.
package main

import (
	"context"
	"os"
)

func main() {
	os.Exit(App{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}.Run(context.Background(), os.Args[1:]))
}
