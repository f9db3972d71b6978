package project

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"szsoft/calc"
	"szsoft/internal/roster"
)

// sheetOf opens a CSV roster.
func sheetOf(t *testing.T, src string) *roster.Sheet {
	t.Helper()
	s, err := roster.Open("r.csv", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// rosterErrors are a roster's errors as "cell: message | hint".
func rosterErrors(err error) []string {
	var es Errors
	if !errors.As(err, &es) {
		return []string{"not Errors: " + err.Error()}
	}
	var out []string
	for _, e := range es {
		s := e.Cell + ": " + en.Note(e.Msg)
		if e.Cell == "" {
			s = e.Path + ": " + en.Note(e.Msg)
		}
		if e.Hint.Code != "" {
			s += " | " + en.Note(e.Hint)
		}
		out = append(out, s)
	}
	return out
}

// Headers as a project file writes its keys, as flags spell them, in the
// template's Chinese, in any case: the same columns.
func TestRosterHeaders(t *testing.T) {
	s := sheetOf(t, "Name,申请单位,事项日期,first-version.sales,首版次·首个销售合同用户审定采购额,platform.operating-cost,公共技术服务平台·已建平台资助比例,落户奖励,quality.standard,ＵＮＩＴ,项目已获国家级财政资金\n")
	cols, err := ReadColumns(reg, "r.csv", s)
	if err != nil {
		t.Fatalf("%v", rosterErrors(err))
	}
	want := "name,applicant,date,first-version.sales,first-version.purchase,platform.operating_cost,platform.existing_rate,relocation,quality.standard,unit,national_funding"
	if got := strings.Join(cols.Headers(), ","); got != want {
		t.Errorf("columns\n got %s\nwant %s", got, want)
	}
}

// A header may state its unit (（万元）: its bare numbers are 万元) and may be
// broken over two lines in its cell, as Excel's Alt+Enter does.
func TestRosterHeaderUnits(t *testing.T) {
	files, errs := readRows(t, "name,date,\"首版次软件\n一定时期内审定销售额（万元）\",platform.operating_cost (元)\n甲,2026-03-01,5000,3000\n")
	if errs[0] != nil {
		t.Fatal(errs[0])
	}
	claims := map[string]calc.Claim{}
	for _, c := range files[0].Project.Claims {
		claims[c.Measure] = c
	}
	// 5000 under （万元） is 50,000,000 yuan; 3000 under (元) is 3000.
	if a := claims["first-version"].Values.Amounts["sales"]; a.String() != "50000000" {
		t.Errorf("sales %s", a)
	}
	if a := claims["platform"].Values.Amounts["operating-cost"]; a.String() != "3000" {
		t.Errorf("operating cost %s", a)
	}
}

// A header not known is an error at its cell, with a did-you-mean; so is a
// column named twice, a received column, and no header at all. The
// roster as a whole fails: no row is read.
func TestRosterHeaderErrors(t *testing.T) {
	for _, c := range []struct {
		src  string
		want []string
	}{
		{"name,first-version.sale\n", []string{`B1: unknown column "first-version.sale" | did you mean first-version.sales?`}},
		{"name,sales\n", []string{`B1: unknown column "sales" | a measure's input: write open-source.sales, first-version.sales`}},
		{"name,备注\n", []string{`B1: unknown column "备注" | columns are a project file's keys (name, date, MEASURE.KEY such as first-version.sales, a MEASURE such as relocation) or the template's Chinese names; keep notes on another sheet (only the first is read); 'szsoft init --roster xlsx' writes a template`}},
		{"name,项目名称\n", []string{`B1: column "项目名称" repeats column A (both name)`}},
		// a Chinese header near the template's: the template's
		{"项目名称,首版次软件·销售额\n", []string{`B1: unknown column "首版次软件·销售额" | did you mean 首版次软件·一定时期内审定销售额?`}},
		{"name,received\n", []string{`B1: a received column: a roster keeps no ledger | write what was received as [[received]] in a project file (szsoft calc --file project.toml)`}},
		{",,\nx,y\n", []string{`r.csv: the first row names no column | name the columns in the first row, one project per row below it; 'szsoft init --roster xlsx' writes a template`}},
	} {
		_, err := ReadColumns(reg, "r.csv", sheetOf(t, c.src))
		if got := rosterErrors(err); strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("%q:\n got %q\nwant %q", c.src, got, c.want)
		}
	}
}

// readRows reads every row of a roster into projects, or their errors.
func readRows(t *testing.T, src string) ([]*File, [][]string) {
	t.Helper()
	s := sheetOf(t, src)
	cols, err := ReadColumns(reg, "r.csv", s)
	if err != nil {
		t.Fatalf("%v", rosterErrors(err))
	}
	var files []*File
	var errs [][]string
	for {
		row, err := s.Next()
		if err == io.EOF {
			return files, errs
		}
		if err != nil {
			t.Fatal(err)
		}
		f, err := cols.Row(reg, "r.csv", row)
		files = append(files, f)
		if err != nil {
			errs = append(errs, rosterErrors(err))
		} else {
			errs = append(errs, nil)
		}
	}
}

// A row's cells are the values a project file gives: amounts in the
// row's unit, a claim by yes, switches by yes or no, choices separated by
// 、 or ;.
func TestRosterRow(t *testing.T) {
	src := "name,unit,date,first-version.sales,relocation,quality.standard,quality.honor,industrial-software.cloud_rate\n" +
		"甲,万元,2026/3/1,5000,是,国家标准、团体标准,否,8%\n" +
		"乙,,2026年3月2日,\"50,000,000\",no,national;group,TRUE,\n"
	files, errs := readRows(t, src)
	for i, e := range errs {
		if e != nil {
			t.Fatalf("row %d: %v", i+2, e)
		}
	}
	// Row 2: 5000 in 万元 is 50,000,000 yuan; relocation claimed; the
	// standards national and group; honor no (not claimed by it).
	p := files[0].Project
	if files[0].Path != "r.csv:2" || p.Name != "甲" || p.Date() != (calc.Date{Year: 2026, Month: 3, Day: 1}) {
		t.Errorf("row 2: %s %q %v", files[0].Path, p.Name, p.Date())
	}
	claims := map[string]calc.Claim{}
	for _, c := range p.Claims {
		claims[c.Measure] = c
	}
	if a := claims["first-version"].Values.Amounts["sales"]; a.String() != "50000000" {
		t.Errorf("sales %s, want 50000000 (5000 万元)", a)
	}
	if _, ok := claims["relocation"]; !ok {
		t.Error("relocation not claimed by 是")
	}
	if got := strings.Join(claims["quality"].Values.Choices["standard"], ","); got != "national,group" {
		t.Errorf("standards %s", got)
	}
	if _, ok := claims["quality"].Values.Switches["honor"]; ok {
		t.Error("honor set by 否")
	}
	if r := claims["industrial-software"].Values.Rates["cloud-rate"]; r.String() != "0.08" {
		t.Errorf("cloud rate %s", r)
	}
	// Row 3: relocation not claimed by no; honor by Excel's TRUE.
	claims = map[string]calc.Claim{}
	for _, c := range files[1].Project.Claims {
		claims[c.Measure] = c
	}
	if _, ok := claims["relocation"]; ok {
		t.Error("relocation claimed by no")
	}
	if !claims["quality"].Values.Switches["honor"] {
		t.Error("honor not set by TRUE")
	}
	if a := claims["first-version"].Values.Amounts["sales"]; a.String() != "50000000" {
		t.Errorf("sales %s", a)
	}
}

// Every problem of a row names its cell, and the column as its header
// writes it; other rows are not touched.
func TestRosterRowErrors(t *testing.T) {
	src := "项目名称,首版次软件·一定时期内审定销售额,落户奖励,quality.standard,date\n" +
		"甲,abc,maybe,国际标准,2026-13-01\n" +
		"乙,5000万,是,,\n" +
		"丙,,,,,多余\n"
	_, errs := readRows(t, src)
	want := [][]string{
		{
			`B2: 首版次软件·一定时期内审定销售额: "abc": not a number | amounts look like 50000000, 5e7, 50,000,000, 50_000_000, 5000万, 0.5亿 or 1.5亿元`,
			`C2: 落户奖励: "maybe": neither yes nor no | write yes or no (是/否, 1/0, true/false; empty is no)`,
			`D2: quality.standard: "国际标准": not a valid value`,
			`E2: date: "2026-13-01": no such day in the calendar`,
		},
		nil,
		{`F4: column F has no header: nothing reads its value | give the column a header, or empty it`},
	}
	for i := range want {
		got := errs[i]
		for j := range got {
			// the hints of choices and dates are long: the message will do
			if k := strings.Index(got[j], " | "); k > 0 && (strings.HasPrefix(got[j], "D2") || strings.HasPrefix(got[j], "E2")) {
				got[j] = got[j][:k]
			}
		}
		if strings.Join(got, "\n") != strings.Join(want[i], "\n") {
			t.Errorf("row %d:\n got %q\nwant %q", i+2, got, want[i])
		}
	}
}

// In a CSV separated by semicolons (Excel where the decimal mark is a
// comma) 1,500 may be 1.5: an amount or rate with a comma between digits is
// its row's error, not a guess a thousand times off.
func TestRosterDecimalComma(t *testing.T) {
	_, errs := readRows(t, "name;date;first-version.sales\n甲;2026-03-01;1,500\n乙;2026-03-01;1500\n")
	if len(errs[0]) != 1 || !strings.HasPrefix(errs[0][0], `C2: first-version.sales: "1,500": in a CSV separated by semicolons`) {
		t.Errorf("row 2: %q", errs[0])
	}
	if errs[1] != nil {
		t.Errorf("row 3: %q", errs[1])
	}
}

// A roster of 16,384 unknown headers: the first 20 errors, each with its
// hint, then "and N more" — not 5.5 MB of errors.
func TestRosterHeaderErrorsCapped(t *testing.T) {
	var head []string
	for i := range 300 {
		head = append(head, fmt.Sprintf("bad%d", i))
	}
	s, err := roster.Open("r.csv", []byte(strings.Join(head, ",")+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = ReadColumns(reg, "r.csv", s)
	var es Errors
	if !errors.As(err, &es) || len(es) != MaxErrors+1 || es[MaxErrors].More != 300-MaxErrors {
		t.Fatalf("%d errors, the last %+v", len(es), es[len(es)-1])
	}
}
