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

	"github.com/shopspring/decimal"
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
	b := &book{zip: zr, epoch: time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)}
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

// open opens a part for reading, at most MaxPart bytes of it.
func (b *book) open(name string) (io.Reader, error) {
	f := b.file(name)
	if f == nil {
		return nil, fail(ErrPart, "part", name, "detail", "missing")
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fail(ErrPart, "part", name, "detail", err.Error())
	}
	return &limited{r: bufio.NewReaderSize(rc, 64<<10), n: maxPart, part: name}, nil
}

// limited reads at most n bytes of a part, and then fails: a part that
// unpacks past the limit is refused, not truncated.
type limited struct {
	r    io.Reader
	n    int64
	part string
}

func (l *limited) Read(p []byte) (int, error) {
	if l.n <= 0 {
		return 0, fail(ErrPartLarge, "part", l.part)
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
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
// are not part of the text.
func (b *book) readStrings() error {
	if b.file("xl/sharedStrings.xml") == nil {
		return nil
	}
	r, err := b.open("xl/sharedStrings.xml")
	if err != nil {
		return err
	}
	d := xml.NewDecoder(r)
	var cur strings.Builder
	in, inT, phonetic := false, false, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return partError("xl/sharedStrings.xml", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				in = true
				cur.Reset()
			case "t":
				inT = in
			case "rPh":
				phonetic++
			}
		case xml.EndElement:
			switch t.Name.Local {
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
				cur.Write(t)
			}
		}
	}
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
	if b.file("xl/styles.xml") == nil {
		return nil
	}
	var st struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			ID int `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := b.decode("xl/styles.xml", &st); err != nil {
		return err
	}
	custom := map[int]bool{}
	unit := map[int]string{}
	for _, f := range st.NumFmts {
		custom[f.ID] = dateFormat(f.Code)
		unit[f.ID] = unitFormat(f.Code)
	}
	b.dates = make([]bool, len(st.Xfs))
	b.units = make([]string, len(st.Xfs))
	for i, x := range st.Xfs {
		if d, ok := custom[x.ID]; ok {
			b.dates[i] = d
		} else {
			b.dates[i] = builtinDate(x.ID)
		}
		b.units[i] = unit[x.ID]
	}
	return nil
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
// follow the rows in the part, so the part is read once ahead, fast,
// for them alone.
func (b *book) merged(part string) ([]string, error) {
	r, err := b.open(part)
	if err != nil {
		return nil, err
	}
	var out []string
	br := bufio.NewReaderSize(r, 64<<10)
	const tag = "mergeCell "
	// Scan for the tag; a match may straddle two reads, so the last
	// bytes of each read are kept.
	var carry []byte
	buf := make([]byte, 64<<10)
	for {
		n, err := br.Read(buf)
		chunk := append(carry, buf[:n]...)
		for {
			i := bytes.Index(chunk, []byte(tag))
			if i < 0 {
				break
			}
			end := bytes.IndexByte(chunk[i:], '>')
			if end < 0 {
				break // the rest comes with the next read
			}
			el := chunk[i : i+end]
			if j := bytes.Index(el, []byte(`ref="`)); j >= 0 {
				ref := el[j+5:]
				if k := bytes.IndexByte(ref, '"'); k >= 0 && touchesRow1(string(ref[:k])) {
					out = append(out, string(ref[:k]))
				}
			}
			chunk = chunk[i+end:]
		}
		keep := min(len(chunk), 256)
		carry = append(carry[:0:0], chunk[len(chunk)-keep:]...)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, partError(part, err)
		}
	}
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

// rows streams the sheet's rows: each <row> of <sheetData>, its cells
// by their type. A row or cell without its reference follows the one
// before, as the format allows.
func (b *book) rows(part string, r io.Reader) func() (Row, error) {
	d := xml.NewDecoder(r)
	rowNum := 0
	done := false
	return func() (Row, error) {
		if done {
			return Row{}, io.EOF
		}
		for {
			tok, err := d.RawToken()
			if err == io.EOF {
				done = true
				return Row{}, io.EOF
			}
			if err != nil {
				done = true
				return Row{}, partError(part, err)
			}
			start, ok := tok.(xml.StartElement)
			if !ok || start.Name.Local != "row" {
				continue
			}
			rowNum++
			if v := attr(start, "r"); v != "" {
				n, err := strconv.Atoi(v)
				if err != nil || n < 1 || n > 1<<20 {
					done = true
					return Row{}, &Error{Row: rowNum, Msg: noteOf(ErrCellRef, "ref", v)}
				}
				rowNum = n
			}
			row, err := b.row(d, rowNum)
			if err != nil {
				done = true
				return Row{}, err
			}
			if len(row.Cells) > 0 {
				return row, nil
			}
		}
	}
}

// row reads the cells of one <row>, up to its end.
func (b *book) row(d *xml.Decoder, num int) (Row, error) {
	row := Row{Num: num}
	col := -1
	for {
		tok, err := d.RawToken()
		if err != nil {
			return row, partError("sheet", err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			if t.Name.Local == "row" {
				return row, nil
			}
		case xml.StartElement:
			if t.Name.Local != "c" {
				continue
			}
			col++
			if ref := attr(t, "r"); ref != "" {
				c, _, ok := parseRef(ref)
				if !ok {
					return row, &Error{Row: num, Msg: noteOf(ErrCellRef, "ref", ref)}
				}
				col = c
			}
			if col >= MaxColumns {
				return row, &Error{Row: num, Msg: noteOf(ErrCellRef, "ref", ColumnName(col)+strconv.Itoa(num))}
			}
			text, err := b.cell(d, t)
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
func (b *book) cell(d *xml.Decoder, c xml.StartElement) (string, error) {
	typ, style := attr(c, "t"), -1
	if s := attr(c, "s"); s != "" {
		style, _ = strconv.Atoi(s)
	}
	var v, inline strings.Builder
	in := ""
	for {
		tok, err := d.RawToken()
		if err != nil {
			return "", partError("sheet", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
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
			switch t.Name.Local {
			case "c":
				return b.value(typ, style, v.String(), inline.String()), nil
			case "v", "t", "rPh":
				in = ""
			}
		case xml.CharData:
			switch in {
			case "v":
				v.Write(t)
			case "t":
				inline.Write(t)
			}
		}
	}
}

// value is a cell's text by its type: a shared string, an inline or a
// formula's string, a boolean, an error value as Excel writes it (#N/A),
// or a number — a date when its style shows one.
func (b *book) value(typ string, style int, v, inline string) string {
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(b.strings) {
			return ""
		}
		return b.strings[i]
	case "inlineStr":
		return inline
	case "str", "e":
		return v
	case "b":
		if strings.TrimSpace(v) == "1" {
			return "TRUE"
		}
		return "FALSE"
	}
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	n, err := decimal.NewFromString(v)
	if err != nil {
		return v
	}
	if style >= 0 && style < len(b.dates) && b.dates[style] {
		if day, ok := b.date(n); ok {
			return day
		}
	}
	text := Significant(n, 15).String()
	if style >= 0 && style < len(b.units) && b.units[style] != "" {
		// Shown as 3000万元: read as the amount it shows.
		text += b.units[style]
	}
	return text
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
