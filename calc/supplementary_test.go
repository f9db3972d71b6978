package calc

import (
	"errors"
	"slices"
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
		{Date{Year: 2022, Month: 10, Day: 14}, false}, // the day before
		{Date{Year: 2022, Month: 10, Day: 15}, true},  // the first day
		{Date{Year: 2027, Month: 10, Day: 14}, true},  // the last day
		{Date{Year: 2027, Month: 10, Day: 15}, false}, // the day after (docs/contract.md §6)
		{Date{Year: 2024, Month: 2, Day: 29}, true},
	} {
		if got := ed.InWindow(c.date); got != c.in {
			t.Errorf("InWindow(%s) = %v, want %v", c.date, got, c.in)
		}
		r, err := compute(P{Date: c.date, Claims: []Claim{claim(t, "ai", "investment=4e7"), claim(t, "park", "rent=1e6", "rent-existing")}})
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

// 附则: 不得重复享受 bars the same kind of support, not the project: the
// measure declared has its municipal lines at 0; another measure of the same
// project and the district's rent subsidy are untouched.
func TestSameKind(t *testing.T) {
	r, err := compute(P{Date: testDate, SameKind: []string{"first-version"}, DistrictRatio: dec("0.5"),
		Claims: []Claim{claim(t, "first-version", "sales=5e7"), claim(t, "ai", "investment=4e7"), claim(t, "park", "rent=1e6")}})
	if err != nil {
		t.Fatal(err)
	}
	if l := line(t, r, "first-version.developer"); show(l.Max) != "0.00" || l.Zeroed != ZeroSameKind || l.Binding != BindNone {
		t.Errorf("developer %s (%s, %s), want 0.00 zeroed by same-kind", show(l.Max), l.Zeroed, l.Binding)
	}
	// ai: 40,000,000 × 30% = 12,000,000, capped at 10,000,000, untouched.
	if got := show(line(t, r, "ai").Max); got != "10000000.00" {
		t.Errorf("ai %s, want 10000000.00 (not the same kind)", got)
	}
	if l := line(t, r, "park.rent"); show(l.Min) != "1500000.00" || show(l.Max) != "3000000.00" {
		t.Errorf("rent %s-%s, want untouched 1500000.00-3000000.00", show(l.Min), show(l.Max))
	}
	// total 10,000,000; the district matches 50% of it: 5,000,000.
	if Yuan(r.Total) != "10000000.00" || Yuan(r.DistrictMatch) != "5000000.00" || !r.SameKindApplied() {
		t.Errorf("total %s, match %s", Yuan(r.Total), Yuan(r.DistrictMatch))
	}
	if len(r.Warnings) != 1 || r.Warnings[0].Code != WarnSameKind || r.Warnings[0].Args.Get("what") != Declared("first-version") {
		t.Errorf("warnings %v, want one naming first-version", r.Warnings)
	}
	if !slices.Equal(r.Inputs.SameKind, []string{"first-version"}) {
		t.Errorf("inputs same_kind %v", r.Inputs.SameKind)
	}

	// By item: only the certification is already supported; the honour stays.
	r, err = compute(P{Date: testDate, SameKind: []string{"quality.certification"},
		Claims: []Claim{claim(t, "quality", "certification=cmmi-5", "honor")}})
	if err != nil {
		t.Fatal(err)
	}
	if show(line(t, r, "quality.certification").Max) != "0.00" || show(line(t, r, "quality.honor").Max) != "500000.00" || Yuan(r.Total) != "500000.00" {
		t.Errorf("certification %s honour %s total %s", show(line(t, r, "quality.certification").Max), show(line(t, r, "quality.honor").Max), Yuan(r.Total))
	}

	// Everything zeroed: no grant, so no district match.
	r, err = compute(P{Date: testDate, SameKind: []string{"first-version"}, DistrictRatio: dec("1"),
		Claims: []Claim{claim(t, "first-version", "sales=5e7")}})
	if err != nil {
		t.Fatal(err)
	}
	if Yuan(r.Total) != "0.00" || Yuan(r.DistrictMatch) != "0.00" || r.DistrictMatchLimit != nil {
		t.Errorf("total %s match %s limit %s", Yuan(r.Total), Yuan(r.DistrictMatch), show(r.DistrictMatchLimit))
	}

	_, err = compute(P{Date: testDate, SameKind: []string{"first-versoin"}, Claims: []Claim{claim(t, "first-version", "sales=5e7")}})
	var ve *ValueError
	if !errors.As(err, &ve) || ve.Field != "same-kind" {
		t.Errorf("unknown same-kind entry: err = %v", err)
	}
}

// 附则: 对于已获得国家或省级财政支持的项目，我市各级财政对同一项目累计资助金额不得
// 超过该项目经审计认定的投资额. The cap bounds the municipal lines of scope
// project (P); the firm's own awards (F) stay outside: total = min(P, H) + F.
// The district's match is min(R × min(P, H), H − min(P, H)) + R × F.
func TestCumulativeCap(t *testing.T) {
	cases := []struct {
		name                 string
		p                    P
		claims               []Claim
		cap, total, limit    string
		adjustment, match    string // adjustment "" = none
		reading              Reading
		nationalMatchLineCap string
		warnings             int
	}{
		{
			// docs/contract.md §6: 16,000,000 × 50% = 8,000,000 ≤ H = 10,000,000; limit 2,000,000.
			name:   "spec example",
			p:      P{NationalFunding: pdec("2e6"), AuditedInvestment: pdec("1e7")},
			claims: []Claim{claim(t, "new-product", "investment=1.6e7")},
			cap:    "10000000.00", total: "8000000.00", limit: "2000000.00", match: "0.00", reading: Literal,
		},
		{
			// P = 10,000,000 (first-version developer) > H = 8,000,000: cut 2,000,000.
			name:   "literal cut",
			p:      P{NationalFunding: pdec("5e6"), AuditedInvestment: pdec("8e6")},
			claims: []Claim{claim(t, "first-version", "sales=5e7")},
			cap:    "8000000.00", total: "8000000.00", limit: "0.00", adjustment: "-2000000.00", match: "0.00", reading: Literal,
			warnings: 1, // 30% is fixed: the cap leaves less than the line's own minimum
		},
		{
			// all levels: H = 8,000,000 − 5,000,000 = 3,000,000; cut 7,000,000.
			name:   "all-levels cut",
			p:      P{NationalFunding: pdec("5e6"), AuditedInvestment: pdec("8e6"), StrictCap: true},
			claims: []Claim{claim(t, "first-version", "sales=5e7")},
			cap:    "3000000.00", total: "3000000.00", limit: "0.00", adjustment: "-7000000.00", match: "0.00", reading: AllLevels,
			warnings: 1,
		},
		{
			// provincial money alone triggers it; other city funds count against it:
			// H = 20,000,000 − 3,000,000 = 17,000,000 ≥ P = 10,000,000 (ai: 30% of
			// 40,000,000 capped); limit 7,000,000; the district at 50%: 5,000,000.
			name:   "provincial, other city funding, district match",
			p:      P{ProvincialFunding: pdec("1"), AuditedInvestment: pdec("2e7"), OtherCityFunding: pdec("3e6"), DistrictRatio: dec("0.5")},
			claims: []Claim{claim(t, "ai", "investment=4e7")},
			cap:    "17000000.00", total: "10000000.00", limit: "7000000.00", match: "5000000.00", reading: Literal,
		},
		{
			// headroom exactly P: no cut, limit 0, the district gets nothing.
			name:   "headroom exactly P",
			p:      P{NationalFunding: pdec("1e6"), AuditedInvestment: pdec("1e7"), DistrictRatio: dec("1")},
			claims: []Claim{claim(t, "ai", "investment=4e7")},
			cap:    "10000000.00", total: "10000000.00", limit: "0.00", match: "0.00", reading: Literal,
		},
		{
			// headroom zero: audited = other city funds; the project line is cut to
			// nothing, national-match has no headroom, no grant and no match.
			name:   "headroom zero",
			p:      P{NationalFunding: pdec("1e6"), AuditedInvestment: pdec("5e6"), OtherCityFunding: pdec("5e6"), DistrictRatio: dec("1")},
			claims: []Claim{claim(t, "ai", "investment=4e7"), claim(t, "national-match")},
			cap:    "0.00", total: "0.00", limit: "0.00", adjustment: "-10000000.00", match: "0.00", reading: Literal,
			nationalMatchLineCap: "0.00",
		},
		{
			// more money from elsewhere than the audited investment: H floors at 0.
			name:   "headroom below zero",
			p:      P{NationalFunding: pdec("9e6"), AuditedInvestment: pdec("5e6"), StrictCap: true},
			claims: []Claim{claim(t, "ai", "investment=4e7")},
			cap:    "0.00", total: "0.00", limit: "0.00", adjustment: "-10000000.00", match: "0.00", reading: AllLevels,
		},
		{
			// H = 15,000,000, P = 10,000,000: limit 5,000,000; 60% of 10,000,000 =
			// 6,000,000 → cut to 5,000,000. national-match's headroom: H − P =
			// 5,000,000.
			name:   "district cut to the limit",
			p:      P{NationalFunding: pdec("1e6"), AuditedInvestment: pdec("1.5e7"), DistrictRatio: dec("0.6")},
			claims: []Claim{claim(t, "ai", "investment=4e7"), claim(t, "national-match")},
			cap:    "15000000.00", total: "10000000.00", limit: "5000000.00", match: "5000000.00", reading: Literal,
			nationalMatchLineCap: "5000000.00",
		},
		{
			// docs/contract.md §6: ai 10,000,000 (project) and revenue 12亿 over a peak of 9亿:
			// 500,000 (firm): min(10,000,000, 20,000,000) + 500,000, no cut.
			name: "firm award outside the cap, no cut",
			p:    P{NationalFunding: pdec("1e7"), AuditedInvestment: pdec("2e7")},
			claims: []Claim{claim(t, "ai", "investment=4e7"),
				claim(t, "revenue", "revenue=12亿", "prior-peak=9亿")},
			cap: "20000000.00", total: "10500000.00", limit: "10000000.00", match: "0.00", reading: Literal,
		},
		{
			// P = 10,000,000 > H = 5,000,000: the project line is cut by 5,000,000;
			// the listing award (firm) is not: total 5,000,000 + 4,000,000. The
			// district: min(50% × 5,000,000, 0) + 50% × 4,000,000 = 2,000,000.
			name:   "firm award not cut",
			p:      P{NationalFunding: pdec("1e6"), AuditedInvestment: pdec("5e6"), DistrictRatio: dec("0.5")},
			claims: []Claim{claim(t, "ai", "investment=4e7"), claim(t, "listing", "listed")},
			cap:    "5000000.00", total: "9000000.00", limit: "0.00", adjustment: "-5000000.00", match: "2000000.00", reading: Literal,
		},
		{
			// A core team (1000万元以上) under a cap of 5,000,000: cut by 95,000,000,
			// and a warning that the cap leaves less than the text's own minimum.
			name:   "cap below a stated minimum",
			p:      P{NationalFunding: pdec("1"), AuditedInvestment: pdec("5e6")},
			claims: []Claim{claim(t, "talent-team", "core-team")},
			cap:    "5000000.00", total: "5000000.00", limit: "0.00", adjustment: "-95000000.00", match: "0.00", reading: Literal,
			warnings: 1,
		},
		{
			// district-paid rent stays outside the cap: P = 10,000,000 only.
			name:   "rent outside the cap",
			p:      P{NationalFunding: pdec("1e6"), AuditedInvestment: pdec("1e7")},
			claims: []Claim{claim(t, "ai", "investment=4e7"), claim(t, "park", "rent=1e7")},
			cap:    "10000000.00", total: "10000000.00", limit: "0.00", match: "0.00", reading: Literal,
		},
		{
			// Outside the window nothing is granted: the limit is 0, not H.
			name:   "no grant, no limit",
			p:      P{NationalFunding: pdec("1e6"), AuditedInvestment: pdec("1e7"), DistrictRatio: dec("1"), Date: Date{Year: 2027, Month: 10, Day: 15}},
			claims: []Claim{claim(t, "ai", "investment=4e7")},
			cap:    "10000000.00", total: "0.00", limit: "0.00", match: "0.00", reading: Literal,
			warnings: 1,
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := c.p
			if p.Date.IsZero() {
				p.Date = testDate
			}
			p.Claims = c.claims
			r, err := compute(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := r.Check(); err != nil {
				t.Error(err)
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
			if len(r.Warnings) != c.warnings {
				t.Errorf("warnings %v, want %d", r.Warnings, c.warnings)
			}
		})
	}
}

// national-match's cap is the headroom the project's other lines leave,
// after the other rules zeroed what they zero: with the developer line
// declared same-kind (0), the whole H = 8,000,000 is left.
func TestNationalMatchHeadroomAfterSameKind(t *testing.T) {
	r, err := compute(P{Date: testDate, NationalFunding: pdec("1e6"), AuditedInvestment: pdec("8e6"), SameKind: []string{"first-version"},
		Claims: []Claim{claim(t, "first-version", "sales=2e7"), claim(t, "national-match")}})
	if err != nil {
		t.Fatal(err)
	}
	if got := show(line(t, r, "national-match").Cap); got != "8000000.00" {
		t.Errorf("national-match cap %s, want 8000000.00", got)
	}
	// Without same-kind: 8,000,000 − 6,000,000 (20,000,000 × 30%) = 2,000,000.
	r, err = compute(P{Date: testDate, NationalFunding: pdec("1e6"), AuditedInvestment: pdec("8e6"),
		Claims: []Claim{claim(t, "first-version", "sales=2e7"), claim(t, "national-match")}})
	if err != nil {
		t.Fatal(err)
	}
	if got := show(line(t, r, "national-match").Cap); got != "2000000.00" {
		t.Errorf("national-match cap %s, want 2000000.00", got)
	}
}

func TestNoCumulativeCapWithoutHigherFunding(t *testing.T) {
	r, err := compute(P{Date: testDate, AuditedInvestment: pdec("1e6"), StrictCap: true, DistrictRatio: dec("0.25"),
		Claims: []Claim{claim(t, "listing", "listed")}})
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
	if r.Inputs.Reading != AllLevels || r.Reading != "" {
		t.Errorf("reading chosen %q, applied %q", r.Inputs.Reading, r.Reading)
	}
}

func TestSupplementaryInputsRefused(t *testing.T) {
	for name, p := range map[string]P{
		"national without audited":   {NationalFunding: pdec("1")},
		"provincial without audited": {ProvincialFunding: pdec("5e6")},
		"ratio above 1":              {DistrictRatio: dec("1.5")},
		"negative ratio":             {DistrictRatio: dec("-0.1")},
	} {
		p.Date, p.Claims = testDate, []Claim{claim(t, "listing", "listed")}
		_, err := compute(p)
		var ve *ValueError
		if !errors.As(err, &ve) || ve.Field == "" {
			t.Errorf("%s: err = %v, want a ValueError naming its field", name, err)
		}
	}
}

// District matching rounds half-up to 0.01 yuan.
func TestDistrictMatchRounding(t *testing.T) {
	r, err := compute(P{Date: testDate, DistrictRatio: dec("0.5"), Claims: []Claim{claim(t, "new-product", "investment=0.1")}})
	if err != nil {
		t.Fatal(err)
	}
	// investment 0.10 × 50% = 0.05; × 0.5 = 0.025 → 0.03.
	if Yuan(r.Total) != "0.05" || Yuan(r.DistrictMatch) != "0.03" {
		t.Errorf("total %s match %s, want 0.05 and 0.03", Yuan(r.Total), Yuan(r.DistrictMatch))
	}
}
