package main

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The workbook szsoft writes by hand must be a real one a client can open:
// excelize (used here, in tests only) reads it back and finds the sheets,
// the numbers as numbers in their formats, the date as a date, the totals
// as formulas with their values, the header frozen, filtered and printed
// on every page, landscape and one page wide.
func TestXLSXOpensInExcelize(t *testing.T) {
	t.Chdir("../..")
	out := filepath.Join(t.TempDir(), "report.xlsx")
	if _, stderr, code := runCLI(t, "", "calc", "--file", "fixtures/cap-literal.toml", "-o", "xlsx", "--out", out, "--lang", "en"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,Lines,Inputs,Received" {
		t.Fatalf("sheets %s (no failures sheet when nothing failed)", got)
	}
	rows, err := f.GetRows("Lines")
	if err != nil {
		t.Fatal(err)
	}
	// header, ai, first-version.developer, the cumulative-cap adjustment;
	// the project by its name, not the consultant's path.
	if len(rows) != 4 || rows[0][1] != "Clause" || rows[1][1] != "（十八）" || rows[3][2] != "cut to the cumulative cap" || rows[1][0] != "工业软件攻关项目（国家支持）" {
		t.Fatalf("rows %q", rows)
	}
	if rows[0][7] != "Base (yuan)" || rows[0][13] != "Max (yuan)" || rows[0][10] != "Received (yuan)" || rows[0][14] != "Base reaching the cap (yuan)" {
		t.Errorf("amount headers %q, %q, %q, %q: want the unit", rows[0][7], rows[0][13], rows[0][10], rows[0][14])
	}
	// Max of the ai line (N2): 10,000,000 as a number in the accounting
	// format; the cut of the adjustment (N4), −4,000,000, with a minus sign
	// (brackets would read as the 全角 brackets of Chinese text).
	checkNumber(t, f, "Lines", "N2", "10000000.00", "10,000,000.00")
	checkNumber(t, f, "Lines", "N4", "-4000000.00", "-4,000,000.00")
	// the min of the ai line is a zero, shown 0.00; an absent figure (the
	// adjustment's base, the lines' received) is an empty cell.
	checkNumber(t, f, "Lines", "M2", "0.00", "0.00")
	if v, _ := f.GetCellValue("Lines", "K2"); v != "" {
		t.Errorf("K2 (nothing received) = %q, want empty", v)
	}
	if v, _ := f.GetCellValue("Lines", "H4"); v != "" {
		t.Errorf("H4 (no base) = %q, want empty", v)
	}
	// Words, not codes.
	if row := rows[1]; row[4] != "paid by the city" || row[5] != "project" || row[6] != "ceiling rate" || row[15] != "cap" {
		t.Errorf("the ai line: payer %q, scope %q, kind %q, binding %q", row[4], row[5], row[6], row[15])
	}

	// Summary: one project, the totals row under it.
	sum, _ := f.GetRows("Summary")
	if len(sum) != 3 || sum[1][0] != "工业软件攻关项目（国家支持）" || !strings.HasPrefix(sum[2][0], "Total (1 projects)") {
		t.Fatalf("summary %q", sum)
	}
	// The date as a date: the serial number of 2026-09-10, Excel's days
	// since 1899-12-30: 2024-01-01 is 45,292, 2025-01-01 45,292 + 366 =
	// 45,658, 2026-01-01 45,658 + 365 = 46,023, and 2026-09-10 is 252 days
	// later (243 to the end of August, then 9): 46,275. Shown 2026-09-10.
	checkNumber(t, f, "Summary", "C2", "46275", "2026-09-10")
	// municipal total 16,000,000 (E2); the cap's cut −4,000,000 (F2);
	// no district money (G2, H2); grand total 16,000,000 (I2).
	checkNumber(t, f, "Summary", "E2", "16000000.00", "16,000,000.00")
	checkNumber(t, f, "Summary", "F2", "-4000000.00", "-4,000,000.00")
	checkNumber(t, f, "Summary", "I2", "16000000.00", "16,000,000.00")
	if formula, _ := f.GetCellFormula("Summary", "I3"); formula != "SUM(I2:I2)" {
		t.Errorf("the total of the grand totals: formula %q", formula)
	}
	checkNumber(t, f, "Summary", "I3", "16000000.00", "16,000,000.00")

	for _, sheet := range []string{"Summary", "Lines", "Inputs", "Received"} {
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: panes %+v, %v: want the header row frozen", sheet, panes, err)
		}
	}
	// The summary fits one landscape A4 page wide; the 20 columns of the
	// lines would print there at about half size, so they print at 70 %
	// over several pages across, the project, clause and item repeated on
	// each.
	layout, err := f.GetPageLayout("Summary")
	if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.FitToWidth == nil || *layout.FitToWidth != 1 ||
		layout.FitToHeight == nil || *layout.FitToHeight != 0 || layout.Size == nil || *layout.Size != 9 {
		t.Errorf("Summary: page layout %+v, %v: want A4 landscape, one page wide", layout, err)
	}
	layout, err = f.GetPageLayout("Lines")
	if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" || layout.FitToWidth != nil ||
		layout.AdjustTo == nil || *layout.AdjustTo != 70 || layout.PageOrder == nil || *layout.PageOrder != "overThenDown" || layout.Size == nil || *layout.Size != 9 {
		t.Errorf("Lines: page layout %+v, %v: want A4 landscape at 70 %%, over then down", layout, err)
	}
	names := f.GetDefinedName()
	for _, want := range []string{"'Summary'!$1:$1", "'Lines'!$A:$C,'Lines'!$1:$1"} {
		found := false
		for _, n := range names {
			found = found || n.Name == "_xlnm.Print_Titles" && n.RefersTo == want
		}
		if !found {
			t.Errorf("no print titles %s in %+v", want, names)
		}
	}
	// Columns as wide as their text: the name column holds the name.
	if w, _ := f.GetColWidth("Summary", "A"); w < 28 {
		t.Errorf("Summary column A is %.0f wide: too narrow for 工业软件攻关项目（国家支持）", w)
	}
	checkPackage(t, out)
}

// checkNumber checks that cell holds the number raw, shown as shown.
func checkNumber(t *testing.T, f *excelize.File, sheet, cell, raw, shown string) {
	t.Helper()
	typ, _ := f.GetCellType(sheet, cell)
	if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("%s!%s is of type %v, want a number", sheet, cell, typ)
	}
	if v, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true}); v != raw {
		t.Errorf("%s!%s = %q, want the number %s", sheet, cell, v, raw)
	}
	if v, _ := f.GetCellValue(sheet, cell); strings.TrimSpace(v) != shown {
		t.Errorf("%s!%s shows %q, want %q", sheet, cell, v, shown)
	}
}

// checkPackage checks a workbook against the rules Excel enforces and
// excelize does not: every part well-formed XML, every style a cell names
// defined, sheet names of at most 31 characters without []:*?/\, no
// cell text longer than 32,767 characters.
func checkPackage(t *testing.T, path string) {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	parts := map[string]string{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		parts[f.Name] = string(b)
		d := xml.NewDecoder(strings.NewReader(string(b)))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("%s: not well-formed XML: %v", f.Name, err)
				break
			}
		}
	}
	styles := parts["xl/styles.xml"]
	m := regexp.MustCompile(`<cellXfs count="(\d+)"`).FindStringSubmatch(styles)
	if m == nil {
		t.Fatal("styles.xml has no cellXfs")
	}
	count, _ := strconv.Atoi(m[1])
	if got := strings.Count(styles[strings.Index(styles, "<cellXfs"):strings.Index(styles, "</cellXfs>")], "<xf "); got != count {
		t.Errorf("cellXfs says %d styles, holds %d", count, got)
	}
	for name, content := range parts {
		if !strings.HasPrefix(name, "xl/worksheets/") {
			continue
		}
		for _, s := range regexp.MustCompile(` s="(\d+)"`).FindAllStringSubmatch(content, -1) {
			if n, _ := strconv.Atoi(s[1]); n >= count {
				t.Errorf("%s: style %d of %d", name, n, count)
			}
		}
		for _, txt := range regexp.MustCompile(`(?s)<t[^>]*>(.*?)</t>`).FindAllStringSubmatch(content, -1) {
			if n := len([]rune(txt[1])); n > 32767 {
				t.Errorf("%s: a cell of %d characters", name, n)
			}
		}
	}
	for _, s := range regexp.MustCompile(`<sheet name="([^"]*)"`).FindAllStringSubmatch(parts["xl/workbook.xml"], -1) {
		if n := len([]rune(s[1])); n > 31 || strings.ContainsAny(s[1], `[]:*?/\`) {
			t.Errorf("sheet name %q", s[1])
		}
	}
}

// batch puts every project in one workbook, the failed files on a sheet
// of their own, with the totals of every amount.
func TestXLSXBatchOneWorkbook(t *testing.T) {
	t.Chdir("../..")
	out := filepath.Join(t.TempDir(), "all.xlsx")
	_, _, code := runCLI(t, "", batchFixtures(t, "missing.toml", "-o", "xlsx", "--out", out, "--lang", "zh")...)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (one file missing)", code)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "汇总,按申请单位,明细,测算依据,已收到,未能计算的文件" {
		t.Fatalf("sheets %s", got)
	}
	rows, _ := f.GetRows("汇总")
	files, _ := filepath.Glob("fixtures/*.toml")
	// header, every fixture, the totals, a blank row, the note of the failure
	if len(rows) != len(files)+4 {
		t.Fatalf("%d summary rows for %d fixtures", len(rows), len(files))
	}
	totals := len(files) + 2
	if formula, _ := f.GetCellFormula("汇总", "E"+strconv.Itoa(totals)); formula != "SUM(E2:E"+strconv.Itoa(totals-1)+")" {
		t.Errorf("the municipal totals: formula %q", formula)
	}
	if !strings.Contains(rows[len(rows)-1][0], "另有 1 项（文件或名单中的行）未能计算") {
		t.Errorf("last row %q", rows[len(rows)-1])
	}
	failed, _ := f.GetRows("未能计算的文件")
	if len(failed) != 2 || failed[1][0] != "missing.toml" || !strings.Contains(failed[1][3], "文件不存在") {
		t.Errorf("failures %q", failed)
	}
	// A Chinese workbook holds words, not codes (municipal, ceiling-rate,
	// literal): every cell of every sheet.
	for _, sheet := range f.GetSheetList() {
		all, _ := f.GetRows(sheet)
		for i, row := range all {
			if w := englishWords(strings.Join(row, " ")); len(w) > 0 {
				t.Errorf("%s row %d: English words %q in %q", sheet, i+1, w, row)
			}
		}
	}
	checkPackage(t, out)
}

// What a hostile file holds cannot break the workbook: a name of 40,000
// characters is cut to what a cell keeps, control characters are dropped,
// and the workbook stays valid.
func TestXLSXHostileText(t *testing.T) {
	dir := t.TempDir()
	project := filepath.Join(dir, "p.toml")
	name := strings.Repeat("深", 40000)
	src := "name = \"" + name + "\"\napplicant = \"A\\u0001B\\u001b[31m&<>\\\"\"\n[listing]\nlisted = true\n"
	if err := os.WriteFile(project, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "p.xlsx")
	if _, stderr, code := runCLI(t, "", "calc", "--file", project, "-o", "xlsx", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	checkPackage(t, out)
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Summary", "A2"); len([]rune(v)) != 32767 || !strings.HasSuffix(v, "…") {
		t.Errorf("the long name: %d characters", len([]rune(v)))
	}
	if v, _ := f.GetCellValue("Summary", "B2"); v != "AB[31m&<>\"" {
		t.Errorf("the applicant: %q", v)
	}
}

// LibreOffice, where it is installed (.ci/run installs it), opens the
// workbook and prints it: every sheet one page wide, the totals in the
// text of the PDF.
func TestXLSXInLibreOffice(t *testing.T) {
	soffice := tools(t, "soffice", "pdftotext")["soffice"]
	t.Chdir("../..")
	dir := t.TempDir()
	out := filepath.Join(dir, "测算.xlsx")
	if _, _, code := runCLI(t, "", batchFixtures(t, "missing.toml", "--out", out, "--lang", "zh")...); code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	pdf := printBook(t, soffice, out, dir)
	text := pdfText(t, pdf)
	// The sum of the fixtures' grand totals, as the summary's totals row
	// shows it (the JSON of the same run adds up to it: TestHTMLInChromium):
	// the eighteen fixtures before the client's three years made
	// 304,949,629.59 and 282,473,703.67; the three years add 56,500,000 +
	// 39,500,000 + 20,800,000 = 116,800,000 to both (no district money).
	for _, want := range []string{"421,749,629.59", "399,273,703.67", "合计（21 个项目）", "missing.toml", "第 1 页"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed workbook lacks %q", want)
		}
	}
	checkWithinPages(t, pdf)
}

// The ledger in the workbook: what was received and the base reaching the
// cap, as numbers in their own columns (client-2026.toml's comments work
// them out: relocation 2000万 + 2000万 received; first-version's 1000万 cap
// at 10,000,000 ÷ 30% = 33,333,333.34 of sales).
func TestXLSXLedger(t *testing.T) {
	t.Chdir("../..")
	out := filepath.Join(t.TempDir(), "client.xlsx")
	if _, stderr, code := runCLI(t, "", "calc", "--file", "fixtures/client-2026.toml", "-o", "xlsx", "--out", out, "--lang", "zh"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("明细")
	if len(rows) < 5 || rows[0][10] != "已收到\n（元）" || rows[0][14] != "达到上限所需基数\n（元）" || rows[1][2] != "落户奖励" || rows[4][2] != "首版次软件·软件开发商" {
		t.Fatalf("rows %q", rows)
	}
	checkNumber(t, f, "明细", "K2", "40000000.00", "40,000,000.00")
	checkNumber(t, f, "明细", "L2", "10000000.00", "10,000,000.00")
	checkNumber(t, f, "明细", "O5", "33333333.34", "33,333,333.34")
	if v, _ := f.GetCellValue("明细", "O2"); v != "" {
		t.Errorf("O2 (relocation has no rate) = %q, want empty", v)
	}
}
