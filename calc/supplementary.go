package calc

import (
	"slices"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// The supplementary rules (附则, docs/contract.md "附则"), applied to the
// whole project after every item is computed and the alternatives are
// settled. They are the edition's rules (measures.AnnexRule), each of a
// kind the engine knows, as an item is of a rule kind: the validity window
// (the edition's, always), no double-dipping, the cumulative cap, district
// matching — in this order, each only where the edition has it.

// capApplies reports whether the cumulative cap applies: the edition has
// one and the project has national or provincial funding (附则:
// 已获得国家或省级财政支持的项目).
func (p *Project) capApplies(ed *measures.Edition) bool {
	if _, ok := ed.Rule(measures.AnnexCumulativeCap); !ok {
		return false
	}
	return p.annexAmount(measures.InNational).IsPositive() || p.annexAmount(measures.InProvincial).IsPositive()
}

// checkSupplementary refuses 附则 inputs that the rules cannot work with.
func checkSupplementary(ed *measures.Edition, p *Project) error {
	if p.capApplies(ed) && p.Annex.Amount(measures.InAudited) == nil {
		return &ValueError{Field: measures.InAudited, Code: ErrAuditedMissing, Hint: HintAudited}
	}
	ratio := p.Annex.Rates[measures.InDistrictRatio]
	if rule, ok := ed.Rule(measures.AnnexDistrictMatch); ok && (ratio.IsNegative() || ratio.GreaterThan(rule.Ceiling)) {
		return &ValueError{Field: measures.InDistrictRatio, Value: ratio.String(), Code: ErrRatio, Hint: HintRatio}
	}
	for _, s := range p.SameKind {
		if _, ok := ed.Measure(s); ok {
			continue
		}
		if _, ok := ed.Item(s); ok {
			continue
		}
		return &ValueError{Field: measures.InSameKind, Value: s, Code: ErrSameKind, Hint: HintSameKind}
	}
	return nil
}

// sameKind reports whether the project declared the line's measure or item
// already supported by a similar municipal measure.
func (p *Project) sameKind(it *measures.Item) bool {
	return slices.Contains(p.SameKind, it.Measure) || slices.Contains(p.SameKind, it.ID)
}

// noRule is the warning of inputs given for a rule of the 附则 the
// edition does not have: they are not used, and that is said.
func noRule(k measures.AnnexKind, ed *measures.Edition) Note {
	return note(WarnNoRule, "rule", Note{Code: Code("annex.rule." + string(k))}, "edition", ed.Policy)
}

func applySupplementary(ed *measures.Edition, p *Project, r *Result) {
	s := ed.Supplementary
	window := note(NoteOutside, "from", s.From, "to", s.To)
	// 1. Validity window: outside it every computable line of the
	// edition is 0; a district layer's window zeroes its own lines only.
	if !r.Eligible {
		zeroLines(r, ZeroWindow, window, func(l *Line) bool { return layerOf(ed, l) == nil })
		r.Warnings = append(r.Warnings, note(WarnWindow, "date", p.Date(), "from", s.From, "to", s.To))
		r.Steps = append(r.Steps, window)
	}
	for _, layer := range ed.Layers {
		if layer.Kind != measures.DistrictLayer || layer.InWindow(p.Date()) {
			continue
		}
		ls := layer.Supplementary
		of := func(l *Line) bool { return layerOf(ed, l) == layer }
		if !slices.ContainsFunc(r.Lines, func(l Line) bool { return of(&l) }) {
			continue
		}
		n := note(NoteLayerWindow, "document", layer.Policy, "from", ls.From, "to", ls.To)
		zeroLines(r, ZeroWindow, n, of)
		r.Warnings = append(r.Warnings, note(WarnLayerWindow, "document", layer.Policy, "date", p.Date(), "from", ls.From, "to", ls.To))
		r.Steps = append(r.Steps, n)
	}
	// 2. No double-dipping, per kind of support: the municipal lines of the
	// measures and items declared are 0; the others, and district-paid
	// lines, stay. An edition without the rule changes nothing.
	if _, ok := ed.Rule(measures.AnnexNoDouble); !ok && len(p.SameKind) > 0 {
		r.Warnings = append(r.Warnings, noRule(measures.AnnexNoDouble, ed))
	} else if r.Eligible && len(p.SameKind) > 0 {
		zeroLines(r, ZeroSameKind, note(NoteSameKind), func(l *Line) bool {
			if layer := layerOf(ed, l); layer != nil {
				// A district's own measure: its own rule, if it has one.
				_, ok := layer.Rule(measures.AnnexNoDouble)
				return ok && p.sameKind(l.Item)
			}
			return l.Item.Payer == measures.Municipal && p.sameKind(l.Item)
		})
		for _, what := range r.Inputs.SameKind {
			of := func(l Line) bool { return l.Item.Measure == what || l.Item.ID == what }
			municipal := slices.ContainsFunc(r.Lines, func(l Line) bool { return of(l) && l.Zeroed == ZeroSameKind })
			code := WarnSameKind
			switch {
			case !slices.ContainsFunc(r.Lines, of):
				// Declared, but not claimed here: nothing to zero.
				code = WarnSameKindUnclaimed
			case !municipal:
				code = WarnSameKindNothing
			}
			r.Warnings = append(r.Warnings, note(code, "what", Declared(what)))
		}
		if r.SameKindApplied() {
			r.Steps = append(r.Steps, note(StepSameKind, "what", Declarations(r.Inputs.SameKind)))
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
	r.Steps = append(r.Steps, note(StepSums, "p", Money(pSum), "f", Money(fSum)))
	granted := pSum // the project lines after the cap: min(P, H)
	r.Total = pSum.Add(fSum)

	// 3. Cumulative cap: all Shenzhen money for the project, at most the
	// audited investment.
	_, hasCap := ed.Rule(measures.AnnexCumulativeCap)
	var h decimal.Decimal
	switch {
	case p.capApplies(ed):
		h, granted = cumulativeCap(ed, p, r, pSum, pMin, fSum)
	case hasCap:
		r.Steps = append(r.Steps, note(StepAnnexNoCap, "total", Money(r.Total)))
		if p.Annex.Switches[measures.InStrictCap] {
			r.Warnings = append(r.Warnings, note(WarnStrictCapUnused))
		}
		if p.Annex.Amount(measures.InAudited) != nil || p.annexAmount(measures.InOtherCity).IsPositive() {
			r.Warnings = append(r.Warnings, note(WarnCapInputsUnused))
		}
		if slices.ContainsFunc(r.Lines, func(l Line) bool { return l.Item.HeadroomCap }) {
			r.Warnings = append(r.Warnings, note(WarnMatchNoFunding))
		}
	default:
		// An edition without the rule: funding given for it is said to be
		// unused, not silently dropped.
		if p.annexAmount(measures.InNational).IsPositive() || p.annexAmount(measures.InProvincial).IsPositive() || p.Annex.Amount(measures.InAudited) != nil ||
			p.annexAmount(measures.InOtherCity).IsPositive() || p.Annex.Switches[measures.InStrictCap] {
			r.Warnings = append(r.Warnings, noRule(measures.AnnexCumulativeCap, ed))
		}
	}

	// 3b. A district layer's project lines are within 「我市各级财政对同一项目
	// 累计」 too: they share the headroom the city's lines leave with the
	// district match, and come first.
	if r.CumulativeCap != nil {
		left := h.Sub(granted)
		for i := range r.Lines {
			l := &r.Lines[i]
			if layerOf(ed, l) == nil || l.Item.Scope != measures.ProjectScope || l.Max == nil {
				continue
			}
			take := decimal.Max(decimal.Zero, decimal.Min(*l.Max, left))
			if take.LessThan(*l.Max) {
				n := note(NoteLayerHeadroom, "left", Money(left), "max", Money(take))
				l.Max, l.Min = ptr(take), ptr(decimal.Min(*l.Min, take))
				l.Binding = BindCap
				l.Notes, l.Steps = append(l.Notes, n), append(l.Steps, n)
			}
			left = left.Sub(take)
			r.layerGranted = r.layerGranted.Add(take)
		}
	}

	// 4. District matching, at the district's own ratio, needs a municipal
	// grant; on the project lines it stays within the cap's headroom, on
	// the firm awards it is outside the cap. Rounded once, at the end.
	ratio := p.Annex.Rates[measures.InDistrictRatio]
	_, hasMatch := ed.Rule(measures.AnnexDistrictMatch)
	switch {
	case !hasMatch:
		r.DistrictMatch = decimal.Zero
		if ratio.IsPositive() {
			r.Warnings = append(r.Warnings, noRule(measures.AnnexDistrictMatch, ed))
		}
	case r.Total.IsZero():
		r.DistrictMatch = decimal.Zero
		if r.CumulativeCap != nil {
			r.DistrictMatchLimit = ptr(decimal.Zero)
		}
		r.Steps = append(r.Steps, note(StepNoGrant))
	case r.CumulativeCap != nil:
		limit := h.Sub(granted).Sub(r.layerGranted)
		r.DistrictMatchLimit = ptr(limit)
		r.DistrictMatch = money(decimal.Min(ratio.Mul(granted), limit).Add(ratio.Mul(fSum)))
		match := note(StepMatchCap, "ratio", Rate(ratio), "granted", Money(granted), "limit", Money(limit), "match", Money(r.DistrictMatch))
		if fSum.IsPositive() {
			match = note(StepMatchCapFirm, "ratio", Rate(ratio), "granted", Money(granted), "limit", Money(limit), "firm", Money(fSum), "match", Money(r.DistrictMatch))
		}
		if r.layerGranted.IsPositive() {
			r.Steps = append(r.Steps, note(StepLimitLayer, "h", Money(h), "granted", Money(granted), "layer", Money(r.layerGranted), "limit", Money(limit)), match)
		} else {
			r.Steps = append(r.Steps, note(StepLimit, "h", Money(h), "granted", Money(granted), "limit", Money(limit)), match)
		}
	default:
		r.DistrictMatch = money(ratio.Mul(r.Total))
		r.Steps = append(r.Steps, note(StepMatch, "ratio", Rate(ratio), "total", Money(r.Total), "match", Money(r.DistrictMatch)))
	}

	// A total of 0 because the text gives no figure for any line that
	// counts (an excluded alternative does not).
	if len(r.Lines) > 0 && !slices.ContainsFunc(r.Lines, func(l Line) bool { return l.Item.Kind != measures.CaseByCase && l.ExcludedBy == "" }) {
		r.Warnings = append(r.Warnings, note(WarnNoFigure))
	}
}

// cumulativeCap applies the cumulative cap to a project it applies to: the
// headroom H, the municipal project lines cut to it, the total; it returns
// H and what the project lines are granted, min(P, H).
func cumulativeCap(ed *measures.Edition, p *Project, r *Result, pSum, pMin, fSum decimal.Decimal) (h, granted decimal.Decimal) {
	granted = pSum
	audited, other := *p.Annex.Amount(measures.InAudited), p.annexAmount(measures.InOtherCity)
	if sum, ok := projectReceived(ed, p); ok && (p.Annex.Amount(measures.InOtherCity) == nil || sum.GreaterThan(other)) {
		// Not given, or less than it: what the ledger holds for the
		// project's items, city and district, is Shenzhen money it has
		// had, and all of it counts (「累计资助金额不得超过」).
		if p.Annex.Amount(measures.InOtherCity) != nil {
			r.Warnings = append(r.Warnings, note(WarnOtherBelowLedger, "given", Money(other), "ledger", Money(sum)))
		}
		other = sum
		r.Inputs.Amounts = cloneMap(r.Inputs.Amounts)
		r.Inputs.Amounts[measures.InOtherCity] = sum
		r.Steps = append(r.Steps, note(StepOtherLedger, "other", Money(sum)))
	}
	national, provincial := p.annexAmount(measures.InNational), p.annexAmount(measures.InProvincial)
	h = audited.Sub(other)
	r.Reading = Literal
	headroom := note(StepHeadroom, "audited", Money(audited), "other", Money(other), "reading", Literal)
	if p.Annex.Switches[measures.InStrictCap] {
		h = h.Sub(national).Sub(provincial)
		r.Reading = AllLevels
		headroom = note(StepHeadroomAll, "audited", Money(audited), "other", Money(other), "national", Money(national), "provincial", Money(provincial), "reading", AllLevels)
	}
	if h.IsNegative() {
		h = decimal.Zero
	}
	headroom.Args.Set("h", Money(h))
	r.Steps = append(r.Steps, headroom)
	r.CumulativeCap = ptr(h)
	if pSum.GreaterThan(h) {
		granted = h
		r.Adjustments = append(r.Adjustments, Adjustment{
			ID: "cumulative-cap", Clause: "附则", Amount: h.Sub(pSum),
			Note: note(NoteCut, "p", Money(pSum), "h", Money(h), "lines", projectLines(r)),
		})
		r.Total = h.Add(fSum)
		r.Steps = append(r.Steps, note(StepCut, "p", Money(pSum), "h", Money(h), "cut", Money(pSum.Sub(h)), "total", Money(r.Total)))
	} else {
		r.Steps = append(r.Steps, note(StepNoCut, "p", Money(pSum), "h", Money(h), "total", Money(r.Total)))
	}
	if granted.LessThan(pMin) {
		r.Warnings = append(r.Warnings, note(WarnCapMinimum, "h", Money(h), "min", Money(pMin)))
	}
	// national-match: the headroom the project's other lines leave.
	for i := range r.Lines {
		if r.Lines[i].Item.HeadroomCap {
			r.Lines[i].Cap = ptr(decimal.Max(decimal.Zero, h.Sub(pSum)))
		}
	}
	return h, granted
}

// projectLines lists the municipal project lines the cap cuts.
func projectLines(r *Result) []ItemID {
	var ids []ItemID
	for _, l := range r.Lines {
		if l.Item.Payer == measures.Municipal && l.Item.Scope == measures.ProjectScope && l.Max != nil && l.Max.IsPositive() {
			ids = append(ids, item(l.Item))
		}
	}
	return ids
}

// zeroLines sets min = max = 0 on every computable line that which selects
// and no earlier rule zeroed, with the reason.
func zeroLines(r *Result, rule string, reason Note, which func(*Line) bool) {
	for i := range r.Lines {
		l := &r.Lines[i]
		if !which(l) || l.Zeroed != "" {
			continue
		}
		if l.Max != nil {
			l.Min, l.Max, l.Binding, l.Zeroed = ptr(decimal.Zero), ptr(decimal.Zero), BindNone, rule
			l.Steps = append(withoutMin(l.Steps), note(StepZeroed, "why", reason))
		}
		l.Notes = append(l.Notes, reason)
	}
}
