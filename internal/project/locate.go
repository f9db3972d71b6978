package project

import (
	"strconv"

	"szsoft/calc"
	"szsoft/internal/tomlloc"
)

// The TOML decoder checks the document and hands over its values, but says
// neither where a key stands nor in what order the keys came, and hands
// floats over as float64. The locator (package tomlloc) walks the document
// once more, only to learn the order of the keys, where every key and value
// starts and the exact text of every scalar value, so that errors can name
// a line and column, claims keep the order of the file, and amounts
// written as TOML floats arrive digit for digit. A roster's row has cells,
// not offsets: there an offset is the index of its cell, and errors name
// the cell of the book.

// Pos is a place in a file: 1-based line and column (in characters).
type Pos = tomlloc.Pos

// location is where a key was first defined and what its value is.
type location = tomlloc.Location

type locator struct {
	*tomlloc.Doc
	cells []cellPlace
	book  string
	names map[string]string // by pathKey: the header of the value's column
}

// cellPlace is a cell of a roster row: row and column (from 0) and its
// name, Sheet1!C7.
type cellPlace struct {
	row, col int
	ref      string
}

// locate walks a document of a project file's shape; it fails only where
// the TOML is malformed.
func locate(data []byte) (*locator, error) {
	d, err := tomlloc.Walk(data, tomlloc.Project)
	return &locator{Doc: d}, err
}

// newLocator is a locator with nothing recorded, of data.
func newLocator(data []byte) *locator { return &locator{Doc: tomlloc.New(data, tomlloc.Project)} }

// cell is the name of the cell at offset off of a roster row, or "".
func (l *locator) cell(off int) string {
	if l.cells == nil || off < 0 || off >= len(l.cells) {
		return ""
	}
	return l.cells[off].ref
}

// pos returns the position of byte offset off, or the zero Pos for -1.
func (l *locator) pos(off int) Pos {
	if off < 0 {
		return Pos{}
	}
	if l.cells != nil {
		if off >= len(l.cells) {
			return Pos{}
		}
		return Pos{Line: l.cells[off].row, Col: l.cells[off].col + 1}
	}
	return posAt(l.Data, off)
}

// rename gives the top-level table from the name to, with every key in it.
func (l *locator) rename(from, to string) { l.Rename(from, to, l.names) }

// shapeErrors are where the document goes past a project file's shape.
func (l *locator) shapeErrors() []pending {
	var out []pending
	for _, s := range l.Shape {
		hint := calc.Note{}
		if s.Hint != "" {
			hint = calc.Note{Code: calc.Code(s.Hint)}
		}
		out = append(out, pending{s.Off, calc.Note{Code: calc.Code(s.Code), Args: calc.ArgsOf(s.Args...)}, hint})
	}
	return out
}

// pathKey joins key parts into a map key that no TOML key can collide with.
func pathKey(parts []string) string { return tomlloc.PathKey(parts) }

// posAt returns the position of byte offset off in data.
func posAt(data []byte, off int) Pos { return tomlloc.PosAt(data, off) }

// rawOr is the value as written, or what v is when the locator has no text
// for it.
func rawOr(loc *location, v any) any {
	if loc.Raw != "" {
		return strconv.Quote(loc.Raw)
	}
	return calc.Note{Code: typeName(v)}
}
