package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// rosterResult is a row of a roster as batch -o json gives it.
type rosterResult struct {
	File          string
	Name          string
	Total         string
	DistrictMatch string `json:"district_match"`
	Date          string
	Error         *struct {
		Message      string
		Line, Column int
	}
}

// handmadeWant is what testdata/roster/handmade.fods holds, worked by hand
// from the policy's words:
//
//	row 2: （十九）30% of 50,000,000 (a number stored as text) = 15,000,000,
//	       capped at 10,000,000; （十四）a national and a group standard,
//	       「不超过50万、30万、20万、10万元」: 500,000 + 100,000. 10,600,000;
//	       the district's ratio, a percentage cell of 50%: 5,300,000.
//	row 4: 30% of 20,000,000 (a number) = 6,000,000; relocation claimed by
//	       a boolean TRUE, 「最高不超过5000万元」: 56,000,000.
//	row 6: 30% of "1,000万" = 3,000,000; the date written as text,
//	       2026年5月1日; relocation 否.
//	row 7: 落户奖励 "不知道" is neither yes nor no: an error at E7.
//
// Rows 3 and 5 are blank, the second sheet (备注) is not read.
var handmadeWant = []rosterResult{
	{File: "handmade.xlsx:2", Name: "甲软件首版次", Total: "10600000.00", DistrictMatch: "5300000.00", Date: "2026-03-01"},
	{File: "handmade.xlsx:4", Name: "乙公司落户", Total: "56000000.00", DistrictMatch: "0.00", Date: "2026-04-15"},
	{File: "handmade.xlsx:6", Name: "丙", Total: "3000000.00", DistrictMatch: "0.00", Date: "2026-05-01"},
	{File: "handmade.xlsx:7"},
}

// checkHandmade runs batch over a workbook of handmade.fods and checks its
// rows against handmadeWant.
func checkHandmade(t *testing.T, book string) {
	t.Helper()
	out, stderr, code := runCLI(t, "", "batch", book, "-o", "json", "--lang", "zh")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (row 7 fails): %s", code, stderr)
	}
	var got []rosterResult
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(handmadeWant) {
		t.Fatalf("%d records, want %d: %s", len(got), len(handmadeWant), out)
	}
	for i, w := range handmadeWant {
		g := got[i]
		g.File = filepath.Base(g.File)
		if w.Error == nil && i == 3 {
			if g.Error == nil || g.Error.Line != 7 || g.Error.Column != 5 {
				t.Errorf("row 7: %+v, want an error at line 7, column 5", g.Error)
			}
			continue
		}
		g.Error = nil
		if g != w {
			t.Errorf("record %d: %+v, want %+v", i, g, w)
		}
	}
	if !strings.Contains(stderr, "handmade.xlsx:客户名单!E7: 落户奖励：\"不知道\"：应为“是”或“否”") {
		t.Errorf("stderr does not name the cell:\n%s", stderr)
	}
}

// The workbook LibreOffice made of handmade.fods, kept in testdata: read
// without LibreOffice.
func TestRosterHandmadeWorkbook(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "handmade.xlsx")
	data, err := os.ReadFile("testdata/roster/handmade.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(book, data, 0o644); err != nil {
		t.Fatal(err)
	}
	checkHandmade(t, book)
}

// LibreOffice, where it is installed (.ci/run installs it), writes the
// rosters anew: the hand-made one saved as xlsx, and a CSV opened and
// saved as xlsx, as a consultant would.
func TestRosterFromLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice is not installed (.ci/run installs it): its rosters are not made anew")
	}
	if testing.Short() {
		t.Skip("converts with LibreOffice")
	}
	dir := t.TempDir()
	convert := func(src string, filter ...string) {
		t.Helper()
		args := append([]string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "profile")}, filter...)
		args = append(args, "--convert-to", "xlsx", "--outdir", dir, src)
		if b, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
			t.Fatalf("LibreOffice: %v\n%s", err, b)
		}
	}
	src, _ := filepath.Abs("testdata/roster/handmade.fods")
	convert(src)
	checkHandmade(t, filepath.Join(dir, "handmade.xlsx"))

	// A CSV in UTF-8 (LibreOffice's filter 76), saved as a workbook: the
	// same projects as the CSV itself. 30% of 5000万 → 1000万; 30% of
	// 2000万 = 600万 and relocation 5000万.
	csv := filepath.Join(dir, "clients.csv")
	text := "项目名称,事项日期,首版次软件·一定时期内审定销售额,落户奖励\n甲,2026-03-01,5000万,\n乙,2026/4/15,20000000,是\n"
	if err := os.WriteFile(csv, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	convert(csv, "--infilter=CSV:44,34,76,1")
	for _, book := range []string{csv, filepath.Join(dir, "clients.xlsx")} {
		out, stderr, code := runCLI(t, "", "batch", book, "-o", "json")
		var got []rosterResult
		if code != 0 || json.Unmarshal([]byte(out), &got) != nil || len(got) != 2 {
			t.Fatalf("%s: exit %d: %s %s", book, code, out, stderr)
		}
		if got[0].Total != "10000000.00" || got[1].Total != "56000000.00" || got[1].Date != "2026-04-15" {
			t.Errorf("%s: %+v", filepath.Base(book), got)
		}
	}
}

// A roster goes through batch into a client's workbook: a row of the
// summary per row of the roster, named by its row, the failed row on the
// sheet of failures with its place.
func TestRosterIntoWorkbook(t *testing.T) {
	dir := t.TempDir()
	book := filepath.Join(dir, "handmade.xlsx")
	data, _ := os.ReadFile("testdata/roster/handmade.xlsx")
	os.WriteFile(book, data, 0o644)
	out := filepath.Join(dir, "测算.xlsx")
	if _, stderr, code := runCLI(t, "", "batch", book, "--out", out, "--lang", "zh"); code != 1 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sum, _ := f.GetRows("汇总")
	files := []string{}
	for _, r := range sum[1:4] {
		files = append(files, r[len(r)-1])
	}
	if strings.Join(files, ",") != "handmade.xlsx:2,handmade.xlsx:4,handmade.xlsx:6" || sum[1][0] != "甲软件首版次" {
		t.Errorf("summary rows %q", sum)
	}
	// 15,900,000 + 56,000,000 + 3,000,000 = 74,900,000, the grand totals.
	checkNumber(t, f, "汇总", "I2", "15900000.00", "15,900,000.00")
	failed, _ := f.GetRows("未能计算的文件")
	if len(failed) != 2 || failed[1][0] != "handmade.xlsx:7" || failed[1][1] != "7" || failed[1][2] != "5" {
		t.Errorf("failures %q", failed)
	}
}
