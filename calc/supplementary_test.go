package calc

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
)

func pdec(s string) *decimal.Decimal { d := dec(s); return &d }

// 附则: 自2022年10月15日起施行，有效期5年 — the first day is 2022-10-15, the
// last 2027-10-14.
func TestValidityWindow(t *testing.T) {
	for _, c := range []struct {
		date Date
		in   bool
	}{
		{Date{2022, 10, 14}, false}, // the day before
		{Date{2022, 10, 15}, true},  // the first day
		{Date{2027, 10, 14}, true},  // the last day
		{Date{2027, 10, 15}, false}, // the day after (SPEC §6)
		{Date{2024, 2, 29}, true},
	} {
		if got := InWindow(c.date); got != c.in {
			t.Errorf("InWindow(%s) = %v, want %v", c.date, got, c.in)
		}
		r, err := Compute(&Project{Date: c.date, Claims: []Claim{claim(t, "ai", "investment=4e7"), claim(t, "park", "rent=1e6", "rent-existing")}})
		if err != nil {
			t.Fatal(err)
		}
		if r.Eligible != c.in {
			t.Errorf("%s: eligible %v", c.date, r.Eligible)
		}
		if c.in {
			continue
		}
		// Outside: every computable line 0, district ones too; the case-by-case line stays null.
		if Yuan(r.Total) != "0.00" || show(line(t, r, "ai").Max) != "0.00" || show(line(t, r, "park.rent").Max) != "0.00" || show(line(t, r, "park.rent").Min) != "0.00" {
			t.Errorf("%s: total %s, ai %s, rent %s", c.date, Yuan(r.Total), show(line(t, r, "ai").Max), show(line(t, r, "park.rent").Max))
		}
		if l := line(t, r, "park.rent-existing"); l.Max != nil {
			t.Errorf("case by case became %s", show(l.Max))
		}
		if len(r.Warnings) == 0 || r.Clauses()[len(r.Clauses())-1] != "附则" {
			t.Errorf("%s: no warning or no 附则 cited", c.date)
		}
	}
}

// 附则: 不得重复享受 — municipal lines 0, the district match follows; the
// district's rent subsidy is not touched.
func TestSameKind(t *testing.T) {
	r, err := Compute(&Project{Date: testDate, SameKind: true, DistrictRatio: dec("0.5"),
		Claims: []Claim{claim(t, "first-version", "sales=5e7"), claim(t, "park", "rent=1e6")}})
	if err != nil {
		t.Fatal(err)
	}
	if got := show(line(t, r, "first-version.developer").Max); got != "0.00" {
		t.Errorf("developer %s, want 0.00", got)
	}
	if l := line(t, r, "park.rent"); show(l.Min) != "1500000.00" || show(l.Max) != "3000000.00" {
		t.Errorf("rent %s-%s, want untouched 1500000.00-3000000.00", show(l.Min), show(l.Max))
	}
	if Yuan(r.Total) != "0.00" || Yuan(r.DistrictMatch) != "0.00" || !r.SameKind {
		t.Errorf("total %s, match %s", Yuan(r.Total), Yuan(r.DistrictMatch))
	}
}

// 附则: 对于已获得国家或省级财政支持的项目，我市各级财政对同一项目累计资助金额不得
// 超过该项目经审计认定的投资额.
func TestCumulativeCap(t *testing.T) {
	cases := []struct {
		name                 string
		p                    Project
		claims               []Claim
		cap, total, limit    string
		adjustment, match    string // adjustment "" = none
		reading              Reading
		nationalMatchLineCap string
	}{
		{
			// SPEC §6: 16,000,000 × 50% = 8,000,000 ≤ H = 10,000,000; limit 2,000,000.
			name:   "spec example",
			p:      Project{NationalFunding: dec("2e6"), AuditedInvestment: pdec("1e7")},
			claims: []Claim{claim(t, "new-product", "investment=1.6e7")},
			cap:    "10000000.00", total: "8000000.00", limit: "2000000.00", match: "0.00", reading: Literal,
		},
		{
			// M = 10,000,000 (first-version) > H = 8,000,000: cut 2,000,000.
			name:   "literal cut",
			p:      Project{NationalFunding: dec("5e6"), AuditedInvestment: pdec("8e6")},
			claims: []Claim{claim(t, "first-version", "sales=5e7")},
			cap:    "8000000.00", total: "8000000.00", limit: "0.00", adjustment: "-2000000.00", match: "0.00", reading: Literal,
		},
		{
			// all levels: H = 8,000,000 − 5,000,000 = 3,000,000; cut 7,000,000.
			name:   "all-levels cut",
			p:      Project{NationalFunding: dec("5e6"), AuditedInvestment: pdec("8e6"), StrictCap: true},
			claims: []Claim{claim(t, "first-version", "sales=5e7")},
			cap:    "3000000.00", total: "3000000.00", limit: "0.00", adjustment: "-7000000.00", match: "0.00", reading: AllLevels,
		},
		{
			// provincial money alone triggers it; other city funds count against it:
			// H = 12,000,000 − 3,000,000 = 9,000,000 ≥ M = 4,000,000; limit 5,000,000;
			// the district at 50%: 2,000,000 ≤ limit.
			name:   "provincial, other city funding, district match",
			p:      Project{ProvincialFunding: dec("1"), AuditedInvestment: pdec("1.2e7"), OtherCityFunding: dec("3e6"), DistrictRatio: dec("0.5")},
			claims: []Claim{claim(t, "listing")},
			cap:    "9000000.00", total: "4000000.00", limit: "5000000.00", match: "2000000.00", reading: Literal,
		},
		{
			// headroom exactly equal to M: no cut, limit 0, the district gets nothing.
			name:   "headroom exactly M",
			p:      Project{NationalFunding: dec("1e6"), AuditedInvestment: pdec("4e6"), DistrictRatio: dec("1")},
			claims: []Claim{claim(t, "listing")},
			cap:    "4000000.00", total: "4000000.00", limit: "0.00", match: "0.00", reading: Literal,
		},
		{
			// headroom exactly zero: audited = other city funds; everything is cut.
			name:   "headroom zero",
			p:      Project{NationalFunding: dec("1e6"), AuditedInvestment: pdec("5e6"), OtherCityFunding: dec("5e6")},
			claims: []Claim{claim(t, "listing"), claim(t, "national-match")},
			cap:    "0.00", total: "0.00", limit: "0.00", adjustment: "-4000000.00", match: "0.00", reading: Literal,
			nationalMatchLineCap: "0.00",
		},
		{
			// more money from elsewhere than the audited investment: H floors at 0.
			name:   "headroom below zero",
			p:      Project{NationalFunding: dec("9e6"), AuditedInvestment: pdec("5e6"), StrictCap: true},
			claims: []Claim{claim(t, "listing")},
			cap:    "0.00", total: "0.00", limit: "0.00", adjustment: "-4000000.00", match: "0.00", reading: AllLevels,
		},
		{
			// district match cut to the limit: H = 5,000,000, M = 4,000,000, limit
			// 1,000,000; 50% of 4,000,000 = 2,000,000 → 1,000,000.
			name:   "district cut to the limit",
			p:      Project{NationalFunding: dec("1e6"), AuditedInvestment: pdec("5e6"), DistrictRatio: dec("0.5")},
			claims: []Claim{claim(t, "listing"), claim(t, "national-match")},
			cap:    "5000000.00", total: "4000000.00", limit: "1000000.00", match: "1000000.00", reading: Literal,
			nationalMatchLineCap: "5000000.00",
		},
		{
			// district-paid rent stays outside the cap: M = 4,000,000 only.
			name:   "rent outside the cap",
			p:      Project{NationalFunding: dec("1e6"), AuditedInvestment: pdec("4e6")},
			claims: []Claim{claim(t, "listing"), claim(t, "park", "rent=1e7")},
			cap:    "4000000.00", total: "4000000.00", limit: "0.00", match: "0.00", reading: Literal,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.p
			p.Date, p.Claims = testDate, c.claims
			r, err := Compute(&p)
			if err != nil {
				t.Fatal(err)
			}
			if show(r.CumulativeCap) != c.cap || Yuan(r.Total) != c.total || show(r.DistrictMatchLimit) != c.limit || Yuan(r.DistrictMatch) != c.match {
				t.Errorf("cap %s total %s limit %s match %s; want %s %s %s %s",
					show(r.CumulativeCap), Yuan(r.Total), show(r.DistrictMatchLimit), Yuan(r.DistrictMatch), c.cap, c.total, c.limit, c.match)
			}
			if r.Reading != c.reading {
				t.Errorf("reading %q, want %q", r.Reading, c.reading)
			}
			switch {
			case c.adjustment == "" && len(r.Adjustments) > 0:
				t.Errorf("adjustments %v, want none", r.Adjustments)
			case c.adjustment != "" && (len(r.Adjustments) != 1 || Yuan(r.Adjustments[0].Amount) != c.adjustment || r.Adjustments[0].Clause != "附则"):
				t.Errorf("adjustments %v, want one of %s", r.Adjustments, c.adjustment)
			}
			if c.nationalMatchLineCap != "" {
				if got := show(line(t, r, "national-match").Cap); got != c.nationalMatchLineCap {
					t.Errorf("national-match cap %s, want %s", got, c.nationalMatchLineCap)
				}
			}
			// total = Σ municipal max + Σ adjustments.
			sum := decimal.Zero
			for _, l := range r.Lines {
				if l.Item.Payer == "municipal" && l.Max != nil {
					sum = sum.Add(*l.Max)
				}
			}
			for _, a := range r.Adjustments {
				sum = sum.Add(a.Amount)
			}
			if !sum.Equal(r.Total) {
				t.Errorf("Σ max + Σ adjustments = %s, total %s", sum, r.Total)
			}
		})
	}
}

func TestNoCumulativeCapWithoutHigherFunding(t *testing.T) {
	r, err := Compute(&Project{Date: testDate, AuditedInvestment: pdec("1e6"), StrictCap: true, DistrictRatio: dec("0.25"),
		Claims: []Claim{claim(t, "listing")}})
	if err != nil {
		t.Fatal(err)
	}
	// No national or provincial money: no cap, no limit; 25% of 4,000,000 = 1,000,000.
	if r.CumulativeCap != nil || r.DistrictMatchLimit != nil || Yuan(r.Total) != "4000000.00" || Yuan(r.DistrictMatch) != "1000000.00" {
		t.Errorf("cap %s limit %s total %s match %s", show(r.CumulativeCap), show(r.DistrictMatchLimit), Yuan(r.Total), Yuan(r.DistrictMatch))
	}
	if len(r.Warnings) != 2 { // strict-cap unused; audited investment unused
		t.Errorf("warnings %v, want 2", r.Warnings)
	}
}

func TestSupplementaryInputsRefused(t *testing.T) {
	for name, p := range map[string]Project{
		"national without audited":   {NationalFunding: dec("1")},
		"provincial without audited": {ProvincialFunding: dec("5e6")},
		"ratio above 1":              {DistrictRatio: dec("1.5")},
		"negative ratio":             {DistrictRatio: dec("-0.1")},
	} {
		p.Date, p.Claims = testDate, []Claim{claim(t, "listing")}
		_, err := Compute(&p)
		var ve *ValueError
		if !errors.As(err, &ve) || ve.Field == "" {
			t.Errorf("%s: err = %v, want a ValueError naming its field", name, err)
		}
	}
}

// District matching rounds half-up to 0.01 yuan.
func TestDistrictMatchRounding(t *testing.T) {
	r, err := Compute(&Project{Date: testDate, DistrictRatio: dec("0.5"), Claims: []Claim{claim(t, "new-product", "investment=0.1")}})
	if err != nil {
		t.Fatal(err)
	}
	// investment 0.10 × 50% = 0.05; × 0.5 = 0.025 → 0.03.
	if Yuan(r.Total) != "0.05" || Yuan(r.DistrictMatch) != "0.03" {
		t.Errorf("total %s match %s, want 0.05 and 0.03", Yuan(r.Total), Yuan(r.DistrictMatch))
	}
}
