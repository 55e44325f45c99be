package gazetteer

import (
	"testing"

	"github.com/extract-ca/extract/internal/fileerr"
)

// defaultEntries returns the default gazetteer (Default), failing tb when
// it does not load.
func defaultEntries(tb testing.TB) []*Entry {
	tb.Helper()
	entries, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return entries
}

func TestDefaultParses(t *testing.T) {
	entries := defaultEntries(t)
	if len(entries) == 0 {
		t.Fatal("default gazetteer is empty")
	}
}

// TestDefaultData checks the embedded data as a whole: unique ids across
// files, every parent present, type prefixes, no unmarked name shared by
// entries of different types.
func TestDefaultData(t *testing.T) {
	entries := defaultEntries(t)
	if err := Validate(entries); err != nil {
		for _, e := range err.(fileerr.ErrorList) {
			t.Error(e)
		}
	}
}
