package project

import (
	"runtime"
	"strings"
	"testing"

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

// Doubling a file's size at most about doubles the memory: from 256 KiB to
// 1 MiB (twice doubled) the bytes allocated grow by at most 2.5 × 2.5 =
// 6.25x, where a linear cost gives 4x and a quadratic one 16x.
func TestHostileShapesAreLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("measures each shape at 256 KiB and 1 MiB")
	}
	// The bytes allocated, which do not depend on the machine's load (time
	// does: make bench measures it, in BenchmarkHostile and bench/run.sh).
	cost := func(data []byte) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		Parse(reg, "hostile.toml", data) //nolint:errcheck
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	for name, shape := range hostile.Shapes {
		quarter, full := shape(MaxSize/4-64), shape(MaxSize-64)
		ha, fa := cost(quarter), cost(full)
		// Small costs are noise; only a cost that grows is measured.
		if r := float64(fa) / float64(max(ha, 1<<20)); r > 6.25 {
			t.Errorf("%s: %d bytes allocated at 256 KiB, %d at 1 MiB (%.1fx)", name, ha, fa, r)
		}
	}
}
