package measures

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// successor is a test edition: the measures renewed for five more years
// from 2027-10-15, with the first-version developer's cap raised to
// 15,000,000. Adding it is data, nothing else.
func successor() *Edition {
	e := SZ2022()
	e.ID, e.Policy = "test2027", "深府规〔2027〕测试号"
	e.Supplementary.From, e.Supplementary.To = Day{2027, 10, 15}, Day{2032, 10, 14}
	it, _ := e.Item("first-version.developer")
	it.Cap = capAt("15000000")
	return NewEdition(*e)
}

func TestRegistry(t *testing.T) {
	r, err := NewRegistry(SZ2022(), successor())
	if err != nil {
		t.Fatal(err)
	}
	for d, want := range map[Day]string{
		{2022, 10, 15}: "sz2022",   // the first day of the first
		{2027, 10, 14}: "sz2022",   // its last day
		{2027, 10, 15}: "test2027", // the successor's first
		{2040, 1, 1}:   "test2027", // after both: the nearest
		{2020, 1, 1}:   "sz2022",   // before both: the nearest
	} {
		if got := r.ForDate(d).ID; got != want {
			t.Errorf("ForDate(%s) = %s, want %s", d, got, want)
		}
	}
	if e, ok := r.Lookup("test2027"); !ok || !e.InWindow(Day{2030, 1, 1}) {
		t.Error("test2027 not found or not in force in 2030")
	}
	if it, _ := r.editions[1].Item("first-version.developer"); !it.Cap.Equal(decimal.RequireFromString("15000000")) {
		t.Errorf("successor cap %s", it.Cap)
	}
	if it, _ := r.editions[0].Item("first-version.developer"); !it.Cap.Equal(decimal.RequireFromString("10000000")) {
		t.Errorf("sz2022 cap %s: the successor changed its predecessor", it.Cap)
	}
	// Overlapping windows and repeated ids are refused.
	if _, err := NewRegistry(SZ2022(), SZ2022()); err == nil {
		t.Error("two sz2022 accepted")
	}
}

// What a clerk types for a choice or a measure is understood (docs/contract.md
// §3): any case, with or without separators and 级, full-width, Chinese.
func TestChoicesAndMeasuresByTheirNames(t *testing.T) {
	ed := SZ2022()
	park, _ := ed.Measure("park")
	recognized, _ := park.Input("recognized")
	quality, _ := ed.Measure("quality")
	cert, _ := quality.Input("certification")
	standard, _ := quality.Input("standard")
	for _, c := range []struct {
		in   Input
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
		if got, _ := Unit(u.s); got != u.want {
			t.Errorf("Unit(%q) = %q, want %q", u.s, got, u.want)
		}
	}
}

// A phrase in one language only is an error of the edition's data.
func TestHalfTranslatedIsInvalid(t *testing.T) {
	ed := SZ2022()
	ed.Measures[0].Summary.Zh = ""
	if err := ed.Validate(); err == nil || !strings.Contains(err.Error(), "measure[0].summary: a phrase in one language only") {
		t.Errorf("Validate: %v, want the summary without Chinese", err)
	}
}
