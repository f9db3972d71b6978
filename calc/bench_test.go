package calc

import "testing"

// BenchmarkCompute computes the project of docs/contract.md ("Project
// files"): three measures, four lines, the cumulative cap and district
// matching.
func BenchmarkCompute(b *testing.B) {
	p := &P{
		Date: testDate, AuditedInvestment: pdec("8e7"), NationalFunding: pdec("1e7"), DistrictRatio: dec("0.5"),
		Claims: []Claim{
			claimB(b, "first-version", "sales=5e7", "premium=20万"),
			claimB(b, "industrial-software", "cloud-purchase=6e7", "cloud-rate=8%"),
			claimB(b, "quality", "standard=national,group"),
		},
	}
	proj := p.project()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(ed, proj); err != nil {
			b.Fatal(err)
		}
	}
}

func claimB(b *testing.B, measure string, words ...string) Claim {
	t := &testing.T{}
	c := claim(t, measure, words...)
	if t.Failed() {
		b.Fatal("bad claim")
	}
	return c
}

// BenchmarkParseAmount reads the amount syntaxes of docs/contract.md §3.
func BenchmarkParseAmount(b *testing.B) {
	in := []string{"50000000", "5e7", "50,000,000", "5000万元", "0.5亿", "12345678.91"}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range in {
			if _, err := ParseAmount(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}
