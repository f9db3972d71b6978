package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// A second edition is data: a successor of 深府规〔2022〕5号 in force from
// 2027-10-15, whose first-version developer cap is 15,000,000 instead of
// 10,000,000, added to a registry. The command line and the engine are the
// same code; the date picks the edition, --policy and the TOML key policy
// name one.
func TestASecondEdition(t *testing.T) {
	next := measures.SZ2022()
	next.ID, next.Policy = "test2027", "深府规〔2027〕测试号"
	next.Supplementary.From, next.Supplementary.To = measures.Day{Year: 2027, Month: 10, Day: 15}, measures.Day{Year: 2032, Month: 10, Day: 14}
	it, _ := next.Item("first-version.developer")
	cap := decimal.RequireFromString("15000000")
	it.Cap = &cap
	next = measures.NewEdition(*next)
	reg, err := measures.NewRegistry(measures.SZ2022(), next)
	if err != nil {
		t.Fatal(err)
	}
	cli := func(stdin string, args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := runWith(reg, args, strings.NewReader(stdin), &out, &errb)
		return out.String(), errb.String(), code
	}
	// 2028: the successor is in force; 60,000,000 × 30% = 18,000,000 → its
	// cap, 15,000,000.
	out, stderr, code := cli("", "calc", "first-version", "--sales", "6e7", "--date", "2028-01-01", "-o", "json")
	if code != 0 || !strings.Contains(out, `"policy": "深府规〔2027〕测试号"`) || !strings.Contains(out, `"max": "15000000.00"`) {
		t.Errorf("2028: exit %d %s\n%s", code, stderr, out)
	}
	// 2026: the first edition, cap 10,000,000.
	out, _, _ = cli("", "calc", "first-version", "--sales", "6e7", "--date", "2026-01-01", "-o", "total")
	if out != "10000000.00\n" {
		t.Errorf("2026: %q", out)
	}
	// --policy names an edition: sz2022 in 2028 is outside its window, 0.
	out, _, _ = cli("", "calc", "first-version", "--sales", "6e7", "--date", "2028-01-01", "--policy", "sz2022", "-o", "total")
	if out != "0.00\n" {
		t.Errorf("--policy sz2022 in 2028: %q", out)
	}
	// The TOML key policy does the same; an unknown edition is an invalid
	// value listing the known ones.
	out, _, _ = cli("policy = \"test2027\"\ndate = 2030-06-01\n[first-version]\nsales = 6e7\n", "calc", "--file", "-", "-o", "total")
	if out != "15000000.00\n" {
		t.Errorf("policy key: %q", out)
	}
	_, stderr, code = cli("policy = \"sz2099\"\n[relocation]\n", "calc", "--file", "-", "--lang", "en")
	if code != 1 || !strings.Contains(stderr, `policy: "sz2099" is not a policy edition szsoft knows`) || !strings.Contains(stderr, "editions: sz2022, test2027") {
		t.Errorf("unknown policy: exit %d %s", code, stderr)
	}
	// Both editions are listed by version, and measures --policy shows one.
	out, _, _ = cli("", "version")
	if strings.Count(out, "policy ") != 1+1 {
		t.Errorf("version: %s", out)
	}
	out, _, _ = cli("", "measures", "--policy", "test2027", "--lang", "en")
	if !strings.Contains(out, "15,000,000.00") {
		t.Errorf("measures --policy test2027 lacks the new cap:\n%s", out)
	}
}
