package wordlist_test

import (
	"fmt"
	"strings"

	"github.com/extract-ca/extract/wordlist"
)

func Example() {
	titles := wordlist.Set("titles")
	for _, w := range strings.Fields("President Tokayev met Gen. Smith") {
		fmt.Println(w, titles[strings.ToLower(strings.TrimSuffix(w, "."))])
	}
	fmt.Println(wordlist.Pairs("kinds-after")["oblast"])
	// Output:
	// President true
	// Tokayev false
	// met false
	// Gen. true
	// Smith false
	// region
}
