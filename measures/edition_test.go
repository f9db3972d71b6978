package measures_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"szsoft/internal/edition"
	"szsoft/measures"
)

// successor is a test edition: the measures renewed for five more years
// from 2027-10-15, with the first-version developer's cap raised to
// 15,000,000. Adding it is data, nothing else.
func successor() *measures.Edition {
	e := edition.SZ2022()
	e.ID, e.Policy = "test2027", "深府规〔2027〕测试号"
	e.Supplementary.From, e.Supplementary.To = measures.Day{Year: 2027, Month: 10, Day: 15}, measures.Day{Year: 2032, Month: 10, Day: 14}
	it, _ := e.Item("first-version.developer")
	cap := decimal.RequireFromString("15000000")
	it.Cap = &cap
	return measures.NewEdition(*e)
}

func TestRegistry(t *testing.T) {
	r, err := measures.NewRegistry(edition.SZ2022(), successor())
	if err != nil {
		t.Fatal(err)
	}
	for d, want := range map[measures.Day]string{
		{Year: 2022, Month: 10, Day: 15}: "sz2022",   // the first day of the first
		{Year: 2027, Month: 10, Day: 14}: "sz2022",   // its last day
		{Year: 2027, Month: 10, Day: 15}: "test2027", // the successor's first
		{Year: 2040, Month: 1, Day: 1}:   "test2027", // after both: the nearest
		{Year: 2020, Month: 1, Day: 1}:   "sz2022",   // before both: the nearest
	} {
		if got := r.ForDate(d).ID; got != want {
			t.Errorf("ForDate(%s) = %s, want %s", d, got, want)
		}
	}
	if e, ok := r.Lookup("test2027"); !ok || !e.InWindow(measures.Day{Year: 2030, Month: 1, Day: 1}) {
		t.Error("test2027 not found or not in force in 2030")
	}
	if it, _ := r.Editions()[1].Item("first-version.developer"); !it.Cap.Equal(decimal.RequireFromString("15000000")) {
		t.Errorf("successor cap %s", it.Cap)
	}
	if it, _ := r.Editions()[0].Item("first-version.developer"); !it.Cap.Equal(decimal.RequireFromString("10000000")) {
		t.Errorf("sz2022 cap %s: the successor changed its predecessor", it.Cap)
	}
	// Overlapping windows and repeated ids are refused.
	if _, err := measures.NewRegistry(edition.SZ2022(), edition.SZ2022()); err == nil {
		t.Error("two sz2022 accepted")
	}
}

// What a clerk types for a choice or a measure is understood (docs/contract.md
// §3): any case, with or without separators and 级, full-width, Chinese.
func TestChoicesAndMeasuresByTheirNames(t *testing.T) {
	ed := edition.SZ2022()
	park, _ := ed.Measure("park")
	recognized, _ := park.Input("recognized")
	quality, _ := ed.Measure("quality")
	cert, _ := quality.Input("certification")
	standard, _ := quality.Input("standard")
	for _, c := range []struct {
		in   measures.Input
		s    string
		want string
	}{
		{recognized, "national", "national"}, {recognized, "National", "national"}, {recognized, "国家级", "national"},
		{recognized, "国家", "national"}, {recognized, "省级", "provincial"}, {recognized, "省", "provincial"},
		{recognized, "市级", "municipal"}, {recognized, "ＮＡＴＩＯＮＡＬ", "national"},
		{cert, "CMMI-5", "cmmi-5"}, {cert, "cmmi5", "cmmi-5"}, {cert, "CMMI 5", "cmmi-5"}, {cert, "CMMI5级", "cmmi-5"},
		{cert, "CMMI五级", "cmmi-5"}, {cert, "ＣＭＭＩ－３", "cmmi-3"}, {cert, "DCMM-2", "dcmm-2"}, {cert, "其他", "other"},
		{standard, "行业", "industry"}, {standard, "地方标准", "local"}, {standard, "团体", "group"}, {standard, "国家标准", "national"},
		{standard, "国标", "national"}, {standard, "团标", "group"}, {recognized, "国家级软件名园", "national"},
		{cert, "CMMI ML5", "cmmi-5"}, {cert, "DCMM稳健级", "dcmm-3"}, {cert, "CSMM量化提升级", "csmm-4"}, {cert, "cmmi优化级", "cmmi-5"},
		{recognized, "nation", ""}, {recognized, "行业", ""}, {cert, "cmmi-6", ""}, {cert, "cmmi", ""}, {standard, "", ""},
	} {
		got, ok := c.in.Match(c.s)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("--%s %q = %q, %v; want %q", c.in.Name, c.s, got, ok, c.want)
		}
	}
	for s, want := range map[string]string{
		"first-version": "first-version", "First-Version": "first-version", "首版次": "first-version", "首版次软件": "first-version",
		"开源": "open-source", "开源项目": "oss-project", "工业软件": "industrial-software", "人工智能": "ai", "AI": "ai",
		"软件名园": "park", "质量": "quality", "首版": "", "firstversion": "first-version",
	} {
		got := ""
		if m, ok := ed.Find(s); ok {
			got = m.Name
		}
		if got != want {
			t.Errorf("Find(%q) = %q, want %q", s, got, want)
		}
	}
	for _, u := range []struct{ s, want string }{{"yuan", "yuan"}, {"元", "yuan"}, {"万元", "wan"}, {"万", "wan"}, {"WAN", "wan"}, {"亿", ""}} {
		if got, _ := measures.Unit(u.s); got != u.want {
			t.Errorf("measures.Unit(%q) = %q, want %q", u.s, got, u.want)
		}
	}
}

// A phrase in one language only is an error of the edition's data.
func TestHalfTranslatedIsInvalid(t *testing.T) {
	ed := edition.SZ2022()
	ed.Measures[0].Summary.Zh = ""
	if err := ed.Validate(); err == nil || !strings.Contains(err.Error(), "measure[0].summary: a phrase in one language only") {
		t.Errorf("Validate: %v, want the summary without Chinese", err)
	}
}

func TestClauseText(t *testing.T) {
	ed := edition.SZ2022()
	got := ed.ClauseText("（十九）")
	if want := "制定《深圳市首版次软件推广应用指导目录》"; len(got) == 0 || got[:len(want)] != want {
		t.Errorf("ClauseText(（十九）) = %.60q…", got)
	}
	if got := ed.ClauseText("附则"); got == "" || got[:len("本措施")] != "本措施" {
		t.Errorf("ClauseText(附则) = %.60q", got)
	}
	if got := ed.ClauseText("（二十一）"); got != "" {
		t.Errorf("ClauseText(（二十一）) = %q, want empty", got)
	}
}

// Validate must catch a catalogue that drifts from the policy.
func TestValidateCatchesMistakes(t *testing.T) {
	for name, spoil := range map[string]func(c *measures.Edition){
		"misquoted": func(c *measures.Edition) {
			c.Measures[0].Items[0].Quote = "给予项目承担单位最高不超过2000万元资助"
		},
		"wrong clause":  func(c *measures.Edition) { c.Measures[0].Items[0].Quote = c.Measures[len(c.Measures)-1].Items[0].Quote },
		"rate above 1":  func(c *measures.Edition) { c.Measures[2].Items[0].RateHigh = decimal.RequireFromString("1.5") },
		"missing input": func(c *measures.Edition) { c.Measures[2].Items[0].Base = "sales" },
		"no reason":     func(c *measures.Edition) { c.Measures[3].Items[0].Reason = measures.Text{} },
		"milestone without thresholds": func(c *measures.Edition) {
			it, _ := c.Item("revenue.milestone")
			it.Tiers[1].Threshold = decimal.Zero
		},
		"window backwards": func(c *measures.Edition) { c.Supplementary.To = measures.Day{Year: 2020, Month: 1, Day: 1} },
	} {
		c := edition.SZ2022()
		spoil(c)
		if c.Validate() == nil {
			t.Errorf("%s: Validate found nothing", name)
		}
	}
}

// A layer is checked against its base: a guide narrows, never pays more,
// speaks of items the base has in words its own text holds; a district's
// items are the district's and its names its own.
func TestValidateLayer(t *testing.T) {
	base := edition.SZ2022()
	money := func(s string) *decimal.Decimal { d := decimal.RequireFromString(s); return &d }
	guide := func(r measures.GuideRule) *measures.Edition {
		return measures.NewEdition(measures.Edition{ID: "g", Policy: "指南", Extends: "sz2022", Kind: measures.GuideLayer,
			Text: "CSMM四级30万元", Guide: []measures.GuideRule{r}})
	}
	ok := measures.GuideRule{Item: "quality.certification", Quote: "CSMM四级30万元", Input: "certification",
		Amounts: []measures.Step{{Key: "csmm-4", Amount: decimal.RequireFromString("300000")}}}
	if err := guide(ok).ValidateLayer(base); err != nil {
		t.Fatalf("a valid guide: %v", err)
	}
	for name, c := range map[string]struct {
		rule measures.GuideRule
		want string
	}{
		// 「最高不超过50万元」: 600,000 pays more.
		"amount above the cap": {func() measures.GuideRule {
			r := ok
			r.Amounts = []measures.Step{{Key: "csmm-4", Amount: decimal.RequireFromString("600000")}}
			return r
		}(), "never pays more"},
		// （十九）: 1000万元; 1200万 pays more.
		"cap above": {measures.GuideRule{Item: "first-version.developer", Quote: "CSMM四级30万元", Cap: money("12000000")}, "never pays more"},
		// （十九）: 30%; 35% pays more.
		"rate above":   {measures.GuideRule{Item: "first-version.developer", Quote: "CSMM四级30万元", RateHigh: money("0.35")}, "never pays more"},
		"no such item": {measures.GuideRule{Item: "quality.cert", Quote: "CSMM四级30万元"}, "no item"},
		"misquoted":    {measures.GuideRule{Item: "quality.honor", Quote: "CSMM五级50万元"}, "not in the guide's text"},
		"not a value": {func() measures.GuideRule {
			r := ok
			r.Amounts = []measures.Step{{Key: "csmm-9", Amount: decimal.RequireFromString("1")}}
			return r
		}(), "no value of --certification"},
	} {
		err := guide(c.rule).ValidateLayer(base)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", name, err, c.want)
		}
	}
	// A district's item paid by the city, and a name of the base's.
	cap := decimal.RequireFromString("1000000")
	d := measures.NewEdition(measures.Edition{ID: "d", Policy: "区", Extends: "sz2022", Kind: measures.DistrictLayer,
		Measures: []*measures.Measure{{Name: "rd", Aliases: []string{"首版次"}, Items: []*measures.Item{{ID: "rd", Payer: measures.Municipal, Cap: &cap}}}}})
	err := d.ValidateLayer(base)
	if err == nil || !strings.Contains(err.Error(), "paid by the district") || !strings.Contains(err.Error(), `name "首版次" is sz2022's measure first-version too`) {
		t.Errorf("district: %v", err)
	}
	// A layer of the wrong base.
	g := guide(ok)
	g.Extends = "sz2027"
	if err := g.ValidateLayer(base); err == nil || !strings.Contains(err.Error(), `extends "sz2027", not sz2022`) {
		t.Errorf("wrong base: %v", err)
	}
}
