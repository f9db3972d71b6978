// Package hostile makes project files of hostile shapes, for the tests,
// the fuzz corpus and the benchmarks of the project loader.
package hostile

import (
	"fmt"
	"strings"
)

// Shapes are hostile shapes of a project file: each grows with n, the
// size in bytes. A file of any shape must cost time and memory linear in
// its size (docs/contract.md §3: a 1 MiB file is done in well under a
// second and a few tens of MiB); these are the shapes that once did not.
var Shapes = map[string]func(n int) []byte{
	// a.a.a.…: 40 KB once took 5.7 s and 3.6 GB in the key locator.
	"dotted key": func(n int) []byte { return []byte("a" + strings.Repeat(".a", n/2) + " = 1\n") },
	// [[[[…]]]]: nesting the parser accepts up to 10,000 levels.
	"deep array": func(n int) []byte {
		k := min(n/2, 9999)
		return []byte("x = " + strings.Repeat("[", k) + strings.Repeat("]", k) + "\n")
	},
	"deep inline tables": func(n int) []byte {
		k := min(n/8, 9999)
		return []byte("x = " + strings.Repeat("{a = ", k) + "1" + strings.Repeat("}", k) + "\n")
	},
	// a hundred thousand keys in one table: the TOML decoder's duplicate
	// check is quadratic in them (45 s for 1 MiB).
	"many keys": func(n int) []byte {
		return repeatLines("[first-version]\n", n, func(i int) string { return fmt.Sprintf("k%d = 1\n", i) })
	},
	"many tables": func(n int) []byte { return repeatLines("", n, func(i int) string { return fmt.Sprintf("[t%d]\n", i) }) },
	"many dotted": func(n int) []byte {
		return repeatLines("", n, func(i int) string { return fmt.Sprintf("a%d.b.c = 1\n", i) })
	},
	"array tables": func(n int) []byte { return repeatLines("", n, func(int) string { return "[[x]]\na = 1\n" }) },
	"long array": func(n int) []byte {
		return []byte("[quality]\nstandard = [" + strings.Repeat(`"group", `, n/9) + "]\n")
	},
	"inline tables": func(n int) []byte {
		return []byte("x = [" + strings.Repeat("{a = 1}, ", n/9) + "]\n")
	},
	"bad values": func(n int) []byte {
		return repeatLines("", n, func(i int) string {
			return fmt.Sprintf("[%s]\n", []string{"first-version", "ai", "platform"}[i%3])
		})
	},
	"long name": func(n int) []byte { return []byte(`name = "` + strings.Repeat("测", n/3) + "\"\n[relocation]\n") },
	// Names a terminal wraps: marks a line may not break after (（) or
	// before (·), runs of Chinese, one long word. Wrapping them once took
	// minutes (a backward search for a break at every character).
	"name of opening brackets": func(n int) []byte { return name(n, "（", 3) },
	"name of middle dots":      func(n int) []byte { return name(n, "·", 2) },
	"name of a dotted name":    func(n int) []byte { return name(n, "软件·", 8) },
	"name of one word":         func(n int) []byte { return name(n, "a", 1) },
}

// Texts are the hostile names of Shapes alone, for the wrapping of text
// on a terminal.
var Texts = map[string]func(n int) string{
	"opening brackets": func(n int) string { return strings.Repeat("（", n/3) },
	"middle dots":      func(n int) string { return strings.Repeat("·", n/2) },
	"dotted name":      func(n int) string { return strings.Repeat("软件·", n/8) },
	"one word":         func(n int) string { return strings.Repeat("a", n) },
	"Chinese":          func(n int) string { return strings.Repeat("深", n/3) },
}

// name is a project file whose name is r repeated to n bytes (r has k).
func name(n int, r string, k int) []byte {
	return []byte(`name = "` + strings.Repeat(r, (n-40)/k) + "\"\n[relocation]\n")
}

func repeatLines(head string, n int, line func(i int) string) []byte {
	var b strings.Builder
	b.WriteString(head)
	for i := 0; b.Len() < n; i++ {
		b.WriteString(line(i))
	}
	return []byte(b.String())
}
