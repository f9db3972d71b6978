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

func y(d decimal.Decimal) string { return calc.FormatYuan(d) }

// explainLine says how one line's max (and min, where it differs) came about.
func explainLine(l calc.Line, res *calc.Result, lang string) string {
	it := l.Item
	zh := lang == "zh"
	// Lines the 附则 set to 0: outside the window, or municipal under same-kind.
	zeroed := l.Max != nil && (!res.Eligible || res.SameKind && it.Payer == measures.Municipal)
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
		if !res.Eligible {
			reason = calc.NoteOutsideWindow
		}
		s += " → 0.00: " + reason.In(lang)
	}
	return s
}

// explainSupplementary says how the 附则 figures came about.
func explainSupplementary(res *calc.Result, p *calc.Project, lang string) []string {
	zh := lang == "zh"
	var out []string
	if !res.Eligible {
		out = append(out, calc.NoteOutsideWindow.In(lang))
	}
	if res.SameKind {
		out = append(out, calc.NoteSameKind.In(lang))
	}
	m := decimal.Zero
	for _, l := range res.Lines {
		if l.Item.Payer == measures.Municipal && l.Max != nil {
			m = m.Add(*l.Max)
		}
	}
	if zh {
		out = append(out, "市级各项最高额合计 M = "+y(m))
	} else {
		out = append(out, "the municipal lines' maxima add up to M = "+y(m))
	}
	if res.CumulativeCap != nil {
		h := res.CumulativeCap
		terms := y(*p.AuditedInvestment) + " − " + y(p.OtherCityFunding)
		if res.Reading == calc.AllLevels {
			terms += " − " + y(p.NationalFunding) + " − " + y(p.ProvincialFunding)
		}
		if zh {
			out = append(out, fmt.Sprintf("累计资助上限 H = %s = %s（%s，不低于0）", terms, y(*h), lblReading[res.Reading].Zh))
		} else {
			out = append(out, fmt.Sprintf("cumulative cap H = %s = %s (%s; floored at 0)", terms, y(*h), lblReading[res.Reading].En))
		}
		if len(res.Adjustments) > 0 {
			if zh {
				out = append(out, fmt.Sprintf("M %s > H %s：削减 %s，市级合计 %s", y(m), y(*h), y(res.Adjustments[0].Amount.Neg()), y(res.Total)))
			} else {
				out = append(out, fmt.Sprintf("M %s > H %s: cut by %s, municipal total %s", y(m), y(*h), y(res.Adjustments[0].Amount.Neg()), y(res.Total)))
			}
		} else if zh {
			out = append(out, fmt.Sprintf("M %s ≤ H %s：不削减，市级合计 %s", y(m), y(*h), y(res.Total)))
		} else {
			out = append(out, fmt.Sprintf("M %s <= H %s: no cut, municipal total %s", y(m), y(*h), y(res.Total)))
		}
		if zh {
			out = append(out, fmt.Sprintf("区级配套上限 = H − 市级合计 = %s − %s = %s", y(*h), y(res.Total), y(*res.DistrictMatchLimit)))
		} else {
			out = append(out, fmt.Sprintf("district matching limit = H − municipal total = %s − %s = %s", y(*h), y(res.Total), y(*res.DistrictMatchLimit)))
		}
	} else if zh {
		out = append(out, "无国家或省级资金：累计资助上限不适用，市级合计 "+y(res.Total))
	} else {
		out = append(out, "no national or provincial funding: no cumulative cap; municipal total "+y(res.Total))
	}
	raw := p.DistrictRatio.Mul(res.Total).Round(2)
	match := fmt.Sprintf("%s × %s = %s", calc.Percent(p.DistrictRatio), y(res.Total), y(raw))
	if !raw.Equal(res.DistrictMatch) {
		if zh {
			match += "，以上限为限 → " + y(res.DistrictMatch)
		} else {
			match += ", cut to the limit → " + y(res.DistrictMatch)
		}
	}
	if zh {
		out = append(out, "区级配套 = 区级比例 × 市级合计 = "+match)
	} else {
		out = append(out, "district match = the district's ratio × municipal total = "+match)
	}
	return out
}

// writeExplain writes the explanation below a table.
func writeExplain(buf *bytes.Buffer, res *calc.Result, p *calc.Project, lang string, l layout) {
	l.section(buf, lblExplain.In(lang))
	for _, line := range res.Lines {
		l.item(buf, line.Item.ID+": "+explainLine(line, res, lang))
	}
	for _, s := range explainSupplementary(res, p, lang) {
		l.item(buf, "附则: "+s)
	}
}
