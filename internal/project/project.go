// Package project reads project files: one TOML file per project, naming
// the measures it claims and the inputs of the 附则 (docs/contract.md,
// "Project files").
//
// Decoding is strict. An unknown key or table, a wrong type, a duplicate
// key, malformed TOML or a bad value is an error naming the file, line and
// column, with a "did you mean" hint for near misses; nothing is silently
// ignored. Keys are known from the editions of a measures.Registry: their
// measures and their 附则 inputs, declared once as data. Errors are codes
// with their arguments (errors.go), which the face puts into words. The
// package reads bytes, not files: the caller opens them.
package project

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/internal/roster"
	"szsoft/internal/tomlloc"
	"szsoft/measures"
)

// MaxSize is the largest project file read.
const MaxSize = 1 << 20

// MaxErrors is the number of errors reported per file; the rest are
// counted in a last line, "and N more errors".
const MaxErrors = 20

// File is a project file read and checked.
type File struct {
	Path    string
	Project calc.Project // the date is absent when the file gives none
	Policy  string       // the edition the file names, or ""
	l       *locator
}

// At returns where the key with the given parts (top-level key, or measure
// and key) was written, or the zero Pos.
func (f *File) At(parts ...string) Pos {
	if loc, ok := f.l.Locs[pathKey(parts)]; ok {
		return f.l.pos(loc.KeyOff)
	}
	return Pos{}
}

// What names the value of the key with the given parts in messages: def,
// or in a roster row the header of its column.
func (f *File) What(def string, parts ...string) string {
	if n, ok := f.l.names[pathKey(parts)]; ok {
		return n
	}
	return def
}

// ErrorAt makes an error at the key with the given parts (in a roster row,
// at its cell).
func (f *File) ErrorAt(msg, hint calc.Note, parts ...string) *Error {
	if loc, ok := f.l.Locs[pathKey(parts)]; ok {
		return f.l.errorAt(f.Path, loc.KeyOff, msg, hint)
	}
	return &Error{Path: f.Path, Msg: msg, Hint: hint}
}

// errorAt is an error at offset off: file, line and column, or a roster's
// book and cell.
func (l *locator) errorAt(path string, off int, msg, hint calc.Note) *Error {
	pos := l.pos(off)
	if ref := l.cell(off); ref != "" {
		return &Error{Path: l.book, Cell: ref, Line: pos.Line, Col: pos.Col, Msg: msg, Hint: hint}
	}
	return &Error{Path: path, Line: pos.Line, Col: pos.Col, Msg: msg, Hint: hint}
}

// NoClaim is the error of a file that claims no measure, for the commands
// that compute or check a whole file.
func (f *File) NoClaim() error {
	if len(f.Project.Claims) > 0 {
		return nil
	}
	if f.l != nil && f.l.cells != nil {
		return Errors{{Path: f.Path, Msg: note(ErrRosterNoClaim), Hint: note(HintRosterNoClaim)}}
	}
	return Errors{{Path: f.Path, Msg: note(ErrNoClaim), Hint: note(HintNoClaim)}}
}

// The top-level keys of a project file that are not 附则 inputs.
const (
	KeyName       = "name"
	KeyApplicant  = "applicant"
	KeyCreditCode = "credit_code" // the applicant's 统一社会信用代码
	KeyPreparer   = "preparer"    // who prepared the calculation
	KeyUnit       = "unit"
	KeyPolicy     = "policy"
	KeySameKind   = "same_kind" // older files; per measure since the reading of 不得重复享受
	KeyReceived   = "received"  // the ledger: [[received]] entries
)

// fromUTF16 turns UTF-16 text that starts with its byte-order mark into
// UTF-8, or says it is not UTF-16 (an odd length, a lone surrogate).
func fromUTF16(data []byte) ([]byte, bool) {
	if len(data)%2 != 0 {
		return nil, false
	}
	order := binary.ByteOrder(binary.LittleEndian)
	if data[0] == 0xfe {
		order = binary.BigEndian
	}
	units := make([]uint16, 0, len(data)/2-1)
	for i := 2; i < len(data); i += 2 {
		units = append(units, order.Uint16(data[i:]))
	}
	out := make([]byte, 0, len(data))
	for i := 0; i < len(units); i++ {
		r := rune(units[i])
		if utf16.IsSurrogate(r) {
			if i+1 >= len(units) {
				return nil, false
			}
			r = utf16.DecodeRune(r, rune(units[i+1]))
			if r == utf8.RuneError {
				return nil, false
			}
			i++
		}
		out = utf8.AppendRune(out, r)
	}
	return out, true
}

// TopLevelKeys returns the top-level keys a project file may have: the
// file's own, then the 附则 inputs of every edition.
func TopLevelKeys(reg *measures.Registry) []string {
	keys := []string{KeyName, KeyApplicant, KeyCreditCode, KeyPreparer, KeyUnit, KeyPolicy}
	for _, in := range reg.Inputs() {
		keys = append(keys, in.Key())
	}
	return append(keys, KeyReceived, KeySameKind)
}

// Parse reads a project file whose keys the editions of reg know. path is
// the name to use in messages. Every problem found is returned, as Errors.
func Parse(reg *measures.Registry, path string, data []byte) (*File, error) {
	f := &File{Path: path, Project: calc.Project{Annex: calc.NewValues()}}
	data, errs := prepare(path, data, MaxSize)
	if errs != nil {
		return nil, errs
	}
	l, raw, syntax, errs := readTOML(reg, path, quoteChineseTables(data), tomlloc.Project)
	if errs != nil {
		return nil, errs
	}
	f.l = l
	d := &decoder{f: f, reg: reg, unit: calc.UnitYuan, errs: syntax}
	d.decode(raw)
	if len(d.errs) > 0 {
		return nil, d.finish()
	}
	return f, nil
}

// prepare turns a file's bytes into the text they hold, or says why they
// hold none: too large, binary, in no encoding szsoft reads, or with a
// line no such file has.
func prepare(path string, data []byte, maxSize int) ([]byte, Errors) {
	fail := func(pos Pos, msg calc.Note) ([]byte, Errors) {
		return nil, Errors{{Path: path, Line: pos.Line, Col: pos.Col, Msg: msg}}
	}
	if len(data) > maxSize {
		return fail(Pos{}, note(ErrTooLarge))
	}
	// Notepad and Excel start a UTF-8 file with a byte-order mark: it is
	// not part of the text (and not counted in columns). Windows
	// PowerShell 5.1 writes `szsoft init > project.toml` in UTF-16 with its
	// mark: read as the text it is, its lines and columns the same.
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		text, ok := fromUTF16(data)
		if !ok {
			return nil, Errors{{Path: path, Msg: note(ErrUTF16), Hint: note(HintNotUTF8)}}
		}
		data = text
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fail(posAt(data, i), note(ErrBinary))
	}
	if !utf8.Valid(data) {
		// Old Notepad's "ANSI" on a Chinese Windows is GB18030 (GBK): read
		// as the roster's CSV is. Lines stay lines; columns count
		// characters, so every place is the same.
		if text, ok := roster.FromGB18030(data); ok {
			data = text
		}
	}
	if !utf8.Valid(data) {
		i := 0
		for i < len(data) {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			i += n
		}
		return nil, Errors{{Path: path, Line: posAt(data, i).Line, Col: posAt(data, i).Col, Msg: note(ErrNotUTF8), Hint: note(HintNotUTF8)}}
	}
	if off := prescan(data); off >= 0 {
		d := &decoder{f: &File{Path: path, l: newLocator(data)}}
		d.errAt(off, note(ErrLongLine), note(HintShape))
		return nil, d.finish()
	}
	return data, nil
}

// readTOML reads a document of the limits' shape: its values, where each
// stands, and the mistakes of TOML's syntax, every one of them. fatal is
// set when nothing more can be said of the file: it goes past the limits,
// or holds more mistakes than are reported.
func readTOML(reg *measures.Registry, path string, data []byte, lim tomlloc.Limits) (l *locator, raw map[string]any, syntax []pending, fatal Errors) {
	// A clerk's file may hold several mistakes of TOML's syntax: each is
	// reported, not only the first. The line of one is blanked (a broken
	// table header with its keys) and the file read again, its bytes
	// where they were, so that every later place is still right.
	original := data
	var lerr error
	for {
		var d *tomlloc.Doc
		d, lerr = tomlloc.Walk(data, lim)
		l = &locator{Doc: d}
		l.Data = original
		if len(l.Shape) > 0 {
			d := &decoder{f: &File{Path: path, l: l}, errs: append(syntax, l.shapeErrors()...)}
			return nil, nil, nil, d.finish()
		}
		raw = nil
		err := toml.Unmarshal(data, &raw)
		if err == nil {
			break
		}
		var te *toml.DecodeError
		if !errors.As(err, &te) {
			return nil, nil, nil, Errors{{Path: path, Msg: tomlMessage(err.Error(), nil)}}
		}
		line, col := te.Position()
		off := tomlloc.OffsetAt(data, line, col)
		msg, hint := tomlMessage(te.Error(), te.Key()), calc.Note{}
		if msg.Code == ErrTOML {
			msg, hint, off = tomlError(reg, data, off, te.Error())
		}
		syntax = append(syntax, pending{off, msg, hint})
		patched, ok := skipLine(data, off)
		if !ok || len(syntax) > MaxErrors {
			d := &decoder{f: &File{Path: path, l: &locator{Doc: tomlloc.New(original, lim)}}, errs: syntax}
			return nil, nil, nil, d.finish()
		}
		data = patched
	}
	if lerr != nil {
		// The decoder accepted what its own parser refused; fuzzing keeps
		// this from happening. Without places, errors name the file.
		l = &locator{Doc: tomlloc.New(original, lim)}
	}
	return l, raw, syntax, nil
}

// chineseTable is a table header whose name is not ASCII ([首版次]),
// which TOML's bare keys cannot be.
var chineseTable = regexp.MustCompile(`(?m)^([ \t]*)\[([ \t]*)([^\x00-\x7f\[\]【】"'.\s#=]+)([ \t]*)\]`)

// quoteChineseTables quotes the name of a table a clerk wrote in Chinese:
// [首版次] is ["首版次"], which decode reads as the measure it names, so
// that a file takes the names calc does. The line grows by two bytes;
// no line is added, so every line number stays.
func quoteChineseTables(data []byte) []byte {
	if !chineseTable.Match(data) {
		return data
	}
	return chineseTable.ReplaceAll(data, []byte(`$1[$2"$3"$4]`))
}

// skipLine blanks the line of data holding offset off, keeping every byte
// offset. A broken table header takes the lines after it with it, up to
// the next header: their table is unknown, and they are not the keys of
// the table before. A header in the brackets of a Chinese input method
// (【first-version】) is a header too. ok is false when nothing would
// change.
func skipLine(data []byte, off int) ([]byte, bool) {
	off = min(max(off, 0), len(data))
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	lineEnd := func(from int) int {
		if i := bytes.IndexByte(data[from:], '\n'); i >= 0 {
			return from + i
		}
		return len(data)
	}
	isHeader := func(line []byte) bool {
		t := string(bytes.TrimLeft(line, " \t"))
		return strings.HasPrefix(t, "[") || strings.HasPrefix(t, "【") || strings.HasPrefix(t, "［") || strings.HasPrefix(t, "〔")
	}
	end := lineEnd(start)
	if strings.TrimSpace(string(data[start:end])) == "" {
		return nil, false
	}
	if isHeader(data[start:end]) {
		for end < len(data) {
			next := lineEnd(end + 1)
			if isHeader(data[end+1 : next]) {
				break
			}
			end = next
		}
	}
	out := bytes.Clone(data)
	for i := start; i < end; i++ {
		if out[i] != '\n' && out[i] != '\r' {
			out[i] = ' '
		}
	}
	return out, true
}

// finish orders the errors found by their place in the file and keeps the
// first MaxErrors, counting the rest; only those kept are given a line and
// column, so that a file of a hundred thousand mistakes costs no more than
// one of twenty.
func (d *decoder) finish() Errors {
	sort.SliceStable(d.errs, func(i, j int) bool { return d.errs[i].off < d.errs[j].off })
	more := len(d.errs) - MaxErrors
	if more > 0 {
		d.errs = d.errs[:MaxErrors]
	}
	es := make(Errors, 0, len(d.errs)+1)
	for _, e := range d.errs {
		es = append(es, d.f.l.errorAt(d.f.Path, e.off, e.msg, e.hint))
	}
	if more > 0 {
		es = append(es, &Error{Path: d.f.Path, Msg: note(ErrMore, "n", more), More: more})
	}
	return es
}

// tomlMessage turns a message of the TOML decoder into an error; key is the
// full key it concerns, when known.
func tomlMessage(m string, key []string) calc.Note {
	m = strings.TrimPrefix(m, "toml: ")
	full := strings.Join(key, ".")
	if name, ok := strings.CutSuffix(m, " is already defined"); ok && strings.HasPrefix(name, "key ") {
		if full == "" {
			full = strings.TrimPrefix(name, "key ")
		}
		return note(ErrDuplicateKey, "key", full)
	}
	if name, ok := strings.CutSuffix(m, " already exists"); ok && strings.HasPrefix(name, "table ") {
		return note(ErrDuplicateTable, "table", strings.TrimPrefix(name, "table "))
	}
	m = strings.TrimSuffix(m, ".")
	if m != "" {
		r, n := utf8.DecodeRuneInString(m)
		m = strings.ToLower(string(r)) + m[n:]
	}
	return note(ErrTOML, "detail", m)
}

type decoder struct {
	f    *File
	reg  *measures.Registry
	errs []pending
	unit decimal.Decimal // of the file's bare amounts: its unit key, else yuan
}

// pending is an error found, placed by its byte offset (-1: no place).
type pending struct {
	off       int
	msg, hint calc.Note
}

// errAt records an error at byte offset off (-1: no place).
func (d *decoder) errAt(off int, msg, hint calc.Note) {
	d.errs = append(d.errs, pending{off, msg, hint})
}

// valueErr records a bad value at byte offset off: "what: message", with
// the hint of a calc.ValueError.
func (d *decoder) valueErr(off int, what string, err error) {
	var ve *calc.ValueError
	if errors.As(err, &ve) {
		d.errAt(off, ValueMessage(what, ve), calc.Note{Code: ve.Hint, Args: ve.HintArgs})
		return
	}
	var te *typeError
	if errors.As(err, &te) {
		d.errAt(off, note(ErrType, "what", what, "want", te.want, "got", te.got), calc.Note{})
		return
	}
	d.errAt(off, note(ErrTOML, "detail", what+": "+err.Error()), calc.Note{})
}

// ValueMessage is the message of a bad value: what it is, the value as
// given (quoted), and what is wrong with it.
func ValueMessage(what string, ve *calc.ValueError) calc.Note {
	value := any("")
	if ve.Value != "" {
		value = note(ValueQuoted, "quoted", strconv.Quote(ve.Value))
	}
	return note(ErrValue, "what", what, "value", value, "err", calc.Note{Code: ve.Code, Args: ve.Args})
}

// typeError is a value of the wrong TOML type.
type typeError struct{ want, got calc.Code }

func (e *typeError) Error() string { return string(e.want) + " " + string(e.got) }

// what names a value in messages: as the file writes its key, or by the
// header of a roster's column ("首版次软件·一定时期内审定销售额").
func (d *decoder) what(def string, parts ...string) string {
	if n, ok := d.f.l.names[pathKey(parts)]; ok {
		return n
	}
	return def
}

func (d *decoder) loc(parts ...string) *location {
	if l, ok := d.f.l.Locs[pathKey(parts)]; ok {
		return l
	}
	return &location{KeyOff: -1, ValueOff: -1}
}

func (d *decoder) decode(raw map[string]any) {
	p := &d.f.Project
	// The unit applies to every bare amount of the file, wherever it stands.
	if s, ok := raw[KeyUnit].(string); ok {
		if u, _ := measures.Unit(s); u == "wan" {
			d.unit = calc.UnitWan
		}
	}
	d.measureNames(raw)
	inputs := d.reg.Inputs()
	var claims []string
	// The locator's order is the file's, so errors and claims are too.
	for _, k := range d.f.l.Order {
		if len(k) != 1 {
			continue
		}
		top := k[0]
		v, ok := raw[top]
		if !ok {
			continue
		}
		if m, ok := d.reg.Measure(top); ok {
			d.measureTable(m, v)
			claims = append(claims, top)
			continue
		}
		loc := d.loc(top)
		if i := slices.IndexFunc(inputs, func(in measures.Input) bool { return in.Key() == top }); i >= 0 {
			d.value(&p.Annex, inputs[i], d.what(top, top), v, []string{top})
			continue
		}
		switch top {
		case KeyName, KeyApplicant, KeyCreditCode, KeyPreparer:
			s, ok := v.(string)
			switch {
			case !ok:
				d.errAt(loc.ValueOff, note(ErrType, "what", d.what(top, top), "want", TypeString, "got", typeName(v)), calc.Note{})
			case top == KeyName:
				p.Name = s
			case top == KeyApplicant:
				p.Applicant = s
			case top == KeyPreparer:
				p.Preparer = s
			default:
				code, err := calc.ParseCreditCode(s)
				if err != nil {
					d.valueErr(loc.ValueOff, d.what(top, top), err)
				}
				p.CreditCode = code
			}
		case KeyUnit:
			if s, ok := v.(string); !ok {
				d.errAt(loc.ValueOff, note(ErrUnit, "value", rawOr(loc, v)), note(HintUnit))
			} else if _, ok := measures.Unit(s); !ok {
				d.errAt(loc.ValueOff, note(ErrUnit, "value", rawOr(loc, v)), note(HintUnit))
			}
		case KeyPolicy:
			s, ok := v.(string)
			if _, known := d.reg.Lookup(s); !ok || !known {
				d.errAt(loc.ValueOff, note(ErrPolicy, "value", rawOr(loc, v)), note(HintPolicy, "known", d.reg.IDs()))
				continue
			}
			d.f.Policy = s
		case KeySameKind:
			// 不得重复享受 bars a kind of support, not the project: older
			// files' top-level same_kind = false means nothing; true is a
			// claim this file cannot make.
			b, ok := v.(bool)
			if !ok {
				d.errAt(loc.ValueOff, note(ErrType, "what", top, "want", TypeBool, "got", typeName(v)), calc.Note{})
			} else if b {
				d.errAt(loc.KeyOff, note(ErrSameKindTop), note(HintSameKindTop))
			}
		case KeyReceived:
			d.received(v, loc)
		default:
			d.unknownTop(top, v, loc)
		}
	}
	for _, name := range claims {
		if c, ok := d.claim(name, raw[name]); ok {
			p.Claims = append(p.Claims, c)
		}
	}
}

// measureNames reads a table named by a measure's Chinese name (首版次,
// 人工智能) as that measure's; the same measure twice, by two names, is an
// error at the second.
func (d *decoder) measureNames(raw map[string]any) {
	for _, k := range d.f.l.Order {
		if len(k) != 1 {
			continue
		}
		t, isTable := raw[k[0]].(map[string]any)
		if !isTable {
			continue
		}
		if _, ok := d.reg.Measure(k[0]); ok {
			continue
		}
		m, ok := d.reg.Find(k[0])
		if !ok || k[0] == m.Name {
			continue
		}
		if _, twice := raw[m.Name]; twice {
			d.errAt(d.loc(k[0]).KeyOff, note(ErrDuplicateTable, "table", m.Name), note(HintSameMeasure, "name", k[0], "table", m.Name))
			delete(raw, k[0])
			continue
		}
		raw[m.Name] = t
		delete(raw, k[0])
		d.f.l.rename(k[0], m.Name)
	}
}

func (d *decoder) unknownTop(key string, v any, loc *location) {
	cands := append(TopLevelKeys(d.reg), d.reg.Names()...)
	_, isTable := v.(map[string]any)
	what := note(ErrUnknownKey, "key", strconv.Quote(key))
	if isTable {
		what = note(ErrUnknownTable, "table", key)
	}
	var hint calc.Note
	if m, ok := d.reg.Find(key); ok && isTable {
		// ["首版次"]: the measure by its Chinese name.
		hint = note(HintDidYouMeanTable, "table", m.Name)
	} else if s := d.nearMeasure(key); s != "" && isTable {
		// [首版]: the measure a Chinese name is near.
		hint = note(HintDidYouMeanTable, "table", s)
	} else if s := measures.Suggest(key, cands); s != "" {
		if _, ok := d.reg.Measure(s); ok {
			hint = note(HintDidYouMeanTable, "table", s)
		} else {
			hint = note(HintDidYouMean, "key", s)
		}
	} else if near, in := d.measuresWithKey(key); !isTable && len(in) > 0 {
		hint = note(HintInMeasure, "key", near, "tables", strings.Join(in, " / "))
	} else if isTable {
		hint = note(HintTables, "tables", d.reg.Names())
	} else {
		hint = note(HintTopLevel, "keys", TopLevelKeys(d.reg))
	}
	d.errAt(loc.KeyOff, what, hint)
}

// nearMeasure is the measure whose name or Chinese name key is near
// (首版 is 首版次's), or "".
func (d *decoder) nearMeasure(key string) string {
	byName := map[string]string{}
	var names []string
	for _, m := range d.reg.Measures() {
		for _, n := range append([]string{m.Name, m.Title.Zh}, m.Aliases...) {
			byName[n] = m.Name
			names = append(names, n)
		}
	}
	return byName[measures.Suggest(key, names)]
}

// measuresWithKey returns the key of a measure table nearest to key (at
// most one letter away) and the tables ("[first-version]") that have it.
func (d *decoder) measuresWithKey(key string) (near string, in []string) {
	for _, m := range d.reg.Measures() {
		for _, inp := range m.Inputs {
			k := inp.Key()
			if measures.EditDistance(key, k) > 1 || near != "" && k != near {
				continue
			}
			near = k
			in = append(in, "["+m.Name+"]")
		}
	}
	return near, in
}

// measureTable checks the keys of one measure's table.
func (d *decoder) measureTable(m *measures.Measure, v any) {
	loc := d.loc(m.Name)
	if arr, ok := v.([]any); ok && len(arr) > 0 {
		if _, tables := arr[0].(map[string]any); tables {
			d.errAt(loc.KeyOff, note(ErrArrayOfTables, "m", m.Name), note(HintWriteTable, "m", m.Name))
			return
		}
	}
	t, ok := v.(map[string]any)
	if !ok {
		d.errAt(loc.KeyOff, note(ErrType, "what", m.Name, "want", TypeTable, "got", typeName(v)), note(HintWriteTable, "m", m.Name))
		return
	}
	keys := make([]string, len(m.Inputs), len(m.Inputs)+1)
	for i, in := range m.Inputs {
		keys[i] = in.Key()
	}
	keys = append(keys, SameKindKey)
	for _, k := range d.orderedKeys(m.Name, t) {
		if slices.Contains(keys, k) {
			continue
		}
		kl := d.loc(m.Name, k)
		var hint calc.Note
		switch s := measures.Suggest(k, keys); {
		case slices.Contains(TopLevelKeys(d.reg), k):
			hint = note(HintTopLevelKey, "key", k)
		case s != "":
			hint = note(HintDidYouMean, "key", s)
		case len(keys) == 1:
			hint = note(HintNoKeys, "m", m.Name, "key", SameKindKey)
		default:
			hint = note(HintKeysOf, "m", m.Name, "keys", keys)
		}
		d.errAt(kl.KeyOff, note(ErrUnknownKeyIn, "key", strconv.Quote(k), "m", m.Name), hint)
	}
}

// orderedKeys returns the keys of table t in the order of the file.
func (d *decoder) orderedKeys(table string, t map[string]any) []string {
	var keys []string
	for _, k := range d.f.l.Order {
		if len(k) == 2 && k[0] == table {
			if _, ok := t[k[1]]; ok {
				keys = append(keys, k[1])
			}
		}
	}
	return keys
}

// claim builds the claim of measure name from its table.
func (d *decoder) claim(name string, v any) (calc.Claim, bool) {
	m, _ := d.reg.Measure(name)
	t, ok := v.(map[string]any)
	if !ok {
		return calc.Claim{}, false
	}
	c := calc.NewClaim(name)
	if v, ok := t[SameKindKey]; ok {
		d.sameKind(m, v)
	}
	for _, in := range m.Inputs {
		if val, ok := t[in.Key()]; ok {
			d.value(&c.Values, in, d.what("["+name+"] "+in.Key(), name, in.Key()), val, []string{name, in.Key()})
		}
	}
	return c, true
}

// value reads the value of an input, by its kind, into vals; path is its
// key's.
func (d *decoder) value(vals *calc.Values, in measures.Input, what string, val any, path []string) {
	loc := d.loc(path...)
	bad := func(err error, at int) { d.valueErr(at, what, err) }
	switch in.Kind {
	case measures.Amount:
		a, err := d.amount(val, loc)
		if err != nil {
			bad(err, loc.ValueOff)
			return
		}
		vals.Amounts[in.Name] = a
	case measures.Rate:
		r, err := rate(val, loc)
		if err != nil {
			bad(err, loc.ValueOff)
			return
		}
		vals.Rates[in.Name] = r
	case measures.Switch:
		b, ok := val.(bool)
		if !ok {
			bad(&typeError{TypeBool, typeName(val)}, loc.ValueOff)
			return
		}
		vals.Switches[in.Name] = b
	case measures.Date:
		date, err := d.date(val, loc)
		if err != nil {
			bad(err, loc.ValueOff)
			return
		}
		vals.Dates[in.Name] = date
	case measures.Choice, measures.Choices:
		var list []any
		switch x := val.(type) {
		case string:
			list = []any{x}
		case []any:
			if in.Kind == measures.Choice {
				bad(&typeError{TypeOneValue, TypeArray}, loc.ValueOff)
				return
			}
			list = x
		default:
			bad(&typeError{TypeString, typeName(val)}, loc.ValueOff)
			return
		}
		for i, e := range list {
			at := loc.ValueOff
			if el, ok := d.f.l.Locs[pathKey(append(path, "["+strconv.Itoa(i)+"]"))]; ok {
				at = el.ValueOff
			}
			s, ok := e.(string)
			if !ok {
				d.errAt(at, note(ErrListOf, "what", what, "want", TypeStrings, "i", i+1, "got", typeName(e)), calc.Note{})
				continue
			}
			v, ok := in.Match(s)
			if !ok {
				bad(calc.ChoiceError(s, in.Values, in.Aliases), at)
				continue
			}
			vals.Choices[in.Name] = append(vals.Choices[in.Name], v)
		}
	}
}

// The keys of an entry of the ledger.
var receivedKeys = []string{"item", "amount", "date", "payer", "level"}

// received reads the ledger (docs/contract.md §8): [[received]] tables (or
// an array of inline tables), each an item and an amount, and perhaps a
// date, a payer and a level. What the entries mean is calc's to check,
// against the edition and the date of the event.
func (d *decoder) received(v any, loc *location) {
	list, ok := v.([]any)
	if !ok {
		d.errAt(loc.KeyOff, note(ErrReceivedShape, "got", typeName(v)), note(HintReceived))
		return
	}
	for i, e := range list {
		at := []string{KeyReceived, "[" + strconv.Itoa(i) + "]"}
		t, ok := e.(map[string]any)
		if !ok {
			d.errAt(d.loc(at...).ValueOff, note(ErrReceivedShape, "got", typeName(e)), note(HintReceived))
			continue
		}
		keyLoc := func(k string) *location { return d.loc(append(slices.Clone(at), k)...) }
		what := func(k string) string { return fmt.Sprintf("%s[%d].%s", KeyReceived, i+1, k) }
		var keys []string
		for _, k := range d.f.l.Order {
			if len(k) == 3 && k[0] == KeyReceived && k[1] == at[1] {
				keys = append(keys, k[2])
			}
		}
		for _, k := range keys {
			if !slices.Contains(receivedKeys, k) {
				hint := note(HintReceivedKeys, "keys", receivedKeys)
				if near := measures.Suggest(k, receivedKeys); near != "" {
					hint = note(HintDidYouMean, "key", near)
				}
				d.errAt(keyLoc(k).KeyOff, note(ErrReceivedKey, "key", strconv.Quote(k), "i", i+1), hint)
			}
		}
		entry := calc.Received{Payer: measures.Municipal}
		fine := true
		for _, k := range []string{"item", "amount"} {
			if _, ok := t[k]; !ok {
				d.errAt(d.loc(at...).KeyOff, note(ErrReceivedMissing, "i", i+1, "key", k), note(HintReceived))
				fine = false
			}
		}
		if x, ok := t["item"]; ok {
			if s, ok := x.(string); ok {
				entry.Item = s
			} else {
				d.errAt(keyLoc("item").ValueOff, note(ErrType, "what", what("item"), "want", TypeString, "got", typeName(x)), calc.Note{})
				fine = false
			}
		}
		if x, ok := t["amount"]; ok {
			a, err := d.amount(x, keyLoc("amount"))
			if err != nil {
				d.valueErr(keyLoc("amount").ValueOff, what("amount"), err)
				fine = false
			}
			entry.Amount = a
		}
		if x, ok := t["date"]; ok {
			date, err := d.date(x, keyLoc("date"))
			if err != nil {
				d.valueErr(keyLoc("date").ValueOff, what("date"), err)
				fine = false
			}
			entry.Date = &date
		}
		if x, ok := t["payer"]; ok {
			s, _ := x.(string)
			payer, ok := calc.ParsePayer(s)
			if !ok {
				d.errAt(keyLoc("payer").ValueOff, note(ErrPayer, "value", rawOr(keyLoc("payer"), x)), note(HintPayer))
				fine = false
			}
			entry.Payer = payer
		}
		if x, ok := t["level"]; ok {
			switch lv := x.(type) {
			case string:
				entry.Level = lv
			case int64, float64:
				entry.Level = keyLoc("level").Raw // a threshold as written: 1e9
			default:
				d.errAt(keyLoc("level").ValueOff, note(ErrType, "what", what("level"), "want", TypeLevel, "got", typeName(x)), calc.Note{})
				fine = false
			}
		}
		if fine {
			d.f.Project.Received = append(d.f.Project.Received, entry)
		}
	}
}

// ReceivedAt is where the n-th entry of the ledger (from 1) has key in the
// file, for calc's errors about it; the entry itself when the key is not
// written.
func (f *File) ReceivedAt(n int, key string) []string {
	at := []string{KeyReceived, "[" + strconv.Itoa(n-1) + "]"}
	if l, ok := f.l.Locs[pathKey(append(slices.Clone(at), key))]; ok && l.KeyOff >= 0 {
		return append(at, key)
	}
	return at
}

// SameKindKey is the key of a measure's table that declares its support
// already received under a similar municipal measure (附则: 不得重复享受).
var SameKindKey = measures.FlagToKey(measures.InSameKind)

// sameKind reads a measure's same_kind: true (the whole measure), false, or
// a list of the measure's item ids.
func (d *decoder) sameKind(m *measures.Measure, v any) {
	loc := d.loc(m.Name, SameKindKey)
	what := d.what("["+m.Name+"] "+SameKindKey, m.Name, SameKindKey)
	ids := make([]string, len(m.Items))
	for i, it := range m.Items {
		ids[i] = it.ID
	}
	p := &d.f.Project
	switch x := v.(type) {
	case bool:
		if x {
			p.SameKind = append(p.SameKind, m.Name)
		}
		return
	case []any:
		for i, e := range x {
			at := loc.ValueOff
			if el, ok := d.f.l.Locs[pathKey([]string{m.Name, SameKindKey, "[" + strconv.Itoa(i) + "]"})]; ok {
				at = el.ValueOff
			}
			s, ok := e.(string)
			if !ok {
				d.errAt(at, note(ErrListOf, "what", what, "want", TypeItemIDs, "i", i+1, "got", typeName(e)), calc.Note{})
				continue
			}
			if !slices.Contains(ids, s) {
				hint := note(HintItemsOf, "m", m.Name, "items", ids)
				if near := measures.Suggest(s, ids); near != "" {
					hint = note(HintItemsOfNear, "near", near, "m", m.Name, "items", ids)
				}
				d.errAt(at, note(ErrNotItemOf, "what", what, "value", strconv.Quote(s), "m", m.Name), hint)
				continue
			}
			p.SameKind = append(p.SameKind, s)
		}
		return
	}
	d.errAt(loc.ValueOff, note(ErrType, "what", what, "want", TypeSameKind, "got", typeName(v)), calc.Note{})
}

// date reads a TOML local date (2026-03-01) or a "YYYY-MM-DD" string.
func (d *decoder) date(v any, loc *location) (calc.Date, error) {
	switch x := v.(type) {
	case string:
		return calc.ParseDate(x)
	case toml.LocalDate:
		// As a quoted date is: no year before 1900 (0000-01-01 is no
		// event of this policy, nor a day a workbook can hold).
		if x.Year < 1900 {
			return calc.Date{}, &calc.ValueError{Value: loc.Raw, Code: calc.ErrYear, Hint: calc.HintDate}
		}
		return calc.Date{Year: x.Year, Month: x.Month, Day: x.Day}, nil
	case toml.LocalDateTime, time.Time:
		return calc.Date{}, &calc.ValueError{Value: loc.Raw, Code: ErrDateTime, Hint: HintDateTime}
	}
	return calc.Date{}, &typeError{TypeDate, typeName(v)}
}

// amount reads an amount: a TOML integer or float, exactly as written, or an
// amount string; a bare number is in the file's unit.
func (d *decoder) amount(v any, loc *location) (decimal.Decimal, error) {
	return number(v, loc, TypeAmount, func(s string) (decimal.Decimal, error) { return calc.ParseAmountIn(s, d.unit) })
}

// rate reads a rate: a TOML number or a string such as "8%".
func rate(v any, loc *location) (decimal.Decimal, error) {
	return number(v, loc, TypeRate, calc.ParseRate)
}

// number reads a TOML number by its text, or a string, with parse.
func number(v any, loc *location, what calc.Code, parse func(string) (decimal.Decimal, error)) (decimal.Decimal, error) {
	switch x := v.(type) {
	case string:
		return parse(x)
	case int64, float64:
		return parse(numberText(x, loc))
	}
	return decimal.Decimal{}, &typeError{what, typeName(v)}
}

// numberText is the text of a TOML number as written, without TOML's digit
// separators and plus sign. Only if the locator missed it (it should not) is
// the parsed value formatted instead, exact for integers and for floats of up
// to 15 significant digits.
func numberText(v any, loc *location) string {
	if loc.Raw != "" {
		return strings.TrimPrefix(strings.ReplaceAll(loc.Raw, "_", ""), "+")
	}
	switch x := v.(type) {
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return "NaN"
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return ""
}

// typeName is the code of what a decoded TOML value is.
func typeName(v any) calc.Code {
	switch v.(type) {
	case string:
		return TypeString
	case int64:
		return TypeInteger
	case float64:
		return TypeFloat
	case bool:
		return TypeBool
	case time.Time, toml.LocalDateTime:
		return TypeDateTime
	case toml.LocalDate:
		return TypeDate
	case toml.LocalTime:
		return TypeTime
	case []any, []map[string]any:
		return TypeArray
	case map[string]any:
		return TypeTable
	}
	return TypeOther
}
