package edition

import "testing"

// BenchmarkBuiltin is the cost of reading the built-in editions, paid by
// every run of szsoft.
func BenchmarkBuiltin(b *testing.B) {
	for b.Loop() {
		SZ2022()
	}
}
