package project

import (
	"os"
	"testing"
)

// BenchmarkParse reads a typical project file (docs/contract.md §4's example).
func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile("../../fixtures/spec-example.toml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(reg, "spec-example.toml", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLocate is the locator's share of BenchmarkParse.
func BenchmarkLocate(b *testing.B) {
	data, err := os.ReadFile("../../fixtures/spec-example.toml")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := locate(data); err != nil {
			b.Fatal(err)
		}
	}
}
