package calc

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// ed is the edition the tests compute under: sz2022 as shipped, set by
// builtin_test.go (package calc_test, which may import internal/edition,
// itself importing calc) before any test runs.
var ed *measures.Edition

// SetEdition sets the edition the tests compute under.
func SetEdition(e *measures.Edition) { ed = e }

// P is a project as the tests write it, the 附则 inputs as fields; a zero
// Date is testDate.
type P struct {
	Date                                                                    Date
	AuditedInvestment, NationalFunding, ProvincialFunding, OtherCityFunding *decimal.Decimal
	DistrictRatio                                                           decimal.Decimal
	StrictCap                                                               bool
	SameKind                                                                []string
	Claims                                                                  []Claim
	Received                                                                []Received
}

// project turns P into the engine's Project: the 附则 inputs by name.
func (p P) project() *Project {
	annex := NewValues()
	annex.Dates[measures.InDate] = p.Date
	if p.Date.IsZero() {
		annex.Dates[measures.InDate] = testDate
	}
	for name, v := range map[string]*decimal.Decimal{measures.InAudited: p.AuditedInvestment, measures.InNational: p.NationalFunding,
		measures.InProvincial: p.ProvincialFunding, measures.InOtherCity: p.OtherCityFunding} {
		if v != nil {
			annex.Amounts[name] = *v
		}
	}
	annex.Rates[measures.InDistrictRatio] = p.DistrictRatio
	if p.StrictCap {
		annex.Switches[measures.InStrictCap] = true
	}
	return &Project{Annex: annex, SameKind: p.SameKind, Claims: p.Claims, Received: p.Received}
}

func compute(p P) (*Result, error) { return Compute(ed, p.project()) }

// claim builds a claim from "name=value" and "switch" words, reading each
// value by the kind of its input, as the command line does.
func claim(t *testing.T, measure string, words ...string) Claim {
	t.Helper()
	return claimIn(t, ed, measure, words...)
}

// claimIn is claim under the edition e.
func claimIn(t *testing.T, e *measures.Edition, measure string, words ...string) Claim {
	t.Helper()
	m, ok := e.Measure(measure)
	if !ok {
		t.Fatalf("no measure %s", measure)
	}
	c := NewClaim(measure)
	for _, w := range words {
		name, value, _ := strings.Cut(w, "=")
		in, ok := m.Input(name)
		if !ok {
			t.Fatalf("%s has no input %s", measure, name)
		}
		switch in.Kind {
		case measures.Amount:
			v, err := ParseAmount(value)
			if err != nil {
				t.Fatalf("%s: %v", w, err)
			}
			c.Amounts[name] = v
		case measures.Rate:
			v, err := ParseRate(value)
			if err != nil {
				t.Fatalf("%s: %v", w, err)
			}
			c.Rates[name] = v
		case measures.Switch:
			c.Switches[name] = true
		case measures.Choice, measures.Choices:
			c.Choices[name] = append(c.Choices[name], strings.Split(value, ",")...)
		}
	}
	return c
}

var testDate = Date{Year: 2026, Month: 11, Day: 26}

// project computes one measure on testDate and fails the test on an error.
func project(t *testing.T, measure string, words ...string) *Result {
	t.Helper()
	r, err := compute(P{Date: testDate, Claims: []Claim{claim(t, measure, words...)}})
	if err != nil {
		t.Fatalf("%s %v: %v", measure, words, err)
	}
	return r
}

// line returns the line with the id.
func line(t *testing.T, r *Result, id string) Line {
	t.Helper()
	for _, l := range r.Lines {
		if l.Item.ID == id {
			return l
		}
	}
	t.Fatalf("no line %s among %d", id, len(r.Lines))
	return Line{}
}

// show renders a figure as JSON would: two decimals, or "null".
func show(d *decimal.Decimal) string {
	if d == nil {
		return "null"
	}
	return Yuan(*d)
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }
