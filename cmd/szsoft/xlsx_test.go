package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The workbook szsoft writes by hand must be a real one: excelize (used
// here, in tests only) opens it and finds the sheets, the numbers as
// numbers, the accounting format and the clause column.
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
	if got := strings.Join(f.GetSheetList(), ","); got != "Summary,Lines" {
		t.Fatalf("sheets %s", got)
	}
	rows, err := f.GetRows("Lines")
	if err != nil {
		t.Fatal(err)
	}
	// header, ai, first-version.developer, the cumulative-cap adjustment
	if len(rows) != 4 || rows[0][2] != "Clause" || rows[1][2] != "（十八）" || rows[3][3] != "cumulative-cap" {
		t.Fatalf("rows %q", rows)
	}
	// Max of the ai line (N2): 10,000,000 as a number in the accounting format.
	typ, err := f.GetCellType("Lines", "N2")
	if err != nil || typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("N2 type %v, %v", typ, err)
	}
	raw, _ := f.GetCellValue("Lines", "N2", excelize.Options{RawCellValue: true})
	if raw != "10000000.00" {
		t.Errorf("N2 = %q, want the number 10000000.00", raw)
	}
	styleID, _ := f.GetCellStyle("Lines", "N2")
	style, err := f.GetStyle(styleID)
	if err != nil || style.CustomNumFmt == nil || !strings.Contains(*style.CustomNumFmt, "#,##0.00") {
		t.Errorf("N2 style %+v, %v: want the accounting format", style, err)
	}
	shown, _ := f.GetCellValue("Lines", "N4") // the cut, −4,000,000, in brackets (N4)
	if !strings.Contains(shown, "4,000,000.00") || !strings.Contains(shown, "(") {
		t.Errorf("N4 shows %q", shown)
	}
	// Summary: the municipal total 16,000,000 (F2) and the cumulative cap.
	if v, _ := f.GetCellValue("Summary", "F2", excelize.Options{RawCellValue: true}); v != "16000000.00" {
		t.Errorf("Summary F2 = %q", v)
	}
	// Words, not codes: the reading, the payer, the kind.
	if v, _ := f.GetCellValue("Summary", "I2"); v != "literal reading: Shenzhen money only" {
		t.Errorf("Summary I2 = %q", v)
	}
	if row := rows[1]; row[5] != "project" || row[6] != "paid by the city" || row[7] != "ceiling rate" || row[14] != "cap" {
		t.Errorf("the ai line: scope %q, payer %q, kind %q, binding %q", row[5], row[6], row[7], row[14])
	}
}

// batch puts every project, and every failed file, in one workbook.
func TestXLSXBatchOneWorkbook(t *testing.T) {
	t.Chdir("../..")
	out := filepath.Join(t.TempDir(), "all.xlsx")
	_, _, code := runCLI(t, "", "batch", "fixtures", "missing.toml", "-o", "xlsx", "--out", out, "--lang", "zh")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (one file missing)", code)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("汇总")
	files, _ := filepath.Glob("fixtures/*.toml")
	if len(rows) != len(files)+2 { // header + every fixture + the missing file
		t.Fatalf("%d summary rows for %d fixtures", len(rows), len(files))
	}
	if last := rows[len(rows)-1]; last[0] != "missing.toml" || !strings.Contains(last[1], "文件不存在") {
		t.Errorf("last row %q", last)
	}
	// A Chinese workbook holds words, not codes (municipal, ceiling-rate,
	// literal): every cell of both sheets.
	for _, sheet := range f.GetSheetList() {
		all, _ := f.GetRows(sheet)
		for i, row := range all {
			if w := englishWords(strings.Join(row, " ")); len(w) > 0 {
				t.Errorf("%s row %d: English words %q in %q", sheet, i+1, w, row)
			}
		}
	}
}
