// Command genpatterns writes the two regular expressions of commonregex that
// prose's tagger uses (links and e-mail addresses) into the file package
// model embeds, one per line. Run it through `go generate ./model`.
//
// Importing commonregex compiles its twenty-odd expressions at the start of
// every process (10 ms, 900 KB, about a sixth of a one-file run's start-up);
// the engine needs two of them, and rarely (mayBeLink spares nearly every
// word), so it compiles them from this file on first use instead.
// TestPatternsAreCommonregex checks that the file is current.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/mingrammer/commonregex"
)

func main() {
	out := flag.String("o", "data/commonregex.txt", "output file")
	flag.Parse()
	text := commonregex.LinkRegex.String() + "\n" + commonregex.EmailRegex.String() + "\n"
	if err := os.WriteFile(*out, []byte(text), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "genpatterns:", err)
		os.Exit(1)
	}
}
