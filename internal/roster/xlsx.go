package roster

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"szsoft/calc"
)

// A workbook (ECMA-376 SpreadsheetML) is a zip of XML parts:
// xl/workbook.xml lists the sheets in order, its relationships name each
// sheet's part; xl/sharedStrings.xml holds the text of cells of type "s";
// xl/styles.xml the number formats that make a number a date. Only the
// first sheet is read.

// The numFmtIds Excel builds in that show dates: 14–22, and the East Asian
// ones (年月日) of a Chinese Excel, 27–36 and 50–58; 45–47 are times.
func builtinDate(id int) bool {
	return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 45 && id <= 47 || id >= 50 && id <= 58
}

// book is what the first sheet needs of the rest of the workbook.
type book struct {
	zip     *zip.Reader
	budget  int64 // what is left of maxBook
	strings []string
	dates   []bool   // per cell style (cellXfs index): its format shows a date
	units   []string // per cell style: 万 or 亿 when its format shows the number so (0"万元")
	epoch   time.Time
}

func openXLSX(data []byte) (*Sheet, error) {
	if bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")) {
		return nil, fail(ErrOld) // an Excel 97–2003 .xls renamed, or encrypted
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fail(ErrNotWorkbook, "detail", err.Error())
	}
	b := &book{zip: zr, budget: maxBook, epoch: time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)}
	name, part, err := b.firstSheet()
	if err != nil {
		return nil, err
	}
	if err := b.readStrings(); err != nil {
		return nil, err
	}
	if err := b.readStyles(); err != nil {
		return nil, err
	}
	merged, err := b.merged(part)
	if err != nil {
		return nil, err
	}
	f, err := b.open(part)
	if err != nil {
		return nil, err
	}
	s := &Sheet{Name: name, Merged: merged}
	s.next = b.rows(part, f)
	return s, nil
}

// file finds a part by its name, in any case (Excel's own names are
// case-insensitive), or nil.
func (b *book) file(name string) *zip.File {
	name = strings.TrimPrefix(name, "/")
	for _, f := range b.zip.File {
		if strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

// open opens a part for reading: at most maxPart bytes of it, and of the
// book's budget of maxBook bytes for all the parts read, and no run of text
// or markup longer than maxRun.
func (b *book) open(name string) (io.Reader, error) {
	f := b.file(name)
	if f == nil {
		return nil, fail(ErrPart, "part", name, "detail", "missing")
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fail(ErrPart, "part", name, "detail", err.Error())
	}
	return &limited{r: bufio.NewReaderSize(rc, 64<<10), n: maxPart, book: &b.budget, part: name}, nil
}

// limited reads a part within its limits, and fails past them: a part
// that unpacks too far, or that holds a run of text (or a tag) longer than
// any cell Excel writes, is refused, not truncated — so that a small file
// cannot make the XML decoder hold gigabytes.
type limited struct {
	r    io.Reader
	n    int64  // left of the part's limit
	book *int64 // left of the book's
	run  int    // bytes since a tag began or ended
	tag  bool   // inside a tag: after a '<', before its '>'
	part string
}

func (l *limited) Read(p []byte) (int, error) {
	if l.n <= 0 || *l.book <= 0 {
		return 0, fail(ErrPartLarge, "part", l.part)
	}
	if int64(len(p)) > min(l.n, *l.book) {
		p = p[:min(l.n, *l.book)]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	*l.book -= int64(n)
	// A run is a tag, or the text between two: a '>' in text is text
	// (XML allows it), so it does not end the run — 120 MiB of '>'
	// would otherwise be one token of text the decoder holds whole.
	for _, c := range p[:n] {
		switch {
		case c == '<':
			l.run, l.tag = 0, true
			continue
		case c == '>' && l.tag:
			l.run, l.tag = 0, false
			continue
		}
		if l.run++; l.run > maxRun {
			return 0, fail(ErrPartRun, "part", l.part)
		}
	}
	return n, err
}

// decode reads a small part (the workbook, its relationships) whole.
func (b *book) decode(name string, v any) error {
	r, err := b.open(name)
	if err != nil {
		return err
	}
	if err := xml.NewDecoder(r).Decode(v); err != nil {
		var re *Error
		if errors.As(err, &re) {
			return err
		}
		return fail(ErrPart, "part", name, "detail", err.Error())
	}
	return nil
}

// firstSheet returns the name and part of the workbook's first sheet.
func (b *book) firstSheet() (string, string, error) {
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name string     `xml:"name,attr"`
			Attr []xml.Attr `xml:",any,attr"`
		} `xml:"sheets>sheet"`
	}
	if b.file("xl/workbook.xml") == nil {
		return "", "", fail(ErrNotWorkbook, "detail", "no xl/workbook.xml")
	}
	if err := b.decode("xl/workbook.xml", &wb); err != nil {
		return "", "", err
	}
	if wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true" {
		b.epoch = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if len(wb.Sheets) == 0 {
		return "", "", fail(ErrNoSheet)
	}
	first := wb.Sheets[0]
	id := ""
	for _, a := range first.Attr {
		if a.Name.Local == "id" {
			id = a.Value
		}
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if err := b.decode("xl/_rels/workbook.xml.rels", &rels); err != nil {
		return "", "", err
	}
	for _, r := range rels.Rels {
		if r.ID != id {
			continue
		}
		target := r.Target
		if !strings.HasPrefix(target, "/") {
			target = path.Join("xl", target)
		}
		return first.Name, strings.TrimPrefix(target, "/"), nil
	}
	return "", "", fail(ErrNoSheet)
}

// readStrings reads the shared strings: each <si> is a <t>, or runs of
// rich text (<r><t>…</t></r>) whose texts join; phonetic guides (<rPh>)
// are not part of the text. At most maxStrings of them, each at most
// Excel's 32,767 characters.
func (b *book) readStrings() error {
	const part = "xl/sharedStrings.xml"
	var cur strings.Builder
	in, inT, phonetic := false, false, 0
	return b.walk(part, func(tok xml.Token) error {
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "si":
				if len(b.strings) >= maxStrings {
					return fail(ErrTooMany+".strings", "part", part, "max", maxStrings)
				}
				in = true
				cur.Reset()
			case "t":
				inT = in
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch x.Name.Local {
			case "si":
				b.strings = append(b.strings, cur.String())
				in = false
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case xml.CharData:
			if inT && phonetic == 0 {
				if cur.Len()+len(x) > 4*maxCell {
					return fail(ErrCellLong, "ref", part, "max", maxCell)
				}
				cur.Write(x)
			}
		}
		return nil
	})
}

// walk hands every token of a part the workbook may lack (shared strings,
// styles) to fn, within the part's limits; a missing part is no token.
func (b *book) walk(part string, fn func(xml.Token) error) error {
	if b.file(part) == nil {
		return nil
	}
	r, err := b.open(part)
	if err != nil {
		return err
	}
	t := newTokens(r, part)
	for {
		tok, err := t.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(tok); err != nil {
			return err
		}
	}
}

// tokens reads the tokens of a part and checks that its elements nest
// (RawToken, fast, does not): a tag closed out of turn is a damaged part,
// not text run together.
type tokens struct {
	d     *xml.Decoder
	stack []string
	part  string
}

func newTokens(r io.Reader, part string) *tokens {
	return &tokens{d: xml.NewDecoder(r), part: part}
}

func (t *tokens) next() (xml.Token, error) {
	tok, err := t.d.RawToken()
	if err == io.EOF {
		if len(t.stack) > 0 {
			return nil, fail(ErrPart, "part", t.part, "detail", "<"+t.stack[len(t.stack)-1]+"> is not closed")
		}
		return nil, io.EOF
	}
	if err != nil {
		return nil, partError(t.part, err)
	}
	switch x := tok.(type) {
	case xml.StartElement:
		if len(t.stack) >= 64 {
			return nil, fail(ErrPart, "part", t.part, "detail", "elements nested too deep")
		}
		t.stack = append(t.stack, x.Name.Local)
	case xml.EndElement:
		if len(t.stack) == 0 || t.stack[len(t.stack)-1] != x.Name.Local {
			return nil, fail(ErrPart, "part", t.part, "detail", "</"+x.Name.Local+"> closes no open element")
		}
		t.stack = t.stack[:len(t.stack)-1]
	case xml.Directive:
		return nil, fail(ErrPart, "part", t.part, "detail", "a DOCTYPE or other directive")
	}
	return tok, nil
}

// skip reads to the end of the element just started.
func (t *tokens) skip() error {
	depth := len(t.stack)
	for len(t.stack) >= depth {
		if _, err := t.next(); err != nil {
			if err == io.EOF {
				return fail(ErrPart, "part", t.part, "detail", "ends inside an element")
			}
			return err
		}
	}
	return nil
}

func partError(part string, err error) error {
	var re *Error
	if errors.As(err, &re) {
		return err
	}
	return fail(ErrPart, "part", part, "detail", err.Error())
}

// readStyles learns which cell styles show a date: those whose number
// format is a built-in date format, or a custom one with a year or a day
// in it (outside quotes, brackets and escapes: "yyyy-mm-dd", not
// "[Red]0.00" or "\d").
func (b *book) readStyles() error {
	const part = "xl/styles.xml"
	custom := map[int]bool{}
	unit := map[int]string{}
	inXfs := false
	return b.walk(part, func(tok xml.Token) error {
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "numFmt":
				if len(custom) >= maxStyles {
					return fail(ErrTooMany+".formats", "part", part, "max", maxStyles)
				}
				id, _ := strconv.Atoi(attr(x, "numFmtId"))
				code := attr(x, "formatCode")
				custom[id], unit[id] = dateFormat(code), unitFormat(code)
			case "cellXfs":
				inXfs = true
			case "xf":
				if !inXfs {
					return nil // a style of cellStyleXfs, not a cell's
				}
				if len(b.dates) >= maxStyles {
					return fail(ErrTooMany+".styles", "part", part, "max", maxStyles)
				}
				id, _ := strconv.Atoi(attr(x, "numFmtId"))
				d, ok := custom[id]
				if !ok {
					d = builtinDate(id)
				}
				b.dates = append(b.dates, d)
				b.units = append(b.units, unit[id])
			}
		case xml.EndElement:
			if x.Name.Local == "cellXfs" {
				inXfs = false
			}
		}
		return nil
	})
}

// unitFormat is 万 or 亿 when a number format writes the number followed
// by that unit as text (0"万元", #,##0.00"万"), as Chinese spreadsheets
// keep amounts: the cell shows 3000万元, and 3000 is what it stores.
func unitFormat(code string) string {
	first, _, _ := strings.Cut(code, ";")
	switch {
	case strings.Contains(first, "亿"):
		return "亿"
	case strings.Contains(first, "万"):
		return "万"
	}
	return ""
}

// dateFormat reports whether a format code shows a date.
func dateFormat(code string) bool {
	quoted, bracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case quoted:
			quoted = c != '"'
		case bracket:
			bracket = c != ']'
		case c == '"':
			quoted = true
		case c == '[':
			bracket = true
		case c == '\\' || c == '_' || c == '*':
			i++
		case c == ';':
			return false // the first section decides
		case c == 'y' || c == 'Y' || c == 'd' || c == 'D':
			return true
		}
	}
	return false
}

// merged returns the merged ranges of the sheet that touch row 1. They
// follow the rows in the part, so the part is read once ahead, fast, for
// them alone: a <mergeCell> (prefixed or not) is markup wherever it stands,
// since a cell's text writes < as &lt;.
func (b *book) merged(part string) ([]string, error) {
	r, err := b.open(part)
	if err != nil {
		return nil, err
	}
	var out []string
	var carry []byte
	buf := make([]byte, 64<<10)
	for {
		n, err := io.ReadFull(r, buf)
		chunk := append(carry, buf[:n]...)
		for {
			i := bytes.Index(chunk, []byte("mergeCell"))
			if i < 0 {
				break
			}
			end := bytes.IndexByte(chunk[i:], '>')
			if end < 0 {
				break // the rest comes with the next read
			}
			tag := chunk[i+len("mergeCell") : i+end]
			j := bytes.LastIndexByte(chunk[:i], '<')
			opens := j >= 0 && (j == i-1 || isPrefix(chunk[j+1:i]))
			if opens && len(tag) > 0 && (tag[0] == ' ' || tag[0] == '\t' || tag[0] == '\n' || tag[0] == '\r') {
				if ref, ok := attrIn(tag, "ref"); ok && touchesRow1(ref) {
					out = append(out, ref)
				}
			}
			chunk = chunk[i+end:]
		}
		keep := min(len(chunk), 512)
		carry = append(carry[:0:0], chunk[len(chunk)-keep:]...)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return out, nil
		}
		if err != nil {
			return nil, partError(part, err)
		}
	}
}

// isPrefix reports whether b is a namespace prefix and its colon (x:).
func isPrefix(b []byte) bool {
	if len(b) < 2 || b[len(b)-1] != ':' {
		return false
	}
	for _, c := range b[:len(b)-1] {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// attrIn finds an attribute's value in the text of a tag: ref="A1:C1".
func attrIn(tag []byte, name string) (string, bool) {
	for _, q := range []byte{'"', '\''} {
		for off := 0; ; {
			i := bytes.Index(tag[off:], []byte(name+"="+string(q)))
			if i < 0 {
				break
			}
			i += off
			if i > 0 && !(tag[i-1] == ' ' || tag[i-1] == '\t' || tag[i-1] == '\n' || tag[i-1] == '\r') {
				off = i + 1
				continue
			}
			v := tag[i+len(name)+2:]
			if k := bytes.IndexByte(v, q); k >= 0 {
				return string(v[:k]), true
			}
			break
		}
	}
	return "", false
}

// touchesRow1 reports whether a range such as A1:C1 or B1:B2 covers row 1.
func touchesRow1(ref string) bool {
	first, _, _ := strings.Cut(ref, ":")
	_, row, ok := parseRef(first)
	return ok && row == 1
}

// parseRef reads a cell reference, C7, into its column from 0 and its row.
func parseRef(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && (ref[i] >= 'A' && ref[i] <= 'Z' || ref[i] >= 'a' && ref[i] <= 'z') {
		c := int(ref[i]|0x20) - 'a' + 1
		col = col*26 + c
		if col > MaxColumns {
			return 0, 0, false
		}
		i++
	}
	if i == 0 || i == len(ref) {
		return 0, 0, false
	}
	row, err := strconv.Atoi(ref[i:])
	if err != nil || row < 1 || row > 1<<20 {
		return 0, 0, false
	}
	return col - 1, row, true
}

// rows streams the sheet's rows: each <row> of <sheetData>, its cells by
// their type. A row or cell without its reference follows the one before,
// as the format allows. A row the sheet writes wrongly (a reference out of
// order or past Excel's grid, a cell twice, a string the workbook lacks)
// is that row's error, and the rows after it are read; a part that is not
// well-formed XML ends the sheet with an error.
func (b *book) rows(part string, r io.Reader) func() (Row, error) {
	t := newTokens(r, part)
	rowNum, count := 0, 0
	done := false
	return func() (Row, error) {
		if done {
			return Row{}, io.EOF
		}
		for {
			tok, err := t.next()
			if err == io.EOF {
				done = true
				return Row{}, io.EOF
			}
			if err != nil {
				done = true
				return Row{}, &Error{Row: rowNum + 1, Msg: msgOf(err)}
			}
			start, ok := tok.(xml.StartElement)
			if !ok || start.Name.Local != "row" {
				continue
			}
			if count++; count > MaxRows {
				done = true
				return Row{}, &Error{Row: rowNum + 1, Msg: noteOf(ErrTooManyRows, "max", MaxRows)}
			}
			num := rowNum + 1
			if v := attr(start, "r"); v != "" {
				n, err := strconv.Atoi(v)
				if err != nil || n < 1 || n > 1<<20 {
					return b.badRow(t, num, noteOf(ErrRowRef, "ref", shorten(v)))
				}
				if n <= rowNum {
					return b.badRow(t, num, noteOf(ErrRowOrder, "row", n, "after", rowNum))
				}
				num = n
			}
			rowNum = num
			row, err := b.row(t, num)
			if err != nil {
				var re *Error
				if errors.As(err, &re) && re.Row > 0 {
					if serr := t.skip(); serr != nil {
						done = true
						return Row{}, &Error{Row: num, Msg: msgOf(serr)}
					}
					return Row{Num: num, Err: re}, nil
				}
				done = true
				return Row{}, &Error{Row: num, Msg: msgOf(err)}
			}
			if len(row.Cells) > 0 {
				return row, nil
			}
		}
	}
}

// badRow skips a row the sheet numbers wrongly and reports it at the row
// it would have been.
func (b *book) badRow(t *tokens, num int, msg calc.Note) (Row, error) {
	if err := t.skip(); err != nil {
		return Row{}, &Error{Row: num, Msg: msgOf(err)}
	}
	return Row{Num: num, Err: &Error{Row: num, Msg: msg}}, nil
}

// row reads the cells of one <row>, up to its end. An error with its Row
// set is the row's own, and the rest of the row is still to be skipped.
func (b *book) row(t *tokens, num int) (Row, error) {
	row := Row{Num: num}
	col := -1
	depth := len(t.stack)
	for {
		tok, err := t.next()
		if err != nil {
			if err == io.EOF {
				return row, fail(ErrPart, "part", t.part, "detail", "ends inside a row")
			}
			return row, err
		}
		switch x := tok.(type) {
		case xml.EndElement:
			if len(t.stack) < depth {
				return row, nil
			}
		case xml.StartElement:
			if x.Name.Local != "c" || len(t.stack) != depth+1 {
				continue
			}
			next := col + 1
			if ref := attr(x, "r"); ref != "" {
				c, r, ok := parseRef(ref)
				if !ok || r != num {
					return row, &Error{Row: num, Msg: noteOf(ErrCellRef, "ref", shorten(ref))}
				}
				if c <= col {
					return row, &Error{Row: num, Msg: noteOf(ErrCellTwice, "ref", ColumnName(c)+strconv.Itoa(num))}
				}
				next = c
			}
			if next >= MaxColumns {
				return row, &Error{Row: num, Msg: noteOf(ErrCellRef, "ref", ColumnName(next)+strconv.Itoa(num))}
			}
			col = next
			text, err := b.cell(t, x, col, num)
			if err != nil {
				return row, err
			}
			if text = strings.TrimSpace(text); text != "" {
				row.Cells = append(row.Cells, Cell{Col: col, Text: text})
			}
		}
	}
}

// cell reads one <c> to its end and returns the text Excel shows for it.
func (b *book) cell(t *tokens, c xml.StartElement, col, num int) (string, error) {
	typ, style := attr(c, "t"), -1
	if s := attr(c, "s"); s != "" {
		style, _ = strconv.Atoi(s)
	}
	var v, inline strings.Builder
	in := ""
	depth := len(t.stack)
	for {
		tok, err := t.next()
		if err != nil {
			if err == io.EOF {
				return "", fail(ErrPart, "part", t.part, "detail", "ends inside a cell")
			}
			return "", err
		}
		switch x := tok.(type) {
		case xml.StartElement:
			switch x.Name.Local {
			case "v":
				in = "v"
			case "t":
				if typ == "inlineStr" {
					in = "t"
				}
			case "rPh":
				in = "rPh"
			}
		case xml.EndElement:
			if len(t.stack) < depth {
				text, ok := b.value(typ, style, v.String(), inline.String())
				if !ok {
					return "", &Error{Row: num, Msg: noteOf(ErrSharedString, "ref", ColumnName(col)+strconv.Itoa(num), "index", shorten(v.String()))}
				}
				// Excel keeps at most 32,767 characters in a cell, as a
				// CSV's cell is refused past them (a shared string of
				// 100,000 is no cell Excel wrote).
				if len(text) > maxCell && utf8.RuneCountInString(text) > maxCell {
					return "", &Error{Row: num, Msg: noteOf(ErrCellLong, "ref", ColumnName(col)+strconv.Itoa(num), "max", maxCell)}
				}
				return text, nil
			}
			switch x.Name.Local {
			case "v", "t", "rPh":
				in = ""
			}
		case xml.CharData:
			if v.Len()+inline.Len()+len(x) > 4*maxCell {
				return "", &Error{Row: num, Msg: noteOf(ErrCellLong, "ref", ColumnName(col)+strconv.Itoa(num), "max", maxCell)}
			}
			switch in {
			case "v":
				v.Write(x)
			case "t":
				inline.Write(x)
			}
		}
	}
}

// value is a cell's text by its type: a shared string, an inline or a
// formula's string, a boolean, an error value as Excel writes it (#N/A),
// or a number — a date when its style shows one.
func (b *book) value(typ string, style int, v, inline string) (string, bool) {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(b.strings) {
			return "", false // a string the workbook lacks: damaged
		}
		return unescapeCell(b.strings[i]), true
	case "inlineStr":
		return unescapeCell(inline), true
	case "str", "e":
		return unescapeCell(v), true
	case "b":
		if strings.TrimSpace(v) == "1" {
			return "TRUE", true
		}
		return "FALSE", true
	}
	v = strings.TrimSpace(v)
	if v == "" {
		return "", true
	}
	if len(v) > 64 {
		return v, true // no number Excel stores: the amount's reader refuses it
	}
	n, err := decimal.NewFromString(v)
	if err != nil {
		return v, true
	}
	if style >= 0 && style < len(b.dates) && b.dates[style] {
		if day, ok := b.date(n); ok {
			return day, true
		}
	}
	text := Significant(n, 15).String()
	if style >= 0 && style < len(b.units) && b.units[style] != "" {
		// Shown as 3000万元: read as the amount it shows.
		text += b.units[style]
	}
	return text, true
}

// unescapeCell reads a cell's text as Excel shows it: _xHHHH_ is the
// character HHHH (ECMA-376 §22.9.2.19; _x005F_ a "_"), the escape CellText
// writes.
func unescapeCell(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && i+6 < len(s) && s[i+1] == 'x' && isHex4(s[i+2:i+6]) && s[i+6] == '_' {
			n, _ := strconv.ParseUint(s[i+2:i+6], 16, 16)
			b.WriteRune(rune(n))
			i += 6
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// shorten quotes at most 32 characters of what a damaged part holds.
func shorten(s string) string {
	if r := []rune(s); len(r) > 32 {
		return string(r[:32]) + "…"
	}
	return s
}

// date turns a serial day number into a date: day 1 is 1900-01-01, and
// Excel counts a 29 February 1900 that was not (day 60), so that from day
// 61 on the count runs from 1899-12-30.
func (b *book) date(n decimal.Decimal) (string, bool) {
	days := n.Floor().IntPart()
	if days < 1 || days > 2958465 { // 9999-12-31
		return "", false
	}
	epoch := b.epoch
	if epoch.Year() == 1899 && days < 61 {
		if days == 60 {
			return "1900-02-29", true // as Excel shows it
		}
		epoch = epoch.AddDate(0, 0, 1)
	}
	return epoch.AddDate(0, 0, int(days)).Format("2006-01-02"), true
}

// Significant rounds n to digits significant digits, half away from zero:
// a workbook stores binary doubles, and 0.1 + 0.2 is stored as
// 0.30000000000000004, which Excel shows, to its 15 digits, as 0.3.
func Significant(n decimal.Decimal, digits int) decimal.Decimal {
	if n.IsZero() {
		return n
	}
	// n = coefficient × 10^exp; its first digit stands at 10^(exp+len-1).
	c := n.Coefficient()
	lead := int(n.Exponent()) + len(c.Abs(c).String())
	places := digits - lead
	if -int(n.Exponent()) <= places {
		return n
	}
	return n.Round(int32(places))
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// msgOf is the message of an error of the reader.
func msgOf(err error) calc.Note {
	var re *Error
	if errors.As(err, &re) {
		return re.Msg
	}
	return noteOf(ErrPart, "part", "sheet", "detail", err.Error())
}
