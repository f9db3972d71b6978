// Package tomlloc walks a TOML document with go-toml/v2's parser, only to
// learn where every key and value stands, in what order the keys came,
// and the exact text of every scalar: what a strict decoder of project
// files and edition files needs to name a line and a column, keep the
// order of a file, and read a float digit for digit. It is the one place
// that uses the parser's unstable API (pinned in go.mod).
package tomlloc

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2/unstable"
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

// Location is where a key was first defined and what its value is, as byte
// offsets; positions are worked out only when an error needs one.
type Location struct {
	KeyOff, ValueOff int // -1: none
	Raw              string
}

// Doc is a document walked: every path's location (by PathKey), the keys
// per table, every path in the order it first appears, and where its shape
// goes past the limits.
type Doc struct {
	Data   []byte
	Locs   map[string]*Location
	Keys   map[string]int // keys recorded per table (by its PathKey)
	arrays map[string]int // [[tables]] met so far, by the array's PathKey
	Order  [][]string     // every path, in the order it first appears
	// Shape: keys nested deeper than the limits, or too long, too many;
	// found while walking, reported before the document is decoded.
	Shape []Shape
	lim   Limits
}

// Shape is a place where the document goes past its limits: Code names
// what (the Code constants), Args its figures.
type Shape struct {
	Off  int
	Code string
	Args []any // name, value pairs
	Hint string
}

// The codes of Shape (the message catalogue has their words).
const (
	CodeDeep      = "file.shape.deep"
	HintDeep      = "file.shape.deep.hint"
	CodeKeyLength = "file.shape.keylen"   // max
	CodeKeys      = "file.shape.keys"     // max, table
	CodeKeysTop   = "file.shape.keys.top" // max
	CodeLongArray = "file.shape.array"    // max
	HintShape     = "file.shape.hint"
)

// Limits are the shape a document may have.
type Limits struct {
	// Depth is the longest path (with an array's element as a part), and
	// KeyParts the most keys in one (a table and its key: 2).
	Depth, KeyParts int
	KeyLen          int // characters of a key
	// Keys is the most keys a table may have (the TOML decoder's check
	// for duplicate keys is quadratic in them); Elements the most values
	// of an array, the first Placed of which have their places recorded.
	Keys, Elements, Placed int
}

// Project is the shape of a project file (docs/contract.md §4): top-level
// keys, and measure tables with their keys, whose values may be arrays of
// scalars — a path of at most three parts (table, key, element). Deeper
// paths are refused without being recorded, so that no shape of file
// costs more than linear time and memory.
var Project = Limits{Depth: 3, KeyParts: 2, KeyLen: 64, Keys: 64, Elements: 1000, Placed: 128}

// PathKey joins key parts into a map key that no TOML key can collide with.
func PathKey(parts []string) string { return strings.Join(parts, "\x00") }

// Rename gives the top-level table from the name to, with every key in it
// (a measure's table written by its Chinese name); names, when not nil,
// are renamed alike.
func (l *Doc) Rename(from, to string, names map[string]string) {
	for i, k := range l.Order {
		if len(k) > 0 && k[0] == from {
			old := PathKey(k)
			k = append([]string{to}, k[1:]...)
			l.Order[i] = k
			if loc, ok := l.Locs[old]; ok {
				delete(l.Locs, old)
				l.Locs[PathKey(k)] = loc
			}
			if n, ok := names[old]; ok {
				delete(names, old)
				names[PathKey(k)] = n
			}
		}
	}
}

// New is an empty document of the limits: for values placed by hand (a
// roster's row, a file the parser could not walk).
func New(data []byte, lim Limits) *Doc {
	return &Doc{Data: data, Locs: make(map[string]*Location, 16), Keys: map[string]int{}, lim: lim}
}

// parsers keeps the parsers' node buffers from file to file: a batch of
// 20,000 files allocated 80 MB of them anew.
var parsers = sync.Pool{New: func() any { return new(unstable.Parser) }}

// Walk walks a document; it fails only where the TOML is malformed.
func Walk(data []byte, lim Limits) (*Doc, error) {
	l := New(data, lim)
	p := parsers.Get().(*unstable.Parser)
	defer func() {
		p.Reset(nil)
		parsers.Put(p)
	}()
	p.Reset(data)
	var table []string
	refused := false // the current table is refused: skip its keys
	for p.NextExpression() {
		if len(l.Shape) > 0 {
			// Not of the shape: say so at the first place it shows,
			// without walking the rest.
			return l, nil
		}
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = l.headerPath(e.Key())
			refused = table == nil
			if e.Kind == unstable.ArrayTable && table != nil {
				// The n-th [[received]] is received[n], as an inline
				// array's elements are: each entry's keys have places
				// of their own.
				k := PathKey(table)
				if l.arrays == nil {
					l.arrays = map[string]int{}
				}
				off := l.Locs[k].KeyOff
				if hdr := e.Key(); hdr.Next() {
					off = int(hdr.Node().Raw.Offset) // this header's, not the first's
				}
				elem := append(table, "["+strconv.Itoa(l.arrays[k])+"]")
				l.arrays[k]++
				l.Record(elem, off).ValueOff = off
				if l.arrays[k] > l.lim.Elements {
					l.Shape = append(l.Shape, Shape{Off: off, Code: CodeLongArray, Args: []any{"max", l.lim.Elements}})
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

// PosAt returns the position of byte offset off in data.
func PosAt(data []byte, off int) Pos {
	off = min(max(off, 0), len(data))
	line, start := 1, 0
	for j := 0; j < off; j++ {
		if data[j] == '\n' {
			line, start = line+1, j+1
		}
	}
	return Pos{Line: line, Col: utf8.RuneCount(data[start:off]) + 1}
}

// OffsetAt returns the byte offset of a line and column as the TOML
// decoder counts them (the column in bytes, both from 1).
func OffsetAt(data []byte, line, col int) int {
	off := 0
	for l := 1; l < line && off < len(data); off++ {
		if data[off] == '\n' {
			l++
		}
	}
	return min(off+col-1, len(data))
}

// Record is the location of the path, recorded at keyOff the first time.
func (l *Doc) Record(parts []string, keyOff int) *Location {
	k := PathKey(parts)
	loc, ok := l.Locs[k]
	if !ok {
		loc = &Location{KeyOff: keyOff, ValueOff: -1}
		l.Locs[k] = loc
		l.Order = append(l.Order, append([]string(nil), parts...))
		if last := parts[len(parts)-1]; !strings.HasPrefix(last, "[") || !strings.HasSuffix(last, "]") {
			table := PathKey(parts[:len(parts)-1])
			l.Keys[table]++
			if l.Keys[table] == l.lim.Keys+1 {
				sh := Shape{Off: keyOff, Code: CodeKeysTop, Args: []any{"max", l.lim.Keys}, Hint: HintShape}
				if len(parts) > 1 {
					sh = Shape{Off: keyOff, Code: CodeKeys, Args: []any{"max", l.lim.Keys, "table", strings.Join(parts[:len(parts)-1], ".")}, Hint: HintShape}
				}
				l.Shape = append(l.Shape, sh)
			}
		}
	}
	return loc
}

// headerPath records the parts of a table's header ([measure.item]) and
// returns its path, or nil when it is deeper than the limits or too long.
// A part that names an array of tables met before stands for its last
// element, as TOML has it: the [[measure.item]] after the second
// [[measure]] is measure[1].item.
func (l *Doc) headerPath(it unstable.Iterator) []string { return l.walkKey(nil, it, true) }

// keyPath records the parts of a dotted key below base and returns the full
// path, or nil when the key is deeper than the limits or too long.
func (l *Doc) keyPath(base []string, it unstable.Iterator) []string {
	return l.walkKey(base, it, false)
}

func (l *Doc) walkKey(base []string, it unstable.Iterator, header bool) []string {
	path := append(make([]string, 0, len(base)+2), base...)
	for it.Next() {
		if n := l.arrays[PathKey(path)]; header && n > 0 {
			path = append(path, "["+strconv.Itoa(n-1)+"]")
		}
		n := it.Node()
		off := int(n.Raw.Offset)
		if keyParts(path) == l.lim.KeyParts {
			l.deep(off)
			return nil
		}
		if utf8.RuneCount(n.Data) > l.lim.KeyLen {
			l.Shape = append(l.Shape, Shape{Off: off, Code: CodeKeyLength, Args: []any{"max", l.lim.KeyLen}, Hint: HintShape})
			return nil
		}
		path = append(path, string(n.Data))
		l.Record(path, off)
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

// deep records a key or value nested deeper than the limits.
func (l *Doc) deep(off int) {
	l.Shape = append(l.Shape, Shape{Off: off, Code: CodeDeep, Hint: HintDeep})
}

// value records the value of path: its place, the text of a scalar, and the
// elements and keys inside arrays and inline tables. Element n of an array
// is path + "[n]", and the keys of a table in it path + "[n]" + key, as
// those of the n-th [[path]] are.
func (l *Doc) value(path []string, v *unstable.Node) {
	loc := l.Record(path, -1)
	if loc.ValueOff < 0 {
		// The parser leaves arrays and inline tables without a range; the
		// key stands for them.
		loc.ValueOff = loc.KeyOff
		if v.Raw.Length > 0 {
			loc.ValueOff = int(v.Raw.Offset)
		}
	}
	switch v.Kind {
	case unstable.Array:
		n := 0
		for it := v.Children(); it.Next(); n++ {
			child := it.Node()
			if len(path) == l.lim.Depth {
				l.deep(loc.ValueOff)
				return
			}
			if n == l.lim.Elements {
				l.Shape = append(l.Shape, Shape{Off: loc.ValueOff, Code: CodeLongArray, Args: []any{"max", l.lim.Elements}})
				return
			}
			if n >= l.lim.Placed && child.Kind != unstable.Array && child.Kind != unstable.InlineTable {
				continue // a plain value: its place is not needed
			}
			elem := append(append(make([]string, 0, len(path)+1), path...), "["+strconv.Itoa(n)+"]")
			off := loc.ValueOff
			if child.Raw.Length > 0 {
				off = int(child.Raw.Offset)
			}
			if child.Kind == unstable.InlineTable {
				l.Record(elem, off).ValueOff = off
				l.inlineTable(elem, child)
				continue
			}
			l.Record(elem, off)
			l.value(elem, child)
		}
	case unstable.InlineTable:
		l.inlineTable(path, v)
	default:
		if loc.Raw == "" {
			loc.Raw = string(v.Data)
		}
	}
}

func (l *Doc) inlineTable(path []string, t *unstable.Node) {
	for it := t.Children(); it.Next(); {
		kv := it.Node()
		if kv.Kind == unstable.KeyValue {
			if p := l.keyPath(path, kv.Key()); p != nil {
				l.value(p, kv.Value())
			}
		}
	}
}
