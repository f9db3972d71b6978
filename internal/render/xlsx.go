package render

import (
	"archive/zip"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/internal/roster"
	"szsoft/measures"
)

// An Excel workbook (Office Open XML, .xlsx) a consultant hands to a client
// unchanged, written with archive/zip (docs/contract.md §5):
//
//   - a summary sheet: a row per project (name, applicant, the date as a
//     date, eligible, municipal total, the 附则's adjustment, district match,
//     district-paid lines, the grand total, warnings), a totals row whose
//     sums are formulas, the unit in the amounts' headers;
//   - a line sheet: a row per line and adjustment, with its clause,
//     recipient, payer, rule, figures and the policy's words;
//   - a sheet of the files that failed, when one did.
//
// Every word is in the reader's language; amounts are numbers in an
// accounting format (a zero shows 0.00, "not applicable" is an empty cell);
// columns are as wide as their text (a Chinese character counts two), long
// text wraps; the header row is frozen, filtered and repeated on every
// printed page, printed landscape one page wide with page numbers.
//
// Why not excelize: linking github.com/xuri/excelize/v2 costs every start
// of szsoft 2.2 ms and 21,389 allocations in its package initialisation
// (GODEBUG=inittrace=1), more than all of szsoft's own (1.4 ms, 1,254),
// which breaks the start-up target of 'szsoft calc' (make bench: at most
// 1.5x a bare cobra+decimal+tablewriter binary). The format needs little;
// the tests open every workbook szsoft writes with excelize and check its
// cells, types, formats, styles, panes, filters and print settings, and
// convert it with LibreOffice where it is installed.

// cellKind is how a cell is written.
type cellKind int

const (
	cellEmpty     cellKind = iota
	cellText               // an inline string
	cellWrap               // an inline string that wraps in its column
	cellAmount             // a number in the accounting format
	cellRate               // a number as a percentage
	cellDate               // a day, as Excel's serial number
	cellHeader             // a column header
	cellTotal              // a sum of the amounts above it: a formula and its value
	cellTotalText          // the label of the totals row
)

// The styles of cellXfs in styles.xml, by cell kind (styles.xml's comment
// lists them); amounts in 万元 and whole percentages have their own.
var styleOf = map[cellKind]int{cellText: 0, cellWrap: 5, cellAmount: 1, cellRate: 2, cellDate: 4, cellHeader: 3, cellTotal: 6, cellTotalText: 7}

const (
	styleAmountWan  = 8
	styleTotalWan   = 9
	styleWholeRate  = 10
	styleCount      = 11
	headerTextLimit = 31 // a printed page header's text, per side
)

type cell struct {
	kind cellKind
	text string // the text, or the number as exact decimal text
	sum  string // cellTotal: the column's range summed ("E2:E9")
}

func text(s string) cell { return cell{kind: cellText, text: s} }
func wrap(s string) cell { return cell{kind: cellWrap, text: s} }

func amountCell(d *decimal.Decimal) cell {
	if d == nil {
		return cell{}
	}
	return cell{kind: cellAmount, text: calc.Yuan(*d)}
}

// inUnit is an amount cell's number in the workbook's unit: yuan with two
// decimals, or 万元 exactly (up to six decimals).
func (w *workbook) inUnit(text string) string {
	if w.p.Unit != "wan" {
		return text
	}
	return decimal.RequireFromString(text).Shift(-4).String()
}

func dateCell(d calc.Date) cell {
	// Excel counts days from 1899-12-30 (its 1900 leap-year bug included),
	// counted here by the calendar: a time.Duration between two days
	// overflows past 292 years (2192-04-10 came out wrong).
	serial := civilDays(d) - civilDays(calc.Date{Year: 1899, Month: 12, Day: 30})
	return cell{kind: cellDate, text: strconv.Itoa(serial)}
}

// civilDays numbers the days of the proleptic Gregorian calendar, one
// apart each.
func civilDays(d calc.Date) int {
	y, m := d.Year, d.Month
	if m <= 2 {
		y, m = y-1, m+12
	}
	return 365*y + y/4 - y/100 + y/400 + (153*(m-3)+2)/5 + d.Day
}

type sheet struct {
	name string
	// rows are kept in a spool until End (a batch of 100,000 projects
	// held 1.3 GB of cells); n counts them, ws are their columns' widths
	// as they come, last the last row of data (not a note, a blank, the
	// totals), which the autofilter covers.
	rows *spool
	n    int
	cols int
	last int
	max  []int // per column: the widest a column is made, in characters
	// titleCols is how many columns repeat on every printed page when the
	// sheet is too wide for one (the project and what the row is).
	titleCols int
	ws        []int // the columns' widths, from the rows added so far
	// drop are the columns left out when the sheet is written: a total of
	// a rule no edition of the run has (docs/contract.md §10).
	drop []bool
}

// col is the letter of column c once the dropped columns are left out.
func (s *sheet) col(c int) string {
	n := c
	for i := 0; i < c && i < len(s.drop); i++ {
		if s.drop[i] {
			n--
		}
	}
	return roster.ColumnName(n)
}

// add appends a row: its cells to the spool, its text to the widths.
func (s *sheet) add(row []cell) error {
	if s.n == 0 {
		s.cols = len(row)
		s.ws = make([]int, len(row))
	}
	s.n++
	s.measure(row)
	if len(row) > 1 && row[0].kind != cellTotalText {
		s.last = s.n
	}
	fields := make([]string, 0, 3*len(row))
	for _, c := range row {
		fields = append(fields, string(rune('0'+c.kind)), c.text, c.sum)
	}
	return s.rows.add(fields...)
}

// each reads the rows back, in order.
func (s *sheet) each(fn func(r int, row []cell) error) error {
	r := 0
	return s.rows.each(func(fields []string) error {
		row := make([]cell, 0, len(fields)/3)
		for i := 0; i < len(fields)/3; i++ {
			if len(fields)/3 == s.cols && i < len(s.drop) && s.drop[i] {
				continue
			}
			row = append(row, cell{kind: cellKind(fields[3*i][0] - '0'), text: fields[3*i+1], sum: fields[3*i+2]})
		}
		err := fn(r, row)
		r++
		return err
	})
}

// workbook collects the sheets of one run: calc writes one project,
// batch every project of the run, and End writes the workbook.
type workbook struct {
	w                        io.Writer
	o                        Options
	p                        msg.Printer
	summary, lines, failures sheet
	// inputs: every input each figure rests on; received: the ledger's
	// entries with their dates (docs/contract.md §5).
	inputs, received sheet
	// applicants: the applicant view (docs/contract.md §11), always.
	applicants sheet
	// sums are the summary's amounts added up (its totals row), projects
	// how many rows it has; err the first error of a spool.
	sums     [10]decimal.Decimal // by column; 4 to 9 are the amounts
	projects int
	// shown: an edition of the run has a cumulative cap, district
	// matching, items a district pays, a district layer.
	shown [4]bool
	err   error
}

// put adds a row to a sheet, keeping the first error.
func (w *workbook) put(s *sheet, row []cell) {
	if err := s.add(row); err != nil && w.err == nil {
		w.err = err
	}
}

var (
	summaryHeaders = []string{"xcol.project", "xcol.applicant", "xcol.date", "xcol.eligible", "xcol.total", "xcol.adjustments",
		"xcol.match", "xcol.paid", "xcol.layer", "xcol.grand", "xcol.warnings", "xcol.file", "xcol.code"}
	lineHeaders = []string{"xcol.project", "xcol.clause", "xcol.item", "xcol.recipient", "xcol.payer", "xcol.scope", "xcol.kind",
		"xcol.base", "xcol.rate", "xcol.computed", "xcol.received", "xcol.cap", "xcol.min", "xcol.max", "xcol.baseforcap", "xcol.binding", "xcol.excluded", "xcol.notes", "xcol.quote", "xcol.file"}
	failureHeaders   = []string{"xcol.file", "xcol.line", "xcol.column", "xcol.error"}
	inputHeaders     = []string{"xcol.project", "xcol.measure", "xcol.input", "xcol.value", "xcol.amount", "xcol.file"}
	applicantHeaders = []string{"xcol.applicant", "xcol.code", "xcol.app.kind", "xcol.app.what", "xcol.amount", "xcol.match", "xcol.app.note", "xcol.file"}
	receivedHeaders  = []string{"xcol.project", "xcol.item", "xcol.received.date", "xcol.amount", "xcol.level", "xcol.payer", "xcol.file"}
	// The columns of amounts, whose headers state the unit.
	amountColumns = map[string]bool{"xcol.total": true, "xcol.adjustments": true, "xcol.match": true, "xcol.paid": true, "xcol.layer": true, "xcol.grand": true,
		"xcol.amount": true, "xcol.base": true, "xcol.computed": true, "xcol.received": true, "xcol.cap": true, "xcol.min": true, "xcol.max": true, "xcol.baseforcap": true}
)

func newXLSX(w io.Writer, o Options) *workbook {
	p := o.Printer
	wb := &workbook{w: w, o: o, p: p}
	// The widest each column is made: printed one page wide, the narrower
	// the columns of words, the larger the print.
	wb.summary = sheet{name: sheetName(p.S("sheet.summary")), max: []int{28, 22, 12, 8, 18, 18, 18, 18, 18, 18, 30, 18, 20}, titleCols: 1, rows: newSpool(o)}
	wb.lines = sheet{name: sheetName(p.S("sheet.lines")), max: []int{16, 9, 18, 12, 10, 8, 10, 18, 8, 18, 18, 18, 18, 18, 18, 10, 16, 30, 36, 16}, titleCols: 3, rows: newSpool(o)}
	wb.inputs = sheet{name: sheetName(p.S("sheet.inputs")), max: []int{28, 20, 30, 30, 18, 20}, titleCols: 1, rows: newSpool(o)}
	wb.received = sheet{name: sheetName(p.S("sheet.received")), max: []int{28, 28, 12, 18, 12, 12, 20}, titleCols: 1, rows: newSpool(o)}
	wb.applicants = sheet{name: sheetName(p.S("sheet.applicants")), max: []int{28, 20, 18, 30, 18, 18, 30, 20}, titleCols: 1, rows: newSpool(o)}
	wb.failures = sheet{name: sheetName(p.S("sheet.failures")), max: []int{40, 6, 6, 80}, titleCols: 1, rows: newSpool(o)}
	wb.err = errors.Join(wb.summary.add(headerRow(summaryHeaders, p)), wb.lines.add(headerRow(lineHeaders, p)),
		wb.inputs.add(headerRow(inputHeaders, p)), wb.received.add(headerRow(receivedHeaders, p)), wb.failures.add(headerRow(failureHeaders, p)),
		wb.applicants.add(headerRow(applicantHeaders, p)))
	return wb
}

func headerRow(keys []string, p msg.Printer) []cell {
	row := make([]cell, len(keys))
	for i, k := range keys {
		h := p.S(k)
		if amountColumns[k] {
			h = p.S("xcol.unit."+p.Unit, "column", h)
		}
		row[i] = cell{kind: cellHeader, text: h}
	}
	return row
}

func (w *workbook) Begin() error { return nil }

// Add puts one project into the workbook.
func (w *workbook) Add(r *Report, _ []byte) error {
	w.p = w.p.For(r.Result.Edition) // its items named as its edition names them
	res, p := r.Result, w.p
	_, hasCap := res.Edition.Rule(measures.AnnexCumulativeCap)
	w.shown = [4]bool{w.shown[0] || hasCap, w.shown[1] || totalShown(res, totMatch), w.shown[2] || totalShown(res, totPaid), w.shown[3] || totalShown(res, totLayer)}
	name := res.Name
	if name == "" {
		name = filepath.Base(r.FileName())
	}
	file := filepath.Base(r.FileName())
	if r.File == nil {
		file = ""
	}
	for _, l := range res.Lines {
		rate := cell{}
		if l.Rate != nil {
			rate = cell{kind: cellRate, text: l.Rate.String()}
		}
		w.put(&w.lines, []cell{
			wrap(name), text(Cite(res, l.Item)), wrap(docItem(p, l.Item.ID)), wrap(p.S("recipient." + string(l.Item.Recipient))),
			text(p.S("payer." + string(l.Item.Payer))), text(p.S("scope.short." + string(l.Item.Scope))), wrap(kindWord(l.Item, p)),
			amountCell(l.Base), rate, amountCell(l.Computed), amountCell(l.Received), amountCell(l.Cap), amountCell(l.Min), amountCell(l.Max), amountCell(l.BaseForCap),
			text(bindingWord(l.Binding, p)), wrap(docItemOr(l.ExcludedBy, p)), wrap(strings.Join(p.Notes(l.Notes), p.S("label.semicolon"))), wrap(l.Item.Quote),
			text(file),
		})
	}
	for _, a := range res.Adjustments {
		amt := a.Amount
		w.put(&w.lines, []cell{
			wrap(name), text(a.Clause), wrap(p.S("adjustment." + a.ID)), {}, text(p.S("payer.municipal")), text(p.S("scope.short.project")), wrap(p.S("label.adjustment")),
			{}, {}, {}, {}, {}, {}, amountCell(&amt), {}, {}, {}, wrap(p.Note(a.Note)), wrap(annexQuote(res, measures.AnnexCumulativeCap)),
			text(file),
		})
	}
	// Every input, as given: a measure claimed without inputs by its name.
	for i, ins := range AllInputs(res) {
		m, ok := res.Edition.Measure(res.Claims[i].Measure)
		if !ok {
			continue
		}
		if len(ins) == 0 {
			w.put(&w.inputs, []cell{wrap(name), wrap(p.Text(m.Title)), {}, wrap(p.S("html.input.claimed")), {}, text(file)})
		}
		for _, v := range ins {
			value, amount := inputCells(p, v)
			w.put(&w.inputs, []cell{wrap(name), wrap(p.Text(m.Title)), wrap(inputWords(p, v.Input)), value, amount, text(file)})
		}
		if sk := sameKindOf(res, m); len(sk) > 0 {
			w.put(&w.inputs, []cell{wrap(name), wrap(p.Text(m.Title)), wrap(p.S("label.samekind")), wrap(p.S("label.samekind.on", "what", calc.Declarations(sk))), {}, text(file)})
		}
	}
	for _, v := range annexGiven(res) {
		value, amount := inputCells(p, v)
		w.put(&w.inputs, []cell{wrap(name), text(p.S("label.annex")), wrap(inputWords(p, v.Input)), value, amount, text(file)})
	}
	for _, e := range res.Received {
		amt := e.Amount
		w.put(&w.received, []cell{wrap(name), wrap(docItem(p, e.Item)), dateCell(e.DateOr(res.Date)), amountCell(&amt),
			wrap(levelName(p, e)), text(p.S("payer." + string(e.Payer))), text(file)})
	}
	eligible := p.S("label.yes")
	if !res.Eligible {
		eligible = p.S("label.no")
	}
	adj := decimal.Zero
	for _, a := range res.Adjustments {
		adj = adj.Add(a.Amount)
	}
	paid, layer, grand := res.DistrictPaid(), res.LayerPaid(), res.GrandTotal()
	w.projects++
	for c, v := range map[int]decimal.Decimal{4: res.Total, 5: adj, 6: res.DistrictMatch, 7: paid, 8: layer, 9: grand} {
		w.sums[c] = w.sums[c].Add(v)
	}
	w.put(&w.summary, []cell{
		wrap(name), wrap(res.Applicant), dateCell(res.Date), text(eligible),
		amountCell(&res.Total), amountCell(&adj), amountCell(&res.DistrictMatch), amountCell(&paid), amountCell(&layer), amountCell(&grand),
		wrap(strings.Join(p.Notes(res.Warnings), p.S("label.semicolon"))), text(file), text(res.CreditCode),
	})
	return nil
}

// Fail lists a file that failed on the sheet of failures.
func (w *workbook) Fail(f Failure) error {
	line, col := cell{}, cell{}
	if f.Line > 0 {
		line, col = cell{kind: cellText, text: strconv.Itoa(f.Line)}, cell{kind: cellText, text: strconv.Itoa(f.Col)}
	}
	message := f.Message
	if message == "" {
		message = w.p.S("label.error-only")
	}
	if f.Cell != "" {
		// A roster's cell as Excel names it, and the row's project.
		message = f.Cell + ": " + message
		if f.Name != "" {
			message = f.Name + " — " + message
		}
	}
	// The file by its name, as on the other sheets: the consultant's
	// folders stay theirs.
	w.put(&w.failures, []cell{wrap(filepath.Base(f.File)), line, col, wrap(message)})
	return nil
}

// End writes the workbook: the summary gets its totals row, and a note of
// the files that failed.
func (w *workbook) End() error {
	defer func() {
		for _, s := range []*sheet{&w.summary, &w.lines, &w.inputs, &w.received, &w.applicants, &w.failures} {
			s.rows.close()
		}
	}()
	if w.err != nil {
		return w.err
	}
	total := make([]cell, len(summaryHeaders))
	total[0] = cell{kind: cellTotalText, text: w.p.S("xcol.totals", "n", w.projects)}
	// A total of a rule no edition of the run has is no column: the
	// cumulative cap's adjustments, the district match, the district's
	// own lines.
	if w.applicants.drop == nil {
		w.applicants.drop = make([]bool, len(applicantHeaders))
		w.applicants.drop[5] = !w.shown[1]
	}
	w.summary.drop = make([]bool, len(summaryHeaders))
	w.summary.drop[5], w.summary.drop[6], w.summary.drop[7], w.summary.drop[8] = !w.shown[0], !w.shown[1], !w.shown[2], !w.shown[3]
	for c := 4; c <= 9; c++ { // the amounts: municipal total … grand total
		col := w.summary.col(c)
		total[c] = cell{kind: cellTotal, text: calc.Yuan(w.sums[c]), sum: fmt.Sprintf("%s2:%s%d", col, col, w.projects+1)}
	}
	w.put(&w.summary, total)
	if failed := w.failures.n - 1; failed > 0 {
		w.put(&w.summary, []cell{})
		w.put(&w.summary, []cell{text(w.p.S("xcol.failed", "n", failed, "sheet", w.failures.name))})
	}
	if w.err != nil {
		return w.err
	}
	return w.write(w.w)
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// The number formats: amounts with thousands separators and two decimals
// (in 万元, as many more as it needs, up to six), a negative amount with a
// minus, as every other form shows it, a zero as 0.00, each followed by a
// space's width (_ ) so that the text of the next column never touches
// it; days as 2026-03-01;
// rates as 30% or 3.5%.
const (
	accounting    = `#,##0.00_ ;-#,##0.00_ ;0.00_ `
	accountingWan = `#,##0.00####_ ;-#,##0.00####_ ;0.00_ `
	dateFormat    = `yyyy-mm-dd`
	rateFormat    = `0.0##%`
)

// maxCellText is the most characters Excel keeps in a cell.
const maxCellText = 32767

// write writes the workbook as an .xlsx file.
func (w *workbook) write(out io.Writer) error {
	sheets := []*sheet{&w.summary, &w.lines, &w.inputs, &w.received}
	if w.o.Many {
		// A batch's: 按申请单位, second (docs/contract.md §11).
		sheets = slices.Insert(sheets, 1, &w.applicants)
	}
	if w.failures.n > 1 {
		sheets = append(sheets, &w.failures)
	}
	z := zip.NewWriter(out)
	// The fastest deflate: a batch's sheets are written on one core at the
	// end, and level 6 took half of a 100,000-row workbook's time for a
	// file a third smaller.
	z.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
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
	var types, rels, entries, names strings.Builder
	for i, s := range sheets {
		n := i + 1
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, n, n)
		fmt.Fprintf(&entries, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, roster.EscapeXML(s.name), n, n)
		// The header row repeated on every printed page; the filter's range.
		quoted := "'" + strings.ReplaceAll(roster.EscapeXML(s.name), "'", "''") + "'"
		fmt.Fprintf(&names, `<definedName name="_xlnm._FilterDatabase" localSheetId="%d" hidden="1">%s!$A$1:$%s$%d</definedName>`,
			i, quoted, roster.ColumnName(len(s.widths())-1), s.filterRows())
		titles := quoted + "!$1:$1"
		if !s.fits(s.widths()) {
			// Printed over several pages across: the project and what the
			// row is stand on each.
			titles = fmt.Sprintf("%s!$A:$%s,%s", quoted, roster.ColumnName(s.titleCols-1), titles)
		}
		fmt.Fprintf(&names, `<definedName name="_xlnm.Print_Titles" localSheetId="%d">%s</definedName>`, i, roster.EscapeXML(titles))
	}
	styles := len(sheets) + 1
	files := []struct{ name, content string }{
		{"[Content_Types].xml", xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			types.String() +
			`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
			`</Types>`},
		{"_rels/.rels", xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
			`</Relationships>`},
		{"xl/workbook.xml", xmlHeader + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets>` + entries.String() + `</sheets><definedNames>` + names.String() + `</definedNames>` +
			`</workbook>`},
		{"xl/_rels/workbook.xml.rels", xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			rels.String() +
			fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`, styles) +
			`</Relationships>`},
		{"xl/styles.xml", stylesXML},
	}
	for _, f := range files {
		if err := put(f.name, f.content); err != nil {
			return err
		}
	}
	for i, s := range sheets {
		f, err := z.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return err
		}
		if err := s.xml(w, f); err != nil {
			return err
		}
	}
	return z.Close()
}

// stylesXML holds the formats, fonts, fills and borders of the cells: 0
// text, 1 amount, 2 rate, 3 header, 4 date, 5 wrapped text, 6 a total, 7
// the totals' label, 8 an amount in 万元, 9 a total in 万元, 10 a whole
// percentage. Every cell is aligned to the top, so that a row of wrapped
// text reads from its first line.
var stylesXML = xmlHeader + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<numFmts count="4"><numFmt numFmtId="164" formatCode="` + roster.EscapeXML(accounting) + `"/>` +
	`<numFmt numFmtId="165" formatCode="` + dateFormat + `"/>` +
	`<numFmt numFmtId="166" formatCode="` + roster.EscapeXML(accountingWan) + `"/>` +
	`<numFmt numFmtId="167" formatCode="` + roster.EscapeXML(rateFormat) + `"/></numFmts>` +
	`<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
	`<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
	`<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
	`<fill><patternFill patternType="solid"><fgColor rgb="FFE7EEF7"/><bgColor indexed="64"/></patternFill></fill></fills>` +
	`<borders count="3"><border><left/><right/><top/><bottom/><diagonal/></border>` +
	`<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>` +
	`<border><left/><right/><top style="thin"><color auto="1"/></top><bottom style="double"><color auto="1"/></bottom><diagonal/></border></borders>` +
	`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
	`<cellXfs count="` + strconv.Itoa(styleCount) + `">` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>` +
	`<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment horizontal="left" vertical="top"/></xf>` +
	`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
	`<xf numFmtId="164" fontId="1" fillId="0" borderId="2" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`<xf numFmtId="0" fontId="1" fillId="0" borderId="2" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`<xf numFmtId="166" fontId="1" fillId="0" borderId="2" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
	`</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
	`</styleSheet>`

// filterRows is the last row the autofilter covers: the rows of data, not
// the totals below them (at least the header's).
func (s *sheet) filterRows() int { return max(s.last, 1) }

// widths are the columns' widths in Excel's units, the width of a digit:
// the widest text of each (see textUnits), within the column's maximum, at
// least 6.
func (s *sheet) widths() []int {
	ws := make([]int, 0, len(s.ws))
	for c := range s.ws {
		if c < len(s.drop) && s.drop[c] {
			continue
		}
		ws = append(ws, max(s.ws[c], 6))
	}
	return ws
}

// measure widens the columns to a row's text.
func (s *sheet) measure(row []cell) {
	if len(row) == 1 && len(s.ws) > 1 {
		return // a note across the sheet
	}
	for c, cl := range row {
		if c >= len(s.ws) {
			break
		}
		w := 0
		switch cl.kind {
		case cellAmount, cellTotal:
			w = max(len(msg.FormatYuan(decimal.RequireFromString(cl.text)))+4, 16)
		case cellDate:
			w = len("2026-03-01") + 1
		case cellRate:
			w = 8
		case cellHeader:
			// Headers wrap between words: as wide as the longest
			// word, at least 10, at most the whole line.
			for _, line := range strings.Split(cl.text, "\n") {
				word := 0
				for _, part := range strings.Fields(line) {
					word = max(word, textUnits(part))
				}
				w = max(w, min(textUnits(line), max(word, 10))+cellPadding)
			}
		default:
			for _, line := range strings.Split(cl.text, "\n") {
				w = max(w, textUnits(line)+cellPadding)
			}
		}
		s.ws[c] = max(s.ws[c], min(w, s.max[c]))
	}
}

// cellPadding is the room a cell keeps beside its text, in digits.
const cellPadding = 1

// rowPoints is the height of a line of text in a row, in points: 11-point
// Chinese needs more than Excel's 15 for Latin (LibreOffice draws
// Noto Sans CJK at 16.5).
const rowPoints = 17

// fits reports whether the sheet prints one page wide at minScale % or
// more.
func (s *sheet) fits(ws []int) bool { return printScale(ws) >= minScale }

// textUnits is how many digits' widths a line of text takes in Excel: its
// display width (a Chinese character counts two), plus a sixth, for a
// Chinese character at 11 points is 14.7 pixels against a Calibri digit's
// 7, and a fallback font (LibreOffice's Noto Sans CJK) draws it wider
// still: counted short, a name wraps where the row has no room for it.
func textUnits(s string) int {
	w := DisplayWidth(s)
	return w + (w+5)/6
}

// lines is how many lines a wrapped text takes in a column width wide.
func lines(text string, width int) int {
	n := 0
	room := max(width-cellPadding, 1)
	for _, para := range strings.Split(text, "\n") {
		n += max(1, (textUnits(para)+room-1)/room)
	}
	return n
}

// xml renders a worksheet: column widths, a frozen header row, an
// autofilter, the cells, and its print settings.
func (s *sheet) xml(w *workbook, out io.Writer) error {
	p := w.p
	ws := s.widths()
	fit := s.fits(ws)
	var b strings.Builder
	// Written as the rows are read back, in pieces: a sheet of 100,000
	// rows is never one string.
	flush := func() error {
		_, err := io.WriteString(out, b.String())
		b.Reset()
		return err
	}
	b.WriteString(xmlHeader)
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`)
	// Printed, a sheet is landscape: one page wide when that keeps its
	// glyphs legible, else over several pages (printScale).
	if fit {
		b.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	}
	fmt.Fprintf(&b, `<dimension ref="A1:%s%d"/>`, roster.ColumnName(len(ws)-1), s.n)
	b.WriteString(`<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
		`<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`)
	b.WriteString(`<sheetFormatPr defaultRowHeight="15"/><cols>`)
	for i, wd := range ws {
		fmt.Fprintf(&b, `<col min="%d" max="%d" width="%d" customWidth="1"/>`, i+1, i+1, wd)
	}
	b.WriteString(`</cols><sheetData>`)
	err := s.each(func(r int, row []cell) error {
		// A short text wider than its column (a long payer in English)
		// wraps too, rather than be hidden under the next cell.
		for c := range row {
			if row[c].kind == cellText && len(row) > 1 && textUnits(row[c].text)+cellPadding > ws[c] {
				row[c].kind = cellWrap
			}
		}
		// A row as high as its tallest wrapped cell: Excel does not grow
		// rows to their text when it opens a file.
		height := 1
		for c, cl := range row {
			if cl.kind == cellWrap || cl.kind == cellHeader {
				if len(row) == 1 {
					continue // a note across the sheet, not in a column
				}
				height = max(height, lines(cl.text, ws[c]))
			}
		}
		// Every row has its height written: a spreadsheet that reads no
		// height keeps its default however the text wraps.
		fmt.Fprintf(&b, `<row r="%d" ht="%d" customHeight="1">`, r+1, min(height, 27)*rowPoints)
		for c, cl := range row {
			ref := roster.ColumnName(c) + strconv.Itoa(r+1)
			style := styleOf[cl.kind]
			switch cl.kind {
			case cellEmpty:
			case cellAmount:
				if p.Unit == "wan" {
					style = styleAmountWan
				}
				b.WriteString(`<c r="` + ref + `" s="` + strconv.Itoa(style) + `"><v>` + w.inUnit(cl.text) + `</v></c>`)
			case cellRate:
				if decimal.RequireFromString(cl.text).Shift(2).IsInteger() {
					style = styleWholeRate
				}
				b.WriteString(`<c r="` + ref + `" s="` + strconv.Itoa(style) + `"><v>` + cl.text + `</v></c>`)
			case cellDate:
				b.WriteString(`<c r="` + ref + `" s="` + strconv.Itoa(style) + `"><v>` + cl.text + `</v></c>`)
			case cellTotal:
				if p.Unit == "wan" {
					style = styleTotalWan
				}
				fmt.Fprintf(&b, `<c r="%s" s="%d"><f>SUM(%s)</f><v>%s</v></c>`, ref, style, cl.sum, w.inUnit(cl.text))
			default:
				if cl.text == "" {
					continue // an empty cell, not an empty string
				}
				b.WriteString(`<c r="` + ref + `" s="` + strconv.Itoa(style) + `" t="inlineStr"><is><t xml:space="preserve">` + roster.CellText(excelText(cl.text)) + `</t></is></c>`)
			}
		}
		b.WriteString(`</row>`)
		if b.Len() > 64<<10 {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	b.WriteString(`</sheetData>`)
	fmt.Fprintf(&b, `<autoFilter ref="A1:%s%d"/>`, roster.ColumnName(len(ws)-1), s.filterRows())
	b.WriteString(`<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`)
	if fit {
		b.WriteString(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`)
	} else {
		fmt.Fprintf(&b, `<pageSetup paperSize="9" scale="%d" pageOrder="overThenDown" orientation="landscape"/>`, minScale)
	}
	// Printed: the document and the policy on the left, the sheet and the
	// day of the calculation on the right, the page's number at the foot.
	left := p.S("html.title")
	if p.Edition != nil {
		left += " · " + Documents(p.Edition)
	}
	right := s.name
	if !w.o.Computed.IsZero() {
		right += " · " + p.S("label.computed", "date", w.o.Computed.String())
	}
	fmt.Fprintf(&b, `<headerFooter><oddHeader>%s</oddHeader><oddFooter>%s</oddFooter></headerFooter>`,
		roster.EscapeXML("&L"+headerText(left)+"&R"+headerText(right)), roster.EscapeXML(p.S("xcol.page")))
	b.WriteString(`</worksheet>`)
	return flush()
}

// annexQuote is the words of the edition's rule of the kind, or "".
func annexQuote(res *calc.Result, k measures.AnnexKind) string {
	r, _ := res.Edition.Rule(k)
	return r.Quote
}

// inputCells are an input's value on the sheet of inputs: an amount as a
// number in its own column, anything else as words.
func inputCells(p msg.Printer, v InputValue) (value, amount cell) {
	if v.Input.Kind == measures.Amount {
		return cell{}, amountCell(&v.Amount)
	}
	return wrap(v.Value(p)), cell{}
}

// inputWords names an input in a workbook: by its words, and in English
// by its flag as well (approved sales (--sales)), so that the row can be
// typed again.
func inputWords(p msg.Printer, in measures.Input) string {
	if p.Zh() {
		return in.Label()
	}
	return shortHelp(in.Help.En) + " (--" + in.Name + ")"
}

// Printing: A4 landscape, 297 mm less the margins (0.4 in each side), is
// 276 mm of columns. A column of width w (in digits of the 11-point font)
// is w × 7 + 5 pixels at 96 per inch. A sheet whose columns fit at
// minScale % or more is fitted to one page wide; a wider one prints at
// minScale %, its columns over as many pages as they need, the header row
// and the title columns repeated on each, page after page across before
// down — its glyphs never smaller than 11 × minScale % points.
const (
	printableMM = 276.6
	minScale    = 70
)

// printScale is the scale a sheet prints at to be one page wide, in %
// (100 at most), for columns of the widths ws.
func printScale(ws []int) int {
	px := 0
	for _, w := range ws {
		px += w*7 + 5
	}
	mm := float64(px) * 25.4 / 96
	return min(100, int(printableMM/mm*100))
}

// headerText is text for a printed page's header: "&" is a code there.
func headerText(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// excelText is a cell's text within what Excel keeps: at most 32,767
// characters, a longer one cut with "…".
func excelText(s string) string {
	if utf8.RuneCountInString(s) <= maxCellText {
		return s
	}
	r := []rune(s)
	return string(r[:maxCellText-1]) + "…"
}

// sheetName is a name Excel accepts for a sheet: at most 31 characters,
// none of []:*?/\, not starting or ending with an apostrophe.
func sheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, s)
	s = strings.Trim(s, "'")
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	if s == "" {
		s = "Sheet"
	}
	return s
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

// docItem names an item in a document a client reads: in Chinese by its
// Chinese name, in English by its measure's and its own title (First-version
// software · developer) rather than its id.
func docItem(p msg.Printer, id string) string {
	if p.Zh() || p.Edition == nil {
		return p.Item(id)
	}
	it, ok := p.Edition.Item(id)
	if !ok {
		return id
	}
	if it.NameEn != "" {
		return it.NameEn
	}
	m, _ := p.Edition.Measure(it.Measure)
	if m == nil || len(m.Items) == 1 {
		if m != nil {
			return m.Title.En
		}
		return it.Title.En
	}
	return m.Title.En + " · " + it.Title.En
}

func docItemOr(id string, p msg.Printer) string {
	if id == "" {
		return ""
	}
	return docItem(p, id)
}

func (w *workbook) alwaysApplicants() {}

// Applicants fills the sheet 按申请单位: per applicant, a row per file
// with its project part (its grand total less its firm awards), a row per
// firm award counted once, with its district match, the applicant's total
// (a sum of the rows above it), then the claims not counted, each naming
// the file its award is counted in.
func (w *workbook) Applicants(as []*calc.Applicant) error {
	p, s := w.p, &w.applicants
	// No district match in any edition of the run: no column of it.
	s.drop = make([]bool, len(applicantHeaders))
	s.drop[5] = !w.shown[1]
	for _, a := range as {
		name, code := wrap(a.Name), text(a.CreditCode)
		first := s.n + 1
		for _, f := range a.Files {
			part := f.ProjectPart()
			w.put(s, []cell{name, code, text(p.S("xapp.project")), wrap(f.Name), amountCell(&part), {},
				wrap(p.S("xapp.project.note", "grand", p.Money(f.Grand()))), wrap(filepath.Base(f.File))})
		}
		for _, aw := range a.Awards {
			w.put(s, []cell{name, code, text(p.S("xapp.award")), wrap(AwardName(p, aw)), amountCell(&aw.Amount), amountCell(&aw.Match),
				text(p.S("xapp.year", "year", aw.Year())), wrap(filepath.Base(aw.File))})
		}
		last := max(s.n, first)
		// The rows above: their amounts and, where the run has one, their
		// matches.
		to := s.col(5)
		if s.drop[5] {
			to = s.col(4)
		}
		total := []cell{{kind: cellTotalText, text: p.S("xapp.total")}, code, {}, {}, {kind: cellTotal, text: calc.Yuan(a.Total),
			sum: fmt.Sprintf("%s%d:%s%d", s.col(4), first, to, last)}}
		w.put(s, total)
		for _, d := range a.Duplicates {
			w.put(s, []cell{name, code, text(p.S("xapp.duplicate")), wrap(AwardName(p, d)), amountCell(&d.Amount), amountCell(&d.Match),
				wrap(p.S("xapp.duplicate.note", "kept", filepath.Base(d.Kept))), wrap(filepath.Base(d.File))})
		}
		if a.Unlisted > 0 {
			w.put(s, []cell{name, code, text(p.S("xapp.duplicate")), wrap(p.S("note.app.unlisted", "applicant", a.Name, "n", a.Unlisted))})
		}
	}
	return w.err
}
