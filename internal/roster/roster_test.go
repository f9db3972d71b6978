package roster

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// rows reads every row of a roster: "row:col=text" per cell.
func rows(t *testing.T, name string, data []byte) (*Sheet, []string) {
	t.Helper()
	s, err := Open(name, data)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	var out []string
	for _, c := range s.Header.Cells {
		out = append(out, cellString(1, c))
	}
	for {
		r, err := s.Next()
		if err == io.EOF {
			return s, out
		}
		if err != nil {
			t.Fatalf("Next: %v", err)
		}
		for _, c := range r.Cells {
			out = append(out, cellString(r.Num, c))
		}
	}
}

func cellString(row int, c Cell) string {
	return ColumnName(c.Col) + decimal.NewFromInt(int64(row)).String() + "=" + c.Text
}

func same(t *testing.T, got []string, want ...string) {
	t.Helper()
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("cells\n got %q\nwant %q", got, want)
	}
}

// A CSV as Excel, LibreOffice and a program write it: rows numbered as
// Excel shows them (a blank line is an empty row; a quoted cell's line
// breaks stay in its row).
func TestCSV(t *testing.T) {
	src := "name,first-version.sales\r\n甲,5000万\r\n\r\n\"乙\n(two lines)\",\"50,000,000\"\r\n,\r\n丙,1e7\r\n"
	want := []string{"A1=name", "B1=first-version.sales", "A2=甲", "B2=5000万", "A4=乙\n(two lines)", "B4=50,000,000", "A6=丙", "B6=1e7"}
	_, got := rows(t, "r.csv", []byte(src))
	same(t, got, want...)
	// With Excel's byte-order mark: the same.
	_, got = rows(t, "r.csv", append([]byte("\xef\xbb\xbf"), src...))
	same(t, got, want...)
	// Chinese Excel's plain "CSV" is GB18030: read as the same text.
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, got = rows(t, "r.csv", gb)
	same(t, got, want...)
	// Semicolons, as Excel writes where the decimal mark is a comma.
	s, got := rows(t, "r.CSV", []byte("name;first-version.sales\n甲;\"5,5\"\n"))
	same(t, got, "A1=name", "B1=first-version.sales", "A2=甲", "B2=5,5")
	if !s.DecimalComma {
		t.Error("a semicolon CSV: its commas in numbers may be decimal marks")
	}
	// Tabs.
	_, got = rows(t, "r.csv", []byte("name\tapplicant\n甲\tA, B\n"))
	same(t, got, "A1=name", "B1=applicant", "A2=甲", "B2=A, B")
}

func TestCSVRefused(t *testing.T) {
	for _, c := range []struct {
		name, src string
		code      string
	}{
		{"UTF-16 (Excel's Unicode text)", "\xff\xfen\x00a\x00", string(ErrUTF16)},
		{"empty", "", string(ErrEmpty)},
		{"only blank lines", "\n\n", string(ErrEmpty)},
	} {
		_, err := Open("r.csv", []byte(c.src))
		var re *Error
		if !errors.As(err, &re) || string(re.Msg.Code) != c.code {
			t.Errorf("%s: %v, want %s", c.name, err, c.code)
		}
	}
	// A quote inside a cell not quoted is a character, as Excel reads it,
	// and the rows after it are read.
	_, got := rows(t, "r.csv", []byte("name,x\n甲,1\nACME 3.5\" Disk,2\n乙,3\n"))
	same(t, got, "A1=name", "B1=x", "A2=甲", "B2=1", "A3=ACME 3.5\" Disk", "B3=2", "A4=乙", "B4=3")
	// What is neither UTF-8 nor GB18030, a workbook named .csv, text with
	// NUL bytes (UTF-16 without its mark): refused by what they are.
	for src, code := range map[string]string{
		"name\nA\x81\x30\xff\n":      string(ErrEncoding),
		"PK\x03\x04rest":             string(ErrZipCSV),
		"n\x00a\x00m\x00e\x00\n\x00": string(ErrBinaryCSV),
	} {
		_, err := Open("r.csv", []byte(src))
		var re *Error
		if !errors.As(err, &re) || string(re.Msg.Code) != code {
			t.Errorf("%q: %v, want %s", src, err, code)
		}
	}
	// A cell longer than Excel holds is its row's error; the next row is read.
	s, err := Open("r.csv", []byte("name\n"+strings.Repeat("x", 40000)+"\n乙\n"))
	if err != nil {
		t.Fatal(err)
	}
	if r, _ := s.Next(); r.Err == nil || r.Err.Msg.Code != ErrCellLong || r.Num != 2 {
		t.Errorf("row 2: %+v", r.Err)
	}
	if r, _ := s.Next(); r.Num != 3 || len(r.Cells) != 1 {
		t.Errorf("row 3: %+v", r)
	}
}

// The writer's workbook read back: numbers, dates and text as written.
func TestXLSXRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	err := WriteXLSX(&buf, "名单", [][]Value{
		{{Text: "name"}, {Text: "date"}, {Text: "first-version.sales"}, {Text: "relocation"}},
		{{Text: "甲 & <乙>"}, {Text: "2026-03-01", Kind: Date}, {Text: "50000000", Kind: Number}, {Text: "是"}},
		{},
		{{Text: "丙"}, {}, {Text: "12345678.91", Kind: Number}},
	})
	if err != nil {
		t.Fatal(err)
	}
	s, got := rows(t, "r.xlsx", buf.Bytes())
	same(t, got, "A1=name", "B1=date", "C1=first-version.sales", "D1=relocation",
		"A2=甲 & <乙>", "B2=2026-03-01", "C2=50000000", "D2=是", "A4=丙", "C4=12345678.91")
	if s.Name != "名单" || s.Ref(2, 7) != "名单!C7" {
		t.Errorf("sheet %q, ref %q", s.Name, s.Ref(2, 7))
	}
}

// workbook builds an xlsx from its parts; sheets lists the sheets in the
// workbook's order as name=part.
func workbook(t *testing.T, sheets []string, parts map[string]string, date1904 bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	var entries, rels strings.Builder
	for i, s := range sheets {
		name, part, _ := strings.Cut(s, "=")
		id := "rId" + decimal.NewFromInt(int64(i+1)).String()
		entries.WriteString(`<sheet name="` + name + `" sheetId="` + decimal.NewFromInt(int64(i+1)).String() + `" r:id="` + id + `"/>`)
		rels.WriteString(`<Relationship Id="` + id + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="` + part + `"/>`)
	}
	pr := ""
	if date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	all := map[string]string{
		"xl/workbook.xml": `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			pr + `<sheets>` + entries.String() + `</sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`,
	}
	for k, v := range parts {
		all[k] = v
	}
	for name, content := range all {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, content)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const sheetHead = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`

// Cells as Excel stores them, each read as Excel shows it.
func TestXLSXCells(t *testing.T) {
	styles := `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<numFmts><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/><numFmt numFmtId="165" formatCode="[Red]0.00;\d"/>` +
		`<numFmt numFmtId="166" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>` +
		`<numFmt numFmtId="167" formatCode="0&quot;万元&quot;"/></numFmts>` +
		`<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="9"/><xf numFmtId="165"/><xf numFmtId="31"/><xf numFmtId="166"/><xf numFmtId="4"/><xf numFmtId="167"/></cellXfs></styleSheet>`
	shared := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>name</t></si>` +
		`<si><r><t>首版次</t></r><r><rPr><b/></rPr><t xml:space="preserve">·销售额</t></r><rPh><t>ショ</t></rPh></si>` +
		`<si><t>50000000</t></si><si><t>甲 &amp; 乙</t></si></sst>`
	sheet := sheetHead +
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>date</t></is></c></row>` +
		// a shared string, a number stored as text, a date (builtin 14)
		`<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" s="1"><v>46082</v></c></row>` +
		// binary noise, an exponent, a custom date format, a percentage
		`<row r="3"><c r="A3"><v>0.30000000000000004</v></c><c r="B3" s="7"><v>1.2E+20</v></c><c r="C3" s="2"><v>46082.75</v></c><c r="D3" s="3"><v>0.3</v></c></row>` +
		// a boolean, an error value, a formula's string and its number, a
		// format with a \d that is no day
		`<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" t="e"><v>#DIV/0!</v></c><c r="C5" t="str"><f>A1</f><v>name</v></c><c r="D5" s="4"><f>1+1</f><v>2</v></c></row>` +
		// Chinese date formats, built in (31) and written out (166);
		// cells and rows without their reference
		`<row><c s="5"><v>46082</v></c><c s="6"><v>46082</v></c><c/><c><v>7</v></c></row>` +
		`<row r="9"><c r="B9" t="s"><v>99</v></c><c r="C9" t="inlineStr"><is><t>  </t></is></c></row>` +
		// a number shown as 3000万元 by its format: the amount it shows
		`<row r="10"><c r="A10" s="8"><v>3000</v></c></row>` +
		`</sheetData><mergeCells count="1"><mergeCell ref="E7:F7"/></mergeCells></worksheet>`
	data := workbook(t, []string{"客户 名单=worksheets/sheet1.xml"}, map[string]string{
		"xl/styles.xml": styles, "xl/sharedStrings.xml": shared, "xl/worksheets/sheet1.xml": sheet,
	}, false)
	s, got := rows(t, "r.xlsx", data)
	// 46082 is 2026-03-01 (days from 1899-12-30); the time of day does not
	// change the date.
	same(t, got, "A1=name", "B1=首版次·销售额", "C1=date",
		"A2=甲 & 乙", "B2=50000000", "C2=2026-03-01",
		"A3=0.3", "B3=120000000000000000000", "C3=2026-03-01", "D3=0.3",
		"A5=TRUE", "B5=#DIV/0!", "C5=name", "D5=2",
		"A6=2026-03-01", "B6=2026-03-01", "D6=7", "A10=3000万")
	if len(s.Merged) != 0 {
		t.Errorf("merged %v: E7:F7 is not in the header", s.Merged)
	}
	if s.Ref(2, 7) != "'客户 名单'!C7" {
		t.Errorf("ref %q", s.Ref(2, 7))
	}
}

// The first sheet is the first the workbook lists, whatever its part is
// called; a workbook of 1904 counts its days from 1904-01-01.
func TestXLSXFirstSheet(t *testing.T) {
	styles := `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`
	data := workbook(t, []string{"Clients=worksheets/sheet2.xml", "Notes=/xl/worksheets/sheet1.xml"}, map[string]string{
		"xl/styles.xml":            styles,
		"xl/worksheets/sheet1.xml": sheetHead + `<row r="1"><c r="A1" t="inlineStr"><is><t>notes</t></is></c></row></sheetData></worksheet>`,
		"xl/worksheets/sheet2.xml": sheetHead + `<row r="1"><c r="A1" t="inlineStr"><is><t>date</t></is></c></row><row r="2"><c r="A2" s="1"><v>44620</v></c></row></sheetData></worksheet>`,
	}, true)
	s, got := rows(t, "r.xlsx", data)
	// 1904-01-01 + 44620 days = 2026-03-01.
	same(t, got, "A1=date", "A2=2026-03-01")
	if s.Name != "Clients" {
		t.Errorf("sheet %q", s.Name)
	}
}

// Merged header cells are named, to be refused with their range.
func TestXLSXMergedHeader(t *testing.T) {
	data := workbook(t, []string{"Sheet1=worksheets/sheet1.xml"}, map[string]string{
		"xl/worksheets/sheet1.xml": sheetHead + `<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row></sheetData>` +
			`<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A5:A6"/></mergeCells></worksheet>`,
	}, false)
	s, err := Open("r.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(s.Merged, ",") != "A1:C1" {
		t.Errorf("merged %v, want A1:C1", s.Merged)
	}
}

// What is not a workbook, or too large unpacked, is refused by name.
func TestXLSXRefused(t *testing.T) {
	big := sheetHead + `<row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat("x", 1<<16) + `</t></is></c></row></sheetData></worksheet>`
	for _, c := range []struct {
		name string
		data []byte
		code string
	}{
		{"an old .xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 rest"), string(ErrOld)},
		{"not a zip", []byte("name,sales\n"), string(ErrNotWorkbook)},
		{"a zip without a workbook", workbookWithout(t), string(ErrNotWorkbook)},
		{"no sheet", workbook(t, nil, nil, false), string(ErrNoSheet)},
		{"a sheet's part missing", workbook(t, []string{"S=worksheets/none.xml"}, nil, false), string(ErrPart)},
		{"a part past the limit", workbook(t, []string{"S=worksheets/sheet1.xml"}, map[string]string{"xl/worksheets/sheet1.xml": big}, false), string(ErrPartLarge)},
		{"a cell reference past XFD", workbook(t, []string{"S=worksheets/sheet1.xml"}, map[string]string{"xl/worksheets/sheet1.xml": sheetHead +
			`<row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`}, false), string(ErrCellRef)},
	} {
		t.Run(c.name, func(t *testing.T) {
			old := maxPart
			maxPart = 1 << 15
			defer func() { maxPart = old }()
			s, err := Open("r.xlsx", c.data)
			if err == nil {
				// A problem further in shows when the rows are read.
				for err == nil {
					var r Row
					if r, err = s.Next(); r.Err != nil {
						err = r.Err
					}
				}
			}
			var re *Error
			if !errors.As(err, &re) || string(re.Msg.Code) != c.code {
				t.Errorf("%v, want %s", err, c.code)
			}
		})
	}
}

func workbookWithout(t *testing.T) []byte {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	w, _ := z.Create("word/document.xml")
	io.WriteString(w, "<w/>")
	z.Close()
	return buf.Bytes()
}

func TestSignificant(t *testing.T) {
	for in, want := range map[string]string{
		"0.30000000000000004":                   "0.3",
		"50000000":                              "50000000",
		"12345678.91":                           "12345678.91",
		"999999999999999.99":                    "1000000000000000", // past 15 digits, as Excel shows it
		"1.2E+20":                               "120000000000000000000",
		"-0.1000000000000000055511151231257827": "-0.1",
		"0":                                     "0",
	} {
		if got := Significant(decimal.RequireFromString(in), 15).String(); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}

func TestColumnName(t *testing.T) {
	for col, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 701: "ZZ", 702: "AAA", 16383: "XFD"} {
		if got := ColumnName(col); got != want {
			t.Errorf("%d: %s, want %s", col, got, want)
		}
		if c, _, ok := parseRef(want + "7"); !ok || c != col {
			t.Errorf("parseRef(%s7) = %d, %v", want, c, ok)
		}
	}
}

// A row the sheet writes wrongly costs that row, and the rows after it are
// read; what is not well-formed XML ends the sheet, at its row.
func TestXLSXDamagedRows(t *testing.T) {
	shared := `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>name</t></si></sst>`
	sheet := sheetHead +
		`<row r="1"><c r="A1" t="s"><v>0</v></c></row>` +
		`<row r="2"><c r="A2" t="inlineStr"><is><t>甲</t></is></c></row>` +
		`<row r="5"><c r="A5" t="s"><v>7</v></c></row>` + // a string the workbook lacks
		`<row r="3"><c r="A3" t="inlineStr"><is><t>out of order</t></is></c></row>` +
		`<row r="6"><c r="A6" t="inlineStr"><is><t>a</t></is></c><c r="A6" t="inlineStr"><is><t>b</t></is></c></row>` +
		`<row r="7"><c r="ZZZZ7"><v>1</v></c></row>` +
		`<row r="8"><c r="A8" t="inlineStr"><is><t>乙</t></is></c></row>` +
		`<row r="9"><c r="A9" t="inlineStr"><is><t>丙</t></is></row>` + // </c> missing
		`<row r="10"><c r="A10" t="inlineStr"><is><t>lost</t></is></c></row></sheetData></worksheet>`
	data := workbook(t, []string{"S=worksheets/sheet1.xml"}, map[string]string{"xl/sharedStrings.xml": shared, "xl/worksheets/sheet1.xml": sheet}, false)
	s, err := Open("r.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for {
		r, err := s.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			got = append(got, fmt.Sprintf("end at %d: %s", err.(*Error).Row, err.(*Error).Msg.Code))
			break
		}
		if r.Err != nil {
			got = append(got, fmt.Sprintf("%d: %s", r.Num, r.Err.Msg.Code))
			continue
		}
		got = append(got, fmt.Sprintf("%d: %s", r.Num, r.Cells[0].Text))
	}
	same(t, got, "2: 甲", "5: roster.sst", "6: roster.row.order", "6: roster.cell.twice", "7: roster.cellref", "8: 乙", "end at 9: roster.part")
}

// The merged ranges are found as markup, prefixed or not, whatever the
// space before their attribute; a cell's text that reads like one is not.
func TestXLSXMergedMarkup(t *testing.T) {
	sheet := sheetHead + `<row r="1"><c r="A1" t="inlineStr"><is><t>name mergeCell ref="A1:C1"&gt;</t></is></c></row></sheetData>` +
		`<x:mergeCells count="1"><x:mergeCell` + "\t" + `ref="B1:D1"/></x:mergeCells></worksheet>`
	data := workbook(t, []string{"S=worksheets/sheet1.xml"}, map[string]string{"xl/worksheets/sheet1.xml": sheet}, false)
	s, err := Open("r.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(s.Merged, ",") != "B1:D1" {
		t.Errorf("merged %v, want B1:D1", s.Merged)
	}
}

// A small workbook cannot make the reader hold gigabytes: strings, styles
// and runs of text are counted.
func TestXLSXLimits(t *testing.T) {
	old := [...]int{maxStrings, maxStyles, maxRun}
	maxStrings, maxStyles, maxRun = 1000, 1000, 4096
	defer func() { maxStrings, maxStyles, maxRun = old[0], old[1], old[2] }()
	sheet := sheetHead + `<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c></row></sheetData></worksheet>`
	for name, parts := range map[string]map[string]string{
		string(ErrTooMany) + " strings": {"xl/sharedStrings.xml": `<sst>` + strings.Repeat("<si/>", 1001) + `</sst>`},
		string(ErrTooMany) + " styles":  {"xl/styles.xml": `<styleSheet><cellXfs>` + strings.Repeat("<xf/>", 1001) + `</cellXfs></styleSheet>`},
		string(ErrPartRun) + " spaces":  {"xl/sharedStrings.xml": `<sst><si><t>` + strings.Repeat(" ", 5000) + `</t></si></sst>`},
	} {
		parts["xl/worksheets/sheet1.xml"] = sheet
		_, err := Open("r.xlsx", workbook(t, []string{"S=worksheets/sheet1.xml"}, parts, false))
		var re *Error
		if code, what, _ := strings.Cut(name, " "); !errors.As(err, &re) || string(re.Msg.Code) != code && string(re.Msg.Code) != code+"."+what {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Text that looks like Excel's own escape (_x000D_, a carriage return to
// Excel) is written so that it reads back as it was, not as the control
// characters Excel and LibreOffice would decode it into; and a cell
// Excel wrote with the escape reads as Excel shows it.
func TestXLSXEscapes(t *testing.T) {
	if got := CellText("A_x000D__x001B_"); got != "A_x005F_x000D__x005F_x001B_" {
		t.Errorf("CellText: %q", got)
	}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, "S", [][]Value{{{Text: "name"}}, {{Text: "A_x000D__x001B_ b_x1_"}}}); err != nil {
		t.Fatal(err)
	}
	_, got := rows(t, "r.xlsx", buf.Bytes())
	same(t, got, "A1=name", "A2=A_x000D__x001B_ b_x1_")
	if s := unescapeCell("tab_x0009_here_x005F_x0041_"); s != "tab\there_x0041_" {
		t.Errorf("unescapeCell: %q", s)
	}
}

// A cell of more than Excel's 32,767 characters is its row's error, as in
// a CSV (a workbook held 100,000).
func TestXLSXCellTooLong(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, "S", [][]Value{{{Text: "name"}}, {{Text: strings.Repeat("x", 32768)}}, {{Text: "ok"}}}); err != nil {
		t.Fatal(err)
	}
	s, err := Open("r.xlsx", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	row, err := s.Next()
	if err == nil && row.Err == nil {
		t.Fatalf("a cell of 32,768 characters read: %v", row)
	}
}

// A CSV record of more columns than Excel's 16,384 is refused before the
// reader holds it (60 million commas took 5.6 GB); an old Mac's CSV, its
// lines ended by CR alone, is read as lines.
func TestCSVShapes(t *testing.T) {
	wide := "name" + strings.Repeat(",", MaxColumns) + "\n"
	if _, err := Open("w.csv", []byte(wide)); err == nil || !strings.Contains(err.Error(), string(ErrTooManyColumns)) {
		t.Errorf("16,385 columns: %v", err)
	}
	quoted := "name,\"" + strings.Repeat(",", MaxColumns) + "\"\n"
	if _, err := Open("q.csv", []byte(quoted)); err != nil {
		t.Errorf("commas inside quotes are one cell: %v", err)
	}
	s, got := rows(t, "cr.csv", []byte("name,listing.listed\rp,yes\rq,no\r"))
	same(t, got, "A1=name", "B1=listing.listed", "A2=p", "B2=yes", "A3=q", "B3=no")
	_ = s
}

// A run of text in a part is bounded however it is made: 1 MiB of '>'
// (text to XML, which let each '>' restart the count) is refused.
func TestXLSXRunOfGreaterThan(t *testing.T) {
	body := sheetHead + `<row r="1"><c r="A1" t="inlineStr"><is><t>` + strings.Repeat(">", 1<<20) + `</t></is></c></row></sheetData></worksheet>`
	b := workbook(t, []string{"S=worksheets/sheet1.xml"}, map[string]string{"xl/worksheets/sheet1.xml": body}, false)
	s, err := Open("gt.xlsx", b)
	if err == nil {
		_, err = s.Next()
	}
	if err == nil || !strings.Contains(err.Error(), string(ErrPartRun)) {
		t.Errorf("1 MiB of '>': %v", err)
	}
}
