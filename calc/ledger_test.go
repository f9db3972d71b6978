package calc

import (
	"errors"
	"testing"

	"szsoft/measures"
)

// got is an entry of the ledger as the tests write it: municipal, dated
// the day of the event.
func got(item, amount string) Received {
	return Received{Item: item, Amount: dec(amount), Payer: measures.Municipal}
}

func withLedger(t *testing.T, received []Received, claims ...Claim) *Result {
	t.Helper()
	r, err := compute(P{Date: testDate, Claims: claims, Received: received})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Staged items: one overall amount, paid in stages; what the city paid
// before is no longer open. Every figure is worked from the words.
func TestLedgerStaged(t *testing.T) {
	for _, c := range []struct {
		name     string
		claim    []string
		received []Received
		id       string
		min, max string // after the ledger
		cap      string
		binding  Binding
		recv     string // the line's received: every entry, city and district
	}{
		// （十三）「分类分阶段给予最高不超过5000万元」: 2000万 paid, 3000万 left.
		{"relocation, part paid", []string{"relocation"}, []Received{got("relocation", "2e7")},
			"relocation", "0.00", "30000000.00", "30000000.00", BindCap, "20000000.00"},
		// More than the whole paid: nothing left, never below 0.
		{"relocation, all paid", []string{"relocation"}, []Received{got("relocation", "6e7")},
			"relocation", "0.00", "0.00", "0.00", BindCap, "60000000.00"},
		// A district's payment is not the city's: the city's 5000万 stays.
		{"relocation, district paid", []string{"relocation"}, []Received{{Item: "relocation", Amount: dec("1e7"), Payer: measures.District}},
			"relocation", "0.00", "50000000.00", "50000000.00", BindCap, "10000000.00"},
		// （十）「分阶段给予最高不超过1000万元」: 50% of 3000万 is 1500万; 400万
		// paid leaves a cap of 600万, which binds.
		{"training, cap binds", []string{"training", "investment=3e7"}, []Received{got("training", "4e6")},
			"training", "0.00", "6000000.00", "6000000.00", BindCap, "4000000.00"},
		// 「按不超过审定总投入的50%」 bounds all that is paid for the
		// project: 50% of a total investment of 800万 is 400万, and 500万
		// was paid already: nothing is left (the cap's 500万 left does not
		// matter).
		{"training, the rate's share paid", []string{"training", "investment=8e6"}, []Received{got("training", "5e6")},
			"training", "0.00", "0.00", "5000000.00", BindRate, "5000000.00"},
		// 50% of 2000万 is 1000万, the cap; 600万 paid: 400万 left of both.
		{"training, second stage", []string{"training", "investment=2e7"}, []Received{got("training", "6e6")},
			"training", "0.00", "4000000.00", "4000000.00", BindCap, "6000000.00"},
		// A project item that is not staged: its figure is the project's
		// (（十八）「按不超过审定总投入的30%，给予最高不超过1000万元资助」).
		// 30% of 2000万 is 600万; 800万 was paid for this project's item:
		// nothing left (the cap leaves 200万, the rate nothing).
		{"ai, paid before", []string{"ai", "investment=2e7"}, []Received{got("ai", "8e6")},
			"ai", "0.00", "0.00", "2000000.00", BindRate, "8000000.00"},
		// （四）「按其上一年度审定运营费用的20%－40%，给予最高不超过500万元」:
		// 500万 of cost gives 100万 to 200万 for the project in all; 100万
		// received: 0 to 100万 left (the minimum too is the project's).
		{"platform, a range", []string{"platform", "operating-cost=5e6"}, []Received{got("platform.existing", "1e6")},
			"platform.existing", "0.00", "1000000.00", "4000000.00", BindRate, "1000000.00"},
		// 30% of 5000万 is 1500万, capped at 1000万; 300万 paid: 700万.
		{"ai, part paid", []string{"ai", "investment=5e7"}, []Received{got("ai", "3e6")},
			"ai", "0.00", "7000000.00", "7000000.00", BindCap, "3000000.00"},
		// （十一）「给予1000万元以上、1亿元以下」, one amount for the team:
		// 3000万 paid leaves 0 to 7000万 (the low end floored at 0) …
		{"core team, past the low end", []string{"talent-team", "core-team"}, []Received{got("talent-team.core", "3e7")},
			"talent-team.core", "0.00", "70000000.00", "", BindNone, "30000000.00"},
		// … 500万 paid leaves 500万 to 9500万.
		{"core team, under the low end", []string{"talent-team", "core-team"}, []Received{got("talent-team.core", "5e6")},
			"talent-team.core", "5000000.00", "95000000.00", "", BindNone, "5000000.00"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := c.claim[0]
			r := withLedger(t, c.received, claim(t, m, c.claim[1:]...))
			l := line(t, r, c.id)
			if show(l.Min) != c.min || show(l.Max) != c.max || l.Binding != c.binding || show(l.Received) != c.recv {
				t.Errorf("min %s max %s binding %s received %s, want %s %s %s %s", show(l.Min), show(l.Max), l.Binding, show(l.Received), c.min, c.max, c.binding, c.recv)
			}
			if c.cap != "" && show(l.Cap) != c.cap {
				t.Errorf("cap %s, want %s", show(l.Cap), c.cap)
			}
			if l.Zeroed != "" {
				t.Errorf("zeroed by %s: a staged item is not zeroed, its cap is spent", l.Zeroed)
			}
			if !hasNote(l.Notes, NoteStaged) && !hasNote(l.Notes, NoteStagedRange) && !hasNote(l.Notes, NoteOncePerProject) && !hasNote(l.Notes, NoteAnnual) && c.recv != "10000000.00" {
				t.Errorf("no note quoting the words: %v", l.Notes)
			}
		})
	}
}

// Once-only items: a receipt makes the item 0 for what it paid.
func TestLedgerOnceOnly(t *testing.T) {
	// （九）「分别一次性给予…500万元、300万元、200万元」: provincial received
	// last year, claimed again: 0, zeroed by the receipt.
	r := withLedger(t, []Received{{Item: "park.recognition", Amount: dec("3e6"), Payer: measures.Municipal, Level: "provincial"}},
		claim(t, "park", "recognized=provincial"))
	l := line(t, r, "park.recognition")
	if show(l.Max) != "0.00" || l.Zeroed != ZeroReceived || l.Binding != BindNone || Yuan(r.Total) != "0.00" {
		t.Errorf("provincial again: max %s zeroed %q binding %s total %s", show(l.Max), l.Zeroed, l.Binding, Yuan(r.Total))
	}
	// Recognised national now, after provincial: national's 500万 is paid.
	r = withLedger(t, []Received{{Item: "park.recognition", Amount: dec("3e6"), Payer: measures.Municipal, Level: "省级"}},
		claim(t, "park", "recognized=national"))
	if l := line(t, r, "park.recognition"); show(l.Max) != "5000000.00" || l.Zeroed != "" {
		t.Errorf("national after provincial: max %s zeroed %q", show(l.Max), l.Zeroed)
	}

	// （十二）「首次达到10亿元、50亿元、100亿元…50万元、150万元、300万元」:
	// revenue of 60亿 with no prior peak reaches 10亿 and 50亿: 200万; with
	// the 10亿 tier paid before, the prior peak is at least 10亿, and only
	// 50亿 is first reached: 150万.
	r = withLedger(t, []Received{{Item: "revenue.milestone", Amount: dec("5e5"), Payer: measures.Municipal, Level: "10亿"}},
		claim(t, "revenue", "revenue=6e9"))
	if l := line(t, r, "revenue.milestone"); show(l.Max) != "1500000.00" || l.Zeroed != "" || !hasNote(l.Notes, NoteOnceMilestone) {
		t.Errorf("60亿 after the 10亿 tier: max %s zeroed %q notes %v", show(l.Max), l.Zeroed, l.Notes)
	}
	// A prior peak above the tier paid stands: 20亿, so again 150万.
	r = withLedger(t, []Received{{Item: "revenue.milestone", Amount: dec("5e5"), Payer: measures.Municipal, Level: "1e9"}},
		claim(t, "revenue", "revenue=6e9", "prior-peak=2e9"))
	if l := line(t, r, "revenue.milestone"); show(l.Max) != "1500000.00" {
		t.Errorf("60亿, prior peak 20亿, 10亿 paid: max %s", show(l.Max))
	}
	// The 50亿 tier paid: 60亿 first reaches nothing: 0, zeroed by it.
	r = withLedger(t, []Received{{Item: "revenue.milestone", Amount: dec("1.5e6"), Payer: measures.Municipal, Level: "50亿"}},
		claim(t, "revenue", "revenue=6e9"))
	if l := line(t, r, "revenue.milestone"); show(l.Max) != "0.00" || l.Zeroed != ZeroReceived {
		t.Errorf("60亿 after the 50亿 tier: max %s zeroed %q", show(l.Max), l.Zeroed)
	}

	// （二十）「成功上市…给予最高不超过400万元资助」: listed once, paid once.
	r = withLedger(t, []Received{got("listing.ipo", "4e6")}, claim(t, "listing", "listed"))
	if l := line(t, r, "listing.ipo"); show(l.Max) != "0.00" || show(l.Min) != "0.00" || l.Zeroed != ZeroReceived || show(l.Received) != "4000000.00" {
		t.Errorf("listed again: max %s zeroed %q received %s", show(l.Max), l.Zeroed, show(l.Received))
	}
}

// 附则「我市各级财政对同一项目累计资助金额不得超过该项目经审计认定的投资额」:
// without other_city_funding, what the ledger holds for the project's items
// (city and district) is Shenzhen money the project has had.
func TestLedgerCumulativeCap(t *testing.T) {
	received := []Received{
		got("training", "2e7"), // a project item, the city's
		{Item: "training", Amount: dec("5e6"), Payer: measures.District}, // the district's
		got("relocation", "1e7"), // an award to the firm: not the project's
	}
	fv := claim(t, "first-version", "sales=5e7") // 30% of 5000万, capped at 1000万
	r, err := compute(P{Date: testDate, AuditedInvestment: pdec("8e7"), NationalFunding: pdec("1e7"), Claims: []Claim{fv}, Received: received})
	if err != nil {
		t.Fatal(err)
	}
	// H = 8000万 − (2000万 + 500万) = 5500万.
	if show(r.CumulativeCap) != "55000000.00" || !hasNote(r.Steps, StepOtherLedger) {
		t.Errorf("H = %s, want 55000000.00 (other from the ledger); steps %v", show(r.CumulativeCap), r.Steps)
	}
	if v := r.Inputs.Amounts[measures.InOtherCity]; Yuan(v) != "25000000.00" {
		t.Errorf("inputs echo other_city_funding %s, want the 25000000.00 the cap rests on", Yuan(v))
	}
	// Given as 0, less than the ledger holds: all the Shenzhen money the
	// project had counts (「累计资助金额不得超过」), H = 5500万, with a
	// warning that the figure given was raised.
	r, err = compute(P{Date: testDate, AuditedInvestment: pdec("8e7"), NationalFunding: pdec("1e7"), OtherCityFunding: pdec("0"), Claims: []Claim{fv}, Received: received})
	if err != nil {
		t.Fatal(err)
	}
	if show(r.CumulativeCap) != "55000000.00" || !hasNote(r.Warnings, WarnOtherBelowLedger) {
		t.Errorf("H = %s with other_city_funding = 0, want 55000000.00 and a warning (%v)", show(r.CumulativeCap), r.Warnings)
	}
	// Given as more than the ledger (other Shenzhen money besides):
	// H = 8000万 − 3000万 = 5000万, no warning.
	r, err = compute(P{Date: testDate, AuditedInvestment: pdec("8e7"), NationalFunding: pdec("1e7"), OtherCityFunding: pdec("3e7"), Claims: []Claim{fv}, Received: received})
	if err != nil {
		t.Fatal(err)
	}
	if show(r.CumulativeCap) != "50000000.00" || hasNote(r.Warnings, WarnOtherBelowLedger) {
		t.Errorf("H = %s with other_city_funding = 3000万, want 50000000.00 and no warning (%v)", show(r.CumulativeCap), r.Warnings)
	}
}

// What it takes: a rate line below its cap reaches it at cap ÷ rate,
// rounded up to the fen.
func TestBaseForCap(t *testing.T) {
	for _, c := range []struct {
		measure string
		words   []string
		id      string
		at      string
	}{
		// （十九）30% of sales, 1000万 at most: 1000万 ÷ 0.3 = 33,333,333.33…
		// rounded up: 33,333,333.34.
		{"first-version", []string{"sales=2e7"}, "first-version.developer", "33333333.34"},
		// At its cap: nothing to reach.
		{"first-version", []string{"sales=5e7"}, "first-version.developer", "null"},
		// （十八）at most 30%, 1000万: the same base.
		{"ai", []string{"investment=2e7"}, "ai", "33333333.34"},
		// （四）20%–40% of operating cost, 500万 at most: at 40%, 1250万.
		{"platform", []string{"operating-cost=1e7"}, "platform.existing", "12500000.00"},
		// A chosen rate of 10%: 1000万 ÷ 0.1 = 1亿.
		{"ai", []string{"investment=2e7", "rate=10%"}, "ai", "100000000.00"},
		// A rate of 0 reaches nothing.
		{"ai", []string{"investment=2e7", "rate=0"}, "ai", "null"},
	} {
		r := project(t, c.measure, c.words...)
		if l := line(t, r, c.id); show(l.BaseForCap) != c.at {
			t.Errorf("%s %v: base_for_cap %s, want %s", c.measure, c.words, show(l.BaseForCap), c.at)
		}
	}
	// After the ledger: 500万 of training's 1000万 paid, 500万 left, which
	// the project reaches when 50% of its total investment is the whole
	// 1000万: at 2000万.
	r := withLedger(t, []Received{got("training", "5e6")}, claim(t, "training", "investment=8e6"))
	if l := line(t, r, "training"); show(l.BaseForCap) != "20000000.00" || !hasNote(l.Notes, NoteBaseForCap) {
		t.Errorf("training after 500万: base_for_cap %s notes %v", show(l.BaseForCap), l.Notes)
	}
	// The 附则's cap binds: first-version's 30% of 2000万 = 600万 is cut to
	// H = 500万 − 0 = 500万 (national funding given): more sales add
	// nothing, and no base is given, with a note.
	r, err := compute(P{Date: testDate, AuditedInvestment: pdec("5e6"), NationalFunding: pdec("1e6"), Claims: []Claim{claim(t, "first-version", "sales=2e7")}})
	if err != nil {
		t.Fatal(err)
	}
	if l := line(t, r, "first-version.developer"); l.BaseForCap != nil || !hasNote(l.Notes, NoteBaseCapAnnex) || show(&r.Total) != "5000000.00" {
		t.Errorf("cut by the 附则: base_for_cap %s, total %s, notes %v", show(l.BaseForCap), show(&r.Total), l.Notes)
	}
	// A line zeroed by a rule has none (outside the window).
	r, err = compute(P{Date: Date{Year: 2027, Month: 10, Day: 15}, Claims: []Claim{claim(t, "first-version", "sales=2e7")}})
	if err != nil {
		t.Fatal(err)
	}
	if l := line(t, r, "first-version.developer"); l.BaseForCap != nil {
		t.Errorf("outside the window: base_for_cap %s", show(l.BaseForCap))
	}
}

func TestLedgerRefused(t *testing.T) {
	later := Date{Year: 2026, Month: 11, Day: 27}
	for _, c := range []struct {
		name  string
		entry Received
		field string
		code  Code
	}{
		{"unknown item", got("relocaton", "1"), "item", ErrReceivedItem},
		{"zero", got("relocation", "0"), "amount", ErrReceivedAmount},
		{"after the event", Received{Item: "relocation", Amount: dec("1"), Payer: measures.Municipal, Date: &later}, "date", ErrReceivedLater},
		{"a tier without its level", got("park.recognition", "3e6"), "level", ErrReceivedNoLevel},
		{"a level of another item", Received{Item: "relocation", Amount: dec("1"), Payer: measures.Municipal, Level: "provincial"}, "level", ErrReceivedLevel},
		{"a level the tier lacks", Received{Item: "revenue.milestone", Amount: dec("1"), Payer: measures.Municipal, Level: "20亿"}, "level", ErrChoice},
	} {
		_, err := compute(P{Date: testDate, Claims: []Claim{claim(t, "relocation")}, Received: []Received{got("relocation", "1"), c.entry}})
		var ve *ValueError
		if !errors.As(err, &ve) || ve.Entry != 2 || ve.Field != c.field || ve.Code != c.code {
			t.Errorf("%s: %v (%+v), want entry 2 %s %s", c.name, err, ve, c.field, c.code)
		}
	}
	// The misspelt item gets its near neighbour.
	_, err := compute(P{Date: testDate, Claims: []Claim{claim(t, "relocation")}, Received: []Received{got("relocaton", "1")}})
	var ve *ValueError
	if !errors.As(err, &ve) || ve.Hint != HintReceivedItemNear || ve.HintArgs.Get("near") != "relocation" {
		t.Errorf("relocaton: %+v", ve)
	}
}

func hasNote(ns []Note, code Code) bool {
	for _, n := range ns {
		if n.Code == code {
			return true
		}
	}
	return false
}

// An award paid per event to the firm (a standard led, 「对牵头制订…标准的，
// 分别给予…」) keeps its figure: what came before was another award; the
// line says so. A district entry for a city item is named as outside the
// city's cap.
func TestLedgerNotDeducted(t *testing.T) {
	// （十四）a national standard: 50万.
	std := got("quality.standard", "5e5")
	std.Level = "national"
	r := withLedger(t, []Received{std}, claim(t, "quality", "standard=national"))
	if l := line(t, r, "quality.standard"); show(l.Max) != "500000.00" || !hasNote(l.Notes, NoteNotDeducted) {
		t.Errorf("standard: max %s notes %v, want 500000.00 and a note", show(l.Max), l.Notes)
	}
	// 2000万 from the city and 1000万 from the district: 3000万 left of the
	// city's 5000万, the district's named.
	r = withLedger(t, []Received{got("relocation", "2e7"), {Item: "relocation", Amount: dec("1e7"), Payer: measures.District}}, claim(t, "relocation"))
	if l := line(t, r, "relocation"); show(l.Max) != "30000000.00" || show(l.Received) != "30000000.00" || !hasNote(l.Notes, NoteDistrictPaid) {
		t.Errorf("relocation: max %s received %s notes %v", show(l.Max), show(l.Received), l.Notes)
	}
	// （九）「分别一次性给予…500万元、300万元」: a park recognised at
	// provincial level before, now national, gets the national 500万, with a
	// note naming the provincial 300万.
	prov := got("park.recognition", "3e6")
	prov.Level = "provincial"
	r = withLedger(t, []Received{prov}, claim(t, "park", "recognized=national"))
	if l := line(t, r, "park.recognition"); show(l.Max) != "5000000.00" || !hasNote(l.Notes, NoteOtherLevel) {
		t.Errorf("park: max %s notes %v, want 5000000.00 and the provincial award named", show(l.Max), l.Notes)
	}
}

// What a clerk should check in the ledger, said as warnings: more received
// from the city for relocation than its 「最高不超过5000万元」 (6000万: a typo,
// or two items run together), and a receipt dated before the policy took
// effect on 2022-10-15 (「自2022年10月15日起施行」).
func TestLedgerWarnings(t *testing.T) {
	early := got("relocation", "6e7")
	early.Date = &Date{Year: 2022, Month: 5, Day: 1}
	r := withLedger(t, []Received{early}, claim(t, "relocation"))
	if !hasNote(r.Warnings, WarnReceivedAbove) || !hasNote(r.Warnings, WarnReceivedEarly) {
		t.Errorf("warnings %v", r.Warnings)
	}
	// 3000万 on 2025-01-01: nothing to check.
	ok := got("relocation", "3e7")
	ok.Date = &Date{Year: 2025, Month: 1, Day: 1}
	if r := withLedger(t, []Received{ok}, claim(t, "relocation")); len(r.Warnings) != 0 {
		t.Errorf("warnings %v", r.Warnings)
	}
}

// Every wrong entry of the ledger is reported, in order, as every wrong
// key of a file is; a measure's name for an item gets its items as the hint.
func TestLedgerEveryError(t *testing.T) {
	_, err := compute(P{Date: testDate, Claims: []Claim{claim(t, "relocation")},
		Received: []Received{got("人才培养", "1"), got("relocation", "1"), got("relocaton", "1")}})
	var les LedgerErrors
	if !errors.As(err, &les) || len(les) != 2 || les[0].Entry != 1 || les[1].Entry != 3 {
		t.Fatalf("%v, want the errors of entries 1 and 3", err)
	}
	if les[0].Hint != HintReceivedMeasure || les[1].Hint != HintReceivedItemNear {
		t.Errorf("hints %s, %s", les[0].Hint, les[1].Hint)
	}
}
