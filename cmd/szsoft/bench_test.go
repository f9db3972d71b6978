package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkBatch runs batch in-process over the fixtures, jsonl to nowhere:
// reading, checking, computing and writing, per file.
func BenchmarkBatch(b *testing.B) {
	files, _ := filepath.Glob("../../fixtures/*.toml")
	args := append([]string{"batch", "-o", "jsonl"}, files...)
	b.ReportAllocs()
	for b.Loop() {
		if code := run(args, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(files)), "ns/file")
}

// BenchmarkCalc is one 'szsoft calc first-version --sales 5e7' in-process:
// building the command tree, computing, the table.
func BenchmarkCalc(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		run([]string{"calc", "first-version", "--sales", "5e7", "--date", "2026-11-26"}, os.Stdin, io.Discard, io.Discard)
	}
}
