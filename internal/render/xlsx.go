package render

import (
	"archive/zip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/measures"
)

// An Excel workbook (Office Open XML, .xlsx), written with archive/zip: a
// sheet of line items, amounts as numbers in an accounting format, and a
// summary sheet with a row per project.
//
// Why not excelize: linking github.com/xuri/excelize/v2 costs every start of
// szsoft 1.4 ms and 21,000 allocations in its package initialisation
// (GODEBUG=inittrace=1), which alone breaks the start-up target of
// 'szsoft calc' (at most 1.5x a bare cobra+decimal+tablewriter binary). The
// format needs little: the tests open every workbook szsoft writes with
// excelize and check its cells, types and formats.

// cellKind is how a cell is written.
type cellKind int

const (
	cellEmpty  cellKind = iota
	cellText            // an inline string
	cellAmount          // a number in the accounting format
	cellRate            // a number as a percentage
	cellHeader          // bold text
)

type cell struct {
	kind cellKind
	text string // the text, or the number as exact decimal text
}

func text(s string) cell { return cell{kind: cellText, text: s} }

func amountCell(d *decimal.Decimal) cell {
	if d == nil {
		return cell{}
	}
	return cell{kind: cellAmount, text: calc.Yuan(*d)}
}

type sheet struct {
	name   string
	widths []float64
	rows   [][]cell
}

// workbook collects the sheets of one run: calc writes one project,
// batch every project of the run, and End writes the workbook.
type workbook struct {
	w              io.Writer
	p              msg.Printer
	lines, summary sheet
}

var (
	lineHeaders = []string{"xcol.file", "xcol.project", "xcol.clause", "xcol.item", "xcol.recipient", "xcol.scope", "xcol.payer", "xcol.kind",
		"xcol.base", "xcol.rate", "xcol.computed", "xcol.cap", "xcol.min", "xcol.max", "xcol.binding", "xcol.excluded", "xcol.notes", "xcol.quote"}
	summaryHeaders = []string{"xcol.file", "xcol.project", "xcol.applicant", "xcol.date", "xcol.eligible", "xcol.total", "xcol.adjustments",
		"xcol.cumcap", "xcol.reading", "xcol.limit", "xcol.match", "xcol.warnings"}
)

func newXLSX(w io.Writer, o Options) *workbook {
	p := o.Printer
	wb := &workbook{w: w, p: p}
	wb.lines = sheet{name: p.S("sheet.lines"), widths: []float64{28, 24, 10, 28, 16, 9, 11, 13, 17, 8, 17, 17, 17, 17, 9, 20, 50, 60}}
	wb.summary = sheet{name: p.S("sheet.summary"), widths: []float64{28, 24, 24, 12, 9, 17, 17, 17, 11, 17, 17, 50}}
	wb.lines.rows = append(wb.lines.rows, headerRow(lineHeaders, p))
	wb.summary.rows = append(wb.summary.rows, headerRow(summaryHeaders, p))
	return wb
}

func headerRow(keys []string, p msg.Printer) []cell {
	row := make([]cell, len(keys))
	for i, k := range keys {
		row[i] = cell{kind: cellHeader, text: p.S(k)}
	}
	return row
}

func (w *workbook) Begin() error { return nil }

// Add puts one project into the workbook.
func (w *workbook) Add(r *Report, _ []byte) error {
	res, p := r.Result, w.p
	file := r.FileName()
	for _, l := range res.Lines {
		rate := cell{}
		if l.Rate != nil {
			rate = cell{kind: cellRate, text: l.Rate.String()}
		}
		w.lines.rows = append(w.lines.rows, []cell{
			text(file), text(res.Name), text(l.Item.Clause), text(p.Item(l.Item.ID)), text(p.S("recipient." + string(l.Item.Recipient))),
			text(p.S("scope.short." + string(l.Item.Scope))), text(p.S("payer." + string(l.Item.Payer))), text(kindWord(l.Item, p)),
			amountCell(l.Base), rate, amountCell(l.Computed), amountCell(l.Cap), amountCell(l.Min), amountCell(l.Max),
			text(bindingWord(l.Binding, p)), text(itemOr(l.ExcludedBy, p)), text(strings.Join(p.Notes(l.Notes), p.S("label.semicolon"))), text(l.Item.Quote),
		})
	}
	for _, a := range res.Adjustments {
		amt := a.Amount
		w.lines.rows = append(w.lines.rows, []cell{
			text(file), text(res.Name), text(a.Clause), text(p.S("adjustment." + a.ID)), {}, text(p.S("scope.short.project")), text(p.S("payer.municipal")), text(p.S("label.adjustment")),
			{}, {}, {}, {}, {}, amountCell(&amt), {}, {}, text(p.Note(a.Note)), text(res.Edition.Supplementary.CumulativeCapQuote),
		})
	}
	eligible := p.S("label.yes")
	if !res.Eligible {
		eligible = p.S("label.no")
	}
	adj := decimal.Zero
	for _, a := range res.Adjustments {
		adj = adj.Add(a.Amount)
	}
	w.summary.rows = append(w.summary.rows, []cell{
		text(file), text(res.Name), text(res.Applicant), text(res.Date.String()), text(eligible),
		amountCell(&res.Total), amountCell(&adj), amountCell(res.CumulativeCap), text(readingWord(res, p)),
		amountCell(res.DistrictMatchLimit), amountCell(&res.DistrictMatch), text(strings.Join(p.Notes(res.Warnings), p.S("label.semicolon"))),
	})
	return nil
}

// Fail puts a file that failed into the summary, in its place.
func (w *workbook) Fail(f Failure) error {
	w.summary.rows = append(w.summary.rows, []cell{text(f.File), text(w.p.S("label.error", "message", f.Message))})
	return nil
}

// End writes the workbook.
func (w *workbook) End() error { return w.write(w.w) }

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// The accounting format of the amounts: thousands separators, two decimals,
// negative amounts in brackets, zero as a dash.
const accounting = `_(* #,##0.00_);_(* (#,##0.00);_(* "-"??_);_(@_)`

// write writes the workbook as an .xlsx file.
func (w *workbook) write(out io.Writer) error {
	z := zip.NewWriter(out)
	// A fixed time stamp: the same input gives the same bytes.
	stamp := time.Date(2022, 10, 15, 0, 0, 0, 0, time.UTC)
	put := func(name, content string) error {
		f, err := z.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return err
		}
		_, err = io.WriteString(f, content)
		return err
	}
	files := []struct{ name, content string }{
		{"[Content_Types].xml", xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
			`</Types>`},
		{"_rels/.rels", xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
			`</Relationships>`},
		{"xl/workbook.xml", xmlHeader + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="` + escapeXML(w.summary.name) + `" sheetId="1" r:id="rId1"/><sheet name="` + escapeXML(w.lines.name) + `" sheetId="2" r:id="rId2"/></sheets>` +
			`</workbook>`},
		{"xl/_rels/workbook.xml.rels", xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
			`</Relationships>`},
		{"xl/styles.xml", xmlHeader + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
			`<numFmts count="1"><numFmt numFmtId="164" formatCode="` + escapeXML(accounting) + `"/></numFmts>` +
			`<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>` +
			`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
			`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
			`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
			`<cellXfs count="4">` +
			`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
			`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
			`<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
			`<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>` +
			`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
			`</styleSheet>`},
		{"xl/worksheets/sheet1.xml", w.summary.xml()},
		{"xl/worksheets/sheet2.xml", w.lines.xml()},
	}
	for _, f := range files {
		if err := put(f.name, f.content); err != nil {
			return err
		}
	}
	return z.Close()
}

// xml renders a worksheet: column widths, a frozen header row, an
// autofilter, and the cells.
func (s *sheet) xml() string {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	// Printed, a sheet is landscape and one page wide.
	b.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`)
	b.WriteString(`<cols>`)
	for i, wd := range s.widths {
		fmt.Fprintf(&b, `<col min="%d" max="%d" width="%g" customWidth="1"/>`, i+1, i+1, wd)
	}
	b.WriteString(`</cols><sheetData>`)
	for r, row := range s.rows {
		fmt.Fprintf(&b, `<row r="%d">`, r+1)
		for c, cl := range row {
			ref := columnName(c) + strconv.Itoa(r+1)
			switch cl.kind {
			case cellText:
				fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, escapeXML(cl.text))
			case cellHeader:
				fmt.Fprintf(&b, `<c r="%s" s="3" t="inlineStr"><is><t>%s</t></is></c>`, ref, escapeXML(cl.text))
			case cellAmount:
				fmt.Fprintf(&b, `<c r="%s" s="1"><v>%s</v></c>`, ref, cl.text)
			case cellRate:
				fmt.Fprintf(&b, `<c r="%s" s="2"><v>%s</v></c>`, ref, cl.text)
			}
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData>`)
	if len(s.rows) > 0 {
		fmt.Fprintf(&b, `<autoFilter ref="A1:%s%d"/>`, columnName(len(s.rows[0])-1), len(s.rows))
	}
	b.WriteString(`<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/>`)
	b.WriteString(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`)
	b.WriteString(`</worksheet>`)
	return b.String()
}

// columnName is the spreadsheet name of column i (0 → A, 26 → AA).
func columnName(i int) string {
	name := ""
	for i++; i > 0; i = (i - 1) / 26 {
		name = string(rune('A'+(i-1)%26)) + name
	}
	return name
}

// escapeXML escapes text for XML; characters XML 1.0 cannot hold at all
// (most control characters) are dropped.
func escapeXML(s string) string {
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
		case r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r != 0xFFFE && r != 0xFFFF:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// The words a workbook shows for the engine's codes: a reader of a
// workbook reads words, not codes (csv and json keep the codes).

func kindWord(it *measures.Item, p msg.Printer) string {
	if it.Kind == measures.CaseByCase {
		return CaseLabel(p, it)
	}
	return p.S("kind." + string(it.Kind))
}

func bindingWord(b calc.Binding, p msg.Printer) string {
	if b == calc.BindNone {
		return ""
	}
	return p.S("binding." + string(b))
}

func itemOr(id string, p msg.Printer) string {
	if id == "" {
		return ""
	}
	return p.Item(id)
}

func readingWord(res *calc.Result, p msg.Printer) string {
	if res.CumulativeCap == nil {
		return ""
	}
	return p.S("reading." + string(res.Reading))
}
