package render

import (
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
	Footer []string // none when nil
	Right  []bool   // per column: aligned right (numbers)
	Wrap   []bool   // per column: may wrap
}

// minWrapped is the narrowest a column of words is made, so that a word
// column is still read as words and not as a tower of characters.
const minWrapped = 8

// Render writes the grid in at most width columns (0: as wide as it
// needs). It tries the grid with its borders, then without them (columns
// set apart by two spaces, the header underlined), and reports false,
// writing nothing, when neither fits.
func (g *Grid) Render(b *strings.Builder, width int) bool {
	n := len(g.Header)
	all := append([][]string{g.Header}, g.Rows...)
	if g.Footer != nil {
		all = append(all, g.Footer)
	}
	natural := make([]int, n)
	mins := make([]int, n)
	for _, row := range all {
		for i, c := range row {
			natural[i] = max(natural[i], DisplayWidth(c))
		}
	}
	for _, row := range all {
		for i, c := range row {
			if g.Wrap[i] {
				mins[i] = max(mins[i], MinWidth(c), min(minWrapped, natural[i]))
			} else {
				mins[i] = natural[i]
			}
		}
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
		if width > 0 && (!fit(ws, mins, width-chrome, all) || tooTall(g.Rows, ws)) {
			continue
		}
		g.draw(b, all, ws, gap)
		return true
	}
	return false
}

// fit narrows the columns ws, each no narrower than its min, until they
// add up to at most room. Each column taken from is the one whose cells
// grow least in lines for it (a note wraps before an item name does), the
// one with most to give when they grow alike. A table of many rows or much
// text (a batch) just takes from the column with most to give: the work
// stays linear in the text.
func fit(ws, mins []int, room int, all [][]string) bool {
	total, size := 0, 0
	for i := range ws {
		ws[i] = max(min(ws[i], room), mins[i]) // no column wider than the room
		total += ws[i]
	}
	for _, row := range all {
		for _, c := range row {
			size += len(c)
		}
	}
	measure := len(all) <= 100 && size <= 1<<14
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

// tooTall reports whether rows set in columns ws take more than twice the
// lines they would unwrapped: a table whose cells are towers of a few
// characters reads worse than a block per row.
func tooTall(rows [][]string, ws []int) bool {
	lines := 0
	for _, row := range rows {
		h := 1
		for i, c := range row {
			h = max(h, len(Wrap(c, ws[i])))
		}
		lines += h
	}
	return lines > 2*len(rows)
}

// draw writes the rows in columns of widths ws: with borders (gap 0), or
// set apart by two spaces (gap 1) or one (gap 2).
func (g *Grid) draw(b *strings.Builder, all [][]string, ws []int, gap int) {
	compact := gap > 0
	sep := strings.Repeat(" ", 3-gap)
	n := len(ws)
	cells := make([][][]string, len(all))
	wrapped := 0 // rows of the body more than a line high
	for r, row := range all {
		cells[r] = make([][]string, n)
		high := false
		for i := range n {
			c := ""
			if i < len(row) {
				c = row[i]
			}
			cells[r][i] = Wrap(c, ws[i])
			high = high || len(cells[r][i]) > 1
		}
		if high && r > 0 {
			wrapped++
		}
	}
	// Where many rows wrap, rules part them; one tall row among many
	// reads well without.
	tall := wrapped > 0 && 4*wrapped >= len(all)-1
	rule := g.rule(ws, compact, sep)
	if !compact {
		b.WriteString(rule)
	}
	for r := range all {
		last := g.Footer != nil && r == len(all)-1
		// Rows that wrap are set apart by rules: before each row that
		// starts a group (its first cell not empty).
		if r == 1 || last || (tall && r > 1 && all[r][0] != "") {
			b.WriteString(rule)
		}
		g.line(b, cells[r], ws, compact, sep)
	}
	if !compact {
		b.WriteString(rule)
	}
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
	g.Render(&b, 0)
	first, _, _ := strings.Cut(b.String(), "\n")
	return DisplayWidth(first)
}
