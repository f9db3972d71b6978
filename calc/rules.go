package calc

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// One function per rule kind of SPEC section 1. Each returns the line of one
// item; the 附则 act on the lines afterwards.

func ptr(d decimal.Decimal) *decimal.Decimal { return &d }

// money rounds half-up (四舍五入) to 0.01 yuan. Amounts are never negative
// here, so decimal's half-away-from-zero is half-up.
func money(d decimal.Decimal) decimal.Decimal { return d.Round(2) }

// rateLine applies the three rate kinds, which differ only in their range of
// rates [low, high]:
//
//   - fixed rate ("按…的30%"): low = high, min = max;
//   - ceiling rate ("按不超过…的50%"): low = 0, so min = 0;
//   - rate range ("20%－40%"): min at low, max at high.
//
// max = min(base × high, cap), min = min(base × low, cap), each rounded after
// the cap. A chosen rate must lie in [low, high]; the line is then computed at
// that rate alone, min = max.
func rateLine(it *measures.Item, base decimal.Decimal, chosen *decimal.Decimal) (Line, error) {
	low, high := it.RateLow, it.RateHigh
	l := Line{Item: it, Base: ptr(base), Cap: it.Cap}
	if chosen != nil {
		if chosen.LessThan(low) || chosen.GreaterThan(high) {
			return Line{}, &ValueError{
				Field: it.RateInput, Value: Percent(*chosen),
				Msg:  fmt.Sprintf("outside the rate of %s (%s)", it.ID, rateSpan(it)),
				Hint: fmt.Sprintf("%s %s allows %s", it.Clause, it.ID, rateSpan(it)),
			}
		}
		low, high = *chosen, *chosen
		l.Notes = append(l.Notes, measures.Text{
			Zh: "按选定比例 " + Percent(*chosen) + " 计算",
			En: "computed at the chosen rate of " + Percent(*chosen),
		})
	}
	top := base.Mul(high)
	l.Rate, l.Computed = ptr(high), ptr(money(top))
	max, binding := top, BindRate
	if it.Cap != nil && it.Cap.LessThanOrEqual(top) {
		max, binding = *it.Cap, BindCap
	}
	bottom := base.Mul(low)
	if it.Cap != nil && it.Cap.LessThan(bottom) {
		bottom = *it.Cap
	}
	l.Max, l.Min, l.Binding = ptr(money(max)), ptr(money(bottom)), binding
	if chosen == nil {
		switch it.Kind {
		case measures.CeilingRate:
			l.Notes = append(l.Notes, measures.Text{
				Zh: "不超过 " + Percent(high) + "，最低为0",
				En: "at most " + Percent(high) + ", so the minimum is 0",
			})
		case measures.RateRange:
			l.Notes = append(l.Notes, measures.Text{
				Zh: "最低按 " + Percent(low) + " 计为 " + FormatYuan(*l.Min) + "，最高按 " + Percent(high),
				En: "minimum at " + Percent(low) + " = " + FormatYuan(*l.Min) + ", maximum at " + Percent(high),
			})
		}
	}
	return l, nil
}

// rateSpan describes the rates an item allows: "at most 50%", "20%-40%".
func rateSpan(it *measures.Item) string {
	if it.RateLow.IsZero() {
		return "0 to " + Percent(it.RateHigh)
	}
	return Percent(it.RateLow) + " to " + Percent(it.RateHigh)
}

// capOnly applies a cap the policy states alone ("最高不超过500万元"): max =
// cap and min = 0. Where the item has a base, max = min(base, cap): a subsidy
// never exceeds what it pays for. A certification counts only from the level
// its scheme requires.
func capOnly(it *measures.Item, base *decimal.Decimal, choices []string) (Line, error) {
	l := Line{Item: it, Cap: it.Cap, Min: ptr(decimal.Zero), Max: ptr(*it.Cap), Binding: BindCap}
	if len(it.Levels) > 0 {
		ok, note, err := qualifies(it, choices)
		if err != nil {
			return Line{}, err
		}
		l.Notes = append(l.Notes, note)
		if !ok {
			l.Max, l.Binding = ptr(decimal.Zero), BindNone
			l.warnings = append(l.warnings, note)
			return l, nil
		}
	}
	if base != nil {
		l.Base, l.Computed = base, ptr(money(*base))
		if base.LessThan(*it.Cap) {
			l.Max, l.Binding = ptr(money(*base)), BindBase
			l.Notes = append(l.Notes, measures.Text{
				Zh: "不超过所资助的金额 " + FormatYuan(*base),
				En: "bounded by the base: a subsidy never exceeds what it pays for",
			})
		}
	}
	return l, nil
}

// qualifies reads a certification such as "cmmi-5" and says whether its level
// reaches the one its scheme requires (（十四）: CMMI, CSMM 四级及以上).
func qualifies(it *measures.Item, choices []string) (bool, measures.Text, error) {
	if len(choices) != 1 {
		return false, measures.Text{}, &ValueError{Field: it.Claim, Msg: "give exactly one certification"}
	}
	v := choices[0]
	if it.Other != "" && v == it.Other {
		return true, measures.Text{
			Zh: "其他国内外软件行业相关认证（原文“等”）：政策未规定级别",
			En: "another recognised software-industry certification (the text says 等): no level named",
		}, nil
	}
	scheme, level, _ := strings.Cut(v, "-")
	n, err := strconv.Atoi(level)
	for _, rule := range it.Levels {
		if rule.Scheme != scheme || err != nil || n < 1 || n > 5 {
			continue
		}
		name := fmt.Sprintf("%s %d", rule.Label, n)
		switch {
		case rule.MinLevel <= 1:
			return true, measures.Text{
				Zh: name + "：政策未规定" + rule.Label + "的级别",
				En: name + ": the text names no level for " + rule.Label,
			}, nil
		case n >= rule.MinLevel:
			return true, measures.Text{
				Zh: fmt.Sprintf("%s：达到%d级及以上", name, rule.MinLevel),
				En: fmt.Sprintf("%s: level %d and up qualifies", name, rule.MinLevel),
			}, nil
		default:
			return false, measures.Text{
				Zh: fmt.Sprintf("%s：低于%d级（原文“四级及以上”），不予奖励", name, rule.MinLevel),
				En: fmt.Sprintf("%s: below level %d (四级及以上), no award", name, rule.MinLevel),
			}, nil
		}
	}
	return false, measures.Text{}, choiceErr(it.Claim, v, certValues(it))
}

func certValues(it *measures.Item) []string {
	var vs []string
	for _, r := range it.Levels {
		for n := 1; n <= 5; n++ {
			vs = append(vs, fmt.Sprintf("%s-%d", r.Scheme, n))
		}
	}
	if it.Other != "" {
		vs = append(vs, it.Other)
	}
	return vs
}

func choiceErr(field, v string, valid []string) *ValueError {
	return &ValueError{Field: field, Value: v, Msg: "not a valid value", Hint: "valid values: " + strings.Join(valid, ", ")}
}

// tier picks an amount by category (park level, standard level). Several
// categories (a repeatable input) add up in one line, each listed in the
// notes; perLevel counts each category once. "给予…奖励" makes min = max;
// "不超过" (UpTo) makes min = 0.
func tier(it *measures.Item, choices []string, perLevel bool) (Line, error) {
	if it.Most > 0 && len(choices) > it.Most {
		return Line{}, &ValueError{Field: it.Claim, Value: strconv.Itoa(len(choices)) + " values",
			Msg:  fmt.Sprintf("more than %d given; a project leads at most %d", it.Most, it.Most),
			Hint: "list each standard the project led once"}
	}
	sum := decimal.Zero
	var notes []measures.Text
	if perLevel {
		var once []string
		for _, v := range choices {
			if !slices.Contains(once, v) {
				once = append(once, v)
			}
		}
		if len(once) < len(choices) {
			notes = append(notes, measures.Text{Zh: "每个级别只计一次（--per-level）", En: "each level counted once (--per-level)"})
		}
		choices = once
	}
	for _, v := range choices {
		var step *measures.Step
		for i := range it.Tiers {
			if it.Tiers[i].Key == v {
				step = &it.Tiers[i]
			}
		}
		if step == nil {
			keys := make([]string, len(it.Tiers))
			for i, s := range it.Tiers {
				keys[i] = s.Key
			}
			return Line{}, choiceErr(it.Claim, v, keys)
		}
		sum = sum.Add(step.Amount)
		var upTo measures.Text
		if it.UpTo {
			upTo = measures.Text{Zh: "不超过 ", En: "at most "}
		}
		notes = append(notes, measures.Text{
			Zh: step.Label.Zh + "：" + upTo.Zh + FormatYuan(step.Amount),
			En: step.Label.En + ": " + upTo.En + FormatYuan(step.Amount),
		})
	}
	l := Line{Item: it, Computed: ptr(sum), Max: ptr(sum), Min: ptr(sum), Binding: BindNone, Notes: notes}
	if it.UpTo {
		l.Min = ptr(decimal.Zero)
	}
	return l, nil
}

// milestone pays the tiers a revenue reaches for the first time: a tier t is
// reached when prior < t <= revenue (（十二）: 首次达到). Tiers reached in the
// same year add up, unless only the highest is to be paid.
//
// When a tier is paid and no prior peak was given, 首次达到 was taken on
// trust: a warning says so.
func milestone(it *measures.Item, revenue, prior decimal.Decimal, highestOnly, priorGiven bool) Line {
	var reached []measures.Step
	for _, s := range it.Tiers {
		if prior.LessThan(s.Threshold) && s.Threshold.LessThanOrEqual(revenue) {
			reached = append(reached, s)
		}
	}
	var notes []measures.Text
	if highestOnly && len(reached) > 1 {
		notes = append(notes, measures.Text{Zh: "同年跨越多档，只给最高一档", En: "several tiers reached: only the highest is paid"})
		reached = reached[len(reached)-1:]
	}
	sum := decimal.Zero
	for _, s := range reached {
		sum = sum.Add(s.Amount)
		notes = append(notes, measures.Text{
			Zh: "首次达到" + s.Label.Zh + "：" + FormatYuan(s.Amount),
			En: "first reached " + s.Label.En + ": " + FormatYuan(s.Amount),
		})
	}
	if len(reached) == 0 {
		notes = append(notes, measures.Text{
			Zh: "本年未首次达到任何一档（以往最高 " + FormatYuan(prior) + "）",
			En: "no tier reached for the first time (prior peak " + FormatYuan(prior) + ")",
		})
	}
	l := Line{Item: it, Base: ptr(revenue), Computed: ptr(sum), Min: ptr(sum), Max: ptr(sum), Binding: BindNone, Notes: notes}
	if len(reached) > 0 && !priorGiven {
		first := measures.Text{
			Zh: "未给出以往年度最高营业收入（--" + it.Prior + "）：假定以往各年均未达到任何一档，即“首次达到”",
			En: "no prior peak given (--" + it.Prior + "): 首次达到 (first reached) is assumed, no earlier year reached a tier",
		}
		l.Notes = append(l.Notes, first)
		l.warnings = append(l.warnings, first)
	}
	return l
}

// amountRange is "1000万元以上、1亿元以下": both ends included.
func amountRange(it *measures.Item) Line {
	return Line{Item: it, Min: ptr(it.AmountLow), Max: ptr(it.AmountHigh), Binding: BindNone,
		Notes: []measures.Text{{
			Zh: FormatYuan(it.AmountLow) + " 以上、" + FormatYuan(it.AmountHigh) + " 以下（含两端）",
			En: FormatYuan(it.AmountLow) + " to " + FormatYuan(it.AmountHigh) + ", both ends included",
		}}}
}

// floor is "不低于50%" over a number of years: min = floor × base × years; the
// policy sets no ceiling, so max is the whole base over those years.
func floor(it *measures.Item, base decimal.Decimal) Line {
	years := decimal.NewFromInt(int64(it.Years))
	min := base.Mul(it.RateLow).Mul(years)
	max := base.Mul(it.RateHigh).Mul(years)
	return Line{Item: it, Base: ptr(base), Rate: ptr(it.RateLow), Computed: ptr(money(min)),
		Min: ptr(money(min)), Max: ptr(money(max)), Binding: BindNone,
		Notes: []measures.Text{{
			Zh: fmt.Sprintf("连续%d年不低于 %s；政策只规定下限，最高为全额", it.Years, Percent(it.RateLow)),
			En: fmt.Sprintf("at least %s for %d years; the policy sets only the floor, so at most the whole of it", Percent(it.RateLow), it.Years),
		}}}
}

// caseByCase is an item with no figure to compute: 一事一议, "一定比例",
// "予以保障". Its min and max are absent; the reason says why.
func caseByCase(it *measures.Item) Line {
	return Line{Item: it, Binding: BindNone, Notes: []measures.Text{it.Reason}}
}

// Breakpoint returns the base from which the item's cap binds — cap ÷ rate
// for a rate item (at its top rate), the cap itself for a cap-only item with
// a base — rounded half-up to 0.01 yuan; nil where no base meets a cap.
func Breakpoint(it *measures.Item) *decimal.Decimal {
	if it.Cap == nil || it.Base == "" {
		return nil
	}
	switch it.Kind {
	case measures.FixedRate, measures.CeilingRate, measures.RateRange:
		return ptr(money(it.Cap.DivRound(it.RateHigh, 8)))
	case measures.CapOnly:
		return ptr(*it.Cap)
	}
	return nil
}
