package calc

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// A client's year, worked by hand (docs/contract.md §11). 腾讯科技（深圳）
// 有限公司 (9144030071526726XG) has three projects, the district matching
// at R = 50%, the event in 2026:
//
//   - a: first-version, sales 5000万: （十九）30% × 5000万 = 1500万, capped at
//     1000万. Revenue 55亿 first reached: （十二）10亿 and 50亿 tiers, 50万 +
//     150万. CMMI level 5: （十四）at most 50万. Municipal 1250万, match
//     625万, grand 1875万; its firm lines 250万, so its project part is
//     (1250万 − 250万) + (625万 − 125万) = 1500万.
//   - b, the applicant named without its code (and spaced otherwise):
//     first-version, sales 2000万: 600万; CMMI level 5 again: 50万. Grand
//     650万 + 325万 = 975万; project part 600万 + 300万 = 900万.
//   - c: first-version, sales 1000万: 300万, match 150万, project part
//     450万; its ledger: the 10亿 tier received in 2025 (50万).
//
// Each award once: the 10亿 tier was received (c's ledger counts for a),
// so a's milestone is 150万 (50亿 alone), with 75万 match; CMMI level 5 is
// one award, a's (the first on a tie), 50万 with 25万 match, b's claim a
// duplicate naming a. The applicant: 1500万 + 900万 + 450万 + 150万 + 75万
// + 50万 + 25万 = 3150万, where the files' grand totals add to 3300万.
func TestApplicantYear(t *testing.T) {
	const code = "9144030071526726XG"
	half := dec("0.5")
	file := func(name, applicant, code string, p P) Filed {
		p.DistrictRatio = half
		pr := p.project()
		pr.Name, pr.Applicant, pr.CreditCode = name, applicant, code
		r, err := Compute(ed, pr)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return fileOf(name+".toml", r)
	}
	a := file("a", "腾讯科技（深圳）有限公司", code, P{Claims: []Claim{
		claim(t, "first-version", "sales=5e7"), claim(t, "revenue", "revenue=5.5e9"), claim(t, "quality", "certification=cmmi-5")}})
	b := file("b", " 腾讯科技(深圳)有限公司 ", "", P{Claims: []Claim{
		claim(t, "first-version", "sales=2e7"), claim(t, "quality", "certification=cmmi-5")}})
	c := file("c", "腾讯科技（深圳）有限公司", code, P{Claims: []Claim{claim(t, "first-version", "sales=1e7")},
		Received: []Received{{Item: "revenue.milestone", Amount: dec("5e5"), Date: &Date{Year: 2025, Month: 6, Day: 1}, Payer: measures.Municipal, Level: "10亿"}}})
	other := file("d", "华为技术有限公司", "914403001922038216", P{Claims: []Claim{claim(t, "quality", "certification=cmmi-5")}})
	for _, f := range []struct {
		f           Filed
		grand, part string
	}{{a, "18750000", "15000000"}, {b, "9750000", "9000000"}, {c, "4500000", "4500000"}} {
		if !f.f.Grand().Equal(dec(f.grand)) || !f.f.ProjectPart().Equal(dec(f.part)) {
			t.Errorf("%s: grand %s, project part %s; want %s, %s", f.f.File, f.f.Grand(), f.f.ProjectPart(), f.grand, f.part)
		}
	}
	as := applicants([]Filed{a, other, b, c})
	if len(as) != 2 {
		t.Fatalf("%d applicants, want 2 (b joins the code by its name)", len(as))
	}
	x := as[0]
	if x.CreditCode != code || len(x.Files) != 3 {
		t.Fatalf("first applicant %q with %d files", x.CreditCode, len(x.Files))
	}
	want := map[string][2]string{"revenue.milestone": {"1500000", "750000"}, "quality.certification": {"500000", "250000"}}
	if len(x.Awards) != 2 {
		t.Fatalf("awards %+v, want 2", x.Awards)
	}
	for _, aw := range x.Awards {
		w := want[aw.Item.ID]
		if aw.File != "a.toml" || !aw.Amount.Equal(dec(w[0])) || !aw.Match.Equal(dec(w[1])) {
			t.Errorf("%s from %s: %s + %s, want %s + %s from a.toml", aw.Item.ID, aw.File, aw.Amount, aw.Match, w[0], w[1])
		}
	}
	if len(x.Duplicates) != 1 || x.Duplicates[0].File != "b.toml" || x.Duplicates[0].Kept != "a.toml" || x.Duplicates[0].Item.ID != "quality.certification" {
		t.Errorf("duplicates %+v, want b's certification, kept from a", x.Duplicates)
	}
	if !x.Total.Equal(dec("31500000")) {
		t.Errorf("applicant total %s, want 31,500,000", x.Total)
	}
	// Huawei's CMMI level 5 is Huawei's: 50万 + 25万, no duplicate.
	if y := as[1]; !y.Total.Equal(dec("750000")) || len(y.Duplicates) != 0 {
		t.Errorf("second applicant: %s, %d duplicates; want 750,000 and none", y.Total, len(y.Duplicates))
	}
}

// A DCMM award and a CMMI award are two awards; the same award in two
// calendar years is two.
func TestAwardsApart(t *testing.T) {
	one := func(name, cert string, year int) Filed {
		p := P{Date: Date{Year: year, Month: 3, Day: 1}, Claims: []Claim{claim(t, "quality", "certification="+cert)}}
		pr := p.project()
		pr.Name, pr.Applicant = name, "某公司"
		r, err := Compute(ed, pr)
		if err != nil {
			t.Fatal(err)
		}
		return fileOf(name, r)
	}
	as := applicants([]Filed{one("a", "cmmi-5", 2026), one("b", "dcmm-3", 2026), one("c", "cmmi-5", 2025)})
	if len(as) != 1 || len(as[0].Awards) != 3 || len(as[0].Duplicates) != 0 || !as[0].Total.Equal(decimal.NewFromInt(1500000)) {
		t.Errorf("%d applicants; awards %d, duplicates %d, total %s; want 3 awards of 50万, none duplicate", len(as), len(as[0].Awards), len(as[0].Duplicates), as[0].Total)
	}
}

// An applicant whose files list more firm receipts than are combined keeps
// each file's own ledger, and says so; duplicates are found in linear time
// (10,000 claims of one award: one counted, the rest duplicates, the
// first thousand listed).
func TestApplicantLimits(t *testing.T) {
	it, _ := ed.Item("quality.certification")
	var files []Filed
	for i := range 10000 {
		f := Filed{File: "f" + strconv.Itoa(i), Applicant: "某公司", Date: Date{Year: 2026, Month: 11, Day: 26},
			claims: []firmClaim{{edition: ed, item: it, level: "cmmi-5", amount: 50000000}}}
		if i < 2 {
			for j := range MaxApplicantReceipts {
				f.Receipts = append(f.Receipts, Received{Item: "quality.certification", Amount: dec(strconv.Itoa(j + i*MaxApplicantReceipts + 1))})
			}
		}
		files = append(files, f)
	}
	as := applicants(files)
	if len(as) != 1 || !as[0].TooManyReceipts || len(as[0].Awards) != 1 || len(as[0].Duplicates) != MaxListedDuplicates || as[0].Unlisted != 9999-MaxListedDuplicates || as[0].Duplicates[0].Kept != "f0" {
		t.Errorf("%d applicants; too many %v, %d awards, %d duplicates", len(as), as[0].TooManyReceipts, len(as[0].Awards), len(as[0].Duplicates))
	}
}

// Items paid once (上市, 「首次达到」) or in stages up to one amount (落户)
// are one award across the applicant's years, each tier of a milestone an
// award of its own; the claim of the latest event counts (it sees the most
// receipts). Worked from the policy's words, R = 0:
//
//   - （十三）「分类分阶段给予最高不超过5000万元落户奖励」: 2000万 received in
//     2024 and 1000万 in 2025 leave 2000万, claimed in 2025 and again in
//     2026: one award, 2000万 (not 4000万).
//   - The same with a receipt of 1000万 dated 2026-01-10, after the 2025
//     claim's event: the 2026 claim sees it, 4000万 (not 5000万 + 4000万).
//   - （二十）上市 claimed in 2025 and in 2026: 400万 once.
//   - （十二）10亿 first reached in 2025 (revenue 11亿, 50万); in 2026 60亿
//     after a peak of 11亿 reaches 50亿 (150万); a third file of 2026 that
//     gives no peak claims 10亿 and 50亿 again: the 10亿 tier once (50万),
//     the 50亿 tier once (150万): 200万, with 上市 600万.
func TestOnceAwardsAcrossYears(t *testing.T) {
	day := func(y, m, d int) Date { return Date{Year: y, Month: m, Day: d} }
	file := func(name string, date Date, claims []Claim, received ...Received) Filed {
		p := P{Date: date, Claims: claims, Received: received}
		pr := p.project()
		pr.Name, pr.Applicant = name, "深圳光明工业软件有限公司"
		r, err := Compute(ed, pr)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return fileOf(name, r)
	}
	city := measures.Municipal
	total := func(fs ...Filed) decimal.Decimal {
		as := applicants(fs)
		if len(as) != 1 {
			t.Fatalf("%d applicants", len(as))
		}
		return as[0].Total
	}
	r24, r25 := day(2024, 5, 1), day(2025, 5, 1)
	got := total(
		file("c1", day(2026, 6, 30), []Claim{claim(t, "relocation")}, Received{Item: "relocation", Amount: dec("2e7"), Date: &r24, Payer: city}, Received{Item: "relocation", Amount: dec("1e7"), Date: &r25, Payer: city}),
		file("c2", day(2026, 8, 1), []Claim{claim(t, "relocation")}, Received{Item: "relocation", Amount: dec("2e7"), Date: &r24, Payer: city}),
		file("c3", day(2025, 9, 1), []Claim{claim(t, "relocation")}))
	if !got.Equal(dec("2e7")) {
		t.Errorf("relocation claimed in 2025 and 2026: %s, want 20,000,000", got)
	}
	late := day(2026, 1, 10)
	got = total(file("i1", day(2025, 3, 1), []Claim{claim(t, "relocation")}),
		file("i2", day(2026, 6, 1), []Claim{claim(t, "relocation")}, Received{Item: "relocation", Amount: dec("1e7"), Date: &late, Payer: city}))
	if !got.Equal(dec("4e7")) {
		t.Errorf("relocation with a receipt after the first claim: %s, want 40,000,000", got)
	}
	got = total(
		file("d1", day(2025, 12, 1), []Claim{claim(t, "listing", "listed"), claim(t, "revenue", "revenue=1.1e9")}),
		file("d2", day(2026, 6, 1), []Claim{claim(t, "listing", "listed"), claim(t, "revenue", "revenue=6e9", "prior-peak=1.1e9")}),
		file("d3", day(2026, 6, 1), []Claim{claim(t, "revenue", "revenue=6e9")}))
	if !got.Equal(dec("6e6")) {
		t.Errorf("listing twice, the 10亿 tier in two years: %s, want 6,000,000", got)
	}
}

// Names that look alike are one applicant: a zero-width joiner, a soft
// hyphen or a combining mark in a name hides nothing; the same choices in
// another order are one claim; a code given with two names is said.
func TestApplicantNamesAndChoices(t *testing.T) {
	file := func(name, applicant, code string, standards ...string) Filed {
		p := P{Claims: []Claim{claim(t, "quality", "standard="+strings.Join(standards, ","))}}
		pr := p.project()
		pr.Name, pr.Applicant, pr.CreditCode = name, applicant, code
		r, err := Compute(ed, pr)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return fileOf(name, r)
	}
	// （十四）「国家、行业、地方、团体标准…分别给予不超过50万元、30万元、20万元、
	// 10万元」: national 50万 and group 10万, each once: 60万.
	as := applicants([]Filed{
		file("a", "甲软件有限公司", "", "national", "group"),
		file("b", "甲软件\u200d有限\u00ad公司", "", "group", "national"),
		file("c", "甲软件有限公司\u0301", "", "national"),
	})
	if len(as) != 1 || !as[0].Total.Equal(dec("600000")) || len(as[0].Duplicates) != 3 {
		t.Errorf("%d applicants, total %s, %d duplicates; want one, 600,000, 3", len(as), as[0].Total, len(as[0].Duplicates))
	}
	as = applicants([]Filed{file("a", "甲公司", "9144030071526726XG", "group"), file("b", "乙公司", "9144030071526726XG", "local")})
	if len(as) != 1 || !slices.Equal(as[0].Names, []string{"乙公司"}) {
		t.Errorf("one code, two names: %d applicants, other names %v", len(as), as[0].Names)
	}
}

// reloads are the results the tests computed, by file: what Applicants
// reads again (a batch reads the file again).
var reloads = map[string]*Result{}

func fileOf(name string, r *Result) Filed { reloads[name] = r; return FileOf(name, r) }

func applicants(fs []Filed) []*Applicant {
	var k Codes
	for _, f := range fs {
		k.Add(f.Applicant, f.Code)
	}
	return Group(fs, func(f string) *Result { return reloads[f] }, &k)
}
