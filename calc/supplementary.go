package calc

import (
	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// The supplementary rules (附则, SPEC section 2), applied to the whole
// project after every item is computed, in this order: the validity window,
// no double-dipping, the cumulative cap, district matching.

// The notes the 附则 add to the lines they set to 0.
var (
	NoteOutsideWindow = measures.Text{
		Zh: "事项日期不在有效期（2022-10-15至2027-10-14）内（附则）",
		En: "the date is outside the validity window 2022-10-15 to 2027-10-14 (附则)",
	}
	NoteSameKind = measures.Text{
		Zh: "已享受市级同类优惠措施，不得重复享受（附则）",
		En: "already supported by a similar municipal measure: no double-dipping (附则)",
	}
)

// InWindow reports whether d lies in the validity window of the measures,
// 2022-10-15 through 2027-10-14 inclusive (附则: 自2022年10月15日起施行，有效期5年).
func InWindow(d Date) bool {
	s := measures.Get().Supplementary
	from := Date{s.ValidFrom[0], s.ValidFrom[1], s.ValidFrom[2]}
	to := Date{s.ValidTo[0], s.ValidTo[1], s.ValidTo[2]}
	return !d.Before(from) && !to.Before(d)
}

// capApplies reports whether the cumulative cap applies: the project has
// national or provincial funding (附则: 已获得国家或省级财政支持的项目).
func (p *Project) capApplies() bool {
	return p.NationalFunding.IsPositive() || p.ProvincialFunding.IsPositive()
}

// checkSupplementary refuses 附则 inputs that the rules cannot work with.
func checkSupplementary(p *Project) error {
	if p.capApplies() && p.AuditedInvestment == nil {
		return &ValueError{
			Field: "audited-investment",
			Msg:   "national or provincial funding is given, so the audited investment is required (附则: 累计资助金额不得超过该项目经审计认定的投资额)",
			Hint:  "give --audited-investment (TOML: audited_investment)",
		}
	}
	if p.DistrictRatio.IsNegative() || p.DistrictRatio.GreaterThan(measures.Get().Supplementary.DistrictRatioCeiling) {
		return &ValueError{
			Field: "district-ratio", Value: p.DistrictRatio.String(),
			Msg:  "a district matching ratio lies between 0 and 1",
			Hint: "e.g. --district-ratio 0.5 or 50% for one yuan of district money per two of the city's",
		}
	}
	return nil
}

func applySupplementary(p *Project, r *Result) {
	// 1. Validity window: outside it every computable line is 0.
	if !r.Eligible {
		zeroLines(r, NoteOutsideWindow, func(*Line) bool { return true })
		r.Warnings = append(r.Warnings, measures.Text{
			Zh: "日期 " + p.Date.String() + " 不在有效期内：各项为0",
			En: "the date " + p.Date.String() + " is outside the validity window: every line is 0",
		})
	}
	// 2. No double-dipping: municipal lines are 0; district ones stay.
	if p.SameKind {
		r.SameKind = true
		zeroLines(r, NoteSameKind, func(l *Line) bool { return l.Item.Payer == measures.Municipal })
	}

	m := decimal.Zero
	for _, l := range r.Lines {
		if l.Item.Payer == measures.Municipal && l.Max != nil {
			m = m.Add(*l.Max)
		}
	}
	r.Total = m

	// 3. Cumulative cap: all Shenzhen money for the project, at most the
	// audited investment.
	if p.capApplies() {
		h := p.AuditedInvestment.Sub(p.OtherCityFunding)
		r.Reading = Literal
		if p.StrictCap {
			h = h.Sub(p.NationalFunding).Sub(p.ProvincialFunding)
			r.Reading = AllLevels
		}
		if h.IsNegative() {
			h = decimal.Zero
		}
		r.CumulativeCap = ptr(h)
		if m.GreaterThan(h) {
			r.Adjustments = append(r.Adjustments, Adjustment{
				ID: "cumulative-cap", Clause: "附则", Amount: h.Sub(m),
				Note: measures.Text{
					Zh: "市级合计 " + FormatYuan(m) + " 超过累计资助上限 " + FormatYuan(h) + "，削减至上限",
					En: "the municipal sum " + FormatYuan(m) + " exceeds the cumulative cap " + FormatYuan(h) + " and is cut to it",
				},
			})
			r.Total = h
		}
		for i := range r.Lines {
			if r.Lines[i].Item.HeadroomCap {
				r.Lines[i].Cap = ptr(h)
			}
		}
		r.DistrictMatchLimit = ptr(h.Sub(r.Total))
	} else {
		if p.StrictCap {
			r.Warnings = append(r.Warnings, measures.Text{
				Zh: "未给出国家或省级资金：strict-cap 不起作用",
				En: "no national or provincial funding: strict-cap has no effect",
			})
		}
		if p.AuditedInvestment != nil || p.OtherCityFunding.IsPositive() {
			r.Warnings = append(r.Warnings, measures.Text{
				Zh: "未给出国家或省级资金：累计资助上限不适用，审计投资额和已获市级资金未使用",
				En: "no national or provincial funding: the cumulative cap does not apply; audited investment and other city funding are not used",
			})
		}
		for _, l := range r.Lines {
			if l.Item.HeadroomCap {
				r.Warnings = append(r.Warnings, measures.Text{
					Zh: "national-match：配套针对国家级和省级项目，但未给出国家或省级资金",
					En: "national-match: matching is for national and provincial projects, but no such funding is given",
				})
				break
			}
		}
	}

	// 4. District matching at the district's own ratio, within the limit.
	match := money(p.DistrictRatio.Mul(r.Total))
	if r.DistrictMatchLimit != nil && match.GreaterThan(*r.DistrictMatchLimit) {
		match = *r.DistrictMatchLimit
	}
	r.DistrictMatch = match
}

// zeroLines sets min = max = 0 on every computable line that which selects,
// with the reason.
func zeroLines(r *Result, reason measures.Text, which func(*Line) bool) {
	for i := range r.Lines {
		l := &r.Lines[i]
		if !which(l) {
			continue
		}
		if l.Max != nil {
			l.Min, l.Max, l.Binding = ptr(decimal.Zero), ptr(decimal.Zero), BindNone
		}
		l.Notes = append(l.Notes, reason)
	}
}
