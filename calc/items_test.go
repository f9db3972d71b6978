package calc

import (
	"errors"
	"testing"
)

// Every item, computed by hand from the policy text. Each rate item is hit
// on both sides of the base at which its cap starts to bind (the
// breakpoint, cap ÷ rate).
func TestItems(t *testing.T) {
	type row struct {
		name     string
		measure  string
		words    []string
		id       string
		computed string // "" = not checked
		min, max string // "null" for case by case
		binding  Binding
	}
	rows := []row{
		// （三）key-tech: 最高不超过3000万元. No base: the cap. With a base: min(base, cap).
		{"key-tech no base", "key-tech", nil, "key-tech", "null", "0.00", "30000000.00", BindCap},
		{"key-tech below cap", "key-tech", []string{"investment=2e7"}, "key-tech", "20000000.00", "0.00", "20000000.00", BindBase},
		{"key-tech at cap", "key-tech", []string{"investment=3e7"}, "key-tech", "30000000.00", "0.00", "30000000.00", BindCap},
		{"key-tech above cap", "key-tech", []string{"investment=4e7"}, "key-tech", "40000000.00", "0.00", "30000000.00", BindCap},
		// （三）strategic: 按审定总投入给予全额资助, no cap: 80,000,000 × 100%.
		{"strategic", "strategic", []string{"investment=8e7"}, "strategic", "80000000.00", "80000000.00", "80000000.00", BindRate},
		// （三）new-product: ≤50%, cap 10,000,000; breakpoint 20,000,000.
		// 19,999,999.98 × 0.5 = 9,999,999.99 (rate); 20,000,000 × 0.5 = 10,000,000 (tie: cap).
		{"new-product below", "new-product", []string{"investment=19999999.98"}, "new-product", "9999999.99", "0.00", "9999999.99", BindRate},
		{"new-product at", "new-product", []string{"investment=2e7"}, "new-product", "10000000.00", "0.00", "10000000.00", BindCap},
		{"new-product above", "new-product", []string{"investment=20000000.1"}, "new-product", "10000000.05", "0.00", "10000000.00", BindCap},
		// a chosen rate: 10,000,000 × 40% = 4,000,000, min = max.
		{"new-product rate", "new-product", []string{"investment=1e7", "rate=40%"}, "new-product", "4000000.00", "4000000.00", "4000000.00", BindRate},
		{"national-match", "national-match", nil, "national-match", "null", "null", "null", BindNone},
		// （四）new platform: ≤50%, cap 20,000,000; breakpoint 40,000,000.
		{"platform.new below", "platform", []string{"investment=39999999.98"}, "platform.new", "19999999.99", "0.00", "19999999.99", BindRate},
		{"platform.new above", "platform", []string{"investment=40000000.02"}, "platform.new", "20000000.01", "0.00", "20000000.00", BindCap},
		// （四）existing platform: 20%-40% of 10,000,000 = 2,000,000 – 4,000,000 (docs/contract.md §6).
		{"platform.existing", "platform", []string{"operating-cost=1e7"}, "platform.existing", "4000000.00", "2000000.00", "4000000.00", BindRate},
		// breakpoint of the top rate 12,500,000: 12,499,999.99 × 0.4 = 4,999,999.996 → 5,000,000.00 but the rate binds;
		// the bottom 12,499,999.99 × 0.2 = 2,499,999.998 → 2,500,000.00.
		{"platform.existing below", "platform", []string{"operating-cost=12499999.99"}, "platform.existing", "5000000.00", "2500000.00", "5000000.00", BindRate},
		{"platform.existing above", "platform", []string{"operating-cost=12500000.01"}, "platform.existing", "5000000.00", "2500000.00", "5000000.00", BindCap},
		// 30,000,000: 20% = 6,000,000 above the cap too, so min = max = 5,000,000.
		{"platform.existing both capped", "platform", []string{"operating-cost=3e7"}, "platform.existing", "12000000.00", "5000000.00", "5000000.00", BindCap},
		{"platform.existing chosen", "platform", []string{"operating-cost=1e7", "existing-rate=0.3"}, "platform.existing", "3000000.00", "3000000.00", "3000000.00", BindRate},
		{"oss-contribution", "oss-contribution", nil, "oss-contribution", "null", "0.00", "5000000.00", BindCap},
		{"oss-project", "oss-project", nil, "oss-project", "null", "0.00", "3000000.00", BindCap},
		{"ecosystem", "ecosystem", nil, "ecosystem", "null", "null", "null", BindNone},
		// （七）event: ≤50%, 最高300万元; breakpoint 6,000,000.
		{"event below", "event", []string{"investment=5999999.98"}, "event", "2999999.99", "0.00", "2999999.99", BindRate},
		{"event above", "event", []string{"investment=6000000.02"}, "event", "3000000.01", "0.00", "3000000.00", BindCap},
		{"event commissioned", "event", []string{"commissioned"}, "event.commissioned", "null", "null", "null", BindNone},
		// （九）500万元、300万元、200万元 once; 150万元、100万元、50万元.
		{"park national", "park", []string{"recognized=national"}, "park.recognition", "5000000.00", "5000000.00", "5000000.00", BindNone},
		{"park provincial", "park", []string{"recognized=provincial"}, "park.recognition", "3000000.00", "3000000.00", "3000000.00", BindNone},
		{"park municipal", "park", []string{"recognized=municipal"}, "park.recognition", "2000000.00", "2000000.00", "2000000.00", BindNone},
		{"park excellent national", "park", []string{"excellent=national"}, "park.excellent", "1500000.00", "1500000.00", "1500000.00", BindNone},
		{"park excellent provincial", "park", []string{"excellent=provincial"}, "park.excellent", "1000000.00", "1000000.00", "1000000.00", BindNone},
		{"park excellent municipal", "park", []string{"excellent=municipal"}, "park.excellent", "500000.00", "500000.00", "500000.00", BindNone},
		// （九）rent 1,000,000 a year, ≥50% for three years: min 1,500,000, max 3,000,000.
		{"park rent", "park", []string{"rent=100万"}, "park.rent", "1500000.00", "1500000.00", "3000000.00", BindNone},
		{"park rent-existing", "park", []string{"rent-existing"}, "park.rent-existing", "null", "null", "null", BindNone},
		// （十）training: ≤50%, cap 10,000,000; breakpoint 20,000,000.
		{"training below", "training", []string{"investment=19999999.98"}, "training", "9999999.99", "0.00", "9999999.99", BindRate},
		{"training above", "training", []string{"investment=20000000.02"}, "training", "10000000.01", "0.00", "10000000.00", BindCap},
		{"training model college", "training", []string{"model-college"}, "training.model-college", "null", "null", "null", BindNone},
		// （十一）1000万元以上、1亿元以下.
		{"talent-team core", "talent-team", []string{"core-team"}, "talent-team.core", "null", "10000000.00", "100000000.00", BindNone},
		{"talent-team top", "talent-team", []string{"top"}, "talent-team.top", "null", "null", "null", BindNone},
		{"talent-team backbone", "talent-team", []string{"backbone"}, "talent-team.backbone", "null", "null", "null", BindNone},
		// （十二）首次达到10亿元 → 50万元 (docs/contract.md §6: 1.2e9 → 500,000).
		{"revenue 1.2e9", "revenue", []string{"revenue=1.2e9"}, "revenue.milestone", "500000.00", "500000.00", "500000.00", BindNone},
		{"revenue exactly 1e9", "revenue", []string{"revenue=10亿"}, "revenue.milestone", "500000.00", "500000.00", "500000.00", BindNone},
		{"revenue just below 1e9", "revenue", []string{"revenue=999999999.99"}, "revenue.milestone", "0.00", "0.00", "0.00", BindNone},
		// 6e9 crosses 10亿 and 50亿 in one year: 500,000 + 1,500,000.
		{"revenue two tiers", "revenue", []string{"revenue=6e9"}, "revenue.milestone", "2000000.00", "2000000.00", "2000000.00", BindNone},
		{"revenue highest only", "revenue", []string{"revenue=6e9", "highest-only"}, "revenue.milestone", "1500000.00", "1500000.00", "1500000.00", BindNone},
		// all three: 500,000 + 1,500,000 + 3,000,000.
		{"revenue all tiers", "revenue", []string{"revenue=100亿"}, "revenue.milestone", "5000000.00", "5000000.00", "5000000.00", BindNone},
		// prior peak exactly 10亿: that tier was reached before (prior < t fails).
		{"revenue prior at tier", "revenue", []string{"revenue=5e9", "prior-peak=1e9"}, "revenue.milestone", "1500000.00", "1500000.00", "1500000.00", BindNone},
		{"revenue prior above", "revenue", []string{"revenue=1.2e9", "prior-peak=1.1e9"}, "revenue.milestone", "0.00", "0.00", "0.00", BindNone},
		{"revenue increment", "revenue", []string{"revenue=1e8", "increment"}, "revenue.increment", "null", "null", "null", BindNone},
		{"relocation", "relocation", nil, "relocation", "null", "0.00", "50000000.00", BindCap},
		// （十四）CMMI, CSMM 四级及以上; DCMM no level; 最高不超过50万元.
		{"quality cmmi-5", "quality", []string{"certification=cmmi-5"}, "quality.certification", "null", "0.00", "500000.00", BindCap},
		{"quality cmmi-4", "quality", []string{"certification=cmmi-4"}, "quality.certification", "null", "0.00", "500000.00", BindCap},
		{"quality cmmi-3", "quality", []string{"certification=cmmi-3"}, "quality.certification", "null", "0.00", "0.00", BindNone},
		{"quality csmm-3", "quality", []string{"certification=csmm-3"}, "quality.certification", "null", "0.00", "0.00", BindNone},
		{"quality dcmm-1", "quality", []string{"certification=dcmm-1"}, "quality.certification", "null", "0.00", "500000.00", BindCap},
		// 等: another recognised certification, up to 500,000.
		{"quality other", "quality", []string{"certification=other"}, "quality.certification", "null", "0.00", "500000.00", BindCap},
		{"quality honor", "quality", []string{"honor"}, "quality.honor", "null", "0.00", "500000.00", BindCap},
		// 不超过50万元 + 10万元 for a national and a group standard; min 0.
		{"quality standards", "quality", []string{"standard=national,group"}, "quality.standard", "600000.00", "0.00", "600000.00", BindNone},
		{"quality two national", "quality", []string{"standard=national", "standard=national"}, "quality.standard", "1000000.00", "0.00", "1000000.00", BindNone},
		{"quality industry local", "quality", []string{"standard=industry,local"}, "quality.standard", "500000.00", "0.00", "500000.00", BindNone},
		// docs/contract.md §6: national, national, group = 500,000 + 500,000 + 100,000 per standard;
		// --per-level: each level once, 500,000 + 100,000.
		{"quality per standard", "quality", []string{"standard=national,national,group"}, "quality.standard", "1100000.00", "0.00", "1100000.00", BindNone},
		{"quality per level", "quality", []string{"standard=national,national,group", "per-level"}, "quality.standard", "600000.00", "0.00", "600000.00", BindNone},
		{"showcase", "showcase", nil, "showcase", "null", "null", "null", BindNone},
		// （十六）30% of sales, cap 10,000,000; breakpoint 33,333,333.33.
		{"open-source distribution below", "open-source", []string{"sales=33333333"}, "open-source.distribution", "9999999.90", "9999999.90", "9999999.90", BindRate},
		{"open-source distribution above", "open-source", []string{"sales=33333334"}, "open-source.distribution", "10000000.20", "10000000.00", "10000000.00", BindCap},
		{"open-source terminal", "open-source", []string{"terminal"}, "open-source.terminal", "null", "0.00", "10000000.00", BindCap},
		{"open-source purchase below", "open-source", []string{"purchase=33333333"}, "open-source.purchase", "9999999.90", "0.00", "9999999.90", BindRate},
		{"open-source purchase above", "open-source", []string{"purchase=33333334"}, "open-source.purchase", "10000000.20", "0.00", "10000000.00", BindCap},
		{"open-source influential", "open-source", []string{"influential"}, "open-source.influential", "null", "null", "null", BindNone},
		// （十七）pilot: up to 10,000,000, never above the approved investment.
		{"pilot below", "industrial-software", []string{"pilot-investment=9999999.99"}, "industrial-software.pilot", "9999999.99", "0.00", "9999999.99", BindBase},
		{"pilot at", "industrial-software", []string{"pilot-investment=1000万"}, "industrial-software.pilot", "10000000.00", "0.00", "10000000.00", BindCap},
		{"pilot above", "industrial-software", []string{"pilot-investment=10000000.01"}, "industrial-software.pilot", "10000000.01", "0.00", "10000000.00", BindCap},
		// （十七）cloud 3%-10%, cap 5,000,000: 60,000,000 → 1,800,000 – 6,000,000 capped at 5,000,000.
		{"cloud range", "industrial-software", []string{"cloud-purchase=6e7"}, "industrial-software.cloud", "6000000.00", "1800000.00", "5000000.00", BindCap},
		// breakpoint 50,000,000 at 10%: 49,999,999.9 × 10% = 4,999,999.99.
		{"cloud below", "industrial-software", []string{"cloud-purchase=49999999.9"}, "industrial-software.cloud", "4999999.99", "1500000.00", "4999999.99", BindRate},
		{"cloud chosen 8%", "industrial-software", []string{"cloud-purchase=6e7", "cloud-rate=8%"}, "industrial-software.cloud", "4800000.00", "4800000.00", "4800000.00", BindRate},
		// （十八）ai: ≤30%, cap 10,000,000; 40,000,000 × 30% = 12,000,000.
		{"ai above", "ai", []string{"investment=4e7"}, "ai", "12000000.00", "0.00", "10000000.00", BindCap},
		{"ai below", "ai", []string{"investment=33333333"}, "ai", "9999999.90", "0.00", "9999999.90", BindRate},
		// （十九）developer: 30% of sales, cap 10,000,000 (the breakpoint pair).
		{"first-version 33,333,333", "first-version", []string{"sales=33333333"}, "first-version.developer", "9999999.90", "9999999.90", "9999999.90", BindRate},
		{"first-version 33,333,334", "first-version", []string{"sales=33333334"}, "first-version.developer", "10000000.20", "10000000.00", "10000000.00", BindCap},
		// 33,333,333.33 × 0.3 = 9,999,999.999: under the cap, rounds to 10,000,000.00.
		{"first-version 33,333,333.33", "first-version", []string{"sales=33333333.33"}, "first-version.developer", "10000000.00", "10000000.00", "10000000.00", BindRate},
		{"first-version 5e7", "first-version", []string{"sales=5e7"}, "first-version.developer", "15000000.00", "10000000.00", "10000000.00", BindCap},
		// user: 10%, cap 1,000,000; breakpoint 10,000,000 (a tie binds the cap).
		{"first-version user 5e6", "first-version", []string{"purchase=5e6"}, "first-version.user", "500000.00", "500000.00", "500000.00", BindRate},
		{"first-version user at", "first-version", []string{"purchase=1e7"}, "first-version.user", "1000000.00", "1000000.00", "1000000.00", BindCap},
		{"first-version user below", "first-version", []string{"purchase=9999999.9"}, "first-version.user", "999999.99", "999999.99", "999999.99", BindRate},
		// insurance: up to 3,000,000, bounded by the premium.
		{"insurance below", "first-version", []string{"premium=2999999.99"}, "first-version.insurance", "2999999.99", "0.00", "2999999.99", BindBase},
		{"insurance above", "first-version", []string{"premium=3000000.01"}, "first-version.insurance", "3000000.01", "0.00", "3000000.00", BindCap},
		// （二十）成功上市: --listed; the loan compensation alone is not a listing.
		{"listing", "listing", []string{"listed"}, "listing.ipo", "null", "0.00", "4000000.00", BindCap},
		{"listing loan", "listing", []string{"loan-compensation"}, "listing.loan-compensation", "null", "null", "null", BindNone},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			l := line(t, project(t, r.measure, r.words...), r.id)
			if r.computed != "" && show(l.Computed) != r.computed {
				t.Errorf("computed = %s, want %s", show(l.Computed), r.computed)
			}
			if show(l.Min) != r.min || show(l.Max) != r.max {
				t.Errorf("min, max = %s, %s; want %s, %s", show(l.Min), show(l.Max), r.min, r.max)
			}
			if l.Binding != r.binding {
				t.Errorf("binding = %s, want %s", l.Binding, r.binding)
			}
			if l.Item.Kind == "case-by-case" && (len(l.Notes) == 0 || l.Notes[0].Code != NoteReason || l.Notes[0].Args.Get("text") != l.Item.Reason) {
				t.Errorf("case by case without its reason: %v", l.Notes)
			}
		})
	}
}

// Rounding is half-up (四舍五入), after the cap, never half-even.
func TestRoundingHalfUp(t *testing.T) {
	cases := []struct {
		measure string
		words   []string
		id      string
		want    string
	}{
		// 0.05 × 50% = 0.025 → 0.03 (half-even would give 0.02).
		{"new-product", []string{"investment=0.05"}, "new-product", "0.03"},
		// 1,234,567.95 × 30% = 370,370.385 → 370,370.39 (half-even: .38).
		{"ai", []string{"investment=1234567.95"}, "ai", "370370.39"},
		// 0.01 × 50% = 0.005 → 0.01 (half-even: 0.00).
		{"training", []string{"investment=0.01"}, "training", "0.01"},
		// 12,345.65 × 10% = 1,234.565 → 1,234.57 (half-even: .56).
		{"first-version", []string{"purchase=12345.65"}, "first-version.user", "1234.57"},
		// 0.15 × 3.5% = 0.00525 → 0.01.
		{"industrial-software", []string{"cloud-purchase=0.15", "cloud-rate=3.5%"}, "industrial-software.cloud", "0.01"},
	}
	for _, c := range cases {
		l := line(t, project(t, c.measure, c.words...), c.id)
		if got := show(l.Max); got != c.want {
			t.Errorf("%s %v: max %s, want %s", c.measure, c.words, got, c.want)
		}
	}
}

// docs/contract.md §6, the examples without 附则 inputs.
func TestWorkedExamples(t *testing.T) {
	// sales 2e7 × 30% = 6,000,000; premium 1,000,000 < cap 3,000,000: the base binds.
	r := project(t, "first-version", "sales=2e7", "premium=1e6")
	if a, b := line(t, r, "first-version.developer"), line(t, r, "first-version.insurance"); show(a.Max) != "6000000.00" || show(b.Max) != "1000000.00" || b.Binding != BindBase {
		t.Errorf("developer %s, insurance %s (%s)", show(a.Max), show(b.Max), b.Binding)
	}
	if Yuan(r.Total) != "7000000.00" {
		t.Errorf("total %s, want 7000000.00", Yuan(r.Total))
	}
	if r := project(t, "listing", "listed"); Yuan(r.Total) != "4000000.00" {
		t.Errorf("listing total %s", Yuan(r.Total))
	}
	if r := project(t, "park", "recognized=provincial"); Yuan(r.Total) != "3000000.00" {
		t.Errorf("park total %s", Yuan(r.Total))
	}
	// A loan compensation or a key-staff award alone: no figure, total 0, a warning.
	for _, c := range [][]string{{"listing", "loan-compensation"}, {"talent-team", "backbone"}} {
		r := project(t, c[0], c[1])
		if Yuan(r.Total) != "0.00" || len(r.Warnings) != 1 {
			t.Errorf("%v: total %s, warnings %v", c, Yuan(r.Total), r.Warnings)
		}
	}
	// 1.2e9 first reaches 10亿 → 500,000, 首次达到 assumed without --prior-peak;
	// with a prior peak of 1.1e9 nothing is reached for the first time.
	r = project(t, "revenue", "revenue=1.2e9")
	if Yuan(r.Total) != "500000.00" || len(r.Warnings) != 1 || r.Warnings[0].Code != NoteFirstAssumed {
		t.Errorf("revenue: total %s, warnings %v", Yuan(r.Total), r.Warnings)
	}
	if r := project(t, "revenue", "revenue=1.2e9", "prior-peak=1.1e9"); Yuan(r.Total) != "0.00" || len(r.Warnings) != 0 {
		t.Errorf("revenue with prior peak: total %s, warnings %v", Yuan(r.Total), r.Warnings)
	}
	// 10,000,000 × 20%…40% = 2,000,000…4,000,000.
	r = project(t, "platform", "operating-cost=1e7")
	if l := line(t, r, "platform.existing"); show(l.Min) != "2000000.00" || show(l.Max) != "4000000.00" {
		t.Errorf("existing platform %s-%s", show(l.Min), show(l.Max))
	}
}

func TestRatesOutsideTheirItem(t *testing.T) {
	cases := []struct {
		measure string
		words   []string
	}{
		{"new-product", []string{"investment=1e7", "rate=0.51"}},           // ceiling 50%
		{"ai", []string{"investment=1e7", "rate=31%"}},                     // ceiling 30%
		{"platform", []string{"operating-cost=1e7", "existing-rate=0.19"}}, // range 20%-40%
		{"platform", []string{"operating-cost=1e7", "existing-rate=41%"}},
		{"industrial-software", []string{"cloud-purchase=1e7", "cloud-rate=2.9%"}}, // 3%-10%
		{"open-source", []string{"purchase=1e7", "purchase-rate=0.3001"}},          // ceiling 30%
	}
	for _, c := range cases {
		_, err := compute(P{Date: testDate, Claims: []Claim{claim(t, c.measure, c.words...)}})
		var ve *ValueError
		if !errors.As(err, &ve) {
			t.Errorf("%s %v: err = %v, want a ValueError", c.measure, c.words, err)
		}
	}
	// The ends of a range are inside it.
	for _, w := range []string{"existing-rate=20%", "existing-rate=0.4"} {
		project(t, "platform", "operating-cost=1e7", w)
	}
	project(t, "new-product", "investment=1e7", "rate=0")
	project(t, "new-product", "investment=1e7", "rate=50%")
}

func TestMissingInputs(t *testing.T) {
	cases := []struct {
		measure string
		words   []string
		want    string
	}{
		{"first-version", nil, "missing first-version: sales | purchase | premium"},
		{"strategic", nil, "missing strategic: investment"},
		{"revenue", []string{"prior-peak=1e9"}, "missing revenue: revenue"},
		{"new-product", []string{"rate=30%"}, "missing new-product: investment"},
		{"park", nil, "missing park: recognized | excellent | rent | rent-existing"},
		// Every item of a measure with several items needs its own input.
		{"talent-team", nil, "missing talent-team: core-team | top | backbone"},
		{"listing", nil, "missing listing: listed | loan-compensation"},
	}
	for _, c := range cases {
		_, err := compute(P{Date: testDate, Claims: []Claim{claim(t, c.measure, c.words...)}})
		var me *MissingError
		if !errors.As(err, &me) || err.Error() != c.want {
			t.Errorf("%s %v: err = %v, want %q", c.measure, c.words, err, c.want)
		}
	}
	// A claim without its inputs is reported before the 附则 inputs: from the
	// command line it is a usage error (exit 2), whatever else is wrong.
	_, err := compute(P{Date: testDate, NationalFunding: pdec("1"), Claims: []Claim{claim(t, "first-version")}})
	var me *MissingError
	if !errors.As(err, &me) {
		t.Errorf("missing input and missing audited investment: err = %v, want the MissingError", err)
	}
	// Measures with an item that needs no input need nothing.
	for _, m := range []string{"ecosystem", "key-tech", "relocation", "national-match", "digital-center", "showcase"} {
		project(t, m)
	}
}

func TestBadChoices(t *testing.T) {
	for _, c := range []struct{ measure, word string }{
		{"park", "recognized=district"},
		{"quality", "standard=iso"},
		{"quality", "certification=iso9001"},
		{"quality", "certification=cmmi-7"},
	} {
		_, err := compute(P{Date: testDate, Claims: []Claim{claim(t, c.measure, c.word)}})
		var ve *ValueError
		if !errors.As(err, &ve) || ve.Code != ErrChoice || ve.Hint != HintChoice || len(ve.HintArgs.Get("valid").(ChoiceList).Values) == 0 {
			t.Errorf("%s %s: err = %v, want a ValueError listing the valid values", c.measure, c.word, err)
		}
	}
	// A near miss gets the value meant; a number changed does not.
	for s, want := range map[string]string{"natinal": "national", "grup": "group", "cmmi-7": "", "CMMI-7": "", "cmm-5": "cmmi-5", "xyz": ""} {
		ve := ChoiceError(s, []string{"national", "group", "cmmi-1", "cmmi-5"}, nil)
		if got, _ := ve.HintArgs.Get("near").(string); got != want || (want != "") != (ve.Hint == HintChoiceNear) {
			t.Errorf("ChoiceError(%q): near %q (%s), want %q", s, got, ve.Hint, want)
		}
	}
}

// The base at which the cap is reached, rounded up to the fen: （十九）
// 10,000,000 ÷ 30% = 33,333,333.333… → 33,333,333.34 (33,333,333.33 × 30%
// = 9,999,999.999 is still under the cap); （四） existing platforms
// 5,000,000 ÷ 40% = 12,500,000.00; （十七） cloud 5,000,000 ÷ 10% =
// 50,000,000.00; pilot: the cap itself.
func TestCapBase(t *testing.T) {
	for id, want := range map[string]string{
		"first-version.developer":   "33333333.34",
		"platform.existing":         "12500000.00",
		"industrial-software.cloud": "50000000.00",
		"industrial-software.pilot": "10000000.00",
		"first-version.user":        "10000000.00",
		"strategic":                 "null",
		"listing.ipo":               "null",
		"park.rent":                 "null",
	} {
		it, _ := ed.Item(id)
		if got := show(CapBase(it)); got != want {
			t.Errorf("CapBase(%s) = %s, want %s", id, got, want)
		}
	}
}
