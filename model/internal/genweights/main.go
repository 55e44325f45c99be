// Command genweights converts prose's English model (the POS tagger's
// averaged perceptron and the NER's maximum-entropy classifier, shipped
// inside prose as gob files in gzipped bindata) into the compact file that
// package model embeds. Run it through `go generate ./model`.
//
// Decoding prose's gob maps costs ~0.7 s per process; the compact file
// loads in a fraction of that. The conversion is exact: the perceptron's
// weights are multiples of 0.001 (prose rounds them when averaging) and are
// stored as integers whose quotient by 1000 reproduces every float64 bit
// for bit, checked here; the classifier's weights are stored as float64
// bits.
package main

import (
	"bytes"
	"encoding/gob"
	"flag"
	"fmt"
	"os"

	prose "github.com/jdkato/prose/v2"

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
	var w weightfile.Weights
	if err := decode("model/AveragedPerceptron/classes.gob", &w.POSClasses); err != nil {
		return err
	}
	if err := decode("model/AveragedPerceptron/tags.gob", &w.POSTagMap); err != nil {
		return err
	}
	if err := decode("model/AveragedPerceptron/weights.gob", &w.POSWeights); err != nil {
		return err
	}
	if err := decode("model/Maxent/labels.gob", &w.NERLabels); err != nil {
		return err
	}
	if err := decode("model/Maxent/mapping.gob", &w.NERMapping); err != nil {
		return err
	}
	if err := decode("model/Maxent/weights.gob", &w.NERWeights); err != nil {
		return err
	}
	if err := decode("model/Maxent/words.gob", &w.NERWords); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := weightfile.Encode(&buf, &w); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

func decode(asset string, v any) error {
	b, err := prose.Asset(asset)
	if err != nil {
		return err
	}
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(v); err != nil {
		return fmt.Errorf("%s: %w", asset, err)
	}
	return nil
}
