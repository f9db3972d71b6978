package calc

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// gen makes random but valid projects: amounts of every size, often right at
// a cap's breakpoint, rates anywhere in their item's range, any 附则.
type gen struct{ r *rand.Rand }

func (g gen) amount() decimal.Decimal {
	switch g.r.IntN(5) {
	case 0:
		return decimal.Zero
	case 1: // small, with fen
		return decimal.New(g.r.Int64N(100000), -2)
	case 2: // near a breakpoint of the usual caps and rates
		caps := []int64{500000, 1000000, 3000000, 5000000, 10000000, 20000000, 30000000, 50000000}
		rates := []int64{1, 3, 10, 20, 30, 40, 50, 100}
		c, r := caps[g.r.IntN(len(caps))], rates[g.r.IntN(len(rates))]
		bp := decimal.NewFromInt(c).Mul(decimal.NewFromInt(100)).Div(decimal.NewFromInt(r)).Round(2)
		return bp.Add(decimal.New(g.r.Int64N(201)-100, -2)).Abs()
	case 3: // large
		return decimal.New(g.r.Int64N(1_000_000_000_000), -2).Mul(decimal.NewFromInt(g.r.Int64N(1000) + 1))
	}
	return decimal.New(g.r.Int64N(10_000_000_000_000), -2)
}

func (g gen) rateIn(low, high decimal.Decimal) decimal.Decimal {
	span := high.Sub(low)
	return low.Add(span.Mul(decimal.New(g.r.Int64N(10001), -4))).Round(6)
}

func (g gen) claim(m *measures.Measure) Claim {
	for {
		c := NewClaim(m.Name)
		for _, in := range m.Inputs {
			if g.r.IntN(10) < 4 && !in.Required {
				continue
			}
			switch in.Kind {
			case measures.Amount:
				c.Amounts[in.Name] = g.amount()
			case measures.Rate:
				for _, it := range m.Items {
					if it.RateInput == in.Name {
						c.Rates[in.Name] = g.rateIn(it.RateLow, it.RateHigh)
					}
				}
			case measures.Switch:
				c.Switches[in.Name] = true
			case measures.Choice:
				c.Choices[in.Name] = []string{in.Values[g.r.IntN(len(in.Values))]}
			case measures.Choices:
				for n := g.r.IntN(3) + 1; n > 0; n-- {
					c.Choices[in.Name] = append(c.Choices[in.Name], in.Values[g.r.IntN(len(in.Values))])
				}
			}
		}
		if Check(m, &c) == nil {
			return c
		}
	}
}

func (g gen) project() *P {
	cat := ed
	p := &P{Date: Date{Year: 2021 + g.r.IntN(8), Month: 1 + g.r.IntN(12), Day: 1 + g.r.IntN(28)}}
	for n := g.r.IntN(3) + 1; n > 0; n-- {
		p.Claims = append(p.Claims, g.claim(cat.Measures[g.r.IntN(len(cat.Measures))]))
	}
	if g.r.IntN(5) == 0 {
		c := p.Claims[g.r.IntN(len(p.Claims))]
		p.SameKind = append(p.SameKind, c.Measure)
	}
	if g.r.IntN(3) == 0 {
		a := g.amount()
		p.NationalFunding = &a
	}
	if g.r.IntN(4) == 0 {
		a := g.amount()
		p.ProvincialFunding = &a
	}
	if g.r.IntN(2) == 0 || p.NationalFunding != nil && p.NationalFunding.IsPositive() || p.ProvincialFunding != nil && p.ProvincialFunding.IsPositive() {
		a := g.amount()
		p.AuditedInvestment = &a
	}
	if g.r.IntN(3) == 0 {
		a := g.amount()
		p.OtherCityFunding = &a
	}
	p.StrictCap = g.r.IntN(2) == 0
	p.DistrictRatio = decimal.New(g.r.Int64N(101), -2)
	return p
}

// render is a full, exact rendering of a result, to compare two results.
func render(r *Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%v %v %s %s %v %v %s %s\n", r.Date, r.Eligible, r.Total, r.DistrictMatch, show(r.CumulativeCap), show(r.DistrictMatchLimit), r.Reading, notes(r.Warnings...))
	for _, l := range r.Lines {
		fmt.Fprintf(&b, "%s %s %s %s %s %s %s %s %s %s\n", l.Item.ID, show(l.Base), show(l.Rate), show(l.Computed), show(l.Cap), show(l.Min), show(l.Max), l.Binding, notes(l.Notes...), notes(l.Steps...))
	}
	for _, a := range r.Adjustments {
		fmt.Fprintf(&b, "%s %s %s\n", a.ID, a.Amount, notes(a.Note))
	}
	fmt.Fprintf(&b, "%s\n", notes(r.Steps...))
	return b.String()
}

// notes renders notes exactly: codes and their arguments by name.
func notes(ns ...Note) string {
	var b strings.Builder
	for _, n := range ns {
		b.WriteString(string(n.Code) + "(")
		keys := make([]string, 0, len(n.Args))
		for _, a := range n.Args {
			keys = append(keys, a.Name)
		}
		slices.Sort(keys)
		for _, k := range keys {
			switch v := n.Args.Get(k).(type) {
			case Money:
				fmt.Fprintf(&b, "%s=%s ", k, decimal.Decimal(v))
			case Rate:
				fmt.Fprintf(&b, "%s=%s%% ", k, decimal.Decimal(v).Shift(2))
			case Note:
				fmt.Fprintf(&b, "%s=%s ", k, notes(v))
			default:
				fmt.Fprintf(&b, "%s=%v ", k, v)
			}
		}
		b.WriteString(") ")
	}
	return b.String()
}

// The invariants of Result.Check hold over many generated projects, and the
// same input always gives the same result.
func TestInvariantsOverGeneratedProjects(t *testing.T) {
	g := gen{rand.New(rand.NewPCG(2022, 1015))}
	for i := 0; i < 5000; i++ {
		p := g.project()
		r, err := compute(*p)
		if err != nil {
			t.Fatalf("project %d: %v", i, err)
		}
		if err := r.Check(); err != nil {
			t.Fatalf("project %d: %v\n%s", i, err, render(r))
		}
		again, _ := compute(*p)
		if render(again) != render(r) {
			t.Fatalf("project %d: two computations differ", i)
		}
	}
}

// A line's max (and min) never decreases when its base grows.
func TestMaxNeverDecreasesWithTheBase(t *testing.T) {
	g := gen{rand.New(rand.NewPCG(2027, 1014))}
	cat := ed
	for i := 0; i < 5000; i++ {
		m := cat.Measures[g.r.IntN(len(cat.Measures))]
		c := g.claim(m)
		before, err := compute(P{Date: testDate, Claims: []Claim{c}})
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range m.Items {
			if it.Base == "" || !c.Given(it.Base) {
				continue
			}
			grown := NewClaim(m.Name)
			for k, v := range c.Amounts {
				grown.Amounts[k] = v
			}
			for k, v := range c.Rates {
				grown.Rates[k] = v
			}
			grown.Switches, grown.Choices = c.Switches, c.Choices
			grown.Amounts[it.Base] = c.Amounts[it.Base].Add(g.amount()).Add(decimal.New(1, -2))
			if grown.Amounts[it.Base].GreaterThan(MaxAmount) {
				continue
			}
			after, err := compute(P{Date: testDate, Claims: []Claim{grown}})
			var se *SidesError
			if errors.As(err, &se) {
				continue // a base grown from 0 claims the other side too
			}
			if err != nil {
				t.Fatal(err)
			}
			a, b := lineOf(before, it.ID), lineOf(after, it.ID)
			if a.ExcludedBy != "" || b.ExcludedBy != "" {
				continue // an alternative counts instead: 0 by that rule
			}
			if b.Max.LessThan(*a.Max) || b.Min.LessThan(*a.Min) {
				t.Fatalf("%s: base %s → %s, min/max %s/%s → %s/%s", it.ID, c.Amounts[it.Base], grown.Amounts[it.Base], a.Min, a.Max, b.Min, b.Max)
			}
		}
	}
}

func lineOf(r *Result, id string) Line {
	for _, l := range r.Lines {
		if l.Item.ID == id {
			return l
		}
	}
	return Line{}
}

// Check itself must catch a broken result.
func TestCheckCatchesBrokenResults(t *testing.T) {
	fresh := func() *Result {
		r, err := compute(P{Date: testDate, NationalFunding: pdec("1"), AuditedInvestment: pdec("5e6"), DistrictRatio: dec("1"),
			Claims: []Claim{claim(t, "first-version", "sales=5e7"), claim(t, "listing", "listed")}})
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Check(); err != nil {
			t.Fatal(err)
		}
		return r
	}
	for name, spoil := range map[string]func(r *Result){
		"max above cap":          func(r *Result) { r.Lines[0].Max = pdec("10000000.01") },
		"min above max":          func(r *Result) { r.Lines[0].Min = pdec("10000000.00"); r.Lines[0].Max = pdec("9") },
		"three decimals":         func(r *Result) { r.Lines[1].Min = pdec("0.001") },
		"total off":              func(r *Result) { r.Total = r.Total.Add(dec("0.01")) },
		"match above limit":      func(r *Result) { r.DistrictMatch = r.DistrictMatchLimit.Add(dec("4000000.01")) }, // limit + firm awards + 0.01
		"lost adjustment":        func(r *Result) { r.Adjustments = nil },
		"half a case figure":     func(r *Result) { r.Lines[0].Min = nil },
		"excluded with a figure": func(r *Result) { r.Lines[0].ExcludedBy = "listing.ipo" },
		"match without a grant": func(r *Result) {
			r.Lines[0].Max, r.Lines[0].Min, r.Lines[1].Max, r.Lines[1].Min, r.Adjustments, r.Total = pdec("0"), pdec("0"), pdec("0"), pdec("0"), nil, dec("0")
			r.DistrictMatch = dec("1")
		},
	} {
		r := fresh()
		spoil(r)
		if err := r.Check(); err == nil {
			t.Errorf("%s: Check found nothing", name)
		}
	}
}
