package edition

import (
	"os"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// Builtin skips the checks at start-up; they run here.
func TestBuiltinIsValid(t *testing.T) {
	for _, e := range Builtin().Editions() {
		if ps := e.Validate(); ps != nil {
			t.Errorf("%s: %v", e.ID, ps)
		}
	}
	if Builtin().Default().ID != "sz2022" {
		t.Errorf("default edition %s", Builtin().Default().ID)
	}
}

// docs/contract.md §1: 22 subcommands, 28 computable items, 12 case-by-case items.
func TestCounts(t *testing.T) {
	c := SZ2022()
	if n := len(c.Measures); n != 22 {
		t.Errorf("measures: %d, want 22", n)
	}
	computable, caseByCase := 0, 0
	for _, m := range c.Measures {
		for _, it := range m.Items {
			if it.Kind == measures.CaseByCase {
				caseByCase++
			} else {
				computable++
			}
		}
	}
	if computable != 28 || caseByCase != 12 {
		t.Errorf("items: %d computable, %d case by case; want 28 and 12", computable, caseByCase)
	}
	if n := len(c.Clauses); n != 20 {
		t.Errorf("clauses: %d, want 20 (（一）…（二十）)", n)
	}
}

// The copy of the policy in this package must be the shared one, byte for
// byte. The shared folder sits beside the repository in the workplace; a
// clone elsewhere skips the comparison.
func TestPolicyCopyIsTheSharedText(t *testing.T) {
	shared, err := os.ReadFile("../../shared/policy/shenzhen-software-measures-2022.txt")
	if err != nil {
		t.Skip("shared policy text not beside the repository:", err)
	}
	if string(shared) != SZ2022().Text {
		t.Fatal("measures/sz2022.txt differs from shared/policy/shenzhen-software-measures-2022.txt")
	}
}

// Every figure restated by hand from the policy text, independently of the
// catalogue: a typo in either shows up here.
func TestFiguresAgainstThePolicy(t *testing.T) {
	type want struct {
		kind      measures.Kind
		clause    string
		low, high string // rates ("" = none)
		cap       string // "" = no cap
	}
	cases := map[string]want{
		// （三）给予项目承担单位最高不超过3000万元资助
		"key-tech": {measures.CapOnly, "（三）", "", "", "30000000"},
		// （三）按审定总投入给予全额资助
		"strategic": {measures.FixedRate, "（三）", "1", "1", ""},
		// （三）按不超过审定总投入的50%，给予最高不超过1000万元资助
		"new-product":    {measures.CeilingRate, "（三）", "0", "0.5", "10000000"},
		"national-match": {measures.CaseByCase, "（三）", "", "", ""},
		// （四）新建平台 不超过50%，最高不超过2000万元
		"platform.new": {measures.CeilingRate, "（四）", "0", "0.5", "20000000"},
		// （四）已建平台 20%－40%，最高不超过500万元
		"platform.existing": {measures.RateRange, "（四）", "0.2", "0.4", "5000000"},
		"oss-contribution":  {measures.CapOnly, "（四）", "", "", "5000000"},
		"oss-project":       {measures.CapOnly, "（四）", "", "", "3000000"},
		"ecosystem":         {measures.CaseByCase, "（五）", "", "", ""},
		// （七）按不超过项目审定总投入的50%给予最高300万元资助
		"event":              {measures.CeilingRate, "（七）", "0", "0.5", "3000000"},
		"event.commissioned": {measures.CaseByCase, "（七）", "", "", ""},
		"park.recognition":   {measures.Tier, "（九）", "", "", ""},
		"park.excellent":     {measures.Tier, "（九）", "", "", ""},
		// （九）连续三年给予不低于50%的租金补贴
		"park.rent":          {measures.Floor, "（九）", "0.5", "1", ""},
		"park.rent-existing": {measures.CaseByCase, "（九）", "", "", ""},
		// （十）按不超过审定总投入的50%，分阶段给予最高不超过1000万元资助
		"training":               {measures.CeilingRate, "（十）", "0", "0.5", "10000000"},
		"training.model-college": {measures.CaseByCase, "（十）", "", "", ""},
		"talent-team.core":       {measures.AmountRange, "（十一）", "", "", ""},
		"talent-team.top":        {measures.CaseByCase, "（十一）", "", "", ""},
		"talent-team.backbone":   {measures.CaseByCase, "（十一）", "", "", ""},
		"revenue.milestone":      {measures.Milestone, "（十二）", "", "", ""},
		"revenue.increment":      {measures.CaseByCase, "（十二）", "", "", ""},
		"digital-center":         {measures.CaseByCase, "（十二）", "", "", ""},
		// （十三）分类分阶段给予最高不超过5000万元落户奖励
		"relocation": {measures.CapOnly, "（十三）", "", "", "50000000"},
		// （十四）给予最高不超过50万元奖励 (twice)
		"quality.certification": {measures.CapOnly, "（十四）", "", "", "500000"},
		"quality.honor":         {measures.CapOnly, "（十四）", "", "", "500000"},
		"quality.standard":      {measures.Tier, "（十四）", "", "", ""},
		"showcase":              {measures.CaseByCase, "（十五）", "", "", ""},
		// （十六）按审定销售额的30%，给予最高不超过1000万元资助
		"open-source.distribution": {measures.FixedRate, "（十六）", "0.3", "0.3", "10000000"},
		"open-source.terminal":     {measures.CapOnly, "（十六）", "", "", "10000000"},
		// （十六）按不超过采购额的30%，给予最高不超过1000万元资助
		"open-source.purchase":    {measures.CeilingRate, "（十六）", "0", "0.3", "10000000"},
		"open-source.influential": {measures.CaseByCase, "（十六）", "", "", ""},
		// （十七）给予最高不超过1000万元的资助
		"industrial-software.pilot": {measures.CapOnly, "（十七）", "", "", "10000000"},
		// （十七）按审定采购额的3%－10%，给予最高不超过500万元资助
		"industrial-software.cloud": {measures.RateRange, "（十七）", "0.03", "0.1", "5000000"},
		// （十八）按不超过审定总投入的30%，给予最高不超过1000万元资助
		"ai": {measures.CeilingRate, "（十八）", "0", "0.3", "10000000"},
		// （十九）按一定时期内审定销售额的30%，给予软件开发商最高不超过1000万元资助
		"first-version.developer": {measures.FixedRate, "（十九）", "0.3", "0.3", "10000000"},
		// （十九）按首个销售合同对应用户的审定采购额的10%，给予用户单位最高不超过100万元资助
		"first-version.user": {measures.FixedRate, "（十九）", "0.1", "0.1", "1000000"},
		// （十九）给予投保企业最高不超过300万元资助
		"first-version.insurance": {measures.CapOnly, "（十九）", "", "", "3000000"},
		// （二十）给予最高不超过400万元资助
		"listing.ipo":               {measures.CapOnly, "（二十）", "", "", "4000000"},
		"listing.loan-compensation": {measures.CaseByCase, "（二十）", "", "", ""},
	}
	c := SZ2022()
	seen := 0
	for _, m := range c.Measures {
		for _, it := range m.Items {
			seen++
			w, ok := cases[it.ID]
			if !ok {
				t.Errorf("%s: not restated in this test", it.ID)
				continue
			}
			if it.Kind != w.kind || it.Clause != w.clause {
				t.Errorf("%s: %s %s, want %s %s", it.ID, it.Kind, it.Clause, w.kind, w.clause)
			}
			if w.low != "" && (!it.RateLow.Equal(decimal.RequireFromString(w.low)) || !it.RateHigh.Equal(decimal.RequireFromString(w.high))) {
				t.Errorf("%s: rates %s-%s, want %s-%s", it.ID, it.RateLow, it.RateHigh, w.low, w.high)
			}
			switch {
			case w.cap == "" && it.Cap != nil:
				t.Errorf("%s: cap %s, want none", it.ID, it.Cap)
			case w.cap != "" && (it.Cap == nil || !it.Cap.Equal(decimal.RequireFromString(w.cap))):
				t.Errorf("%s: cap %v, want %s", it.ID, it.Cap, w.cap)
			}
		}
	}
	if seen != len(cases) {
		t.Errorf("catalogue has %d items, this test %d", seen, len(cases))
	}
}

// （九）500万元、300万元、200万元; 150万元、100万元、50万元. （十二）10亿/50亿/100亿 →
// 50万/150万/300万. （十四）50万元、30万元、20万元、10万元.
func TestTiersAgainstThePolicy(t *testing.T) {
	c := SZ2022()
	tiers := func(id string) map[string]string {
		it, ok := c.Item(id)
		if !ok {
			t.Fatalf("no item %s", id)
		}
		got := map[string]string{}
		for _, s := range it.Tiers {
			k := s.Key
			if k == "" {
				k = s.Threshold.String()
			}
			got[k] = s.Amount.String()
		}
		return got
	}
	check := func(id string, want map[string]string) {
		got := tiers(id)
		if len(got) != len(want) {
			t.Errorf("%s: %v, want %v", id, got, want)
		}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s[%s] = %s, want %s", id, k, got[k], v)
			}
		}
	}
	check("park.recognition", map[string]string{"national": "5000000", "provincial": "3000000", "municipal": "2000000"})
	check("park.excellent", map[string]string{"national": "1500000", "provincial": "1000000", "municipal": "500000"})
	check("revenue.milestone", map[string]string{"1000000000": "500000", "5000000000": "1500000", "10000000000": "3000000"})
	check("quality.standard", map[string]string{"national": "500000", "industry": "300000", "local": "200000", "group": "100000"})
	if it, _ := c.Item("talent-team.core"); it.AmountLow.String() != "10000000" || it.AmountHigh.String() != "100000000" {
		t.Errorf("talent-team: %s-%s, want 1000万元以上、1亿元以下", it.AmountLow, it.AmountHigh)
	}
	s := c.Supplementary
	if s.From != (measures.Day{Year: 2022, Month: 10, Day: 15}) || s.To != (measures.Day{Year: 2027, Month: 10, Day: 14}) {
		t.Errorf("validity %v-%v, want 2022-10-15 to 2027-10-14 (自2022年10月15日起施行，有效期5年)", s.From, s.To)
	}
}

// Who the text pays, restated from the words of each clause: 给予项目承担单位
// (（三）), 平台 (（四）), 活动 (（七）), 园区运营主体 / 园区内软件企业 (（九）), 核心团队 /
// 骨干软件人才 (（十一）), 商业发行版公司 / 用户单位 (（十六）), 用户 (（十七）),
// 软件开发商 / 用户单位 / 投保企业 (（十九）); everything else the firm itself.
// Firm scope: awards to the firm or a person as such, not to a project.
func TestRecipientsAndScopes(t *testing.T) {
	byRecipient := map[measures.Recipient][]string{
		measures.Undertaker:   {"key-tech", "strategic", "new-product", "national-match", "training", "showcase", "ai"},
		measures.Platform:     {"platform.new", "platform.existing"},
		measures.Organizer:    {"event", "event.commissioned"},
		measures.ParkOperator: {"park.recognition", "park.excellent"},
		measures.Tenant:       {"park.rent", "park.rent-existing"},
		measures.Team:         {"talent-team.core", "talent-team.top"},
		measures.Talent:       {"talent-team.backbone"},
		measures.Distributor:  {"open-source.distribution"},
		measures.User:         {"open-source.purchase", "industrial-software.pilot", "industrial-software.cloud", "first-version.user"},
		measures.Developer:    {"first-version.developer"},
		measures.College:      {"training.model-college"},
		measures.Enterprise: {"oss-contribution", "oss-project", "ecosystem", "revenue.milestone", "revenue.increment", "digital-center",
			"relocation", "quality.certification", "quality.honor", "quality.standard", "open-source.terminal",
			"open-source.influential", "first-version.insurance", "listing.ipo", "listing.loan-compensation"},
	}
	firm := []string{"oss-contribution", "oss-project", "park.recognition", "park.excellent", "park.rent", "park.rent-existing",
		"revenue.milestone", "revenue.increment", "digital-center", "relocation", "quality.certification", "quality.honor",
		"quality.standard", "listing.ipo", "listing.loan-compensation", "talent-team.backbone", "training.model-college"}
	c := SZ2022()
	n := 0
	for r, ids := range byRecipient {
		for _, id := range ids {
			n++
			it, ok := c.Item(id)
			if !ok {
				t.Errorf("no item %s", id)
				continue
			}
			if it.Recipient != r {
				t.Errorf("%s: recipient %s, want %s", id, it.Recipient, r)
			}
		}
	}
	if n != len(c.ItemIDs()) {
		t.Errorf("%d items restated, the catalogue has %d", n, len(c.ItemIDs()))
	}
	for _, id := range c.ItemIDs() {
		it, _ := c.Item(id)
		want := measures.ProjectScope
		if slices.Contains(firm, id) {
			want = measures.FirmScope
		}
		if it.Scope != want {
			t.Errorf("%s: scope %s, want %s", id, it.Scope, want)
		}
	}
	// 一事一议 is said of two items only: （五） and the top team of （十一）.
	for _, id := range c.ItemIDs() {
		it, _ := c.Item(id)
		if want := id == "ecosystem" || id == "talent-team.top"; it.OneByOne != want {
			t.Errorf("%s: 一事一议 %v, want %v", id, it.OneByOne, want)
		}
	}
}
