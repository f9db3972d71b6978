package calc

import (
	"slices"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// The supplementary rules (附则), applied to the whole project after every
// item is computed and the alternatives are settled, in this order: the
// validity window, no double-dipping, the cumulative cap, district matching.

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
	return orZero(p.NationalFunding).IsPositive() || orZero(p.ProvincialFunding).IsPositive()
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
	cat := measures.Get()
	for _, s := range p.SameKind {
		if _, ok := cat.Measure(s); ok {
			continue
		}
		if _, ok := cat.Item(s); ok {
			continue
		}
		return &ValueError{Field: "same-kind", Value: s, Msg: "neither a measure nor an item id",
			Hint: "same_kind = true in a measure's table, or a list of that measure's item ids"}
	}
	return nil
}

// sameKind reports whether the project declared the line's measure or item
// already supported by a similar municipal measure.
func (p *Project) sameKind(it *measures.Item) bool {
	return slices.Contains(p.SameKind, it.Measure) || slices.Contains(p.SameKind, it.ID)
}

func applySupplementary(p *Project, r *Result) {
	// 1. Validity window: outside it every computable line is 0.
	if !r.Eligible {
		zeroLines(r, ZeroWindow, NoteOutsideWindow, func(*Line) bool { return true })
		r.Warnings = append(r.Warnings, measures.Text{
			Zh: "日期 " + p.Date.String() + " 不在有效期（2022-10-15至2027-10-14）内：各项为0",
			En: "the date " + p.Date.String() + " is outside the validity window (2022-10-15 to 2027-10-14): every line is 0",
		})
	}
	// 2. No double-dipping, per kind of support: the municipal lines of the
	// measures and items declared are 0; the others, and district-paid
	// lines, stay.
	if r.Eligible && len(p.SameKind) > 0 {
		zeroLines(r, ZeroSameKind, NoteSameKind, func(l *Line) bool {
			return l.Item.Payer == measures.Municipal && p.sameKind(l.Item)
		})
		for _, s := range r.Inputs.SameKind {
			municipal := slices.ContainsFunc(r.Lines, func(l Line) bool {
				return (l.Item.Measure == s || l.Item.ID == s) && l.Item.Payer == measures.Municipal
			})
			if !municipal {
				r.Warnings = append(r.Warnings, measures.Text{
					Zh: s + "：由区级支付，不得重复享受只涉及市级措施，未作改变",
					En: s + ": paid by the district; 不得重复享受 concerns the city's measures, so nothing changed",
				})
				continue
			}
			r.Warnings = append(r.Warnings, measures.Text{
				Zh: s + "：已享受市级同类优惠措施（不得重复享受），其市级各项为0",
				En: s + ": already supported by a similar municipal measure (不得重复享受): its municipal lines are 0",
			})
		}
	}

	// P: the municipal project lines, which the cap of 「同一项目」 bounds;
	// F: the municipal firm lines, outside it.
	var pSum, pMin, fSum decimal.Decimal
	for _, l := range r.Lines {
		if l.Item.Payer != measures.Municipal || l.Max == nil {
			continue
		}
		if l.Item.Scope == measures.ProjectScope {
			pSum, pMin = pSum.Add(*l.Max), pMin.Add(*l.Min)
		} else {
			fSum = fSum.Add(*l.Max)
		}
	}
	granted := pSum // the project lines after the cap: min(P, H)
	r.Total = pSum.Add(fSum)

	// 3. Cumulative cap: all Shenzhen money for the project, at most the
	// audited investment.
	var h decimal.Decimal
	if p.capApplies() {
		h = p.AuditedInvestment.Sub(orZero(p.OtherCityFunding))
		r.Reading = Literal
		if p.StrictCap {
			h = h.Sub(orZero(p.NationalFunding)).Sub(orZero(p.ProvincialFunding))
			r.Reading = AllLevels
		}
		if h.IsNegative() {
			h = decimal.Zero
		}
		r.CumulativeCap = ptr(h)
		if pSum.GreaterThan(h) {
			granted = h
			r.Adjustments = append(r.Adjustments, Adjustment{
				ID: "cumulative-cap", Clause: "附则", Amount: h.Sub(pSum),
				Note: measures.Text{
					Zh: "市级项目类各项合计 " + FormatYuan(pSum) + " 超过累计资助上限 " + FormatYuan(h) + "，削减至上限（" + projectLines(r) + "）；企业类奖励不受影响",
					En: "the municipal project lines add up to " + FormatYuan(pSum) + ", above the cumulative cap " + FormatYuan(h) + ", and are cut to it (" + projectLines(r) + "); awards to the firm are not cut",
				},
			})
			r.Total = h.Add(fSum)
		}
		if granted.LessThan(pMin) {
			r.Warnings = append(r.Warnings, measures.Text{
				Zh: "累计资助上限 " + FormatYuan(h) + " 低于项目类各项的最低额合计 " + FormatYuan(pMin) + "（如核心团队“1000万元以上”）",
				En: "the cumulative cap " + FormatYuan(h) + " leaves less than the project lines' own minimum of " + FormatYuan(pMin) + " (e.g. a core team's 1000万元以上)",
			})
		}
		// national-match: the headroom the project's other lines leave.
		for i := range r.Lines {
			if r.Lines[i].Item.HeadroomCap {
				r.Lines[i].Cap = ptr(decimal.Max(decimal.Zero, h.Sub(pSum)))
			}
		}
	} else {
		if p.StrictCap {
			r.Warnings = append(r.Warnings, measures.Text{
				Zh: "未给出国家或省级资金：strict-cap 不起作用",
				En: "no national or provincial funding: strict-cap has no effect",
			})
		}
		if p.AuditedInvestment != nil || orZero(p.OtherCityFunding).IsPositive() {
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

	// 4. District matching, at the district's own ratio, needs a municipal
	// grant; on the project lines it stays within the cap's headroom, on
	// the firm awards it is outside the cap. Rounded once, at the end.
	switch {
	case r.Total.IsZero():
		r.DistrictMatch = decimal.Zero
		if r.CumulativeCap != nil {
			r.DistrictMatchLimit = ptr(decimal.Zero)
		}
	case r.CumulativeCap != nil:
		limit := h.Sub(granted)
		r.DistrictMatchLimit = ptr(limit)
		r.DistrictMatch = money(decimal.Min(p.DistrictRatio.Mul(granted), limit).Add(p.DistrictRatio.Mul(fSum)))
	default:
		r.DistrictMatch = money(p.DistrictRatio.Mul(r.Total))
	}

	// A total of 0 because every line claimed is case by case.
	if len(r.Lines) > 0 && !slices.ContainsFunc(r.Lines, func(l Line) bool { return l.Item.Kind != measures.CaseByCase }) {
		r.Warnings = append(r.Warnings, measures.Text{
			Zh: "所申报的各项政策均未规定金额：合计为0，金额以主管部门核定为准",
			En: "the text gives no figure for any line claimed: the total is 0; the amount is for the authority to decide",
		})
	}
}

// projectLines names the municipal project lines the cap cuts.
func projectLines(r *Result) string {
	var ids []string
	for _, l := range r.Lines {
		if l.Item.Payer == measures.Municipal && l.Item.Scope == measures.ProjectScope && l.Max != nil && l.Max.IsPositive() {
			ids = append(ids, l.Item.ID)
		}
	}
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += ", "
		}
		s += id
	}
	return s
}

// zeroLines sets min = max = 0 on every computable line that which selects
// and no earlier rule zeroed, with the reason.
func zeroLines(r *Result, rule string, reason measures.Text, which func(*Line) bool) {
	for i := range r.Lines {
		l := &r.Lines[i]
		if !which(l) || l.Zeroed != "" {
			continue
		}
		if l.Max != nil {
			l.Min, l.Max, l.Binding, l.Zeroed = ptr(decimal.Zero), ptr(decimal.Zero), BindNone, rule
		}
		l.Notes = append(l.Notes, reason)
	}
}
