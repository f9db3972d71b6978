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
				Parse(reg, "hostile.toml", data) //nolint:errcheck // the shapes are errors
			}
		})
	}
}

// Doubling a file's size at most about doubles the work: from 256 KiB to
// 1 MiB (twice doubled) both the bytes allocated (exact) and the time (the
// best of a few runs) grow by at most 2.5 × 2.5 = 6.25x, where a linear
// cost gives 4x and a quadratic one 16x. Four times the size, not two,
// keeps the time apart from the noise of a busy machine.
func TestHostileShapesAreLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("measures each shape at 256 KiB and 1 MiB")
	}
	cost := func(data []byte) (uint64, time.Duration) {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		Parse(reg, "hostile.toml", data) //nolint:errcheck
		runtime.ReadMemStats(&after)
		best := time.Duration(1<<63 - 1)
		for range 5 {
			runtime.GC()
			start := time.Now()
			Parse(reg, "hostile.toml", data) //nolint:errcheck
			best = min(best, time.Since(start))
		}
		return after.TotalAlloc - before.TotalAlloc, best
	}
	for name, shape := range hostile.Shapes {
		quarter, full := shape(MaxSize/4-64), shape(MaxSize-64)
		ha, ht := cost(quarter)
		fa, ft := cost(full)
		// Small costs are noise; only a cost that grows is measured.
		if r := float64(fa) / float64(max(ha, 1<<20)); r > 6.25 {
			t.Errorf("%s: %d bytes allocated at 256 KiB, %d at 1 MiB (%.1fx)", name, ha, fa, r)
		}
		if r := float64(ft) / float64(max(ht, 10*time.Millisecond)); r > 6.25 {
			t.Errorf("%s: %v at 256 KiB, %v at 1 MiB (%.1fx)", name, ht, ft, r)
		}
	}
}
