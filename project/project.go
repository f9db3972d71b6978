// Package project reads project files: one TOML file per project, naming the
// measures it claims and the inputs of the 附则 (SPEC section 4).
//
// Decoding is strict. An unknown key or table, a wrong type, a duplicate key,
// malformed TOML or a bad value is an error naming the file, line and column,
// with a "did you mean" hint for near misses; nothing is silently ignored.
// The package reads bytes, not files: the caller opens them.
package project

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/measures"
)

// MaxSize is the largest project file read (SPEC section 4).
const MaxSize = 1 << 20

// MaxErrors is the number of errors reported per file; the rest are
// counted in a last line, "and N more errors".
const MaxErrors = 20

// Error is one problem in a project file. Line and Col are 0 when the
// problem has no place in the file.
type Error struct {
	Path      string
	Line, Col int
	Msg, Hint string
	More      int // the last error of a file with too many: how many more
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.Path + ": " + e.Msg
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, e.Msg)
}

// Errors is every problem found in one file, in the order of the file.
type Errors []*Error

func (es Errors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// File is a project file read and checked.
type File struct {
	Path    string
	Project calc.Project // Date is zero when the file gives none
	l       *locator
}

// At returns where the key with the given parts (top-level key, or measure
// and key) was written, or the zero Pos.
func (f *File) At(parts ...string) Pos {
	if loc, ok := f.l.locs[pathKey(parts)]; ok {
		return f.l.pos(loc.keyOff)
	}
	return Pos{}
}

// ErrorAt makes an error at the key with the given parts.
func (f *File) ErrorAt(msg, hint string, parts ...string) *Error {
	p := f.At(parts...)
	return &Error{Path: f.Path, Line: p.Line, Col: p.Col, Msg: msg, Hint: hint}
}

// NoClaim is the error of a file that claims no measure, for the commands
// that compute or check a whole file.
func (f *File) NoClaim() error {
	if len(f.Project.Claims) > 0 {
		return nil
	}
	return Errors{{Path: f.Path, Msg: "the file claims no measure",
		Hint: "add a table named after a measure, e.g. [first-version] with sales = 5e7; 'szsoft init' prints a template"}}
}

// Top-level keys (SPEC section 4) and the kind of value each takes.
var topLevel = []struct {
	key  string
	kind string
}{
	{"name", "text"}, {"applicant", "text"}, {"date", "date"}, {"unit", "unit"},
	{"audited_investment", "amount"}, {"national_funding", "amount"},
	{"provincial_funding", "amount"}, {"other_city_funding", "amount"},
	{"district_ratio", "rate"}, {"strict_cap", "switch"}, {"same_kind", "switch"},
}

// TopLevelKeys returns the top-level keys a project file may have.
func TopLevelKeys() []string {
	keys := make([]string, len(topLevel))
	for i, t := range topLevel {
		keys[i] = t.key
	}
	return keys
}

// Parse reads a project file. path is the name to use in messages. Every
// problem found is returned, as Errors.
func Parse(path string, data []byte) (*File, error) {
	f := &File{Path: path}
	fail := func(pos Pos, msg, hint string) (*File, error) {
		return nil, Errors{{Path: path, Line: pos.Line, Col: pos.Col, Msg: msg, Hint: hint}}
	}
	if len(data) > MaxSize {
		return fail(Pos{}, fmt.Sprintf("larger than %d bytes (1 MiB), the largest project file read", MaxSize), "")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fail(posAt(data, i), "binary data (a NUL byte), not a TOML project file", "")
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
		return fail(posAt(data, i), "not UTF-8 text", "save the file as UTF-8 (TOML files are UTF-8)")
	}
	if off := prescan(data); off >= 0 {
		d := &decoder{f: &File{Path: path, l: &locator{data: data}}}
		d.errAt(off, "a line of more than 256 dots, brackets, braces or commas: not a project file",
			"a project file holds top-level keys and measure tables with a few keys each: 'szsoft init' prints one")
		return nil, d.finish()
	}
	l, lerr := locate(data)
	if len(l.shape) > 0 {
		d := &decoder{f: &File{Path: path, l: l}}
		for _, e := range l.shape {
			d.errAt(e.off, e.msg, e.hint)
		}
		return nil, d.finish()
	}
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		var te *toml.DecodeError
		if errors.As(err, &te) {
			line, col := te.Position()
			return fail(runeColumn(data, line, col), tomlMessage(te.Error(), te.Key()), "")
		}
		return fail(Pos{}, tomlMessage(err.Error(), nil), "")
	}
	if lerr != nil {
		// The decoder accepted what its own parser refused; fuzzing keeps
		// this from happening. Without places, errors name the file.
		l = &locator{data: data, locs: map[string]*location{}}
	}
	f.l = l
	d := &decoder{f: f, unit: calc.UnitYuan}
	d.decode(raw)
	if len(d.errs) > 0 {
		return nil, d.finish()
	}
	return f, nil
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
		pos := d.f.l.pos(e.off)
		es = append(es, &Error{Path: d.f.Path, Line: pos.Line, Col: pos.Col, Msg: e.msg, Hint: e.hint})
	}
	if more > 0 {
		es = append(es, &Error{Path: d.f.Path, Msg: fmt.Sprintf("and %d more errors", more), More: more})
	}
	return es
}

// runeColumn turns a 1-based line and byte column into a position whose
// column counts characters.
func runeColumn(data []byte, line, col int) Pos {
	off := 0
	for l := 1; l < line && off < len(data); off++ {
		if data[off] == '\n' {
			l++
		}
	}
	return posAt(data, off+col-1)
}

// tomlMessage tidies a message of the TOML decoder into szsoft's style;
// key is the full key it concerns, when known.
func tomlMessage(m string, key []string) string {
	m = strings.TrimPrefix(m, "toml: ")
	full := strings.Join(key, ".")
	if name, ok := strings.CutSuffix(m, " is already defined"); ok && strings.HasPrefix(name, "key ") {
		if full == "" {
			full = strings.TrimPrefix(name, "key ")
		}
		return "duplicate key " + full
	}
	if name, ok := strings.CutSuffix(m, " already exists"); ok && strings.HasPrefix(name, "table ") {
		return "duplicate table [" + strings.TrimPrefix(name, "table ") + "]"
	}
	m = strings.TrimSuffix(m, ".")
	if m != "" {
		r, n := utf8.DecodeRuneInString(m)
		m = strings.ToLower(string(r)) + m[n:]
	}
	return "malformed TOML: " + m
}

type decoder struct {
	f    *File
	errs []pending
	unit decimal.Decimal // of the file's bare amounts: its unit key, else yuan
}

// Units are the values of a file's unit key.
var Units = []string{"yuan", "wan"}

// errAt records an error at byte offset off (-1: no place).
func (d *decoder) errAt(off int, msg, hint string) {
	d.errs = append(d.errs, pending{off, msg, hint})
}

// pending is an error found, placed by its byte offset (-1: no place).
type pending struct {
	off       int
	msg, hint string
}

// valueErr records a bad value at byte offset off: "what: message", with
// the hint of a calc.ValueError.
func (d *decoder) valueErr(off int, what string, err error) {
	var ve *calc.ValueError
	if errors.As(err, &ve) {
		d.errAt(off, what+": "+ve.Error(), ve.Hint)
		return
	}
	d.errAt(off, what+": "+err.Error(), "")
}

func (d *decoder) loc(parts ...string) *location {
	if l, ok := d.f.l.locs[pathKey(parts)]; ok {
		return l
	}
	return &location{keyOff: -1, valueOff: -1}
}

func (d *decoder) decode(raw map[string]any) {
	cat := measures.Get()
	p := &d.f.Project
	// The unit applies to every bare amount of the file, wherever it stands.
	if u, ok := raw["unit"].(string); ok && u == "wan" {
		d.unit = calc.UnitWan
	}
	var claims []string
	// The locator's order is the file's, so errors and claims are too.
	for _, k := range d.f.l.order {
		if len(k) != 1 {
			continue
		}
		top := k[0]
		v, ok := raw[top]
		if !ok {
			continue
		}
		if m, ok := cat.Measure(top); ok {
			d.measureTable(m, v)
			claims = append(claims, top)
			continue
		}
		kind := ""
		for _, t := range topLevel {
			if t.key == top {
				kind = t.kind
			}
		}
		loc := d.loc(top)
		if kind == "" {
			d.unknownTop(top, v, loc)
			continue
		}
		d.topValue(p, top, kind, v, loc)
	}
	for _, name := range claims {
		if c, ok := d.claim(name, raw[name]); ok {
			p.Claims = append(p.Claims, c)
		}
	}
}

func (d *decoder) unknownTop(key string, v any, loc *location) {
	cands := append(TopLevelKeys(), measures.Get().Names()...)
	_, isTable := v.(map[string]any)
	what := fmt.Sprintf("unknown key %q", key)
	if isTable {
		what = fmt.Sprintf("unknown table [%s]", key)
	}
	hint := ""
	if s := Suggest(key, cands); s != "" {
		if _, ok := measures.Get().Measure(s); ok {
			hint = fmt.Sprintf("did you mean [%s]?", s)
		} else {
			hint = fmt.Sprintf("did you mean %s?", s)
		}
	} else if near, in := measuresWithKey(key); !isTable && len(in) > 0 {
		hint = fmt.Sprintf("did you mean %s in %s? measure keys go in the measure's table", near, strings.Join(in, " or "))
	} else if isTable {
		hint = "measure tables: " + strings.Join(measures.Get().Names(), ", ")
	} else {
		hint = "top-level keys: " + strings.Join(TopLevelKeys(), ", ")
	}
	d.errAt(loc.keyOff, what, hint)
}

// measuresWithKey returns the key of a measure table nearest to key (at
// most one letter away) and the tables ("[first-version]") that have it.
func measuresWithKey(key string) (near string, in []string) {
	for _, m := range measures.Get().Measures {
		for _, inp := range m.Inputs {
			k := inp.Key()
			if editDistance(key, k) > 1 || near != "" && k != near {
				continue
			}
			near = k
			in = append(in, "["+m.Name+"]")
		}
	}
	return near, in
}

func (d *decoder) topValue(p *calc.Project, key, kind string, v any, loc *location) {
	bad := func(err error) { d.valueErr(loc.valueOff, key, err) }
	switch kind {
	case "text":
		s, ok := v.(string)
		if !ok {
			d.errAt(loc.valueOff, fmt.Sprintf("%s: a string, not %s", key, typeName(v)), "")
			return
		}
		if key == "name" {
			p.Name = s
		} else {
			p.Applicant = s
		}
	case "date":
		date, err := d.date(v, loc)
		if err != nil {
			bad(err)
			return
		}
		p.Date = date
	case "unit":
		u, ok := v.(string)
		if !ok || !slices.Contains(Units, u) {
			d.errAt(loc.valueOff, fmt.Sprintf("unit: %s is not a unit of amounts", loc.rawOr(v)), "unit = \"yuan\" (the default) or unit = \"wan\" (万元) for the file's bare numbers")
		}
	case "amount":
		a, err := d.amount(v, loc)
		if err != nil {
			bad(err)
			return
		}
		switch key {
		case "audited_investment":
			p.AuditedInvestment = &a
		case "national_funding":
			p.NationalFunding = &a
		case "provincial_funding":
			p.ProvincialFunding = &a
		case "other_city_funding":
			p.OtherCityFunding = &a
		}
	case "rate":
		r, err := rate(v, loc)
		if err != nil {
			bad(err)
			return
		}
		p.DistrictRatio = r
	case "switch":
		b, ok := v.(bool)
		if !ok {
			d.errAt(loc.valueOff, fmt.Sprintf("%s: true or false, not %s", key, typeName(v)), "")
			return
		}
		switch {
		case key == "strict_cap":
			p.StrictCap = b
		case b:
			// 不得重复享受 bars a kind of support, not the project: older
			// files' top-level same_kind = false means nothing; true is a
			// claim this file cannot make.
			d.errAt(loc.keyOff, "same_kind = true at the top level: no double-dipping (附则) is declared per measure",
				"put same_kind = true in the table of the measure already supported elsewhere, e.g. [first-version] same_kind = true, or list its items: same_kind = [\"first-version.developer\"]")
		}
	}
}

// measureTable checks the keys of one measure's table.
func (d *decoder) measureTable(m *measures.Measure, v any) {
	loc := d.loc(m.Name)
	if arr, ok := v.([]any); ok && len(arr) > 0 {
		if _, tables := arr[0].(map[string]any); tables {
			d.errAt(loc.keyOff, fmt.Sprintf("[[%s]] is an array of tables; a project claims a measure once", m.Name), fmt.Sprintf("write [%s]", m.Name))
			return
		}
	}
	t, ok := v.(map[string]any)
	if !ok {
		d.errAt(loc.keyOff, fmt.Sprintf("%s: a table, not %s", m.Name, typeName(v)), fmt.Sprintf("write [%s] and its keys below it", m.Name))
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
		hint := ""
		switch s := Suggest(k, keys); {
		case slices.Contains(TopLevelKeys(), k):
			hint = fmt.Sprintf("%s is a top-level key: put it above the first table", k)
		case s != "":
			hint = fmt.Sprintf("did you mean %s?", s)
		case len(keys) == 1:
			hint = fmt.Sprintf("[%s] takes no keys but %s", m.Name, SameKindKey)
		default:
			hint = fmt.Sprintf("keys of [%s]: %s", m.Name, strings.Join(keys, ", "))
		}
		d.errAt(kl.keyOff, fmt.Sprintf("unknown key %q in [%s]", k, m.Name), hint)
	}
}

// orderedKeys returns the keys of table t in the order of the file.
func (d *decoder) orderedKeys(table string, t map[string]any) []string {
	var keys []string
	for _, k := range d.f.l.order {
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
	m, _ := measures.Get().Measure(name)
	t, ok := v.(map[string]any)
	if !ok {
		return calc.Claim{}, false
	}
	c := calc.NewClaim(name)
	if v, ok := t[SameKindKey]; ok {
		d.sameKind(m, v)
	}
	for _, in := range m.Inputs {
		val, ok := t[in.Key()]
		if !ok {
			continue
		}
		loc := d.loc(name, in.Key())
		what := "[" + name + "] " + in.Key()
		bad := func(err error, at int) { d.valueErr(at, what, err) }
		switch in.Kind {
		case measures.Amount:
			a, err := d.amount(val, loc)
			if err != nil {
				bad(err, loc.valueOff)
				continue
			}
			c.Amounts[in.Name] = a
		case measures.Rate:
			r, err := rate(val, loc)
			if err != nil {
				bad(err, loc.valueOff)
				continue
			}
			c.Rates[in.Name] = r
		case measures.Switch:
			b, ok := val.(bool)
			if !ok {
				bad(fmt.Errorf("true or false, not %s", typeName(val)), loc.valueOff)
				continue
			}
			c.Switches[in.Name] = b
		case measures.Choice, measures.Choices:
			var list []any
			switch x := val.(type) {
			case string:
				list = []any{x}
			case []any:
				if in.Kind == measures.Choice {
					bad(fmt.Errorf("one value, not an array"), loc.valueOff)
					continue
				}
				list = x
			default:
				bad(fmt.Errorf("a string, not %s", typeName(val)), loc.valueOff)
				continue
			}
			for i, e := range list {
				at := loc.valueOff
				if el, ok := d.f.l.locs[pathKey([]string{name, in.Key(), "[" + strconv.Itoa(i) + "]"})]; ok {
					at = el.valueOff
				}
				s, ok := e.(string)
				if !ok {
					bad(fmt.Errorf("a list of strings, but value %d is %s", i+1, typeName(e)), at)
					continue
				}
				if !slices.Contains(in.Values, s) {
					bad(&calc.ValueError{Value: s, Msg: "not a valid value", Hint: "valid values: " + strings.Join(in.Values, ", ")}, at)
					continue
				}
				c.Choices[in.Name] = append(c.Choices[in.Name], s)
			}
		}
	}
	return c, true
}

// SameKindKey is the key of a measure's table that declares its support
// already received under a similar municipal measure (附则: 不得重复享受).
const SameKindKey = "same_kind"

// sameKind reads a measure's same_kind: true (the whole measure), false, or
// a list of the measure's item ids.
func (d *decoder) sameKind(m *measures.Measure, v any) {
	loc := d.loc(m.Name, SameKindKey)
	what := "[" + m.Name + "] " + SameKindKey
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
			at := loc.valueOff
			if el, ok := d.f.l.locs[pathKey([]string{m.Name, SameKindKey, "[" + strconv.Itoa(i) + "]"})]; ok {
				at = el.valueOff
			}
			s, ok := e.(string)
			if !ok {
				d.errAt(at, fmt.Sprintf("%s: a list of item ids, but value %d is %s", what, i+1, typeName(e)), "")
				continue
			}
			if !slices.Contains(ids, s) {
				hint := "items of [" + m.Name + "]: " + strings.Join(ids, ", ")
				if near := Suggest(s, ids); near != "" {
					hint = "did you mean " + near + "? " + hint
				}
				d.errAt(at, fmt.Sprintf("%s: %q is not an item of [%s]", what, s, m.Name), hint)
				continue
			}
			p.SameKind = append(p.SameKind, s)
		}
		return
	}
	d.errAt(loc.valueOff, fmt.Sprintf("%s: true, false or a list of item ids, not %s", what, typeName(v)), "")
}

// date reads a TOML local date (2026-03-01) or a "YYYY-MM-DD" string.
func (d *decoder) date(v any, loc *location) (calc.Date, error) {
	switch x := v.(type) {
	case string:
		return calc.ParseDate(x)
	case toml.LocalDate:
		return calc.Date{Year: x.Year, Month: x.Month, Day: x.Day}, nil
	case toml.LocalDateTime, time.Time:
		return calc.Date{}, &calc.ValueError{Value: loc.raw, Msg: "a date, not a date and time", Hint: "write date = 2026-03-01"}
	}
	return calc.Date{}, fmt.Errorf("a date, not %s", typeName(v))
}

// amount reads an amount: a TOML integer or float, exactly as written, or an
// amount string of SPEC section 3; a bare number is in the file's unit.
func (d *decoder) amount(v any, loc *location) (decimal.Decimal, error) {
	return number(v, loc, "an amount", func(s string) (decimal.Decimal, error) { return calc.ParseAmountIn(s, d.unit) })
}

// rate reads a rate: a TOML number or a string such as "8%".
func rate(v any, loc *location) (decimal.Decimal, error) {
	return number(v, loc, "a rate", calc.ParseRate)
}

// number reads a TOML number by its text, or a string, with parse.
func number(v any, loc *location, what string, parse func(string) (decimal.Decimal, error)) (decimal.Decimal, error) {
	switch x := v.(type) {
	case string:
		return parse(x)
	case int64, float64:
		return parse(numberText(x, loc))
	}
	return decimal.Decimal{}, fmt.Errorf("%s, not %s", what, typeName(v))
}

// numberText is the text of a TOML number as written, without TOML's digit
// separators and plus sign. Only if the locator missed it (it should not) is
// the parsed value formatted instead, exact for integers and for floats of up
// to 15 significant digits.
func numberText(v any, loc *location) string {
	if loc.raw != "" {
		return strings.TrimPrefix(strings.ReplaceAll(loc.raw, "_", ""), "+")
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

func typeName(v any) string {
	switch v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a float"
	case bool:
		return "true or false"
	case time.Time, toml.LocalDateTime:
		return "a date and time"
	case toml.LocalDate:
		return "a date"
	case toml.LocalTime:
		return "a time"
	case []any, []map[string]any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("a %T", v)
}
