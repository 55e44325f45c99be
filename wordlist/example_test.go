package wordlist_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/extract-ca/extract/wordlist"
)

func Example() {
	titles := wordlist.Default().Set("titles")
	for _, w := range strings.Fields("President Tokayev met Gen. Smith") {
		fmt.Println(w, titles[strings.ToLower(strings.TrimSuffix(w, "."))])
	}
	fmt.Println(wordlist.Default().Pairs("kinds-after")["oblast"])
	// Output:
	// President true
	// Tokayev false
	// met false
	// Gen. true
	// Smith false
	// region
}

// A file NAME.txt of a directory replaces the list NAME; the other lists
// stay the embedded ones.
func ExampleLoad() {
	dir, _ := os.MkdirTemp("", "wordlists")
	defer os.RemoveAll(dir)
	os.WriteFile(filepath.Join(dir, "titles.txt"), []byte("# Titles of our corpus.\nmarshal\nsheikh\n"), 0o644)
	lists, err := wordlist.Load(dir)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(lists.Replaced(), lists.Set("titles")["sheikh"], lists.Set("titles")["president"])

	os.WriteFile(filepath.Join(dir, "titles.txt"), []byte("marshal\nField Marshal\n"), 0o644)
	_, err = wordlist.Load(dir)
	fmt.Println(strings.ReplaceAll(err.Error(), dir, "DIR"))
	// Output:
	// [titles] true false
	// DIR/titles.txt:2: "Field Marshal" holds a space: titles is looked up one word at a time
}
