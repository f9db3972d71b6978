package calc

import (
	"testing"

	"szsoft/measures"
)

// on is an entry of the ledger paid by payer on a day of year.
func on(item, amount string, year, month, day int, payer measures.Payer) Received {
	d := Date{Year: year, Month: month, Day: day}
	return Received{Item: item, Amount: dec(amount), Date: &d, Payer: payer}
}

// Every item has a ledger class, and each class counts what was received
// its own way (docs/contract.md §8). Each figure is worked from the
// policy's words; the event is dated 2026-11-26.
func TestLedgerClasses(t *testing.T) {
	city, district := measures.Municipal, measures.District
	for _, c := range []struct {
		name     string
		claims   []Claim
		received []Received
		annex    P // its Audited field only
		id       string
		min, max string
		binding  Binding
		excluded string
		total    string
	}{
		// Once per project. （三）key-tech「最高不超过3000万元」 is a ceiling on
		// 同一项目, never above the project's investment: with no investment
		// of its own, the 2000万 the same project claims under strategic
		// bounds it. Strategic (100% of 2000万) ties at 2000万: the first
		// in catalogue order, key-tech, counts; the total is 20,000,000.
		{name: "key-tech bounded by strategic's investment",
			claims: []Claim{claim(t, "key-tech"), claim(t, "strategic", "investment=2e7")},
			id:     "key-tech", min: "0.00", max: "20000000.00", binding: BindBase, total: "20000000.00"},
		// … and by the audited investment of the 附则 where the project
		// claims no other: 1500万.
		{name: "key-tech bounded by the audited investment",
			claims: []Claim{claim(t, "key-tech")}, annex: P{AuditedInvestment: ptr(dec("15000000"))},
			id: "key-tech", min: "0.00", max: "15000000.00", binding: BindBase, total: "15000000.00"},
		// Its own investment first: 4000万 leaves the 3000万 cap binding.
		{name: "key-tech with its own investment",
			claims: []Claim{claim(t, "key-tech", "investment=4e7")}, annex: P{AuditedInvestment: ptr(dec("10000000"))},
			id: "key-tech", min: "0.00", max: "30000000.00", binding: BindCap, total: "30000000.00"},
		// Linked alternatives (同一项目): 5000万 funded in full under
		// strategic, of which 1000万 was received as key-tech: 4000万 left.
		// Key-tech: min(3000万, 5000万) − 1000万 = 2000万, excluded; the
		// city pays 5000万 in all, never 6000万.
		{name: "strategic less what key-tech received",
			claims:   []Claim{claim(t, "key-tech", "investment=5e7"), claim(t, "strategic", "investment=5e7")},
			received: []Received{on("key-tech", "1e7", 2025, 5, 1, city)},
			id:       "strategic", min: "40000000.00", max: "40000000.00", binding: BindRate, total: "40000000.00"},
		{name: "key-tech less its own receipt, excluded",
			claims:   []Claim{claim(t, "key-tech", "investment=5e7"), claim(t, "strategic", "investment=5e7")},
			received: []Received{on("key-tech", "1e7", 2025, 5, 1, city)},
			id:       "key-tech", min: "0.00", max: "0.00", binding: BindNone, excluded: "strategic", total: "40000000.00"},
		// （十七）pilot「按…总投入，给予最高不超过1000万元」: the project's 800万
		// in all; 500万 received leaves 300万 — not min(800万, 1000万 − 500万).
		{name: "pilot, the base less what was received",
			claims:   []Claim{claim(t, "industrial-software", "pilot-investment=8e6")},
			received: []Received{on("industrial-software.pilot", "5e6", 2025, 1, 10, city)},
			id:       "industrial-software.pilot", min: "0.00", max: "3000000.00", binding: BindBase, total: "3000000.00"},

		// Annual. （四）「按其上一年度审定运营费用的20%－40%」: a new year's
		// cost each year. 300万 received in 2025 was 2025's award: 2026's
		// 1000万 of cost gives 200万 to 400万.
		{name: "existing platform, an earlier year's award",
			claims:   []Claim{claim(t, "platform", "operating-cost=1e7")},
			received: []Received{on("platform.existing", "3e6", 2025, 6, 1, city)},
			id:       "platform.existing", min: "2000000.00", max: "4000000.00", binding: BindRate, total: "4000000.00"},
		// 300万 received in 2026 is this year's: 400万 − 300万 = 100万,
		// 200万 − 300万 floored at 0.
		{name: "existing platform, this year's award",
			claims:   []Claim{claim(t, "platform", "operating-cost=1e7")},
			received: []Received{on("platform.existing", "3e6", 2026, 6, 1, city)},
			id:       "platform.existing", min: "0.00", max: "1000000.00", binding: BindRate, total: "1000000.00"},
		// （十七）cloud「年度…采购额…3%－10%…最高不超过500万元」: 10% of 6000万
		// is 600万, capped at 500万; 2025's 200万 stands apart.
		{name: "cloud, an earlier year's award",
			claims:   []Claim{claim(t, "industrial-software", "cloud-purchase=6e7")},
			received: []Received{on("industrial-software.cloud", "2e6", 2025, 9, 1, city)},
			id:       "industrial-software.cloud", min: "1800000.00", max: "5000000.00", binding: BindCap, total: "5000000.00"},
		// （十九）insurance「实际投保年度保费…最高不超过300万元」: a premium of
		// 100万 bounds the year's 100万; 80万 received this year: 20万.
		{name: "insurance, this year's award",
			claims:   []Claim{claim(t, "first-version", "premium=1e6")},
			received: []Received{on("first-version.insurance", "8e5", 2026, 2, 1, city)},
			id:       "first-version.insurance", min: "0.00", max: "200000.00", binding: BindBase, total: "200000.00"},

		// Limited years. （九）「对新入驻的软件企业连续三年给予不低于50%的租金
		// 补贴」 (district): rent received in 2025 and 2026; the years run
		// 2025–2027: one left. min 50% × 100万 × 1, max 100万 × 1.
		{name: "rent, one year left",
			claims:   []Claim{claim(t, "park", "rent=1e6")},
			received: []Received{on("park.rent", "5e5", 2025, 3, 1, district), on("park.rent", "5e5", 2026, 3, 1, district)},
			id:       "park.rent", min: "500000.00", max: "1000000.00", binding: BindNone, total: "0.00"},
		// First received in 2024: 2024–2026, and 2026 has no entry: one.
		{name: "rent, the last year",
			claims:   []Claim{claim(t, "park", "rent=1e6")},
			received: []Received{on("park.rent", "5e5", 2024, 3, 1, district)},
			id:       "park.rent", min: "500000.00", max: "1000000.00", binding: BindNone, total: "0.00"},
		// All three received: none left.
		{name: "rent, the three years spent",
			claims:   []Claim{claim(t, "park", "rent=1e6")},
			received: []Received{on("park.rent", "5e5", 2024, 3, 1, district), on("park.rent", "5e5", 2025, 3, 1, district), on("park.rent", "5e5", 2026, 3, 1, district)},
			id:       "park.rent", min: "0.00", max: "0.00", binding: BindNone, total: "0.00"},
		// No entry: three years, 150万 to 300万.
		{name: "rent, no entry",
			claims: []Claim{claim(t, "park", "rent=1e6")},
			id:     "park.rent", min: "1500000.00", max: "3000000.00", binding: BindNone, total: "0.00"},

		// Once only. （二十）「成功上市」: paid once, 0 once received.
		{name: "listing received",
			claims:   []Claim{claim(t, "listing", "listed")},
			received: []Received{on("listing.ipo", "4e6", 2024, 1, 1, city)},
			id:       "listing.ipo", min: "0.00", max: "0.00", binding: BindNone, total: "0.00"},

		// Per award. （十四）「给予最高不超过50万元奖励」 per certification: one
		// received before is another award; this one stays 50万.
		{name: "certification, another award",
			claims:   []Claim{claim(t, "quality", "certification=cmmi-5")},
			received: []Received{on("quality.certification", "5e5", 2024, 1, 1, city)},
			id:       "quality.certification", min: "0.00", max: "500000.00", binding: BindCap, total: "500000.00"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := c.annex
			p.Date, p.Claims, p.Received = testDate, c.claims, c.received
			r, err := compute(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := r.Check(); err != nil {
				t.Error(err)
			}
			l := line(t, r, c.id)
			if show(l.Min) != c.min || show(l.Max) != c.max || l.Binding != c.binding || l.ExcludedBy != c.excluded {
				t.Errorf("min %s max %s binding %s excluded_by %q, want %s %s %s %q", show(l.Min), show(l.Max), l.Binding, l.ExcludedBy, c.min, c.max, c.binding, c.excluded)
			}
			if Yuan(r.Total) != c.total {
				t.Errorf("total %s, want %s", Yuan(r.Total), c.total)
			}
		})
	}
}

// Every item of sz2022 has the class SPEC §8 gives it.
func TestEveryItemHasItsClass(t *testing.T) {
	want := map[measures.LedgerClass][]string{
		measures.Staged: {"training", "talent-team.core", "relocation"},
		measures.OncePerProject: {"key-tech", "strategic", "new-product", "platform.new", "event", "event.commissioned",
			"open-source.distribution", "open-source.terminal", "open-source.purchase", "industrial-software.pilot", "ai",
			"first-version.developer", "first-version.user", "showcase"},
		measures.Annual:       {"platform.existing", "talent-team.backbone", "revenue.increment", "industrial-software.cloud", "first-version.insurance"},
		measures.LimitedYears: {"park.rent"},
		measures.OnceOnly:     {"park.recognition", "revenue.milestone", "listing.ipo"},
	}
	class := map[string]measures.LedgerClass{}
	for c, ids := range want {
		for _, id := range ids {
			class[id] = c
		}
	}
	for _, id := range ed.ItemIDs() {
		it, _ := ed.Item(id)
		w, ok := class[id]
		if !ok {
			w = measures.PerAward
		}
		if it.Ledger != w {
			t.Errorf("%s: ledger %s, want %s", id, it.Ledger, w)
		}
	}
}

// A same-kind declaration of an item the project does not claim changes
// nothing, and says so rather than that the district pays it.
func TestSameKindUnclaimed(t *testing.T) {
	r, err := compute(P{Date: testDate, SameKind: []string{"industrial-software.cloud"},
		Claims: []Claim{claim(t, "industrial-software", "pilot-investment=1e7")}})
	if err != nil {
		t.Fatal(err)
	}
	// （十七）pilot: 1000万 of investment, at most 1000万: 10,000,000.
	if Yuan(r.Total) != "10000000.00" || len(r.Warnings) != 1 || r.Warnings[0].Code != WarnSameKindUnclaimed {
		t.Errorf("total %s, warnings %v", Yuan(r.Total), r.Warnings)
	}
}
