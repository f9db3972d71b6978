package project

import (
	"strconv"
	"strings"
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

// location is where a key was first defined and what its value is, as byte
// offsets; positions are worked out only when an error needs one.
type location struct {
	keyOff, valueOff int // -1: none
	raw              string
}

type locator struct {
	data  []byte
	locs  map[string]*location
	order [][]string // every path, in the order it first appears
}

// pathKey joins key parts into a map key that no TOML key can collide with.
func pathKey(parts []string) string { return strings.Join(parts, "\x00") }

// locate walks a document; it fails only where the TOML is malformed.
func locate(data []byte) (*locator, error) {
	l := &locator{data: data, locs: make(map[string]*location, 16)}
	var p unstable.Parser
	p.Reset(data)
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = l.keyPath(nil, e.Key())
		case unstable.KeyValue:
			l.value(l.keyPath(table, e.Key()), e.Value())
		}
	}
	return l, p.Error()
}

// pos returns the position of byte offset off, or the zero Pos for -1.
func (l *locator) pos(off int) Pos {
	if off < 0 {
		return Pos{}
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
	}
	return loc
}

// keyPath records the parts of a dotted key below base and returns the full
// path.
func (l *locator) keyPath(base []string, it unstable.Iterator) []string {
	path := append(make([]string, 0, len(base)+2), base...)
	for it.Next() {
		n := it.Node()
		path = append(path, string(n.Data))
		l.record(path, int(n.Raw.Offset))
	}
	return path
}

// value records the value of path: its place, the text of a scalar, and the
// elements and keys inside arrays and inline tables. Element n of an array
// is path + "[n]"; keys of a table inside an array are named without the
// index, as the decoder names them.
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
			elem := append(append(make([]string, 0, len(path)+1), path...), "["+strconv.Itoa(n)+"]")
			off := loc.valueOff
			if child.Raw.Length > 0 {
				off = int(child.Raw.Offset)
			}
			if child.Kind == unstable.InlineTable {
				l.record(elem, off).valueOff = off
				l.inlineTable(path, child)
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
			l.value(l.keyPath(path, kv.Key()), kv.Value())
		}
	}
}
