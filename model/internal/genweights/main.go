// Command genweights converts prose's English model (the POS tagger's
// averaged perceptron and the NER's maximum-entropy classifier, shipped
// inside prose as gob files in gzipped bindata) into the compact file that
// package model embeds. Run it through `go generate ./model`.
//
// Decoding prose's gob maps costs ~0.7 s per process; the compact file
// loads in a fraction of that. The conversion is exact: the perceptron's
// weights are multiples of 0.001 (prose rounds them when averaging) and are
// stored as integers, checked by the encoder; the classifier's weights are
// stored as float64 bits.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"

	"github.com/extract-ca/extract/model/internal/proseweights"
	"github.com/extract-ca/extract/model/internal/weightfile"
)

func main() {
	out := flag.String("o", "data/prose-en.bin", "output file")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genweights:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	w, err := proseweights.Read()
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := weightfile.Encode(&buf, w); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}
