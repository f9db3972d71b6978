package calc

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// Check verifies what must hold of every result, whatever the inputs: on
// every line 0 <= min <= max <= cap (where there is a cap), figures absent
// together; every amount in whole fen; total = Σ municipal max + Σ
// adjustments, never negative, and its project part never above the
// cumulative cap; a line excluded or zeroed is 0 and bound by nothing; the
// district match between 0 and its limit, and 0 without a grant. Tests and fuzzing call it on
// every result they make.
func (r *Result) Check() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	fen := func(what string, d *decimal.Decimal) {
		if d != nil && !d.Equal(d.Round(2)) {
			bad("%s %s has more than two decimals", what, d)
		}
	}
	sum, firm := decimal.Zero, decimal.Zero
	for _, l := range r.Lines {
		id := l.Item.ID
		for name, d := range map[string]*decimal.Decimal{"base": l.Base, "computed": l.Computed, "cap": l.Cap, "min": l.Min, "max": l.Max} {
			fen(id+" "+name, d)
		}
		if (l.Min == nil) != (l.Max == nil) {
			bad("%s: min and max must be absent together", id)
			continue
		}
		if l.Item.Kind == measures.CaseByCase {
			if l.Max != nil {
				bad("%s: a case-by-case line with a figure", id)
			}
			continue
		}
		if l.Max == nil {
			bad("%s: a computable line without a figure", id)
			continue
		}
		if l.Min.IsNegative() || l.Min.GreaterThan(*l.Max) {
			bad("%s: min %s, max %s", id, l.Min, l.Max)
		}
		if l.Cap != nil && l.Max.GreaterThan(*l.Cap) {
			bad("%s: max %s above the cap %s", id, l.Max, l.Cap)
		}
		if (l.Zeroed != "" || l.ExcludedBy != "") && (!l.Max.IsZero() || l.Binding != BindNone) {
			bad("%s: zeroed (%s%s) but max %s, binding %s", id, l.Zeroed, l.ExcludedBy, l.Max, l.Binding)
		}
		if l.Item.Payer == measures.Municipal {
			sum = sum.Add(*l.Max)
			if l.Item.Scope == measures.FirmScope {
				firm = firm.Add(*l.Max)
			}
		}
	}
	for _, a := range r.Adjustments {
		fen("adjustment", &a.Amount)
		sum = sum.Add(a.Amount)
	}
	fen("total", &r.Total)
	fen("cumulative cap", r.CumulativeCap)
	fen("district matching limit", r.DistrictMatchLimit)
	fen("district match", &r.DistrictMatch)
	if !sum.Equal(r.Total) {
		bad("total %s is not Σ municipal max + Σ adjustments = %s", r.Total, sum)
	}
	if r.Total.IsNegative() {
		bad("negative total %s", r.Total)
	}
	if r.CumulativeCap != nil && r.Total.Sub(firm).GreaterThan(*r.CumulativeCap) {
		bad("total %s less firm awards %s above the cumulative cap %s", r.Total, firm, r.CumulativeCap)
	}
	if r.Total.IsZero() && !r.DistrictMatch.IsZero() {
		bad("a district match of %s without a municipal grant", r.DistrictMatch)
	}
	if r.DistrictMatch.IsNegative() {
		bad("negative district match %s", r.DistrictMatch)
	}
	// The limit bounds the match on the project lines; the match on the
	// firm's awards (at a ratio of at most 1) is outside the cap.
	if r.DistrictMatchLimit != nil && (r.DistrictMatch.GreaterThan(r.DistrictMatchLimit.Add(firm)) || r.DistrictMatchLimit.IsNegative()) {
		bad("district match %s, limit %s on the project lines, firm awards %s", r.DistrictMatch, r.DistrictMatchLimit, firm)
	}
	if !r.Eligible && !r.Total.IsZero() {
		bad("ineligible with a total of %s", r.Total)
	}
	return errors.Join(errs...)
}
