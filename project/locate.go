package project

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// BurntSushi/toml parses and checks the TOML, but does not say where a key
// stands, and hands floats over as float64. The locator reads the same text
// once more, only to learn where every key and value starts and the exact
// text of every scalar value, so that errors can name a line and column and
// amounts written as TOML floats arrive digit for digit.
//
// It runs before the parser, on text that may not be TOML at all: it never
// loops or recurses without bound, refuses nesting deeper than maxDepth, and
// on anything it does not understand gives up (errConfused), leaving the
// parser to say what is wrong.

const maxDepth = 32

var errConfused = errors.New("locator: not TOML as expected")

// Pos is a place in a file: 1-based line and column (in characters).
type Pos struct {
	Line, Col int
}

// location is where a key was first defined and what its value is.
type location struct {
	key, value Pos
	raw        string // scalar values: the text as written; "" otherwise
}

// depthError is an array or inline table nested too deeply.
type depthError struct{ pos Pos }

func (e *depthError) Error() string { return "arrays or inline tables nested too deeply" }

type locator struct {
	data      []byte
	i         int
	line      int
	lineStart int
	depth     int
	locs      map[string]*location
}

// pathKey joins key parts into a map key that no TOML key can collide with.
func pathKey(parts []string) string { return strings.Join(parts, "\x00") }

func locate(data []byte) (map[string]*location, error) {
	l := &locator{data: data, line: 1, locs: map[string]*location{}}
	var table []string
	for {
		l.skipSpaceCommentsNewlines()
		if l.eof() {
			return l.locs, nil
		}
		if l.peek() == '[' {
			t, err := l.header()
			if err != nil {
				return nil, err
			}
			table = t
		} else if err := l.keyval(table); err != nil {
			return nil, err
		}
		l.skipSpace()
		l.skipComment()
		if !l.eof() && !l.newline() {
			return nil, errConfused
		}
	}
}

func (l *locator) eof() bool  { return l.i >= len(l.data) }
func (l *locator) peek() byte { return l.data[l.i] }

func (l *locator) pos() Pos {
	return Pos{Line: l.line, Col: utf8.RuneCount(l.data[l.lineStart:l.i]) + 1}
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

func (l *locator) skipSpace() {
	for !l.eof() && (l.peek() == ' ' || l.peek() == '\t') {
		l.i++
	}
}

func (l *locator) skipComment() {
	if !l.eof() && l.peek() == '#' {
		for !l.eof() && l.peek() != '\n' {
			l.i++
		}
	}
}

// newline consumes one newline, if there is one.
func (l *locator) newline() bool {
	switch {
	case l.eof():
		return false
	case l.peek() == '\n':
		l.i++
	case l.peek() == '\r' && l.i+1 < len(l.data) && l.data[l.i+1] == '\n':
		l.i += 2
	default:
		return false
	}
	l.line, l.lineStart = l.line+1, l.i
	return true
}

func (l *locator) skipSpaceCommentsNewlines() {
	for {
		l.skipSpace()
		l.skipComment()
		if !l.newline() {
			return
		}
	}
}

func (l *locator) record(parts []string, key Pos) *location {
	k := pathKey(parts)
	loc, ok := l.locs[k]
	if !ok {
		loc = &location{key: key}
		l.locs[k] = loc
	}
	return loc
}

// header reads [a.b] or [[a.b]] and returns the table's path.
func (l *locator) header() ([]string, error) {
	l.i++ // [
	array := !l.eof() && l.peek() == '['
	if array {
		l.i++
	}
	l.skipSpace()
	parts, starts, err := l.key()
	if err != nil {
		return nil, err
	}
	for n := range parts {
		l.record(parts[:n+1], starts[n])
	}
	l.skipSpace()
	for _, want := range []bool{true, array} {
		if !want {
			continue
		}
		if l.eof() || l.peek() != ']' {
			return nil, errConfused
		}
		l.i++
	}
	return parts, nil
}

// key reads a dotted key and the position of each part.
func (l *locator) key() ([]string, []Pos, error) {
	var parts []string
	var starts []Pos
	for {
		l.skipSpace()
		if l.eof() {
			return nil, nil, errConfused
		}
		starts = append(starts, l.pos())
		var part string
		switch c := l.peek(); {
		case c == '"' || c == '\'':
			s, err := l.quoted(c)
			if err != nil {
				return nil, nil, err
			}
			part = s
		case isBare(c):
			j := l.i
			for !l.eof() && isBare(l.peek()) {
				l.i++
			}
			part = string(l.data[j:l.i])
		default:
			return nil, nil, errConfused
		}
		parts = append(parts, part)
		l.skipSpace()
		if l.eof() || l.peek() != '.' {
			return parts, starts, nil
		}
		l.i++
	}
}

// isBare reports whether c may be part of a bare key. Bytes of non-ASCII
// characters count: TOML 1.1 allows letters of any script, and the parser
// decides what is valid.
func isBare(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c >= 0x80
}

// quoted reads a one-line string in quote q and returns its content, with
// the escapes of basic strings decoded as TOML does.
func (l *locator) quoted(q byte) (string, error) {
	l.i++
	var b strings.Builder
	for !l.eof() {
		c := l.peek()
		switch {
		case c == q:
			l.i++
			return b.String(), nil
		case c == '\n':
			return "", errConfused
		case c == '\\' && q == '"':
			r, n := unescape(l.data[l.i:])
			if n == 0 {
				return "", errConfused
			}
			b.WriteRune(r)
			l.i += n
			continue
		}
		b.WriteByte(c)
		l.i++
	}
	return "", errConfused
}

// unescape decodes the escape at the start of s ("\\n", "\\u00e9", …) and
// returns the rune and the bytes read, or n = 0.
func unescape(s []byte) (r rune, n int) {
	if len(s) < 2 {
		return 0, 0
	}
	simple := map[byte]rune{'b': '\b', 't': '\t', 'n': '\n', 'f': '\f', 'r': '\r', '"': '"', '\\': '\\', 'e': 0x1b}
	if r, ok := simple[s[1]]; ok {
		return r, 2
	}
	digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[1]]
	if digits == 0 || len(s) < 2+digits {
		return 0, 0
	}
	for _, c := range s[2 : 2+digits] {
		var d rune
		switch {
		case c >= '0' && c <= '9':
			d = rune(c - '0')
		case c >= 'a' && c <= 'f':
			d = rune(c-'a') + 10
		case c >= 'A' && c <= 'F':
			d = rune(c-'A') + 10
		default:
			return 0, 0
		}
		r = r*16 + d
	}
	return r, 2 + digits
}

// keyval reads key = value inside table and records both.
func (l *locator) keyval(table []string) error {
	parts, starts, err := l.key()
	if err != nil {
		return err
	}
	full := append(append([]string{}, table...), parts...)
	for n := range parts {
		l.record(full[:len(table)+n+1], starts[n])
	}
	l.skipSpace()
	if l.eof() || l.peek() != '=' {
		return errConfused
	}
	l.i++
	l.skipSpace()
	return l.value(full, starts[len(starts)-1])
}

// value reads a value belonging to path, whose key starts at keyPos.
func (l *locator) value(path []string, keyPos Pos) error {
	if l.eof() {
		return errConfused
	}
	loc := l.record(path, keyPos)
	if loc.value == (Pos{}) {
		loc.value = l.pos()
	}
	switch c := l.peek(); c {
	case '"', '\'':
		return l.stringValue(c)
	case '[':
		return l.array(path)
	case '{':
		return l.inlineTable(path)
	}
	j := l.i
	for !l.eof() && !l.endOfScalar() {
		l.i++
	}
	if l.i == j {
		return errConfused
	}
	if loc.raw == "" {
		loc.raw = string(l.data[j:l.i])
	}
	return nil
}

// endOfScalar reports whether a bare value (number, bool, date) ends here. A
// space ends it too, except the one between a date and a time.
func (l *locator) endOfScalar() bool {
	switch l.peek() {
	case ',', ']', '}', '#', '\n', '\r', '\t':
		return true
	case ' ':
		rest := l.data[l.i+1:]
		isDate := l.i >= 10 && l.data[l.i-3] == '-' && l.data[l.i-6] == '-'
		return !(isDate && len(rest) >= 3 && isDigit(rest[0]) && isDigit(rest[1]) && rest[2] == ':')
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func (l *locator) stringValue(q byte) error {
	triple := string([]byte{q, q, q})
	if !strings.HasPrefix(string(l.data[l.i:min(l.i+3, len(l.data))]), triple) {
		_, err := l.quoted(q)
		return err
	}
	l.i += 3
	for !l.eof() {
		switch {
		case l.peek() == '\\' && q == '"':
			l.i++ // the escaped character is read next (a newline is counted there)
			if !l.eof() && l.peek() != '\n' && l.peek() != '\r' {
				l.i++
			}
			continue
		case l.peek() == q && strings.HasPrefix(string(l.data[l.i:min(l.i+3, len(l.data))]), triple):
			l.i += 3
			// Up to two more quotes may end the content.
			for n := 0; n < 2 && !l.eof() && l.peek() == q; n++ {
				l.i++
			}
			return nil
		case l.newline():
			continue
		}
		l.i++
	}
	return errConfused
}

func (l *locator) nest() error {
	l.depth++
	if l.depth > maxDepth {
		return &depthError{pos: l.pos()}
	}
	return nil
}

// array reads [v, v, …]; element n is recorded as path + "[n]".
func (l *locator) array(path []string) error {
	if err := l.nest(); err != nil {
		return err
	}
	l.i++ // [
	for n := 0; ; n++ {
		l.skipSpaceCommentsNewlines()
		if l.eof() {
			return errConfused
		}
		if l.peek() == ']' {
			l.i++
			l.depth--
			return nil
		}
		elem := append(append([]string{}, path...), "["+itoa(n)+"]")
		var err error
		if l.peek() == '{' {
			// The parser names keys in tables of an array without the index.
			l.record(elem, l.pos()).value = l.pos()
			err = l.inlineTable(path)
		} else {
			err = l.value(elem, l.pos())
		}
		if err != nil {
			return err
		}
		l.skipSpaceCommentsNewlines()
		if !l.eof() && l.peek() == ',' {
			l.i++
		}
	}
}

// inlineTable reads {k = v, …}.
func (l *locator) inlineTable(path []string) error {
	if err := l.nest(); err != nil {
		return err
	}
	l.i++ // {
	for {
		l.skipSpaceCommentsNewlines()
		if l.eof() {
			return errConfused
		}
		if l.peek() == '}' {
			l.i++
			l.depth--
			return nil
		}
		if err := l.keyval(path); err != nil {
			return err
		}
		l.skipSpaceCommentsNewlines()
		if !l.eof() && l.peek() == ',' {
			l.i++
		}
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for ; n > 0; n /= 10 {
		i--
		b[i] = byte('0' + n%10)
	}
	return string(b[i:])
}
