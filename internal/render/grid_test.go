package render

import (
	"strings"
	"testing"
)

// A grid fits the width it is given: with borders when it can, without
// them when it must, and not at all (false) when even that would not fit
// or would turn its cells into towers; no line is wider than the width and
// no number is cut.
func TestGridFits(t *testing.T) {
	g := Grid{
		Header: []string{"ITEM", "RECIPIENT", "MAX"},
		Rows: [][]string{
			{"first-version.developer", "developer", "10,000,000.00"},
			{"first-version.insurance", "enterprise", "200,000.00"},
		},
		Footer: []string{"municipal total", "", "10,200,000.00"},
		Right:  []bool{false, false, true},
		Wrap:   []bool{true, true, false},
	}
	for _, c := range []struct {
		width   int
		fits    bool
		borders bool
	}{
		{0, true, true},   // not a terminal: the whole table
		{120, true, true}, // room enough
		{50, true, true},  // ITEM wraps after its dot, inside the borders
		{40, true, false}, // without borders
		{20, false, false},
	} {
		var b strings.Builder
		ok, _ := g.Render(&b, c.width)
		if ok != c.fits {
			t.Errorf("width %d: fits %v, want %v\n%s", c.width, ok, c.fits, b.String())
			continue
		}
		if !ok {
			if b.Len() > 0 {
				t.Errorf("width %d: wrote %q though it did not fit", c.width, b.String())
			}
			continue
		}
		out := b.String()
		if got := strings.HasPrefix(out, "+"); got != c.borders {
			t.Errorf("width %d: borders %v, want %v\n%s", c.width, got, c.borders, out)
		}
		for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
			if c.width > 0 && DisplayWidth(l) > c.width {
				t.Errorf("width %d: line %q is %d wide", c.width, l, DisplayWidth(l))
			}
		}
		for _, n := range []string{"10,000,000.00", "200,000.00", "10,200,000.00"} {
			if !strings.Contains(out, n) {
				t.Errorf("width %d: %s cut\n%s", c.width, n, out)
			}
		}
	}
}

// A grid read from a spool draws the same as one given its rows, and its
// rows are read as needed, not held.
func TestGridEach(t *testing.T) {
	rows := [][]string{{"a.toml", "10,000,000.00"}, {"b/c.toml", "0.00"}}
	h := []string{"FILE", "TOTAL"}
	g := Grid{Header: h, Rows: rows, Footer: []string{"total", "10,000,000.00"}, Right: []bool{false, true}, Wrap: []bool{true, false}}
	var want strings.Builder
	if ok, err := g.Render(&want, 0); !ok || err != nil {
		t.Fatal(ok, err)
	}
	s := newSpool(Options{})
	for _, r := range rows {
		s.add(r...)
	}
	g.Rows, g.Each = nil, s.each
	var got strings.Builder
	if ok, err := g.Render(&got, 0); !ok || err != nil || got.String() != want.String() {
		t.Errorf("from the spool:\n%s\nwant\n%s (%v %v)", got.String(), want.String(), ok, err)
	}
}
