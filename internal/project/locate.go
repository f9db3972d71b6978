package project

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"

	"szsoft/calc"
)

// The TOML decoder checks the document and hands over its values, but says
// neither where a key stands nor in what order the keys came, and hands
// floats over as float64. The locator walks the document once more with the
// same library's parser, only to learn the order of the keys, where every key
// and value starts and the exact text of every scalar value, so that errors
// can name a line and column, claims keep the order of the file, and amounts
// written as TOML floats arrive digit for digit.

// Pos is a place in a file: 1-based line and column (in characters).
type Pos struct {
	Line, Col int
}

// location is where a key was first defined and what its value is, as byte
// offsets; positions are worked out only when an error needs one.
type location struct {
	keyOff, valueOff int // -1: none
	raw              string
}

type locator struct {
	data   []byte
	locs   map[string]*location
	keys   map[string]int // keys recorded per table (by its pathKey)
	arrays map[string]int // [[tables]] met so far, by the array's pathKey
	order  [][]string     // every path, in the order it first appears
	// shape: keys nested deeper than a project file goes, or too long;
	// found while walking, reported before the document is decoded.
	shape []shapeError
	// A roster row has cells, not offsets: an offset is the index of its
	// cell, and errors name the cell of the book.
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

// cell is the name of the cell at offset off of a roster row, or "".
func (l *locator) cell(off int) string {
	if l.cells == nil || off < 0 || off >= len(l.cells) {
		return ""
	}
	return l.cells[off].ref
}

type shapeError struct {
	off       int
	msg, hint calc.Note
}

// The shape of a project file (docs/contract.md §4): top-level keys, and measure
// tables with their keys, whose values may be arrays of scalars — a path of
// at most three parts (table, key, element). Deeper paths are refused
// without being recorded, so that no shape of file costs more than linear
// time and memory.
const (
	maxDepth    = 3
	maxKeyParts = 2  // a table and its key; the third part is an array's element
	maxKeyLen   = 64 // characters
	// maxKeys is the most keys a table may have: a project file has some 40
	// top-level keys and tables and a few keys per measure. The TOML
	// decoder's check for duplicate keys is quadratic in the keys of one
	// table, so a table of a hundred thousand keys is refused before it is
	// decoded.
	maxKeys = 64
	// maxElements is the most values an array may hold (a project leads at
	// most 100 standards); the first placedElements have their places
	// recorded, for errors.
	maxElements    = 1000
	placedElements = 128
)

// rawOr is the value as written, or what v is when the locator has no text
// for it.
func (l *location) rawOr(v any) any {
	if l.raw != "" {
		return strconv.Quote(l.raw)
	}
	return calc.Note{Code: typeName(v)}
}

// pathKey joins key parts into a map key that no TOML key can collide with.
func pathKey(parts []string) string { return strings.Join(parts, "\x00") }

// rename gives the top-level table from the name to, with every key in it:
// a measure's table written by its Chinese name.
func (l *locator) rename(from, to string) {
	for i, k := range l.order {
		if len(k) > 0 && k[0] == from {
			old := pathKey(k)
			k = append([]string{to}, k[1:]...)
			l.order[i] = k
			if loc, ok := l.locs[old]; ok {
				delete(l.locs, old)
				l.locs[pathKey(k)] = loc
			}
			if n, ok := l.names[old]; ok {
				delete(l.names, old)
				l.names[pathKey(k)] = n
			}
		}
	}
}

// parsers keeps the parsers' node buffers from file to file: a batch of
// 20,000 files allocated 80 MB of them anew.
var parsers = sync.Pool{New: func() any { return new(unstable.Parser) }}

// locate walks a document; it fails only where the TOML is malformed.
func locate(data []byte) (*locator, error) {
	l := &locator{data: data, locs: make(map[string]*location, 16), keys: map[string]int{}}
	p := parsers.Get().(*unstable.Parser)
	defer func() {
		p.Reset(nil)
		parsers.Put(p)
	}()
	p.Reset(data)
	var table []string
	refused := false // the current table is refused: skip its keys
	for p.NextExpression() {
		if len(l.shape) > 0 {
			// Not a project file: say so at the first place it shows,
			// without walking the rest.
			return l, nil
		}
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = l.keyPath(nil, e.Key())
			refused = table == nil
			if e.Kind == unstable.ArrayTable && table != nil {
				// The n-th [[received]] is received[n], as an inline
				// array's elements are: each entry's keys have places
				// of their own.
				k := pathKey(table)
				if l.arrays == nil {
					l.arrays = map[string]int{}
				}
				off := l.locs[k].keyOff
				if hdr := e.Key(); hdr.Next() {
					off = int(hdr.Node().Raw.Offset) // this header's, not the first's
				}
				elem := append(table, "["+strconv.Itoa(l.arrays[k])+"]")
				l.arrays[k]++
				l.record(elem, off).valueOff = off
				if l.arrays[k] > maxElements {
					l.shape = append(l.shape, shapeError{off, note(ErrLongArray, "max", maxElements), calc.Note{}})
				}
				table = elem
			}
		case unstable.KeyValue:
			if refused {
				continue
			}
			if path := l.keyPath(table, e.Key()); path != nil {
				l.value(path, e.Value())
			}
		}
	}
	return l, p.Error()
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
	return posAt(l.data, off)
}

// posAt returns the position of byte offset off in data.
func posAt(data []byte, off int) Pos {
	off = min(max(off, 0), len(data))
	line, start := 1, 0
	for j := 0; j < off; j++ {
		if data[j] == '\n' {
			line, start = line+1, j+1
		}
	}
	return Pos{Line: line, Col: utf8.RuneCount(data[start:off]) + 1}
}

func (l *locator) record(parts []string, keyOff int) *location {
	k := pathKey(parts)
	loc, ok := l.locs[k]
	if !ok {
		loc = &location{keyOff: keyOff, valueOff: -1}
		l.locs[k] = loc
		l.order = append(l.order, append([]string(nil), parts...))
		if last := parts[len(parts)-1]; !strings.HasPrefix(last, "[") || !strings.HasSuffix(last, "]") {
			table := pathKey(parts[:len(parts)-1])
			l.keys[table]++
			if l.keys[table] == maxKeys+1 {
				msg := note(ErrTooManyKeysTop, "max", maxKeys)
				if len(parts) > 1 {
					msg = note(ErrTooManyKeys, "max", maxKeys, "table", strings.Join(parts[:len(parts)-1], "."))
				}
				l.shape = append(l.shape, shapeError{keyOff, msg, note(HintShape)})
			}
		}
	}
	return loc
}

// keyPath records the parts of a dotted key below base and returns the full
// path, or nil when the key is deeper than a project file goes or too long.
func (l *locator) keyPath(base []string, it unstable.Iterator) []string {
	path := append(make([]string, 0, len(base)+2), base...)
	for it.Next() {
		n := it.Node()
		off := int(n.Raw.Offset)
		if keyParts(path) == maxKeyParts {
			l.deep(off)
			return nil
		}
		if utf8.RuneCount(n.Data) > maxKeyLen {
			l.shape = append(l.shape, shapeError{off, note(ErrKeyLength, "max", maxKeyLen), note(HintShape)})
			return nil
		}
		path = append(path, string(n.Data))
		l.record(path, off)
	}
	return path
}

// keyParts counts the keys of a path, not the indexes of array elements:
// received[0].item is a key below a top-level key, as a measure's key is.
func keyParts(path []string) int {
	n := 0
	for _, p := range path {
		if !strings.HasPrefix(p, "[") {
			n++
		}
	}
	return n
}

// deep records a key or value nested deeper than a project file goes.
func (l *locator) deep(off int) {
	l.shape = append(l.shape, shapeError{off, note(ErrDeep), note(HintDeep)})
}

// value records the value of path: its place, the text of a scalar, and the
// elements and keys inside arrays and inline tables. Element n of an array
// is path + "[n]", and the keys of a table in it path + "[n]" + key, as
// those of the n-th [[path]] are.
func (l *locator) value(path []string, v *unstable.Node) {
	loc := l.record(path, -1)
	if loc.valueOff < 0 {
		// The parser leaves arrays and inline tables without a range; the
		// key stands for them.
		loc.valueOff = loc.keyOff
		if v.Raw.Length > 0 {
			loc.valueOff = int(v.Raw.Offset)
		}
	}
	switch v.Kind {
	case unstable.Array:
		n := 0
		for it := v.Children(); it.Next(); n++ {
			child := it.Node()
			if len(path) == maxDepth {
				l.deep(loc.valueOff)
				return
			}
			if n == maxElements {
				l.shape = append(l.shape, shapeError{loc.valueOff, note(ErrLongArray, "max", maxElements), calc.Note{}})
				return
			}
			if n >= placedElements && child.Kind != unstable.Array && child.Kind != unstable.InlineTable {
				continue // a plain value: its place is not needed
			}
			elem := append(append(make([]string, 0, len(path)+1), path...), "["+strconv.Itoa(n)+"]")
			off := loc.valueOff
			if child.Raw.Length > 0 {
				off = int(child.Raw.Offset)
			}
			if child.Kind == unstable.InlineTable {
				l.record(elem, off).valueOff = off
				l.inlineTable(elem, child)
				continue
			}
			l.record(elem, off)
			l.value(elem, child)
		}
	case unstable.InlineTable:
		l.inlineTable(path, v)
	default:
		if loc.raw == "" {
			loc.raw = string(v.Data)
		}
	}
}

func (l *locator) inlineTable(path []string, t *unstable.Node) {
	for it := t.Children(); it.Next(); {
		kv := it.Node()
		if kv.Kind == unstable.KeyValue {
			if p := l.keyPath(path, kv.Key()); p != nil {
				l.value(p, kv.Value())
			}
		}
	}
}
