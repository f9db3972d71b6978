// Package calc computes the subsidies of one project under an edition of
// the Shenzhen software-industry measures (measures.Edition): every item
// claimed, each under its rule kind (kinds.go), the alternatives, then the
// supplementary rules (附则) over the whole (supplementary.go).
//
// calc is pure: an edition and a project in, a result of facts out. It does
// no I/O, reads no clock (the date of the qualifying event is an input) and
// writes no sentences: notes, steps, warnings and errors are codes with
// their arguments (notes.go), which the face turns into words. Money is
// exact decimal throughout: base × rate is exact, the cap is applied, and
// only then is the figure rounded half-up to 0.01 yuan.
package calc

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// Date is a calendar day.
type Date = measures.Day

// Values are the inputs given, keyed by input name (the flag's name,
// "operating-cost"), by the kind of value.
type Values struct {
	Amounts  map[string]decimal.Decimal
	Rates    map[string]decimal.Decimal
	Switches map[string]bool
	Choices  map[string][]string
	Dates    map[string]Date
}

// NewValues returns empty values.
func NewValues() Values {
	return Values{
		Amounts:  map[string]decimal.Decimal{},
		Rates:    map[string]decimal.Decimal{},
		Switches: map[string]bool{},
		Choices:  map[string][]string{},
		Dates:    map[string]Date{},
	}
}

// Given reports whether the input called name has a value.
func (v *Values) Given(name string) bool {
	if _, ok := v.Amounts[name]; ok {
		return true
	}
	if _, ok := v.Rates[name]; ok {
		return true
	}
	if _, ok := v.Dates[name]; ok {
		return true
	}
	return v.Switches[name] || len(v.Choices[name]) > 0
}

// Claims reports whether the input called name claims its item: a non-zero
// amount, a true switch or a choice. "purchase = 0" or "rent_existing =
// false" claims nothing.
func (v *Values) Claims(name string) bool {
	if a, ok := v.Amounts[name]; ok {
		return !a.IsZero()
	}
	return v.Switches[name] || len(v.Choices[name]) > 0
}

// Amount returns the amount called name, or nil.
func (v *Values) Amount(name string) *decimal.Decimal {
	if a, ok := v.Amounts[name]; ok {
		return &a
	}
	return nil
}

// Claim is one measure a project claims, with the values of its inputs.
type Claim struct {
	Measure string
	Values
}

// NewClaim returns an empty claim of the measure.
func NewClaim(measure string) Claim { return Claim{Measure: measure, Values: NewValues()} }

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
// project (同一项目) of one applicant, and the inputs of the 附则 by name
// (the edition's Supplementary.Inputs: date, the amounts of the cumulative
// cap, the district's ratio, the reading of the cap).
type Project struct {
	Name, Applicant string
	// CreditCode is the applicant's 统一社会信用代码 (ParseCreditCode's),
	// or ""; Preparer who prepared the calculation, or "".
	CreditCode, Preparer string
	Annex                Values
	// SameKind lists the measures and items whose support the project
	// already has under a similar municipal measure (附则: 不得重复享受).
	SameKind []string
	Claims   []Claim
	// Received is the ledger: what the project, or the firm, was paid
	// before (docs/contract.md §8).
	Received []Received
}

// Date is the date of the qualifying event.
func (p *Project) Date() Date { return p.Annex.Dates[measures.InDate] }

// annexAmount is a 附则 amount, or 0 when it was not given.
func (p *Project) annexAmount(name string) decimal.Decimal { return p.Annex.Amounts[name] }

// Binding says which limit set a line's max.
type Binding string

// The bindings (docs/contract.md §1.1).
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
	// Zeroed names the rule that set the line to 0 after it was computed,
	// or "".
	Zeroed string
	Notes  []Note // what the table's note column and the JSON notes say
	Steps  []Note // the arithmetic, step by step, for --explain
	// Received is the ledger's sum for the item, city and district, as
	// received; nil when it has no entry.
	Received *decimal.Decimal
	// BaseForCap is the base at which a rate line below its cap reaches
	// it; nil for other lines.
	BaseForCap *decimal.Decimal

	warnings []Note // raised by the item's own rule
	// paid is what the ledger took off the product of a rate line (the
	// city's receipts for it), for the base that reaches its cap.
	paid decimal.Decimal
}

// Deducted is what the ledger took off the line's product (the city's
// receipts for a rate item): the subsidy is 0 until the base's product
// passes it.
func (l *Line) Deducted() decimal.Decimal { return l.paid }

// The rules that can set a line to 0 after it was computed.
const (
	ZeroWindow      = "window"
	ZeroSameKind    = "same-kind"
	ZeroAlternative = "alternative"
	ZeroReceived    = "received" // a once-only item received before
)

// Adjustment is a change the 附则 make to the municipal total.
type Adjustment struct {
	ID     string
	Clause string
	Amount decimal.Decimal // negative: a cut
	Note   Note
}

// Reading names the reading of the cumulative cap.
type Reading string

// The two readings of the cumulative cap (docs/contract.md §2).
const (
	Literal   Reading = "literal"
	AllLevels Reading = "all-levels"
)

// Inputs echoes the 附则 inputs a result rests on, so that a reviewer can
// redo every figure from the result alone.
type Inputs struct {
	Values            // the 附则 inputs as given
	Reading  Reading  // as chosen, even where no cap applies
	SameKind []string // measures and items declared, in catalogue order
}

// Result is the subsidy of one project under one edition.
type Result struct {
	Edition              *measures.Edition
	Name, Applicant      string
	CreditCode, Preparer string
	// Claims are the measures claimed with every input as given, so that
	// a document can echo each figure's inputs (docs/contract.md §5).
	Claims             []Claim
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
	Received           []Received // the ledger, items by id, levels by key
	Steps              []Note     // the arithmetic of the 附则, for --explain
	Warnings           []Note

	layerGranted decimal.Decimal // a district layer's project lines, within the headroom
}

// Layers are the documents of the layers a result was computed under
// (docs/contract.md §10), after its edition's own.
func (r *Result) Layers() []string {
	ls := []string{}
	for _, l := range r.Edition.Layers {
		ls = append(ls, l.Policy)
	}
	return ls
}

// SameKindApplied reports whether the no-double-dipping rule zeroed a line.
func (r *Result) SameKindApplied() bool {
	return slices.ContainsFunc(r.Lines, func(l Line) bool { return l.Zeroed == ZeroSameKind })
}

// DistrictPaid is the sum of the edition's own district-paid lines' max
// (a district layer's are LayerPaid).
func (r *Result) DistrictPaid() decimal.Decimal {
	sum := decimal.Zero
	for i := range r.Lines {
		if l := &r.Lines[i]; l.Item.Payer == measures.District && l.Max != nil && layerOf(r.Edition, l) == nil {
			sum = sum.Add(*l.Max)
		}
	}
	return sum
}

// GrandTotal is everything the project can receive at most: the municipal
// total, the district match, the district-paid lines and a district
// layer's lines at their max.
func (r *Result) GrandTotal() decimal.Decimal {
	return r.Total.Add(r.DistrictMatch).Add(r.DistrictPaid()).Add(r.LayerPaid())
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

// ValueError is an input value that cannot be used: an amount, a rate, a
// date or a choice. Field names the input when the engine knows it.
type ValueError struct {
	Measure  string // the measure whose input it is; "" for the 附则 inputs
	Field    string // the input's name, e.g. "sales"; may be empty
	Entry    int    // an entry of the ledger, from 1 (Field is its key); 0: none
	Value    string // the value as given
	Code     Code
	Args     Args
	Hint     Code // "" when there is none
	HintArgs Args
}

func (e *ValueError) Error() string {
	return strings.TrimSpace(fmt.Sprintf("%s %s %q", e.Code, e.Field, e.Value))
}

// MissingError is a claim without an input it needs. From the command line
// it is a usage error, in a file an invalid file.
type MissingError struct {
	Measure string
	Inputs  []string // the inputs of which one (or each, when All) is needed
	All     bool     // every input listed is required
}

func (e *MissingError) Error() string {
	sep := " | "
	if e.All {
		sep = " & "
	}
	return "missing " + e.Measure + ": " + strings.Join(e.Inputs, sep)
}

// SidesError is a project that claims items of one measure paid to two
// parties the text keeps apart (developer and user, park operator and
// tenant, …): one project is one applicant. Inputs name the inputs that
// claimed each side, so that the caller can say whether a flag did.
type SidesError struct {
	Measure string
	A, B    *measures.Item // one claimed item of each side
	InputsA []string
	InputsB []string
}

func (e *SidesError) Error() string {
	return "two applicants in " + e.Measure + ": " + e.A.ID + ", " + e.B.ID
}

// Compute checks every claim of p (Check), then the 附则 inputs, then
// computes the claims under the edition, settles the alternatives and
// applies the 附则.
func Compute(ed *measures.Edition, p *Project) (*Result, error) {
	ms := make([]*measures.Measure, len(p.Claims))
	for i := range p.Claims {
		m, ok := ed.Measure(p.Claims[i].Measure)
		if !ok {
			return nil, &ValueError{Field: "measure", Value: p.Claims[i].Measure, Code: ErrNoMeasure, Args: ArgsOf("value", p.Claims[i].Measure, "edition", ed.ID)}
		}
		if err := Check(m, &p.Claims[i]); err != nil {
			return nil, err
		}
		ms[i] = m
	}
	if err := checkSupplementary(ed, p); err != nil {
		return nil, err
	}
	if err := checkLedger(ed, p); err != nil {
		return nil, err
	}
	led := ledgerOf(p)
	r := &Result{Edition: ed, Name: p.Name, Applicant: p.Applicant, CreditCode: p.CreditCode, Preparer: p.Preparer,
		Claims: p.Claims, Date: p.Date(), Eligible: ed.InWindow(p.Date()), Inputs: inputsOf(ed, p), Received: p.Received}
	for i, m := range ms {
		lines, err := computeMeasure(ed, p, m, &p.Claims[i], led)
		if err != nil {
			return nil, err
		}
		r.Lines = append(r.Lines, lines...)
	}
	for i := range r.Lines {
		r.Warnings = append(r.Warnings, r.Lines[i].warnings...)
		r.Lines[i].warnings = nil
	}
	applyAlternatives(ed, r)
	applySupplementary(ed, p, r)
	setBaseForCap(r)
	r.Warnings = append(r.Warnings, ledgerWarnings(ed, p, led)...)
	r.Steps = append(r.Steps, grandStep(ed, r))
	return r, nil
}

// grandStep is the sum of what the project receives, of the parts the
// edition has: no district match without its rule, no district-paid lines
// without such items.
func grandStep(ed *measures.Edition, r *Result) Note {
	_, match := ed.Rule(measures.AnnexDistrictMatch)
	paid := slices.ContainsFunc(ed.ItemIDs(), func(id string) bool {
		it, _ := ed.Item(id)
		return it.Payer == measures.District
	})
	code := StepGrand
	if layer, ok := ed.Layer(measures.DistrictLayer); ok {
		return note(StepGrandLayer, "total", Money(r.Total), "match", Money(r.DistrictMatch), "paid", Money(r.DistrictPaid()),
			"document", layer.Policy, "layer", Money(r.LayerPaid()), "grand", Money(r.GrandTotal()))
	}
	switch {
	case !match && !paid:
		code = StepGrandTotal
	case !match:
		code = StepGrandPaid
	case !paid:
		code = StepGrandMatch
	}
	return note(code, "total", Money(r.Total), "match", Money(r.DistrictMatch), "paid", Money(r.DistrictPaid()), "grand", Money(r.GrandTotal()))
}

func inputsOf(ed *measures.Edition, p *Project) Inputs {
	in := Inputs{Values: p.Annex, Reading: Literal, SameKind: []string{}}
	if p.Annex.Switches[measures.InStrictCap] {
		in.Reading = AllLevels
	}
	for _, m := range ed.Measures {
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
// claims: the one the group prefers when it is claimed, else the
// computable one with the largest max, the first in catalogue order on a
// tie, decided before the 附则 apply. The others are 0 (a case-by-case one
// keeps its null), with the kept item named.
func applyAlternatives(ed *measures.Edition, r *Result) {
	for _, alt := range ed.Alternatives {
		var claimed []*Line
		var kept *Line
		for _, id := range alt.Items {
			for i := range r.Lines {
				l := &r.Lines[i]
				if l.Item.ID != id || !l.Claimed {
					continue
				}
				claimed = append(claimed, l)
				if l.Max != nil && (kept == nil || kept.Max != nil && l.Max.GreaterThan(*kept.Max)) {
					kept = l
				}
			}
		}
		// The item the text puts first whatever the figures: a commissioned
		// event is supported 「按有关标准和规定」, not at 50% of its cost.
		for _, l := range claimed {
			if l.Item.ID == alt.Prefer {
				kept = l
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
				l.Steps = append(withoutMin(l.Steps), note(StepZeroed, "why", note(NoteExcluded, "kept", item(kept.Item), "why", alt.Why)))
			} else {
				l.Steps = append(l.Steps, note(NoteExcluded, "kept", item(kept.Item), "why", alt.Why))
			}
			l.Notes = append(l.Notes, note(NoteExcluded, "kept", item(kept.Item), "why", alt.Why))
			kept.Notes = append(kept.Notes, note(NoteKept, "other", item(l.Item)))
			r.Warnings = append(r.Warnings, note(WarnAlternative, "excluded", item(l.Item), "kept", item(kept.Item)))
		}
	}
}

// withoutMin drops the step that says how a line's minimum came about: a
// line set to 0 has none.
func withoutMin(steps []Note) []Note {
	return slices.DeleteFunc(steps, func(n Note) bool { return n.Code == StepMin })
}

// claimsAnItem reports whether the input called name claims an item of m
// (its trigger or its base), rather than modifying one (a rate, --per-level).
func claimsAnItem(m *measures.Measure, name string) bool {
	for _, it := range m.Items {
		if it.Trigger() == name || it.Base == name {
			return true
		}
	}
	return false
}

// Check reports whether c claims its measure properly — every required input
// given, at least one input for a measure that needs one, every rate with
// its base, one side of a measure paid to two parties — without computing
// anything.
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
	// Only an input that claims an item counts: a rate, a prior peak or
	// --per-level alone claims nothing.
	given := false
	for _, in := range m.Inputs {
		given = given || claimsAnItem(m, in.Name) && c.Given(in.Name)
	}
	if !given && m.NeedsInput() {
		var names []string
		for _, in := range m.Inputs {
			if claimsAnItem(m, in.Name) {
				names = append(names, in.Name)
			}
		}
		return &MissingError{Measure: m.Name, Inputs: names, All: len(names) == 1}
	}
	for _, it := range m.Items {
		need := it.Base // what the item's modifiers modify
		if need == "" {
			need = it.Claim
		}
		for _, dep := range []string{it.RateInput, it.Prior, it.HighestOnly, it.PerLevel} {
			if dep != "" && c.Given(dep) && need != "" && !c.Given(need) {
				return &MissingError{Measure: m.Name, Inputs: []string{need}, All: true}
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

// computeMeasure computes the items of a claim that Check accepted, with
// what the ledger leaves of them.
func computeMeasure(ed *measures.Edition, p *Project, m *measures.Measure, c *Claim, led ledger) ([]Line, error) {
	var lines []Line
	x := ledgerIn{l: led, ed: ed, event: p.Date()}
	for _, it := range m.Items {
		if t := it.Trigger(); t != "" && !c.Given(t) {
			continue
		}
		rule, ok := rules[it.Kind]
		if !ok {
			return nil, fmt.Errorf("item %s: unknown rule kind %q", it.ID, it.Kind)
		}
		bc, from := baseOf(ed, p, it, c)
		bc = switchedTier(it, bc)
		git, guideNotes, guideWarnings := guided(it, bc, p.Date())
		lit, lc, ledgerNotes := x.before(git, bc)
		if lc == nil {
			lc = bc
		}
		l, err := rule.line(lit, lc)
		if err != nil {
			var ve *ValueError
			if errors.As(err, &ve) {
				ve.Measure = m.Name
			}
			return nil, err
		}
		if from.Code != "" {
			l.Notes = append([]Note{from}, l.Notes...)
			l.Steps = append([]Note{from}, l.Steps...)
		}
		if len(guideNotes) > 0 {
			l.Notes = append(slices.Clone(guideNotes), l.Notes...)
			l.Steps = append(slices.Clone(guideNotes), l.Steps...)
			l.warnings = append(l.warnings, guideWarnings...)
		}
		if len(ledgerNotes) > 0 {
			l.Notes = append(ledgerNotes, l.Notes...)
			l.Steps = append(slices.Clone(ledgerNotes), l.Steps...)
			// Paid once already, and nothing else left to pay: zeroed by
			// the receipt.
			if it.Ledger == measures.OnceOnly && l.Max != nil && l.Max.IsZero() {
				l.Binding, l.Zeroed = BindNone, ZeroReceived
			}
		}
		x.after(&l, it)
		if entries := led[it.ID]; len(entries) > 0 {
			l.Received = ptr(led.sum(it.ID, ""))
			// The other payer's entries for the item reduce no line: the
			// district's match of a city item, the city's of a district's.
			other := measures.District
			if it.Payer == measures.District {
				other = measures.Municipal
			}
			if paid := led.sum(it.ID, other); paid.IsPositive() && other == measures.District {
				l.Notes = append(l.Notes, note(NoteDistrictPaid, "paid", Money(paid)))
			} else if paid.IsPositive() {
				l.Notes = append(l.Notes, note(NoteCityPaid, "paid", Money(paid)))
			}
		}
		l.Item, l.Claimed = it, c.claims(it)
		for _, n := range it.Notes {
			l.Notes = append(l.Notes, note(NoteItem, "text", n))
		}
		lines = append(lines, l)
	}
	return lines, nil
}

// switchedTier is the claim of a tier item of one amount claimed by a
// switch (「一次性给予20万元奖励」) as the choice of its one step, so that
// the tier and the ledger's once-only rule read it as any tier's value.
func switchedTier(it *measures.Item, c *Claim) *Claim {
	if it.Kind != measures.Tier || len(it.Tiers) != 1 || !c.Switches[it.Claim] || len(c.Choices[it.Claim]) > 0 {
		return c
	}
	clone := *c
	clone.Choices = cloneMap(c.Choices)
	clone.Choices[it.Claim] = []string{it.Tiers[0].Key}
	return &clone
}

// baseOf is the claim the item is computed from: where the item's own
// base is not given, the first of its other bases the project gives — an
// input of another measure of the same project (strategic.investment: the
// same project's investment), or a 附则 input (audited_investment) —
// with the note that says which (docs/contract.md §1, key-tech).
func baseOf(ed *measures.Edition, p *Project, it *measures.Item, c *Claim) (*Claim, Note) {
	if it.Base == "" || len(it.BaseElse) == 0 {
		return c, Note{}
	}
	if _, ok := c.Amounts[it.Base]; ok {
		return c, Note{}
	}
	for _, name := range it.BaseElse {
		var v decimal.Decimal
		var found bool
		var words measures.Text
		if mname, input, ok := strings.Cut(name, "."); ok {
			for _, oc := range p.Claims {
				if oc.Measure == mname {
					v, found = oc.Amounts[input]
				}
			}
			if m, ok := ed.Measure(mname); ok {
				if in, ok := m.Input(input); ok {
					words = measures.Text{Zh: m.Title.Zh + "·" + in.Label(), En: mname + " --" + input}
				}
			}
		} else {
			v, found = p.Annex.Amounts[name]
			if in, ok := ed.Input(name); ok {
				words = measures.Text{Zh: in.Label(), En: "--" + name}
			}
		}
		if !found {
			continue
		}
		clone := *c
		clone.Amounts = cloneMap(c.Amounts)
		clone.Amounts[it.Base] = v
		return &clone, note(NoteBaseFrom, "input", words, "base", Money(v))
	}
	return c, Note{}
}

// CapBase returns the base from which the item's cap binds, cap ÷ rate for
// a rate item (at its top rate), the cap itself for a cap-only item with a
// base, rounded half-up to 0.01 yuan; nil where no base meets a cap.
func CapBase(it *measures.Item) *decimal.Decimal {
	if it.Cap == nil || it.Base == "" {
		return nil
	}
	return rules[it.Kind].capBase(it, *it.Cap)
}
