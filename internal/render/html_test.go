package render

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/internal/edition"
	"szsoft/internal/msg"
	"szsoft/measures"
)

func TestShortVersion(t *testing.T) {
	for v, want := range map[string]string{
		"v1.2.0":                  "v1.2.0",
		"v1.2.0-3-gabc1234-dirty": "v1.2.0",
		"1.4":                     "1.4",
		"f263b14c0de1":            "dev",
		"f263b14c0de1-dirty":      "dev",
		"dev":                     "dev",
	} {
		if got := ShortVersion(v); got != want {
			t.Errorf("ShortVersion(%q) = %q, want %q", v, got, want)
		}
	}
}

// report computes a project of sz2022: revenue 12亿 after a peak of 8亿
// (（十二）: only the 10亿 tier is first reached, 500,000), with 50万 of it
// received in 2025 as the 10亿 tier — so nothing is left — prepared by
// 某咨询 for the applicant of the code 91350100M000100Y43.
func report(t *testing.T) *Report {
	t.Helper()
	ed := edition.SZ2022()
	c := calc.NewClaim("revenue")
	c.Amounts["revenue"] = decimal.RequireFromString("1200000000")
	c.Amounts["prior-peak"] = decimal.RequireFromString("800000000")
	p := &calc.Project{Name: "营收", Applicant: "深圳市某软件有限公司", CreditCode: "91350100M000100Y43", Preparer: "某咨询",
		Annex: calc.NewValues(), Claims: []calc.Claim{c}}
	p.Annex.Dates[measures.InDate] = calc.Date{Year: 2026, Month: 11, Day: 26}
	paid := calc.Date{Year: 2025, Month: 6, Day: 30}
	p.Received = []calc.Received{{Item: "revenue.milestone", Amount: decimal.RequireFromString("500000"), Date: &paid, Payer: measures.Municipal, Level: "1000000000"}}
	res, err := calc.Compute(ed, p)
	if err != nil {
		t.Fatal(err)
	}
	return &Report{Result: res}
}

// The 测算书 a client receives: a cover naming the project, the applicant
// and its code, the preparer, the day of the calculation and the version;
// a block to sign and seal; the version (not a commit) at the foot of
// every page; every input (the prior peak too) and the ledger's entry with
// its date.
func TestHTMLCoverAndInputs(t *testing.T) {
	ed := edition.SZ2022()
	var buf bytes.Buffer
	f, _ := New("html", &buf, Options{Printer: msg.Printer{Lang: "zh", Unit: "yuan", Edition: ed},
		Computed: calc.Date{Year: 2026, Month: 12, Day: 1}, Version: "v1.3.0-2-gabc1234"})
	r := report(t)
	if err := f.Begin(); err != nil {
		t.Fatal(err)
	}
	if err := f.Add(r, nil); err != nil {
		t.Fatal(err)
	}
	if err := f.End(); err != nil {
		t.Fatal(err)
	}
	doc := buf.String()
	cover := doc[strings.Index(doc, `<section class="cover">`):strings.Index(doc, `<section class="project">`)]
	for _, want := range []string{"深圳市某软件有限公司", "91350100M000100Y43", "某咨询", "2026-11-26", "2026-12-01", "szsoft v1.3.0-2-gabc1234",
		"测算人（签字）", "单位（盖章）"} {
		if !strings.Contains(cover, want) {
			t.Errorf("the cover lacks %q:\n%s", want, cover)
		}
	}
	if !strings.Contains(doc, `@bottom-left { content: "szsoft v1.3.0";`) {
		t.Errorf("the pages' foot does not name the release v1.3.0")
	}
	for _, want := range []string{"以往年度最高营业收入", "800,000,000.00", "2025-06-30", "10亿元", "500,000.00"} {
		if !strings.Contains(doc[strings.Index(doc, `<section class="project">`):], want) {
			t.Errorf("the project's page lacks %q", want)
		}
	}
}

// JSON echoes the claims by their TOML keys and the ledger's entries with
// their dates.
func TestJSONClaimsAndEntries(t *testing.T) {
	b := appendResult(nil, report(t), msg.Printer{Lang: "en", Unit: "yuan"})
	var v struct {
		CreditCode string                       `json:"credit_code"`
		Preparer   string                       `json:"preparer"`
		Claims     map[string]map[string]string `json:"claims"`
		Entries    []map[string]any             `json:"received_entries"`
		Layers     []string                     `json:"layers"`
	}
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("%v\n%s", err, b)
	}
	if v.CreditCode != "91350100M000100Y43" || v.Preparer != "某咨询" || v.Layers == nil || len(v.Layers) != 0 {
		t.Errorf("credit_code %q, preparer %q, layers %v", v.CreditCode, v.Preparer, v.Layers)
	}
	if got := v.Claims["revenue"]; got["revenue"] != "1200000000.00" || got["prior_peak"] != "800000000.00" {
		t.Errorf("claims %v", v.Claims)
	}
	if len(v.Entries) != 1 || v.Entries[0]["date"] != "2025-06-30" || v.Entries[0]["level"] != "1000000000" || v.Entries[0]["amount"] != "500000.00" {
		t.Errorf("received_entries %v", v.Entries)
	}
}
