package calc

import (
	"slices"
	"testing"

	"szsoft/measures"
)

// Layers (docs/contract.md §10), one rule each, figures by hand.

// guide is a guide on sz2022 in force 2023-08-25 to 2028-08-24: CSMM
// level 4 at most 300,000 and DCMM level 2 at most 150,000 (the policy:
// 「最高不超过50万元」 for every level that qualifies); the first-version
// developer at 20% (the policy: 30%), cap 8,000,000 (the policy:
// 10,000,000); open-source distributions applied for in 2026-04-30 to
// 2026-05-29 only.
func guide() *measures.Edition {
	cap := dec("8000000")
	rate := dec("0.2")
	return measures.NewEdition(measures.Edition{
		ID: "g", Policy: "测试指南〔2026〕1号", Extends: "sz2022", Kind: measures.GuideLayer,
		Supplementary: measures.Supplementary{From: Date{Year: 2023, Month: 8, Day: 25}, To: Date{Year: 2028, Month: 8, Day: 24}},
		Guide: []measures.GuideRule{
			{Item: "quality.certification", Quote: "CSMM四级30万元", Input: "certification",
				Amounts: []measures.Step{{Key: "csmm-4", Amount: dec("300000")}, {Key: "dcmm-2", Amount: dec("150000")}}},
			{Item: "first-version.developer", Quote: "按20%，最高800万元", RateHigh: &rate, Cap: &cap},
			{Item: "open-source.distribution", Quote: "申报期", Opens: Date{Year: 2026, Month: 4, Day: 30}, Closes: Date{Year: 2026, Month: 5, Day: 29}},
		},
	})
}

// district is a district's own measure on sz2022, in force 2026-01-01 to
// 2030-12-31: at most 10% of R&D spending, cap 3,000,000, a project item
// paid by the district.
func district() *measures.Edition {
	cap := dec("3000000")
	return measures.NewEdition(measures.Edition{
		ID: "d", Policy: "测试区〔2026〕2号", Extends: "sz2022", Kind: measures.DistrictLayer,
		Supplementary: measures.Supplementary{From: Date{Year: 2026, Month: 1, Day: 1}, To: Date{Year: 2030, Month: 12, Day: 31}},
		Clauses:       []measures.Clause{{Number: "（一）", Title: measures.Text{Zh: "研发", En: "R&D"}}},
		Measures: []*measures.Measure{{Name: "district-rd", Aliases: []string{"区研发"}, Clause: "（一）",
			Inputs: []measures.Input{{Name: "rd-investment", Kind: measures.Amount}},
			Items: []*measures.Item{{ID: "district-rd", Name: "区研发资助", Kind: measures.CeilingRate, Base: "rd-investment",
				RateHigh: dec("0.1"), Cap: &cap, Payer: measures.District, Recipient: measures.Enterprise, Scope: measures.ProjectScope,
				Ledger: measures.OncePerProject}}}},
	})
}

func stackedProject(t *testing.T, e *measures.Edition, date Date, claims ...Claim) *Result {
	t.Helper()
	p := P{Date: date, Claims: claims}.project()
	r, err := Compute(e, p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestGuideAmountByValue(t *testing.T) {
	e := measures.Stack(ed, guide())
	for _, c := range []struct {
		cert, max string
		guided    bool
	}{
		{"csmm-4", "300000.00", true},  // the guide's amount for CSMM level 4
		{"dcmm-2", "150000.00", true},  // and for DCMM level 2
		{"cmmi-5", "500000.00", false}, // a value the guide omits: the policy's 50万
		{"csmm-3", "0.00", false},      // below 四级及以上: the policy's rule, 0
	} {
		r := stackedProject(t, e, testDate, claimIn(t, e, "quality", "certification="+c.cert))
		l := line(t, r, "quality.certification")
		if show(l.Max) != c.max {
			t.Errorf("%s: max %s, want %s", c.cert, show(l.Max), c.max)
		}
		if hasNote(l.Notes, NoteGuideAmount) != c.guided {
			t.Errorf("%s: the guide's amount noted %v, want %v", c.cert, hasNote(l.Notes, NoteGuideAmount), c.guided)
		}
		if !hasNote(l.Notes, NoteGuide) {
			t.Errorf("%s: the guide's words are not cited", c.cert)
		}
	}
	// Under the policy alone, CSMM level 4 is 「最高不超过50万元」.
	if l := line(t, project(t, "quality", "certification=csmm-4"), "quality.certification"); show(l.Max) != "500000.00" {
		t.Errorf("without the guide: %s", show(l.Max))
	}
}

func TestGuideLowersRateAndCap(t *testing.T) {
	e := measures.Stack(ed, guide())
	// 30,000,000 × 20% = 6,000,000 (the policy: × 30% = 9,000,000).
	l := line(t, stackedProject(t, e, testDate, claimIn(t, e, "first-version", "sales=3e7")), "first-version.developer")
	if show(l.Max) != "6000000.00" || show(l.Cap) != "8000000.00" {
		t.Errorf("3e7: max %s cap %s, want 6000000.00 under 8000000.00", show(l.Max), show(l.Cap))
	}
	// 50,000,000 × 20% = 10,000,000, cut to the guide's 8,000,000.
	l = line(t, stackedProject(t, e, testDate, claimIn(t, e, "first-version", "sales=5e7")), "first-version.developer")
	if show(l.Max) != "8000000.00" || l.Binding != BindCap {
		t.Errorf("5e7: max %s binding %s, want 8000000.00 by the cap", show(l.Max), l.Binding)
	}
	// Before the guide was in force (2022-11-01): the policy's rule, and a
	// warning.
	r := stackedProject(t, e, Date{Year: 2022, Month: 11, Day: 1}, claimIn(t, e, "first-version", "sales=5e7"))
	if l := line(t, r, "first-version.developer"); show(l.Max) != "10000000.00" || !hasNote(l.Notes, NoteGuideOutside) {
		t.Errorf("2022: max %s, want the policy's 10000000.00 with a note", show(l.Max))
	}
	if !slices.ContainsFunc(r.Warnings, func(n Note) bool { return n.Code == WarnGuideOutside }) {
		t.Error("2022: no warning that the guide was not in force")
	}
}

func TestGuideApplicationWindowChangesNoFigure(t *testing.T) {
	e := measures.Stack(ed, guide())
	// 10,000,000 × 30% = 3,000,000, inside and outside the window.
	for _, c := range []struct {
		date   Date
		inside bool
	}{{Date{Year: 2026, Month: 5, Day: 1}, true}, {testDate, false}} {
		r := stackedProject(t, e, c.date, claimIn(t, e, "open-source", "sales=1e7"))
		l := line(t, r, "open-source.distribution")
		if show(l.Max) != "3000000.00" {
			t.Errorf("%s: max %s, want 3000000.00", c.date, show(l.Max))
		}
		warned := slices.ContainsFunc(r.Warnings, func(n Note) bool { return n.Code == WarnGuideWindow })
		if warned == c.inside || hasNote(l.Notes, NoteGuideWindow) == c.inside {
			t.Errorf("%s: warned %v, want %v", c.date, warned, !c.inside)
		}
	}
}

func TestDistrictLinesBesideTheCity(t *testing.T) {
	e := measures.Stack(ed, district())
	// 20,000,000 × 10% = 2,000,000, under the district's 3,000,000; the
	// city's first-version: 5e7 × 30% = 15,000,000, cut to 10,000,000.
	r := stackedProject(t, e, testDate, claimIn(t, e, "first-version", "sales=5e7"), claimIn(t, e, "district-rd", "rd-investment=2e7"))
	if l := line(t, r, "district-rd"); show(l.Max) != "2000000.00" || l.Item.Clause != "测试区〔2026〕2号（一）" {
		t.Errorf("district-rd: max %s clause %s", show(l.Max), l.Item.Clause)
	}
	if show(&r.Total) != "10000000.00" || r.LayerPaid().String() != "2000000" || r.DistrictPaid().String() != "0" {
		t.Errorf("total %s, layer %s, district-paid %s", show(&r.Total), r.LayerPaid(), r.DistrictPaid())
	}
	if g := r.GrandTotal(); g.String() != "12000000" {
		t.Errorf("grand total %s, want 12000000", g)
	}
	if ls := r.Layers(); len(ls) != 1 || ls[0] != "测试区〔2026〕2号" {
		t.Errorf("layers %v", ls)
	}
}

func TestDistrictWindowZeroesItsOwnLinesOnly(t *testing.T) {
	e := measures.Stack(ed, district())
	// 2025-06-01: sz2022 in force, the district's measures not yet.
	r := stackedProject(t, e, Date{Year: 2025, Month: 6, Day: 1}, claimIn(t, e, "first-version", "sales=1e7"), claimIn(t, e, "district-rd", "rd-investment=2e7"))
	if !r.Eligible {
		t.Error("eligible is the base's: sz2022 is in force")
	}
	if l := line(t, r, "district-rd"); show(l.Max) != "0.00" || !hasNote(l.Notes, NoteLayerWindow) {
		t.Errorf("district-rd: max %s, want 0.00 by its window", show(l.Max))
	}
	if l := line(t, r, "first-version.developer"); show(l.Max) != "3000000.00" {
		t.Errorf("first-version: max %s, want 3000000.00", show(l.Max))
	}
	// 2028-01-01: sz2022 no longer, the district's still.
	r = stackedProject(t, e, Date{Year: 2028, Month: 1, Day: 1}, claimIn(t, e, "first-version", "sales=1e7"), claimIn(t, e, "district-rd", "rd-investment=2e7"))
	if r.Eligible || show(line(t, r, "first-version.developer").Max) != "0.00" || show(line(t, r, "district-rd").Max) != "2000000.00" {
		t.Errorf("2028: eligible %v, city %s, district %s", r.Eligible, show(line(t, r, "first-version.developer").Max), show(line(t, r, "district-rd").Max))
	}
}

// 「我市各级财政对同一项目累计资助金额不得超过该项目经审计认定的投资额」: H =
// 10,000,000 (audited) − 0; the city's new-product: 16,000,000 × 50% =
// 8,000,000 ≤ H; 2,000,000 left, which the district's project line takes
// first (30,000,000 × 10% = 3,000,000 capped at 3,000,000, cut to
// 2,000,000), leaving the district match 0 of its 50% × 8,000,000.
func TestDistrictSharesTheHeadroom(t *testing.T) {
	e := measures.Stack(ed, district())
	audited, national := dec("10000000"), dec("2000000")
	p := P{Date: testDate, AuditedInvestment: &audited, NationalFunding: &national, DistrictRatio: dec("0.5"),
		Claims: []Claim{claimIn(t, e, "new-product", "investment=1.6e7"), claimIn(t, e, "district-rd", "rd-investment=3e7")}}.project()
	r, err := Compute(e, p)
	if err != nil {
		t.Fatal(err)
	}
	if l := line(t, r, "district-rd"); show(l.Max) != "2000000.00" || !hasNote(l.Notes, NoteLayerHeadroom) {
		t.Errorf("district-rd: max %s, want 2000000.00 by the headroom", show(l.Max))
	}
	if show(r.DistrictMatchLimit) != "0.00" || show(&r.DistrictMatch) != "0.00" {
		t.Errorf("match limit %s, match %s, want 0.00 and 0.00", show(r.DistrictMatchLimit), show(&r.DistrictMatch))
	}
	if g := r.GrandTotal(); g.String() != "10000000" {
		t.Errorf("grand total %s, want the audited 10000000", g)
	}
	// With 1,000,000 of the district's: 1,000,000 left for the match,
	// 50% × 8,000,000 = 4,000,000 cut to it.
	p.Claims[1] = claimIn(t, e, "district-rd", "rd-investment=1e7")
	if r, _ = Compute(e, p); show(&r.DistrictMatch) != "1000000.00" {
		t.Errorf("match %s, want 1000000.00", show(&r.DistrictMatch))
	}
}
