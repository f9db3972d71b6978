package render

import (
	"runtime"
	"strings"
	"testing"

	"szsoft/internal/hostile"
)

// BenchmarkWrapHostile wraps each hostile text at 80 columns: 60 KiB (set
// word by word) and 1 MiB (cut). make bench: well under a second each.
func BenchmarkWrapHostile(b *testing.B) {
	for name, text := range hostile.Texts {
		for _, size := range []int{60 << 10, 1 << 20} {
			s := text(size)
			b.Run(name+"/"+byteSize(size), func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				b.ReportAllocs()
				for b.Loop() {
					Wrap(s, 80)
				}
			})
		}
	}
}

func byteSize(n int) string {
	if n >= 1<<20 {
		return "1MiB"
	}
	return "60KiB"
}

// Wrapping costs memory linear in the text: from 16 KiB to 64 KiB of any
// hostile text (both set word by word) the bytes allocated grow by at most
// 2.5 × 2.5 = 6.25x, where linear is 4x and quadratic 16x. (Time is
// BenchmarkWrapHostile's, in make bench.)
func TestWrapIsLinear(t *testing.T) {
	cost := func(s string) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		Wrap(s, 80)
		g := Grid{Header: []string{"A", "B"}, Rows: [][]string{{s, "1.00"}}, Right: []bool{false, true}, Wrap: []bool{true, false}}
		g.Render(new(strings.Builder), 80)
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	for name, text := range hostile.Texts {
		small, large := cost(text(16<<10)), cost(text(64<<10-64))
		if r := float64(large) / float64(max(small, 1<<16)); r > 6.25 {
			t.Errorf("%s: %d bytes at 16 KiB, %d at 64 KiB (%.1fx)", name, small, large, r)
		}
	}
}
