package roster

import (
	"archive/zip"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// A roster's template (szsoft init --roster): a header row and rows of
// values, written as a CSV (UTF-8 with a byte-order mark, so that Excel
// reads its Chinese) or as a workbook of one sheet: the header bold and
// frozen, amounts as numbers, dates as dates, the columns as wide as their
// text.

// Value is a cell to write.
type Value struct {
	Text string
	Kind Kind
}

// Kind is how a written cell is stored.
type Kind int

const (
	Text   Kind = iota
	Number      // Text holds the number's digits
	Date        // Text holds YYYY-MM-DD
)

// WriteCSV writes rows as a CSV, with a UTF-8 byte-order mark first when
// bom (Excel then reads its Chinese right).
func WriteCSV(w io.Writer, rows [][]Value, bom bool) error {
	if bom {
		if _, err := io.WriteString(w, "\xef\xbb\xbf"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // as Excel writes it
	for _, row := range rows {
		rec := make([]string, len(row))
		for i, v := range row {
			rec[i] = v.Text
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteXLSX writes rows as a workbook with one sheet, its first row the
// header.
func WriteXLSX(w io.Writer, sheet string, rows [][]Value) error {
	z := zip.NewWriter(w)
	stamp := time.Date(2022, 10, 15, 0, 0, 0, 0, time.UTC) // the same bytes for the same rows
	put := func(name, content string) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp})
		if err == nil {
			_, err = io.WriteString(f, content)
		}
		return err
	}
	const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	parts := [][2]string{
		{"[Content_Types].xml", head + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
			`</Types>`},
		{"_rels/.rels", head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
			`</Relationships>`},
		{"xl/workbook.xml", head + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="` + EscapeXML(sheet) + `" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", head + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
			`</Relationships>`},
		{"xl/styles.xml", head + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
			`<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts>` +
			`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
			`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
			`<fill><patternFill patternType="solid"><fgColor rgb="FFE7EEF7"/><bgColor indexed="64"/></patternFill></fill></fills>` +
			`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
			`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
			`<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
			`<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment wrapText="1" vertical="center"/></xf>` +
			`<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
			`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>` +
			`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`},
		{"xl/worksheets/sheet1.xml", sheetXML(rows)},
	}
	for _, p := range parts {
		if err := put(p[0], p[1]); err != nil {
			return err
		}
	}
	return z.Close()
}

// sheetXML is the sheet: the header frozen, widths from the text.
func sheetXML(rows [][]Value) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n")
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`)
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols > 0 {
		b.WriteString("<cols>")
		for c := range cols {
			w := 10
			for _, r := range rows {
				if c < len(r) {
					w = max(w, width(r[c].Text)+2)
				}
			}
			fmt.Fprintf(&b, `<col min="%d" max="%d" width="%d" customWidth="1"/>`, c+1, c+1, min(w, 40))
		}
		b.WriteString("</cols>")
	}
	b.WriteString("<sheetData>")
	for i, r := range rows {
		fmt.Fprintf(&b, `<row r="%d">`, i+1)
		for c, v := range r {
			ref := ColumnName(c) + fmt.Sprint(i+1)
			switch {
			case v.Text == "":
			case i == 0:
				fmt.Fprintf(&b, `<c r="%s" s="1" t="inlineStr"><is><t>%s</t></is></c>`, ref, CellText(v.Text))
			case v.Kind == Number:
				fmt.Fprintf(&b, `<c r="%s" s="2"><v>%s</v></c>`, ref, EscapeXML(v.Text))
			case v.Kind == Date:
				day, err := time.Parse("2006-01-02", v.Text)
				if err != nil {
					fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, CellText(v.Text))
					continue
				}
				serial := int(day.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
				fmt.Fprintf(&b, `<c r="%s" s="3"><v>%d</v></c>`, ref, serial)
			default:
				fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, CellText(v.Text))
			}
		}
		b.WriteString("</row>")
	}
	b.WriteString("</sheetData></worksheet>")
	return b.String()
}

// width is how many digits' widths a text takes: a Chinese character two.
func width(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x1100 && utf8.RuneLen(r) >= 3 {
			w += 2
		} else {
			w++
		}
	}
	return w
}

// EscapeXML escapes text for XML; characters XML 1.0 cannot hold at all
// (most control characters, U+FFFE, U+FFFF) are dropped.
// CellText is a cell's text as an .xlsx holds it, XML-escaped: its "_x"
// of an escape Excel would decode (_x000D_ is a carriage return there,
// ECMA-376 §22.9.2.19) is written _x005F_x, so that the text reads back
// as it was.
func CellText(s string) string {
	if strings.Contains(s, "_x") {
		var b strings.Builder
		for i := 0; i < len(s); i++ {
			if s[i] == '_' && i+6 < len(s) && s[i+1] == 'x' && isHex4(s[i+2:i+6]) && s[i+6] == '_' {
				b.WriteString("_x005F_")
				continue
			}
			b.WriteByte(s[i])
		}
		s = b.String()
	}
	return EscapeXML(s)
}

// needsXMLEscape reports whether s has a character EscapeXML changes: &, <,
// >, ", a control other than tab and line breaks, U+FFFE or U+FFFF.
func needsXMLEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '&', c == '<', c == '>', c == '"':
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			return true
		case c == 0xef && i+2 < len(s) && s[i+1] == 0xbf && (s[i+2] == 0xbe || s[i+2] == 0xbf):
			return true
		}
	}
	return false
}

func isHex4(s string) bool {
	for i := 0; i < 4; i++ {
		c := s[i] | 0x20
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// EscapeXML escapes text for XML, leaving out what XML cannot hold.
func EscapeXML(s string) string {
	if !needsXMLEscape(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0xfffe, r == 0xffff:
			// not allowed in XML: left out
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
