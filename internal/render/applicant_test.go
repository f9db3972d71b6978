package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/internal/edition"
	"szsoft/internal/msg"
)

// applicant is 前海数科 as the tests give it: two files, CMMI level 5
// (（十四）at most 50万) counted once from a.toml with 25万 of match at R =
// 50%, b.toml's claim a duplicate; project parts 1500万 and 900万, so the
// applicant's total is 1500万 + 900万 + 50万 + 25万 = 2475万.
func applicant(t *testing.T) *calc.Applicant {
	t.Helper()
	ed := edition.SZ2022()
	it, ok := ed.Item("quality.certification")
	if !ok {
		t.Fatal("no quality.certification")
	}
	d := decimal.RequireFromString
	aw := calc.Award{Edition: ed, Item: it, Level: "cmmi-5", Date: calc.Date{Year: 2026, Month: 11, Day: 26}, File: "a.toml", Amount: d("500000"), Match: d("250000")}
	dup := aw
	dup.File, dup.Kept = "b.toml", "a.toml"
	return &calc.Applicant{Name: "前海数科（深圳）信息技术有限公司", CreditCode: "91440300MA5FUQ1B0N",
		Files: []calc.Filed{calc.NewFiled("a.toml", "甲", d("15750000"), d("15000000")),
			calc.NewFiled("b.toml", "乙", d("9750000"), d("9000000"))},
		Awards: []calc.Award{aw}, Duplicates: []calc.Award{dup}, Total: d("24750000")}
}

// JSON appends one {"applicant": …} object after the results, amounts as
// strings in yuan; jsonl one a line.
func TestJSONApplicant(t *testing.T) {
	for _, name := range []string{"json", "jsonl"} {
		var buf bytes.Buffer
		f, _ := New(name, &buf, Options{Printer: msg.Printer{Lang: "en", Unit: "yuan"}, Many: true})
		if err := f.Begin(); err != nil {
			t.Fatal(err)
		}
		if err := f.(ApplicantForm).Applicants([]*calc.Applicant{applicant(t)}); err != nil {
			t.Fatal(err)
		}
		if err := f.End(); err != nil {
			t.Fatal(err)
		}
		out := strings.Join(strings.Fields(buf.String()), "")
		for _, want := range []string{`{"applicant":{"name":"前海数科（深圳）信息技术有限公司","credit_code":"91440300MA5FUQ1B0N"`,
			`"firm_awards":[{"item":"quality.certification","level":"cmmi-5","year":2026,"file":"a.toml","amount":"500000.00","district_match":"250000.00"}]`,
			`"counted_in":"a.toml"`, `"total":"24750000.00"`} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: no %s in %s", name, want, out)
			}
		}
		if name == "jsonl" && strings.Count(buf.String(), "\n") != 1 {
			t.Errorf("jsonl: %d lines, want 1", strings.Count(buf.String(), "\n"))
		}
	}
}

// The batch table: the applicant's row below the rows per file, its award
// named in Chinese with its choice, and the duplicate said.
func TestTableApplicant(t *testing.T) {
	var buf bytes.Buffer
	f, _ := New("table", &buf, Options{Printer: msg.Printer{Lang: "zh", Unit: "yuan"}, Many: true})
	_ = f.Begin()
	if err := f.(ApplicantForm).Applicants([]*calc.Applicant{applicant(t)}); err != nil {
		t.Fatal(err)
	}
	if err := f.End(); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"按申请单位", "91440300MA5FUQ1B0N", "a.toml 15,000,000.00、b.toml 9,000,000.00",
		"质量标准·认证（CMMI优化级）·2026年 750,000.00", "24,750,000.00", "b.toml 申报的 质量标准·认证（CMMI优化级）（2026年）与 a.toml 重复"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if i, j := strings.Index(out, "合计"), strings.Index(out, "按申请单位"); i < 0 || j < i {
		t.Errorf("the applicant view is not below the rows per file:\n%s", out)
	}
}

// The workbook and the 测算书 show the applicant view in every batch.
func TestApplicantsAlways(t *testing.T) {
	for name, always := range map[string]bool{"xlsx": true, "html": true, "json": false, "table": false, "csv": false} {
		f, err := New(name, &bytes.Buffer{}, Options{Printer: msg.Printer{Lang: "zh", Unit: "yuan"}, Many: true})
		if err != nil {
			t.Fatal(err)
		}
		if AlwaysApplicants(f) != always {
			t.Errorf("%s: always %v, want %v", name, !always, always)
		}
	}
}
