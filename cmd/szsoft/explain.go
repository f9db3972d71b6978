package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/measures"
)

// --explain: the arithmetic of every line and of the 附则, in words, from
// the figures of the result itself.

var lblExplain = label{Zh: "计算过程", En: "How each figure was reached"}

// explainLine says how one line's max (and min, where it differs) came about.
func explainLine(l calc.Line, res *calc.Result, lang, unit string) string {
	y := func(d decimal.Decimal) string { return money(d, unit) }
	it := l.Item
	zh := lang == "zh"
	// Lines a rule set to 0: outside the window, same-kind, an alternative.
	zeroed := l.Max != nil && l.Zeroed != ""
	var s string
	switch it.Kind {
	case measures.FixedRate, measures.CeilingRate, measures.RateRange:
		top := l.Base.Mul(*l.Rate)
		s = fmt.Sprintf("%s × %s = %s", y(*l.Base), calc.Percent(*l.Rate), y(top.Round(2)))
		if zh {
			switch {
			case l.Cap != nil && l.Cap.LessThan(top):
				s += fmt.Sprintf("，超过%s规定的上限 %s → %s", it.Clause, y(*l.Cap), y(*l.Cap))
			case l.Cap != nil && l.Cap.Equal(top):
				s += fmt.Sprintf("，恰为%s规定的上限 %s → %s", it.Clause, y(*l.Cap), y(*l.Cap))
			case l.Cap != nil:
				s += fmt.Sprintf("，未超过上限 %s → %s", y(*l.Cap), y(top.Round(2)))
			default:
				s += "，无上限 → " + y(top.Round(2))
			}
		} else {
			switch {
			case l.Cap != nil && l.Cap.LessThan(top):
				s += fmt.Sprintf(", above the cap of %s set by %s → %s", y(*l.Cap), it.Clause, y(*l.Cap))
			case l.Cap != nil && l.Cap.Equal(top):
				s += fmt.Sprintf(", exactly the cap of %s set by %s → %s", y(*l.Cap), it.Clause, y(*l.Cap))
			case l.Cap != nil:
				s += fmt.Sprintf(", under the cap of %s → %s", y(*l.Cap), y(top.Round(2)))
			default:
				s += ", no cap → " + y(top.Round(2))
			}
		}
		if !l.Min.Equal(*l.Max) && !zeroed {
			low := it.RateLow
			if zh {
				s += fmt.Sprintf("；最低按 %s：%s", calc.Percent(low), y(*l.Min))
			} else {
				s += fmt.Sprintf("; the minimum at %s: %s", calc.Percent(low), y(*l.Min))
			}
		}
	case measures.CapOnly:
		switch {
		case l.Base != nil && l.Binding == calc.BindBase:
			if zh {
				s = fmt.Sprintf("不超过所资助的金额：min(%s, 上限 %s) = %s；最低0", y(*l.Base), y(*l.Cap), y(*l.Max))
			} else {
				s = fmt.Sprintf("bounded by the base: min(%s, cap %s) = %s; min 0", y(*l.Base), y(*l.Cap), y(*l.Max))
			}
		case l.Base != nil:
			if zh {
				s = fmt.Sprintf("min(%s, 上限 %s) = %s；最低0", y(*l.Base), y(*l.Cap), y(*l.Cap))
			} else {
				s = fmt.Sprintf("min(%s, cap %s) = %s; min 0", y(*l.Base), y(*l.Cap), y(*l.Cap))
			}
		default:
			if zh {
				s = fmt.Sprintf("政策只规定最高额：最高 %s，最低0", y(*l.Cap))
			} else {
				s = fmt.Sprintf("the policy names only a maximum: up to %s, min 0", y(*l.Cap))
			}
		}
	case measures.Tier, measures.AmountRange, measures.Floor:
		var own []measures.Text
		for _, n := range l.Notes {
			if n != calc.NoteOutsideWindow && n != calc.NoteSameKind {
				own = append(own, n)
			}
		}
		s = strings.Join(texts(own, lang), "; ")
		if it.Kind == measures.Floor && !zeroed {
			years := decimal.NewFromInt(int64(it.Years))
			if zh {
				s = fmt.Sprintf("%s × %s × %d 年 = %s（下限）；全额 %s × %d 年 = %s（上限），由区级支付", y(*l.Base), calc.Percent(it.RateLow), it.Years, y(*l.Min), y(*l.Base), it.Years, y(l.Base.Mul(years)))
			} else {
				s = fmt.Sprintf("%s × %s × %d years = %s at least; the whole %s × %d = %s at most; paid by the district", y(*l.Base), calc.Percent(it.RateLow), it.Years, y(*l.Min), y(*l.Base), it.Years, y(l.Base.Mul(years)))
			}
		}
	default:
		return strings.Join(texts(l.Notes, lang), "; ")
	}
	if zeroed {
		reason := calc.NoteSameKind
		switch l.Zeroed {
		case calc.ZeroWindow:
			reason = calc.NoteOutsideWindow
		case calc.ZeroAlternative:
			reason = label{Zh: "与 " + l.ExcludedBy + " 择一，只计后者", En: "an alternative to " + l.ExcludedBy + ", which counts instead"}
		}
		s += " → 0.00: " + reason.In(lang)
	}
	return s
}

// explainSupplementary says how the 附则 figures came about.
func explainSupplementary(res *calc.Result, lang, unit string) []string {
	y := func(d decimal.Decimal) string { return money(d, unit) }
	zh := lang == "zh"
	in := res.Inputs
	var out []string
	if !res.Eligible {
		out = append(out, calc.NoteOutsideWindow.In(lang))
	}
	if res.SameKindApplied() {
		out = append(out, calc.NoteSameKind.In(lang)+": "+strings.Join(in.SameKind, ", "))
	}
	pSum, fSum := decimal.Zero, decimal.Zero
	for _, l := range res.Lines {
		if l.Item.Payer != measures.Municipal || l.Max == nil {
			continue
		}
		if l.Item.Scope == measures.ProjectScope {
			pSum = pSum.Add(*l.Max)
		} else {
			fSum = fSum.Add(*l.Max)
		}
	}
	if zh {
		out = append(out, fmt.Sprintf("市级项目类各项最高额合计 P = %s；企业类奖励合计 F = %s", y(pSum), y(fSum)))
	} else {
		out = append(out, fmt.Sprintf("the municipal project lines add up to P = %s; the firm's awards to F = %s", y(pSum), y(fSum)))
	}
	granted := pSum
	if res.CumulativeCap != nil {
		h := *res.CumulativeCap
		terms := y(*in.AuditedInvestment) + " − " + y(orZero(in.OtherCityFunding))
		if res.Reading == calc.AllLevels {
			terms += " − " + y(orZero(in.NationalFunding)) + " − " + y(orZero(in.ProvincialFunding))
		}
		if zh {
			out = append(out, fmt.Sprintf("累计资助上限 H = %s = %s（%s，不低于0；只约束项目类各项）", terms, y(h), lblReading[res.Reading].Zh))
		} else {
			out = append(out, fmt.Sprintf("cumulative cap H = %s = %s (%s; floored at 0; bounds the project lines only)", terms, y(h), lblReading[res.Reading].En))
		}
		if pSum.GreaterThan(h) {
			granted = h
			if zh {
				out = append(out, fmt.Sprintf("P %s > H %s：削减 %s；市级合计 = H + F = %s", y(pSum), y(h), y(pSum.Sub(h)), y(res.Total)))
			} else {
				out = append(out, fmt.Sprintf("P %s > H %s: cut by %s; municipal total = H + F = %s", y(pSum), y(h), y(pSum.Sub(h)), y(res.Total)))
			}
		} else if zh {
			out = append(out, fmt.Sprintf("P %s ≤ H %s：不削减；市级合计 = P + F = %s", y(pSum), y(h), y(res.Total)))
		} else {
			out = append(out, fmt.Sprintf("P %s <= H %s: no cut; municipal total = P + F = %s", y(pSum), y(h), y(res.Total)))
		}
		if res.Total.IsPositive() {
			if zh {
				out = append(out, fmt.Sprintf("区级配套上限（项目类）= H − min(P, H) = %s − %s = %s", y(h), y(granted), y(*res.DistrictMatchLimit)))
			} else {
				out = append(out, fmt.Sprintf("district matching limit (project lines) = H − min(P, H) = %s − %s = %s", y(h), y(granted), y(*res.DistrictMatchLimit)))
			}
		}
	} else if zh {
		out = append(out, "无国家或省级资金：累计资助上限不适用，市级合计 = P + F = "+y(res.Total))
	} else {
		out = append(out, "no national or provincial funding: no cumulative cap; municipal total = P + F = "+y(res.Total))
	}
	if res.Total.IsZero() {
		if zh {
			out = append(out, "市级未给予资助：区级配套为0（以获得本措施资助为前提）")
		} else {
			out = append(out, "no municipal grant: the district match is 0 (it needs a grant under these measures)")
		}
		return out
	}
	r := in.DistrictRatio
	match := fmt.Sprintf("%s × %s", calc.Percent(r), y(res.Total))
	if res.DistrictMatchLimit != nil {
		match = fmt.Sprintf("min(%s × %s, %s)", calc.Percent(r), y(granted), y(*res.DistrictMatchLimit))
		if fSum.IsPositive() {
			match += fmt.Sprintf(" + %s × %s", calc.Percent(r), y(fSum))
		}
	}
	match += " = " + y(res.DistrictMatch)
	if zh {
		out = append(out, "区级配套 = "+match)
	} else {
		out = append(out, "district match = "+match)
	}
	return out
}

func orZero(d *decimal.Decimal) decimal.Decimal {
	if d == nil {
		return decimal.Zero
	}
	return *d
}

// writeExplain writes the explanation below a table.
func writeExplain(buf *bytes.Buffer, res *calc.Result, lang, unit string, l layout) {
	l.section(buf, lblExplain.In(lang))
	for _, line := range res.Lines {
		l.item(buf, line.Item.ID+": "+explainLine(line, res, lang, unit))
	}
	for _, s := range explainSupplementary(res, lang, unit) {
		l.item(buf, "附则: "+s)
	}
}
