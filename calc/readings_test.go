package calc

import (
	"errors"
	"testing"
)

// Alternatives fund one project one way or the other, never both: the
// computable one with the largest max counts, the others are 0 with the kept
// item named, a note and a warning.
func TestAlternatives(t *testing.T) {
	cases := []struct {
		name     string
		claims   []Claim
		kept     string
		excluded string
		total    string
		warnings int // the alternative's, and more where said
	}{
		// （四）new 50% of 50,000,000 = 25,000,000 → cap 20,000,000; existing
		// 40% of 10,000,000 = 4,000,000: new counts (docs/contract.md §6).
		{"platform", []Claim{claim(t, "platform", "investment=5e7", "operating-cost=1e7")}, "platform.new", "platform.existing", "20000000.00", 1},
		// existing larger: new 50% of 2,000,000 = 1,000,000 < existing 4,000,000.
		{"platform existing larger", []Claim{claim(t, "platform", "investment=2e6", "operating-cost=1e7")}, "platform.existing", "platform.new", "4000000.00", 1},
		// （三）key-tech ≤ 30,000,000 and bounded by 50,000,000; strategic 100% =
		// 50,000,000: strategic counts, never more than the investment (docs/contract.md §6).
		{"key-tech and strategic", []Claim{claim(t, "key-tech", "investment=5e7"), claim(t, "strategic", "investment=5e7")}, "strategic", "key-tech", "50000000.00", 1},
		// a tie (30,000,000 each): the first in catalogue order, key-tech.
		{"tie", []Claim{claim(t, "strategic", "investment=3e7"), claim(t, "key-tech", "investment=3e7")}, "key-tech", "strategic", "30000000.00", 1},
		// （十一）a case-by-case top team never displaces the core team's range.
		{"core and top", []Claim{claim(t, "talent-team", "core-team", "top")}, "talent-team.core", "talent-team.top", "100000000.00", 1},
		// （七）「经国家部委、广东省及深圳市政府委托举办的活动，各级财政按有关标准
		// 和规定予以支持」: a commissioned event is funded by those
		// standards instead of at 50% of its investment (2,000,000 of
		// 4,000,000): the commissioned line counts though it has no figure,
		// the total is 0 and a second warning says no line has a figure.
		{"event", []Claim{claim(t, "event", "investment=4e6", "commissioned")}, "event.commissioned", "event", "0.00", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := compute(P{Date: testDate, Claims: c.claims})
			if err != nil {
				t.Fatal(err)
			}
			if err := r.Check(); err != nil {
				t.Error(err)
			}
			k, x := line(t, r, c.kept), line(t, r, c.excluded)
			if k.ExcludedBy != "" || x.ExcludedBy != c.kept {
				t.Errorf("kept %q excluded_by %q; %s excluded_by %q", c.kept, k.ExcludedBy, c.excluded, x.ExcludedBy)
			}
			if x.Item.Kind == "case-by-case" {
				if x.Max != nil {
					t.Errorf("case-by-case alternative got a figure %s", show(x.Max))
				}
			} else if show(x.Min) != "0.00" || show(x.Max) != "0.00" || x.Binding != BindNone {
				t.Errorf("excluded %s-%s (%s), want 0.00 bound by nothing", show(x.Min), show(x.Max), x.Binding)
			}
			if Yuan(r.Total) != c.total {
				t.Errorf("total %s, want %s", Yuan(r.Total), c.total)
			}
			if want := max(c.warnings, 1); len(r.Warnings) != want {
				t.Errorf("warnings %v, want %d", r.Warnings, want)
			}
		})
	}
	// A claim of 0 claims nothing: no alternative to settle.
	r, err := compute(P{Date: testDate, Claims: []Claim{claim(t, "platform", "investment=5e7", "operating-cost=0")}})
	if err != nil {
		t.Fatal(err)
	}
	if line(t, r, "platform.existing").ExcludedBy != "" || len(r.Warnings) != 0 {
		t.Errorf("operating-cost 0 took part in an alternative: %v", r.Warnings)
	}
}

// One project is one applicant: both sides of a measure whose items go to
// parties the text keeps apart are refused, naming both recipients.
func TestSidesRefused(t *testing.T) {
	cases := []struct {
		measure string
		words   []string
		a, b    string
	}{
		// docs/contract.md §6: 软件开发商 and 用户单位.
		{"first-version", []string{"sales=2e7", "purchase=5e6"}, "first-version.developer", "first-version.user"},
		{"open-source", []string{"sales=2e7", "purchase=5e6"}, "open-source.distribution", "open-source.purchase"},
		// docs/contract.md §6: 园区运营主体 and 新入驻的软件企业.
		{"park", []string{"recognized=provincial", "rent=1e6"}, "park.recognition", "park.rent"},
		{"park", []string{"excellent=national", "rent-existing"}, "park.excellent", "park.rent-existing"},
		{"talent-team", []string{"top", "backbone"}, "talent-team.top", "talent-team.backbone"},
	}
	for _, c := range cases {
		_, err := compute(P{Date: testDate, Claims: []Claim{claim(t, c.measure, c.words...)}})
		var se *SidesError
		if !errors.As(err, &se) || se.A.ID != c.a || se.B.ID != c.b {
			t.Errorf("%s %v: err = %v, want both sides refused (%s, %s)", c.measure, c.words, err, c.a, c.b)
		}
	}
	// The insurance goes to the 投保企业, whoever that is: never refused; and
	// a claim of 0 claims nothing.
	for _, words := range [][]string{{"sales=2e7", "premium=1e5"}, {"purchase=5e6", "premium=1e5"}, {"sales=2e7", "purchase=0"}} {
		if _, err := compute(P{Date: testDate, Claims: []Claim{claim(t, "first-version", words...)}}); err != nil {
			t.Errorf("first-version %v: %v", words, err)
		}
	}
}

// More than 100 standards is an invalid value, not a figure.
func TestTooManyStandards(t *testing.T) {
	c := claim(t, "quality")
	for range 101 {
		c.Choices["standard"] = append(c.Choices["standard"], "group")
	}
	_, err := compute(P{Date: testDate, Claims: []Claim{c}})
	var ve *ValueError
	if !errors.As(err, &ve) || ve.Field != "standard" {
		t.Errorf("err = %v, want a ValueError on standard", err)
	}
	c.Choices["standard"] = c.Choices["standard"][:100]
	r, err := compute(P{Date: testDate, Claims: []Claim{c}})
	// 100 group standards at most 100,000 each: 10,000,000.
	if err != nil || Yuan(r.Total) != "10000000.00" {
		t.Errorf("100 standards: %v, total %v", err, r)
	}
}

// CMMI below level 4 is no award, with a warning.
func TestCertificationBelowLevelWarns(t *testing.T) {
	r := project(t, "quality", "certification=cmmi-3")
	if Yuan(r.Total) != "0.00" || len(r.Warnings) != 1 {
		t.Errorf("total %s, warnings %v", Yuan(r.Total), r.Warnings)
	}
}

// 不得重复享受 concerns the city's measures: declaring a district-paid item
// changes nothing, and the warning says so rather than "its municipal lines
// are 0".
func TestSameKindOnADistrictItem(t *testing.T) {
	r, err := compute(P{Date: testDate, SameKind: []string{"park.rent"}, Claims: []Claim{claim(t, "park", "rent=1e6")}})
	if err != nil {
		t.Fatal(err)
	}
	// 1,000,000 × 50% × 3 = 1,500,000 to 3,000,000, untouched.
	if l := line(t, r, "park.rent"); show(l.Min) != "1500000.00" || show(l.Max) != "3000000.00" {
		t.Errorf("rent %s-%s", show(l.Min), show(l.Max))
	}
	if len(r.Warnings) != 1 || r.Warnings[0].Code != WarnSameKindNothing {
		t.Errorf("warnings %v", r.Warnings)
	}
}
