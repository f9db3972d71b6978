// Package calc computes the subsidies of the Shenzhen software-industry
// measures (深府规〔2022〕5号) for one project: every item claimed, each
// under its rule kind, then the supplementary rules (附则) over the whole.
//
// calc is pure: values in, a Result out. It reads the policy from package
// measures and does no I/O; the date of the qualifying event comes in as a
// value. Money is exact decimal throughout: base × rate is exact, the cap is
// applied, and only then is the figure rounded half-up to 0.01 yuan.
package calc

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// Claim is one measure a project claims, with the values of its inputs keyed
// by flag name ("operating-cost").
type Claim struct {
	Measure  string
	Amounts  map[string]decimal.Decimal
	Rates    map[string]decimal.Decimal
	Switches map[string]bool
	Choices  map[string][]string
}

// NewClaim returns an empty claim of the measure.
func NewClaim(measure string) Claim {
	return Claim{
		Measure:  measure,
		Amounts:  map[string]decimal.Decimal{},
		Rates:    map[string]decimal.Decimal{},
		Switches: map[string]bool{},
		Choices:  map[string][]string{},
	}
}

// Given reports whether the input called name has a value.
func (c *Claim) Given(name string) bool {
	if _, ok := c.Amounts[name]; ok {
		return true
	}
	if _, ok := c.Rates[name]; ok {
		return true
	}
	if c.Switches[name] {
		return true
	}
	return len(c.Choices[name]) > 0
}

// Project is everything the calculation needs: the claims and the inputs of
// the 附则 (SPEC section 2).
type Project struct {
	Name, Applicant string
	Date            Date // of the qualifying event

	SameKind          bool
	AuditedInvestment *decimal.Decimal // nil: not given
	NationalFunding   decimal.Decimal
	ProvincialFunding decimal.Decimal
	OtherCityFunding  decimal.Decimal
	DistrictRatio     decimal.Decimal
	StrictCap         bool

	Claims []Claim
}

// Binding says which limit set a line's max.
type Binding string

// The bindings of SPEC section 1.
const (
	BindCap  Binding = "cap"
	BindBase Binding = "base"
	BindRate Binding = "rate"
	BindNone Binding = "none"
)

// Line is the result of one item. Nil figures are absent (JSON null).
type Line struct {
	Item     *measures.Item
	Base     *decimal.Decimal
	Rate     *decimal.Decimal
	Computed *decimal.Decimal
	Cap      *decimal.Decimal
	Min, Max *decimal.Decimal
	Binding  Binding
	Notes    []measures.Text
}

// Adjustment is a change the 附则 make to the municipal total.
type Adjustment struct {
	ID     string
	Clause string
	Amount decimal.Decimal // negative: a cut
	Note   measures.Text
}

// Reading names the reading of the cumulative cap that was applied.
type Reading string

// The two readings of the cumulative cap (SPEC section 2.3).
const (
	Literal   Reading = "literal"
	AllLevels Reading = "all-levels"
)

// Result is the subsidy of one project.
type Result struct {
	Name, Applicant    string
	Date               Date
	Eligible           bool
	Lines              []Line
	Adjustments        []Adjustment
	Total              decimal.Decimal // municipal, after the 附则
	CumulativeCap      *decimal.Decimal
	DistrictMatchLimit *decimal.Decimal
	DistrictMatch      decimal.Decimal
	Reading            Reading // "" when the cumulative cap does not apply
	SameKind           bool    // the no-double-dipping rule zeroed the municipal lines
	Warnings           []measures.Text
}

// Clauses returns the clauses the result cites, in order of first mention,
// with "附则" last when a supplementary rule shaped the result.
func (r *Result) Clauses() []string {
	var cs []string
	for _, l := range r.Lines {
		if !slices.Contains(cs, l.Item.Clause) {
			cs = append(cs, l.Item.Clause)
		}
	}
	if !r.Eligible || r.SameKind || r.CumulativeCap != nil || r.DistrictMatch.IsPositive() {
		cs = append(cs, "附则")
	}
	return cs
}

// MissingError is a claim without an input it needs. From the command line
// it is a usage error, in a file an invalid file.
type MissingError struct {
	Measure string
	Inputs  []string // the inputs of which one (or each, when Required) is needed
	All     bool     // every input listed is required
}

func (e *MissingError) Error() string {
	flags := make([]string, len(e.Inputs))
	for i, in := range e.Inputs {
		flags[i] = "--" + in
	}
	if e.All {
		return fmt.Sprintf("%s needs %s", e.Measure, strings.Join(flags, " and "))
	}
	return fmt.Sprintf("%s needs at least one of %s", e.Measure, strings.Join(flags, ", "))
}

// Compute checks every claim of p (Check), then the 附则 inputs, then
// computes the claims and applies the 附则.
func Compute(p *Project) (*Result, error) {
	cat := measures.Get()
	ms := make([]*measures.Measure, len(p.Claims))
	for i := range p.Claims {
		m, ok := cat.Measure(p.Claims[i].Measure)
		if !ok {
			return nil, &ValueError{Field: "measure", Value: p.Claims[i].Measure, Msg: "no such measure"}
		}
		if err := Check(m, &p.Claims[i]); err != nil {
			return nil, err
		}
		ms[i] = m
	}
	if err := checkSupplementary(p); err != nil {
		return nil, err
	}
	r := &Result{Name: p.Name, Applicant: p.Applicant, Date: p.Date, Eligible: InWindow(p.Date)}
	for i, m := range ms {
		lines, err := computeMeasure(m, &p.Claims[i])
		if err != nil {
			return nil, err
		}
		r.Lines = append(r.Lines, lines...)
	}
	applySupplementary(p, r)
	return r, nil
}

// Check reports whether c claims its measure properly — every required input
// given, at least one input for a measure that needs one, every rate with
// its base — without computing anything.
func Check(m *measures.Measure, c *Claim) error {
	var required []string
	for _, in := range m.Inputs {
		if in.Required && !c.Given(in.Name) {
			required = append(required, in.Name)
		}
	}
	if len(required) > 0 {
		return &MissingError{Measure: m.Name, Inputs: required, All: true}
	}
	given := false
	for _, in := range m.Inputs {
		given = given || c.Given(in.Name)
	}
	if !given && m.NeedsInput() {
		var names []string
		for _, in := range m.Inputs {
			if in.Kind != measures.Rate {
				names = append(names, in.Name)
			}
		}
		return &MissingError{Measure: m.Name, Inputs: names}
	}
	for _, it := range m.Items {
		for _, dep := range []string{it.RateInput, it.Prior, it.HighestOnly} {
			if dep != "" && c.Given(dep) && it.Base != "" && !c.Given(it.Base) {
				return &MissingError{Measure: m.Name, Inputs: []string{it.Base}, All: true}
			}
		}
	}
	return nil
}

// computeMeasure computes the items of a claim that Check accepted.
func computeMeasure(m *measures.Measure, c *Claim) ([]Line, error) {
	var lines []Line
	for _, it := range m.Items {
		if t := it.Trigger(); t != "" && !c.Given(t) {
			continue
		}
		l, err := computeItem(it, c)
		if err != nil {
			var ve *ValueError
			if errors.As(err, &ve) {
				ve.Measure = m.Name
			}
			return nil, err
		}
		l.Notes = append(l.Notes, it.Notes...)
		lines = append(lines, l)
	}
	return lines, nil
}

// computeItem dispatches an item to the function of its rule kind.
func computeItem(it *measures.Item, c *Claim) (Line, error) {
	var base *decimal.Decimal
	if v, ok := c.Amounts[it.Base]; ok && it.Base != "" {
		base = &v
	}
	switch it.Kind {
	case measures.FixedRate, measures.CeilingRate, measures.RateRange:
		var chosen *decimal.Decimal
		if v, ok := c.Rates[it.RateInput]; ok && it.RateInput != "" {
			chosen = &v
		}
		return rateLine(it, *base, chosen)
	case measures.CapOnly:
		return capOnly(it, base, c.Choices[it.Claim])
	case measures.Tier:
		if len(it.Tiers) > 0 && !it.Tiers[0].Threshold.IsZero() {
			prior := c.Amounts[it.Prior]
			return milestone(it, *base, prior, c.Switches[it.HighestOnly]), nil
		}
		return tier(it, c.Choices[it.Claim])
	case measures.AmountRange:
		return amountRange(it), nil
	case measures.Floor:
		return floor(it, *base), nil
	case measures.CaseByCase:
		return caseByCase(it), nil
	}
	return Line{}, fmt.Errorf("item %s: unknown rule kind %q", it.ID, it.Kind)
}
