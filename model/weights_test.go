package model

import (
	"bytes"
	"compress/gzip"
	"io"
	"reflect"
	"testing"

	"github.com/mingrammer/commonregex"

	"github.com/extract-ca/extract/model/internal/proseweights"
	"github.com/extract-ca/extract/model/internal/weightfile"
)

// TestEmbeddedWeightsAreProse decodes the embedded file and prose's own
// assets converted afresh and requires the same model: the file is up to
// date with the prose version in go.mod (else: go generate ./model).
func TestEmbeddedWeightsAreProse(t *testing.T) {
	w, err := proseweights.Read()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := weightfile.Encode(&buf, w); err != nil {
		t.Fatal(err)
	}
	fresh, err := weightfile.Decode(&buf)
	if err != nil {
		t.Fatal(err)
	}
	embedded, err := weightfile.Decode(bytes.NewReader(proseEN))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(fresh, embedded) {
		t.Fatal("data/prose-en.bin differs from prose's assets: run go generate ./model")
	}
	// Every weight of prose's NER mapping is in the compact rows, and every
	// key of the mapping is met on the way (none is left out of them).
	nl := len(embedded.NERLabels)
	seen := 0
	for f, name := range weightfile.FeatureOrder {
		for value, row := range embedded.NERValue[f] {
			for l, label := range embedded.NERLabels {
				idx, ok := w.NERMapping[name+"-"+value+"-"+label]
				got := embedded.NERRows[int(row)*nl+l]
				if ok && got != w.NERWeights[idx] || !ok && got != 0 {
					t.Fatalf("%s-%s-%s: compact %v, prose %v (present %v)", name, value, label, got, w.NERWeights[idx], ok)
				}
				if ok {
					seen++
				}
			}
		}
	}
	if n := len(w.NERMapping); seen != n {
		t.Errorf("the compact rows hold %d of the %d keys of prose's NER mapping", seen, n)
	}
}

func TestLoadRefusesBrokenFiles(t *testing.T) {
	for _, data := range [][]byte{nil, []byte("not gzip"), proseEN[:len(proseEN)/2]} {
		if _, err := Load(data); err == nil {
			t.Errorf("Load of %d bytes: no error", len(data))
		}
	}
}

// FuzzLoad feeds Load corrupt weight files: an error, never a panic. The
// fuzzer mutates the uncompressed content, compressed before Load.
func FuzzLoad(f *testing.F) {
	f.Add([]byte{})
	var small bytes.Buffer
	if err := weightfile.Encode(&small, &weightfile.Weights{
		POSClasses: []string{"NN", "VB"},
		POSTagMap:  map[string]string{"the": "NN"},
		POSWeights: map[string]map[string]float64{"bias": {"NN": 0.5}},
		NERLabels:  []string{"O", "B-PERSON"},
		NERMapping: map[string]int{"bias-True-O": 0},
		NERWeights: []float64{1},
		NERWords:   []string{"the"},
	}); err != nil {
		f.Fatal(err)
	}
	zr, err := gzip.NewReader(&small)
	if err != nil {
		f.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(raw)
	f.Fuzz(func(t *testing.T, data []byte) {
		var z bytes.Buffer
		zw := gzip.NewWriter(&z)
		zw.Write(data)
		zw.Close()
		m, err := Load(z.Bytes())
		if err == nil {
			m.Document("A test of Tashkent.")
		}
	})
}

// TestPatternsAreCommonregex: the embedded expressions are commonregex's
// own, the ones prose's tagger uses (else: go generate ./model).
func TestPatternsAreCommonregex(t *testing.T) {
	want := commonregex.LinkRegex.String() + "\n" + commonregex.EmailRegex.String() + "\n"
	if commonregexPatterns != want {
		t.Fatalf("data/commonregex.txt differs from commonregex's LinkRegex and EmailRegex: run go generate ./model")
	}
	p := linkPatterns()
	if p.link.String() != commonregex.LinkRegex.String() || p.email.String() != commonregex.EmailRegex.String() {
		t.Error("linkPatterns compiled other expressions than the file's")
	}
}
