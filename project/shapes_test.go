package project

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"szsoft/internal/hostile"
)

// BenchmarkHostile parses each shape at 1 MiB, the largest file read
// (make bench: well under a second and a few tens of MiB each).
func BenchmarkHostile(b *testing.B) {
	for name, shape := range hostile.Shapes {
		data := shape(MaxSize - 64)
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				Parse("hostile.toml", data) //nolint:errcheck // the shapes are errors
			}
		})
	}
}

// Doubling a file's size at most about doubles the work: both the bytes
// allocated (exact) and the time (the best of a few runs) grow by at most
// 2.5x from 512 KiB to 1 MiB, where a quadratic cost would give 4x.
func TestHostileShapesAreLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("measures each shape at 512 KiB and 1 MiB")
	}
	cost := func(data []byte) (uint64, time.Duration) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		Parse("hostile.toml", data) //nolint:errcheck
		runtime.ReadMemStats(&after)
		best := time.Duration(1<<63 - 1)
		for range 5 {
			runtime.GC()
			start := time.Now()
			Parse("hostile.toml", data) //nolint:errcheck
			best = min(best, time.Since(start))
		}
		return after.TotalAlloc - before.TotalAlloc, best
	}
	for name, shape := range hostile.Shapes {
		half, full := shape(MaxSize/2-64), shape(MaxSize-64)
		ha, ht := cost(half)
		fa, ft := cost(full)
		// Small costs are noise; only a cost that grows is measured.
		if r := float64(fa) / float64(max(ha, 1<<20)); r > 2.5 {
			t.Errorf("%s: %d bytes allocated at 512 KiB, %d at 1 MiB (%.1fx)", name, ha, fa, r)
		}
		if r := float64(ft) / float64(max(ht, 20*time.Millisecond)); r > 2.5 {
			t.Errorf("%s: %v at 512 KiB, %v at 1 MiB (%.1fx)", name, ht, ft, r)
		}
	}
}
