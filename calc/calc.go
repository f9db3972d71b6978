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

// Claims reports whether the input called name claims its item: a non-zero
// amount, a true switch or a choice. "purchase = 0" or "rent_existing =
// false" claims nothing.
func (c *Claim) Claims(name string) bool {
	if v, ok := c.Amounts[name]; ok {
		return !v.IsZero()
	}
	return c.Switches[name] || len(c.Choices[name]) > 0
}

// claims reports whether c claims the item: its trigger input claims it, or,
// for an item computed whenever its measure is, its base is not given as 0.
func (c *Claim) claims(it *measures.Item) bool {
	if t := it.Trigger(); t != "" {
		return c.Claims(t)
	}
	if v, ok := c.Amounts[it.Base]; ok && it.Base != "" {
		return !v.IsZero()
	}
	return true
}

// Project is everything the calculation needs: the claims of one funded
// project (同一项目) of one applicant, and the inputs of the 附则.
type Project struct {
	Name, Applicant string
	Date            Date // of the qualifying event

	// SameKind lists the measures and items whose support the project
	// already has under a similar municipal measure (附则: 不得重复享受).
	SameKind []string
	// The 附则 amounts; nil: not given.
	AuditedInvestment *decimal.Decimal
	NationalFunding   *decimal.Decimal
	ProvincialFunding *decimal.Decimal
	OtherCityFunding  *decimal.Decimal
	DistrictRatio     decimal.Decimal
	StrictCap         bool

	Claims []Claim
}

// orZero is the amount, or 0 when it was not given.
func orZero(d *decimal.Decimal) decimal.Decimal {
	if d == nil {
		return decimal.Zero
	}
	return *d
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
	// Claimed: the item's own input claims it (a non-zero amount, a true
	// switch); only claimed lines take part in alternatives.
	Claimed bool
	// ExcludedBy is the id of the alternative that counts instead of this
	// line, or "".
	ExcludedBy string
	// Zeroed names the 附则 rule that set the line to 0: ZeroWindow,
	// ZeroSameKind, or "" .
	Zeroed string
	Notes  []measures.Text

	warnings []measures.Text // raised by the item's own rule
}

// The rules that can set a line to 0 after it was computed.
const (
	ZeroWindow      = "window"
	ZeroSameKind    = "same-kind"
	ZeroAlternative = "alternative"
)

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

// Inputs echoes the 附则 inputs a result rests on, so that a reviewer can
// redo every figure from the result alone.
type Inputs struct {
	AuditedInvestment *decimal.Decimal
	NationalFunding   *decimal.Decimal
	ProvincialFunding *decimal.Decimal
	OtherCityFunding  *decimal.Decimal
	DistrictRatio     decimal.Decimal
	Reading           Reading  // as chosen, even where no cap applies
	SameKind          []string // measures and items declared, in catalogue order
}

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
	Inputs             Inputs
	Warnings           []measures.Text
}

// SameKindApplied reports whether the no-double-dipping rule zeroed a line.
func (r *Result) SameKindApplied() bool {
	for _, l := range r.Lines {
		if l.Zeroed == ZeroSameKind {
			return true
		}
	}
	return false
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
	if !r.Eligible || r.SameKindApplied() || r.CumulativeCap != nil || r.DistrictMatch.IsPositive() {
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

// SidesError is a project that claims items of one measure paid to two
// parties the text keeps apart (developer and user, park operator and
// tenant, …): one project file is one applicant. Inputs name the inputs that
// claimed each side, so that the caller can say whether a flag did.
type SidesError struct {
	Measure string
	A, B    *measures.Item // one claimed item of each side
	InputsA []string
	InputsB []string
}

func (e *SidesError) Error() string {
	return fmt.Sprintf("%s: %s (%s) and %s (%s) are different applicants", e.Measure,
		e.A.Recipient, e.A.ID, e.B.Recipient, e.B.ID)
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
	r := &Result{Name: p.Name, Applicant: p.Applicant, Date: p.Date, Eligible: InWindow(p.Date), Inputs: inputsOf(p)}
	for i, m := range ms {
		lines, err := computeMeasure(m, &p.Claims[i])
		if err != nil {
			return nil, err
		}
		r.Lines = append(r.Lines, lines...)
	}
	for i := range r.Lines {
		r.Warnings = append(r.Warnings, r.Lines[i].warnings...)
		r.Lines[i].warnings = nil
	}
	applyAlternatives(cat, r)
	applySupplementary(p, r)
	return r, nil
}

func inputsOf(p *Project) Inputs {
	in := Inputs{
		AuditedInvestment: p.AuditedInvestment, NationalFunding: p.NationalFunding,
		ProvincialFunding: p.ProvincialFunding, OtherCityFunding: p.OtherCityFunding,
		DistrictRatio: p.DistrictRatio, Reading: Literal, SameKind: []string{},
	}
	if p.StrictCap {
		in.Reading = AllLevels
	}
	cat := measures.Get()
	for _, m := range cat.Measures {
		if slices.Contains(p.SameKind, m.Name) {
			in.SameKind = append(in.SameKind, m.Name)
		}
		for _, it := range m.Items {
			if it.ID != m.Name && slices.Contains(p.SameKind, it.ID) {
				in.SameKind = append(in.SameKind, it.ID)
			}
		}
	}
	return in
}

// applyAlternatives keeps one item of each group of alternatives a project
// claims: the computable one with the largest max, the first in catalogue
// order on a tie, decided before the 附则 apply. The others are 0 (a
// case-by-case one keeps its null), with the kept item named.
func applyAlternatives(cat *measures.Catalogue, r *Result) {
	for _, alt := range cat.Alternatives {
		var claimed []*Line
		var kept *Line
		for _, id := range alt.Items {
			for i := range r.Lines {
				l := &r.Lines[i]
				if l.Item.ID != id || !l.Claimed {
					continue
				}
				claimed = append(claimed, l)
				if l.Max != nil && (kept == nil || l.Max.GreaterThan(*kept.Max)) {
					kept = l
				}
			}
		}
		if len(claimed) < 2 || kept == nil {
			continue
		}
		for _, l := range claimed {
			if l == kept {
				continue
			}
			l.ExcludedBy = kept.Item.ID
			if l.Max != nil {
				l.Min, l.Max, l.Binding, l.Zeroed = ptr(decimal.Zero), ptr(decimal.Zero), BindNone, ZeroAlternative
			}
			l.Notes = append(l.Notes, measures.Text{
				Zh: "与 " + kept.Item.ID + " 择一：" + alt.Why.Zh + "；按最高的 " + kept.Item.ID + " 计",
				En: "an alternative to " + kept.Item.ID + ": " + alt.Why.En + "; the larger, " + kept.Item.ID + ", counts",
			})
			kept.Notes = append(kept.Notes, measures.Text{
				Zh: "同时申报 " + l.Item.ID + "（择一）：本项计入，" + l.Item.ID + " 不计",
				En: l.Item.ID + " was claimed too (alternatives): this line counts, " + l.Item.ID + " does not",
			})
			r.Warnings = append(r.Warnings, measures.Text{
				Zh: l.Item.ID + " 与 " + kept.Item.ID + " 择一，不重复计算：只计 " + kept.Item.ID,
				En: l.Item.ID + " and " + kept.Item.ID + " are alternatives for one project: only " + kept.Item.ID + " counts",
			})
		}
	}
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
	return checkSides(m, c)
}

// checkSides refuses a claim of both sides of a measure whose items go to
// parties the text keeps apart.
func checkSides(m *measures.Measure, c *Claim) error {
	if m.Sides == nil {
		return nil
	}
	side := func(ids []string) (*measures.Item, []string) {
		var first *measures.Item
		var inputs []string
		for _, id := range ids {
			for _, it := range m.Items {
				if it.ID == id && c.claims(it) {
					if first == nil {
						first = it
					}
					inputs = append(inputs, it.Trigger())
				}
			}
		}
		return first, inputs
	}
	a, ina := side(m.Sides.A)
	b, inb := side(m.Sides.B)
	if a == nil || b == nil {
		return nil
	}
	return &SidesError{Measure: m.Name, A: a, B: b, InputsA: ina, InputsB: inb}
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
		l.Claimed = c.claims(it)
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
			return milestone(it, *base, prior, c.Switches[it.HighestOnly], c.Given(it.Prior)), nil
		}
		return tier(it, c.Choices[it.Claim], c.Switches[it.PerLevel])
	case measures.AmountRange:
		return amountRange(it), nil
	case measures.Floor:
		return floor(it, *base), nil
	case measures.CaseByCase:
		return caseByCase(it), nil
	}
	return Line{}, fmt.Errorf("item %s: unknown rule kind %q", it.ID, it.Kind)
}
