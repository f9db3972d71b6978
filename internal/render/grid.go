package render

import (
	"io"
	"slices"
	"strings"
)

// Grid is a table for a terminal, drawn in ASCII, that fits the terminal's
// width: numbers keep their width, the columns of words (Wrap marks them)
// are narrowed where it costs fewest lines and their cells wrapped. When
// even that does not fit, Render says so and the caller lays the rows out
// another way (blocks, one row after another). A row whose first cell is
// empty continues the group of the row above it (the items of a measure):
// where rows wrap, rules part the groups.
type Grid struct {
	Header []string
	Rows   [][]string
	// Each, when set, gives the rows in place of Rows, as many times as
	// asked: a batch's rows are read back from its spool, never all held.
	Each   func(fn func(row []string) error) error
	Footer []string // none when nil
	Right  []bool   // per column: aligned right (numbers)
	Wrap   []bool   // per column: may wrap
}

// all calls fn with the header, every row and the footer, in order, each
// with its index (the header's is 0) and whether it is the footer.
func (g *Grid) all(fn func(i int, row []string, footer bool) error) error {
	if err := fn(0, g.Header, false); err != nil {
		return err
	}
	i := 1
	each := g.Each
	if each == nil {
		each = func(f func([]string) error) error {
			for _, r := range g.Rows {
				if err := f(r); err != nil {
					return err
				}
			}
			return nil
		}
	}
	if err := each(func(row []string) error { err := fn(i, row, false); i++; return err }); err != nil {
		return err
	}
	if g.Footer != nil {
		return fn(i, g.Footer, true)
	}
	return nil
}

// minWrapped is the narrowest a column of words is made, so that a word
// column is still read as words and not as a tower of characters.
const minWrapped = 8

// Render writes the grid in at most width columns (0: as wide as it
// needs). It tries the grid with its borders, then without them (columns
// set apart by two spaces, the header underlined), and reports false,
// writing nothing, when neither fits. Rows are read as often as needed and
// never held all at once (a batch's may be 100,000).
func (g *Grid) Render(w io.Writer, width int) (bool, error) {
	n := len(g.Header)
	natural := make([]int, n)
	mins := make([]int, n)
	rows, size := 0, 0
	var few [][]string // up to 100 rows: fit measures the lines of each
	err := g.all(func(r int, row []string, _ bool) error {
		rows++
		for i, c := range row {
			natural[i] = max(natural[i], DisplayWidth(c))
			size += len(c)
		}
		if len(few) <= 100 {
			few = append(few, row)
		}
		return nil
	})
	if err != nil {
		return false, err
	}
	if err := g.all(func(_ int, row []string, _ bool) error {
		for i, c := range row {
			if g.Wrap[i] {
				mins[i] = max(mins[i], MinWidth(c), min(minWrapped, natural[i]))
			} else {
				mins[i] = natural[i]
			}
		}
		return nil
	}); err != nil {
		return false, err
	}
	if rows > 100 || size > 1<<14 {
		few = nil
	}
	// With borders, "| " before each column and " |" after the last; then
	// two spaces between columns; then one.
	for gap := 0; gap <= 2; gap++ {
		ws := slices.Clone(natural)
		chrome := 3*n + 1
		switch gap {
		case 1:
			chrome = 2 * (n - 1)
		case 2:
			chrome = n - 1
		}
		if width > 0 {
			if !fit(ws, mins, width-chrome, few) {
				continue
			}
			tall, err := g.tooTall(ws)
			if err != nil {
				return false, err
			}
			if tall {
				continue
			}
		}
		return true, g.draw(w, ws, gap)
	}
	return false, nil
}

// fit narrows the columns ws, each no narrower than its min, until they
// add up to at most room. Each column taken from is the one whose cells
// grow least in lines for it (a note wraps before an item name does), the
// one with most to give when they grow alike. A table of many rows or much
// text (a batch) just takes from the column with most to give: the work
// stays linear in the text.
func fit(ws, mins []int, room int, all [][]string) bool {
	total := 0
	for i := range ws {
		ws[i] = max(min(ws[i], room), mins[i]) // no column wider than the room
		total += ws[i]
	}
	measure := all != nil
	memo := map[[2]int]int{}
	lines := func(col, w int) int {
		if n, ok := memo[[2]int{col, w}]; ok {
			return n
		}
		n := 0
		for _, row := range all {
			if col < len(row) {
				n += len(Wrap(row[col], w))
			}
		}
		memo[[2]int{col, w}] = n
		return n
	}
	for total > room {
		best, bestCost := -1, 0
		for i := range ws {
			if ws[i] <= mins[i] {
				continue
			}
			cost := 0
			if measure {
				cost = lines(i, ws[i]-1) - lines(i, ws[i])
			}
			if best < 0 || cost < bestCost || cost == bestCost && ws[i]-mins[i] > ws[best]-mins[best] {
				best, bestCost = i, cost
			}
		}
		if best < 0 {
			return false
		}
		ws[best]--
		total--
	}
	return true
}

// tooTall reports whether the rows set in columns ws take more than twice
// the lines they would unwrapped: a table whose cells are towers of a few
// characters reads worse than a block per row.
func (g *Grid) tooTall(ws []int) (bool, error) {
	lines, rows := 0, 0
	err := g.all(func(i int, row []string, footer bool) error {
		if i == 0 || footer {
			return nil
		}
		h := 1
		for i, c := range row {
			h = max(h, len(Wrap(c, ws[i])))
		}
		lines += h
		rows++
		return nil
	})
	return lines > 2*rows, err
}

// draw writes the rows in columns of widths ws: with borders (gap 0), or
// set apart by two spaces (gap 1) or one (gap 2).
func (g *Grid) draw(w io.Writer, ws []int, gap int) error {
	compact := gap > 0
	sep := strings.Repeat(" ", 3-gap)
	n := len(ws)
	cellsOf := func(row []string) ([][]string, bool) {
		cells := make([][]string, n)
		high := false
		for i := range n {
			c := ""
			if i < len(row) {
				c = row[i]
			}
			cells[i] = Wrap(c, ws[i])
			high = high || len(cells[i]) > 1
		}
		return cells, high
	}
	wrapped, rows := 0, 0 // rows of the body more than a line high
	if err := g.all(func(i int, row []string, _ bool) error {
		rows++
		if _, high := cellsOf(row); high && i > 0 {
			wrapped++
		}
		return nil
	}); err != nil {
		return err
	}
	// Where many rows wrap, rules part them; one tall row among many
	// reads well without.
	tall := wrapped > 0 && 4*wrapped >= rows-1
	rule := g.rule(ws, compact, sep)
	var b strings.Builder
	flush := func() error {
		_, err := io.WriteString(w, b.String())
		b.Reset()
		return err
	}
	if !compact {
		b.WriteString(rule)
	}
	err := g.all(func(r int, row []string, last bool) error {
		// Rows that wrap are set apart by rules: before each row that
		// starts a group (its first cell not empty).
		if r == 1 || last || (tall && r > 1 && len(row) > 0 && row[0] != "") {
			b.WriteString(rule)
		}
		cells, _ := cellsOf(row)
		g.line(&b, cells, ws, compact, sep)
		if b.Len() > 32<<10 {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	if !compact {
		b.WriteString(rule)
	}
	return flush()
}

func (g *Grid) rule(ws []int, compact bool, sep string) string {
	var b strings.Builder
	if compact {
		for i, w := range ws {
			if i > 0 {
				b.WriteString(sep)
			}
			b.WriteString(strings.Repeat("-", w))
		}
		b.WriteByte('\n')
		return b.String()
	}
	b.WriteByte('+')
	for _, w := range ws {
		b.WriteString(strings.Repeat("-", w+2))
		b.WriteByte('+')
	}
	b.WriteByte('\n')
	return b.String()
}

// line writes one row, as many lines high as its tallest cell.
func (g *Grid) line(b *strings.Builder, cells [][]string, ws []int, compact bool, sep string) {
	h := 1
	for _, c := range cells {
		h = max(h, len(c))
	}
	for l := range h {
		var row strings.Builder
		if !compact {
			row.WriteByte('|')
		}
		for i, c := range cells {
			s := ""
			if l < len(c) {
				s = c[l]
			}
			pad := strings.Repeat(" ", max(ws[i]-DisplayWidth(s), 0))
			switch {
			case !compact:
				row.WriteByte(' ')
			case i > 0:
				row.WriteString(sep)
			}
			if g.Right[i] {
				row.WriteString(pad + s)
			} else {
				row.WriteString(s + pad)
			}
			if !compact {
				row.WriteString(" |")
			}
		}
		line := row.String()
		if compact {
			line = strings.TrimRight(line, " ")
		}
		b.WriteString(line + "\n")
	}
}

// Width is the width the grid takes at its natural size.
func (g *Grid) Width() int {
	var b strings.Builder
	_, _ = g.Render(&b, 0)
	first, _, _ := strings.Cut(b.String(), "\n")
	return DisplayWidth(first)
}
