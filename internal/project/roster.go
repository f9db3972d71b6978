package project

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"szsoft/calc"
	"szsoft/internal/roster"
	"szsoft/internal/tomlloc"
	"szsoft/measures"
)

// A roster row is a project (SPEC §9, docs/contract.md §9): its header
// names top-level keys, MEASURE.KEY inputs and MEASURE claims, in English
// as a project file writes them or in the Chinese of the template (项目名称,
// 首版次软件·一定时期内审定销售额, 落户奖励). A row is read into the same
// values a file's TOML gives, and checked by the same decoder: its errors
// name the cell (roster.xlsx:Sheet1!C7) instead of a line and column.

// The Chinese names of the top-level keys that are the file's own; the
// 附则 inputs are named by their help.
var ownKeyNames = map[string]string{KeyName: "项目名称", KeyApplicant: "申请单位", KeyCreditCode: "统一社会信用代码", KeyPreparer: "测算人",
	KeyUnit: "金额单位", KeyPolicy: "政策版本"}

// ColumnKind says what a column holds.
type ColumnKind int

const (
	KindTop      ColumnKind = iota // a top-level key
	KindInput                      // a measure's input
	KindClaim                      // a measure claimed by yes/no
	KindSameKind                   // a measure's same_kind
)

// Column is what a roster column is.
type Column struct {
	Unit    string // the header's own unit, "wan" or "yuan" (（万元）, （元）): its bare numbers are in it
	Kind    ColumnKind
	Measure string         // KindInput, KindClaim, KindSameKind
	Key     string         // the TOML key: name, sales, same_kind
	Input   measures.Input // KindTop (a 附则 input) and KindInput
	IsInput bool           // KindTop: a 附则 input (else name, applicant, unit, policy)
}

// Header is the English header of a column, as a project file writes it:
// first-version.sales.
func (c Column) Header() string {
	switch c.Kind {
	case KindTop:
		return c.Key
	case KindClaim:
		return c.Measure
	}
	return c.Measure + "." + c.Key
}

// Columns are a roster's columns, read from its header row.
type Columns struct {
	byCol  map[int]Column
	header map[int]string // the header as written
	order  []int
	sheet  *roster.Sheet
}

// ChineseHeader is a column's header in the template's Chinese.
func ChineseHeader(reg *measures.Registry, c Column) string {
	switch c.Kind {
	case KindTop:
		if n, ok := ownKeyNames[c.Key]; ok {
			return n
		}
		return c.Input.Label()
	case KindClaim:
		m, _ := reg.Measure(c.Measure)
		return m.Title.Zh
	case KindSameKind:
		m, _ := reg.Measure(c.Measure)
		return m.Title.Zh + "·不得重复享受"
	}
	m, _ := reg.Measure(c.Measure)
	return m.Title.Zh + "·" + c.Input.Label()
}

// TopColumn is the column of a top-level key; ok is false for a key that
// is not one (received).
func TopColumn(reg *measures.Registry, key string) (Column, bool) {
	if _, ok := ownKeyNames[key]; ok {
		return Column{Kind: KindTop, Key: key}, true
	}
	for _, in := range reg.Inputs() {
		if in.Key() == key {
			return Column{Kind: KindTop, Key: key, Input: in, IsInput: true}, true
		}
	}
	return Column{}, false
}

// MeasureColumns are the columns of a measure: its inputs, or its claim
// when it has none.
func MeasureColumns(m *measures.Measure) []Column {
	if len(m.Inputs) == 0 {
		return []Column{{Kind: KindClaim, Measure: m.Name}}
	}
	cols := make([]Column, len(m.Inputs))
	for i, in := range m.Inputs {
		cols[i] = Column{Kind: KindInput, Measure: m.Name, Key: in.Key(), Input: in}
	}
	return cols
}

// headers maps every spelling of every column, folded, to the column.
type headers struct {
	byName map[string]Column
	names  []string // the English headers, for a did-you-mean
}

var headerCache sync.Map // *measures.Registry → *headers

func headersOf(reg *measures.Registry) *headers {
	if h, ok := headerCache.Load(reg); ok {
		return h.(*headers)
	}
	h := &headers{byName: map[string]Column{}}
	add := func(c Column, names ...string) {
		for _, n := range names {
			k := measures.Fold(n)
			if _, taken := h.byName[k]; !taken && k != "" {
				h.byName[k] = c
			}
		}
		h.names = append(h.names, c.Header())
	}
	for _, key := range []string{KeyName, KeyApplicant, KeyCreditCode, KeyPreparer, KeyUnit, KeyPolicy} {
		add(Column{Kind: KindTop, Key: key}, key, ownKeyNames[key])
	}
	for _, in := range reg.Inputs() {
		add(Column{Kind: KindTop, Key: in.Key(), Input: in, IsInput: true}, in.Key(), in.Name, in.Label(), in.Help.Zh)
	}
	for _, m := range reg.Measures() {
		names := append([]string{m.Name, m.Title.Zh}, m.Aliases...)
		add(Column{Kind: KindClaim, Measure: m.Name}, names...)
		var spell []string
		for _, n := range names {
			for _, k := range []string{SameKindKey, measures.InSameKind, "不得重复享受", "已享受同类措施"} {
				spell = append(spell, n+"."+k, n+"·"+k)
			}
		}
		add(Column{Kind: KindSameKind, Measure: m.Name, Key: SameKindKey}, spell...)
		for _, in := range m.Inputs {
			spell = spell[:0]
			for _, n := range names {
				for _, k := range []string{in.Key(), in.Name, in.Label(), in.Help.Zh} {
					spell = append(spell, n+"."+k, n+"·"+k)
				}
			}
			add(Column{Kind: KindInput, Measure: m.Name, Key: in.Key(), Input: in}, spell...)
		}
	}
	headerCache.Store(reg, h)
	return h
}

// ReadColumns reads a roster's header row. Every column not known is an
// error naming its header cell, with a did-you-mean; so is a column named
// twice, a merged header cell, and a received column (a roster has no
// ledger). Errors concern the roster as a whole.
func ReadColumns(reg *measures.Registry, book string, s *roster.Sheet) (*Columns, error) {
	h := headersOf(reg)
	cols := &Columns{byCol: map[int]Column{}, header: map[int]string{}, sheet: s}
	var errs Errors
	// At most MaxErrors, then "and N more", as in a file: a roster of
	// 16,384 bad headers made 5.5 MB of errors, each hint a search.
	more := 0
	at := func(col int, msg calc.Note, hint func() calc.Note) {
		if len(errs) >= MaxErrors {
			more++
			return
		}
		errs = append(errs, &Error{Path: book, Cell: s.Ref(col, 1), Line: 1, Col: col + 1, Msg: msg, Hint: hint()})
	}
	done := func() Errors {
		if more > 0 {
			errs = append(errs, &Error{Path: book, Msg: note(ErrMore, "n", more), More: more})
		}
		return errs
	}
	for _, m := range s.Merged {
		if len(errs) >= MaxErrors {
			more++
			continue
		}
		errs = append(errs, &Error{Path: book, Cell: sheetRange(s, m), Line: 1, Msg: note(ErrRosterMerged, "range", m), Hint: note(HintRosterMerged)})
	}
	if len(errs) > 0 {
		return nil, done()
	}
	seen := map[string]int{}
	for _, c := range s.Header.Cells {
		text := c.Text
		name, unit := headerUnit(text)
		col, ok := h.byName[measures.Fold(name)]
		if !ok && measures.Fold(name) == KeyReceived {
			at(c.Col, note(ErrRosterReceived), func() calc.Note { return note(HintRosterReceived) })
			continue
		}
		if !ok {
			at(c.Col, note(ErrRosterColumn, "header", strconv.Quote(shortHeader(text))), func() calc.Note { return columnHint(reg, h, name) })
			continue
		}
		id := col.Header()
		if first, dup := seen[id]; dup {
			at(c.Col, note(ErrRosterDuplicate, "header", strconv.Quote(shortHeader(text)), "first", roster.ColumnName(first), "key", id), func() calc.Note { return calc.Note{} })
			continue
		}
		seen[id] = c.Col
		col.Unit = unit
		cols.byCol[c.Col] = col
		cols.header[c.Col] = shortHeader(strings.Join(strings.Fields(text), ""))
		cols.order = append(cols.order, c.Col)
	}
	if len(errs) > 0 {
		return nil, done()
	}
	if len(cols.order) == 0 {
		return nil, Errors{{Path: book, Msg: note(ErrRosterNoHeader), Hint: note(HintRosterHeader)}}
	}
	return cols, nil
}

// sheetRange names a merged range on its sheet: Sheet1!A1:C1.
func sheetRange(s *roster.Sheet, r string) string {
	if s.Name == "" {
		return r
	}
	first, last, _ := strings.Cut(r, ":")
	ref := s.Ref(0, 1)
	prefix := strings.TrimSuffix(ref, "A1")
	if last == "" {
		return prefix + first
	}
	return prefix + first + ":" + last
}

// columnHint is the did-you-mean of an unknown header: the nearest
// English header; a measure's key without its measure (sales:
// first-version.sales or open-source.sales); else where to find the names.
func columnHint(reg *measures.Registry, h *headers, text string) calc.Note {
	if s := measures.Suggest(strings.ToLower(strings.TrimSpace(text)), h.names); s != "" {
		return note(HintDidYouMean, "key", s)
	}
	// 首版次软件·销售额: the measure is known, the input is near one of its
	// names (a part of it, or a letter off).
	if i := strings.IndexAny(text, "·.．"); i > 0 {
		left, right := text[:i], strings.TrimLeft(text[i:], "·.．")
		m, ok := reg.Measure(left)
		if !ok {
			m, ok = reg.Find(left)
		}
		if ok && right != "" {
			for _, c := range MeasureColumns(m) {
				label := c.Input.Label()
				if c.Kind == KindInput && (strings.Contains(label, right) || strings.Contains(right, label) ||
					measures.EditDistance(c.Key, measures.FlagToKey(strings.ToLower(right))) <= 2) {
					header := c.Header()
					if !isASCII(text) {
						header = ChineseHeader(reg, c)
					}
					return note(HintDidYouMean, "key", header)
				}
			}
		}
	}
	key := measures.FlagToKey(strings.ToLower(strings.TrimSpace(text)))
	var in []string
	for _, m := range reg.Measures() {
		for _, inp := range m.Inputs {
			if measures.EditDistance(inp.Key(), key) <= 1 || inp.Label() == strings.TrimSpace(text) {
				in = append(in, m.Name+"."+inp.Key())
			}
		}
	}
	if len(in) > 0 {
		return note(HintRosterInMeasure, "columns", in)
	}
	return note(HintRosterColumns)
}

// Row reads one row of the roster into a project file whose path is
// book:row (roster.xlsx:7). Cells are read as the values of a project
// file: an amount, a rate or a date as its text, a switch or a claim as
// yes or no (是/否, 1/0, true/false; empty is no), a list of choices
// separated by ; or 、. Every problem is an error naming its cell.
func (cols *Columns) Row(reg *measures.Registry, book string, row roster.Row) (*File, error) {
	s := cols.sheet
	path := book + ":" + strconv.Itoa(row.Num)
	l := &locator{Doc: tomlloc.New(nil, tomlloc.Project), book: book, names: map[string]string{}}
	raw := map[string]any{}
	var pre []pending
	f := &File{Path: path, Project: calc.Project{Annex: calc.NewValues()}, l: l}
	for _, c := range row.Cells {
		col, ok := cols.byCol[c.Col]
		off := len(l.cells)
		l.cells = append(l.cells, cellPlace{row: row.Num, col: c.Col, ref: s.Ref(c.Col, row.Num)})
		if !ok {
			pre = append(pre, pending{off, note(ErrRosterNoColumn, "col", roster.ColumnName(c.Col)), note(HintRosterNoColumn)})
			continue
		}
		place := func(parts ...string) {
			loc := l.Record(parts, off)
			loc.ValueOff, loc.Raw = off, c.Text
			l.names[pathKey(parts)] = cols.header[c.Col]
		}
		what := cols.header[c.Col]
		text := c.Text
		if col.Unit != "" && (col.Kind == KindInput || col.IsInput) && col.Input.Kind == measures.Amount {
			text = inUnit(text, col.Unit)
		}
		if s.DecimalComma && (col.Kind == KindInput || col.IsInput) && (col.Input.Kind == measures.Amount || col.Input.Kind == measures.Rate) && digitComma(text) {
			// 1,500 in a semicolon CSV may be 1.5 (a decimal comma) or 1500.
			pre = append(pre, pending{off, note(ErrRosterComma, "what", what, "value", strconv.Quote(shortHeader(text))), note(HintRosterComma)})
			continue
		}
		if col.Kind == KindTop && col.Key == KeyName {
			if code := notAProject(text); code != "" {
				pre = append(pre, pending{off, note(code, "name", strconv.Quote(shortHeader(text))), note(code + ".hint")})
				continue
			}
		}
		switch col.Kind {
		case KindTop:
			v, err := cellValue(col.Input, col.IsInput, text)
			if err != nil {
				pre = append(pre, pending{off, ValueMessage(what, err), calc.Note{Code: err.Hint, Args: err.HintArgs}})
				continue
			}
			raw[col.Key] = v
			place(col.Key)
		case KindClaim:
			yes, err := yesNo(text)
			if err != nil {
				pre = append(pre, pending{off, ValueMessage(what, err), calc.Note{Code: err.Hint, Args: err.HintArgs}})
				continue
			}
			if yes {
				table(raw, col.Measure, l, off)
			}
		case KindInput, KindSameKind:
			var v any
			var err *calc.ValueError
			if col.Kind == KindSameKind {
				v, err = sameKindValue(text)
			} else {
				v, err = cellValue(col.Input, true, text)
			}
			if err != nil {
				pre = append(pre, pending{off, ValueMessage(what, err), calc.Note{Code: err.Hint, Args: err.HintArgs}})
				continue
			}
			if b, ok := v.(bool); ok && !b && col.Kind == KindInput {
				// A switch set to no claims nothing, as an empty cell.
				continue
			}
			table(raw, col.Measure, l, off)[col.Key] = v
			place(col.Measure, col.Key)
		}
	}
	d := &decoder{f: f, reg: reg, unit: calc.UnitYuan, errs: pre}
	d.decode(raw)
	if len(d.errs) > 0 {
		return nil, d.finish()
	}
	return f, nil
}

// table is the measure's table of the row, made where the measure's first
// cell stands.
func table(raw map[string]any, m string, l *locator, off int) map[string]any {
	t, ok := raw[m].(map[string]any)
	if !ok {
		t = map[string]any{}
		raw[m] = t
		l.Record([]string{m}, off).ValueOff = off
	}
	return t
}

// cellValue is a cell's text as the value a project file would give: a
// switch as a boolean, a list of choices as a list, anything else as its
// text (the decoder reads amounts, rates and dates from text).
func cellValue(in measures.Input, isInput bool, text string) (any, *calc.ValueError) {
	if !isInput {
		return text, nil
	}
	switch in.Kind {
	case measures.Switch:
		return yesNo(text)
	case measures.Choices:
		var list []any
		for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ';' || r == '；' || r == '、' }) {
			if part = strings.TrimSpace(part); part != "" {
				list = append(list, part)
			}
		}
		return list, nil
	}
	return text, nil
}

// sameKindValue is a same_kind cell: yes or no, or a list of item ids.
func sameKindValue(text string) (any, *calc.ValueError) {
	if b, err := yesNo(text); err == nil {
		return b, nil
	}
	var list []any
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ';' || r == '；' || r == '、' }) {
		if part = strings.TrimSpace(part); part != "" {
			list = append(list, part)
		}
	}
	return list, nil
}

// yesNo reads a switch or a claim: yes, 是, 1, true, ✓ or no, 否, 0, false
// (in any case; Excel's TRUE and FALSE too).
func yesNo(text string) (bool, *calc.ValueError) {
	switch strings.ToLower(calc.Fold(strings.TrimSpace(text))) {
	case "yes", "y", "是", "1", "true", "✓", "√", "对":
		return true, nil
	case "no", "n", "否", "0", "false", "", "×", "不":
		return false, nil
	}
	return false, &calc.ValueError{Value: calc.Shorten(text), Code: ErrRosterYesNo, Hint: HintRosterYesNo}
}

// Columns lists the roster's columns by their English headers, in order.
func (cols *Columns) Headers() []string {
	out := make([]string, len(cols.order))
	for i, c := range cols.order {
		out[i] = cols.byCol[c].Header()
	}
	return slices.Clip(out)
}

// shortHeader is a header as messages quote it: whole, up to 64
// characters.
func shortHeader(s string) string {
	if r := []rune(s); len(r) > 64 {
		return string(r[:63]) + "…"
	}
	return s
}

// headerUnit splits a header into its name and the unit it states at its
// end, （元） or （万元） (also with ASCII brackets or 单位：): a spreadsheet's
// way of saying what its numbers are. A line break Excel put in a long
// header (Alt+Enter) is not part of its name.
func headerUnit(text string) (name, unit string) {
	name = strings.Join(strings.Fields(text), "")
	for _, u := range []struct{ suffix, unit string }{
		{"（万元）", "wan"}, {"(万元)", "wan"}, {"（单位：万元）", "wan"}, {"(单位:万元)", "wan"}, {"（万）", "wan"}, {"(万)", "wan"},
		{"（元）", "yuan"}, {"(元)", "yuan"}, {"（单位：元）", "yuan"}, {"(单位:元)", "yuan"},
	} {
		if n, ok := strings.CutSuffix(name, u.suffix); ok && n != "" {
			return n, u.unit
		}
	}
	return name, ""
}

// inUnit writes a bare number of a column whose header states its unit
// with that unit: under （万元）"3000" is 3000万, under （元） 3000元 whatever
// the row's unit; a cell with its own unit (5000万, 3亿, 1,000元) keeps it.
func inUnit(text, unit string) string {
	t := strings.TrimSpace(text)
	yuan, err1 := calc.ParseAmountIn(t, calc.UnitYuan)
	wan, err2 := calc.ParseAmountIn(t, calc.UnitWan)
	if err1 != nil || err2 != nil || yuan.Equal(wan) {
		return text
	}
	if unit == "wan" {
		return t + "万"
	}
	return t + "元"
}

// notAProject says why a row is not a project although it has cells: the
// sheet's own totals row (合计), or the template's row of examples left in.
func notAProject(name string) calc.Code {
	switch strings.ToLower(strings.Join(strings.Fields(name), "")) {
	case "合计", "总计", "小计", "共计", "total", "sum", "subtotal", "grandtotal":
		return ErrRosterTotalRow
	}
	if strings.HasPrefix(name, "示例项目") || strings.HasPrefix(name, "Example project") {
		return ErrRosterExample
	}
	return ""
}

// NameOf is the project name a row gives, or "".
func (cols *Columns) NameOf(row roster.Row) string {
	for _, c := range row.Cells {
		if col, ok := cols.byCol[c.Col]; ok && col.Kind == KindTop && col.Key == KeyName {
			return c.Text
		}
	}
	return ""
}

// digitComma reports whether a comma stands between digits (1,500; 1,5).
func digitComma(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if s[i] == ',' && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] >= '0' && s[i+1] <= '9' {
			return true
		}
	}
	return false
}
