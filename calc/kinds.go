package calc

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// One home per rule kind (docs/contract.md §1.1): each kind is a
// type that computes the line of an item and knows the base at which its
// cap binds. The 附则 act on the lines afterwards.
type rule interface {
	// line computes the line of an item the claim names.
	line(it *measures.Item, c *Claim) (Line, error)
	// capBase is the base from which a cap binds, or nil.
	capBase(it *measures.Item, cap decimal.Decimal) *decimal.Decimal
}

var rules = map[measures.Kind]rule{
	measures.FixedRate:   rateRule{},
	measures.CeilingRate: rateRule{},
	measures.RateRange:   rateRule{},
	measures.CapOnly:     capOnlyRule{},
	measures.Tier:        tierRule{},
	measures.Milestone:   milestoneRule{},
	measures.AmountRange: amountRangeRule{},
	measures.Floor:       floorRule{},
	measures.CaseByCase:  caseRule{},
}

func ptr(d decimal.Decimal) *decimal.Decimal { return &d }

// money rounds half-up (四舍五入) to 0.01 yuan. Amounts are never negative
// here, so decimal's half-away-from-zero is half-up.
func money(d decimal.Decimal) decimal.Decimal { return d.Round(2) }

// noCapBase is the capBase of kinds whose cap no base reaches.
type noCapBase struct{}

func (noCapBase) capBase(*measures.Item, decimal.Decimal) *decimal.Decimal { return nil }

// rateRule applies the three rate kinds, which differ only in their range
// of rates [low, high]:
//
//   - fixed rate ("按…的30%"): low = high, min = max;
//   - ceiling rate ("按不超过…的50%"): low = 0, so min = 0;
//   - rate range ("20%－40%"): min at low, max at high.
//
// max = min(base × high, cap), min = min(base × low, cap), each rounded after
// the cap. A chosen rate must lie in [low, high]; the line is then computed at
// that rate alone, min = max.
type rateRule struct{}

func (rateRule) line(it *measures.Item, c *Claim) (Line, error) {
	base := c.Amounts[it.Base]
	low, high := it.RateLow, it.RateHigh
	l := Line{Base: ptr(base), Cap: it.Cap}
	if chosen, ok := c.Rates[it.RateInput]; ok && it.RateInput != "" {
		if chosen.LessThan(low) || chosen.GreaterThan(high) {
			ve := &ValueError{
				Field: it.RateInput, Value: chosen.Shift(2).String() + "%",
				Code: ErrRateOutside, Args: ArgsOf("item", item(it), "low", Rate(low), "high", Rate(high)),
				Hint: HintRateOutside, HintArgs: ArgsOf("clause", it.Clause, "item", item(it), "low", Rate(low), "high", Rate(high)),
			}
			if low.IsZero() {
				ve.Code, ve.Hint = ErrRateCeiling, HintRateCeiling
			}
			return Line{}, ve
		}
		low, high = chosen, chosen
		l.Notes = append(l.Notes, note(NoteChosenRate, "rate", Rate(chosen)))
	}
	top := base.Mul(high)
	l.Rate, l.Computed = ptr(high), ptr(money(top))
	l.Steps = append(l.Steps, note(StepRate, "base", Money(base), "rate", Rate(high), "product", Money(money(top))))
	max, binding := top, BindRate
	switch {
	case it.Cap == nil:
		l.Steps = append(l.Steps, note(StepNoCap, "result", Money(money(top))))
	case it.Cap.LessThan(top):
		max, binding = *it.Cap, BindCap
		l.Steps = append(l.Steps, note(StepCapAbove, "cap", Money(*it.Cap), "clause", it.Clause))
	case it.Cap.Equal(top):
		max, binding = *it.Cap, BindCap
		l.Steps = append(l.Steps, note(StepCapEqual, "cap", Money(*it.Cap), "clause", it.Clause))
	default:
		l.Steps = append(l.Steps, note(StepCapUnder, "cap", Money(*it.Cap), "result", Money(money(top))))
	}
	bottom := base.Mul(low)
	if it.Cap != nil && it.Cap.LessThan(bottom) {
		bottom = *it.Cap
	}
	l.Max, l.Min, l.Binding = ptr(money(max)), ptr(money(bottom)), binding
	if !l.Min.Equal(*l.Max) && !low.IsZero() { // "at most 30%" says the minimum is 0 already
		l.Steps = append(l.Steps, note(StepMin, "rate", Rate(low), "min", Money(*l.Min)))
	}
	if len(l.Notes) == 0 {
		switch it.Kind {
		case measures.CeilingRate:
			l.Notes = append(l.Notes, note(NoteCeilingRate, "rate", Rate(high)))
		case measures.RateRange:
			l.Notes = append(l.Notes, note(NoteRateRange, "low", Rate(low), "min", Money(*l.Min), "high", Rate(high)))
		}
	}
	return l, nil
}

func (rateRule) capBase(it *measures.Item, cap decimal.Decimal) *decimal.Decimal {
	if !it.RateHigh.IsPositive() {
		return nil
	}
	// Rounded up to the fen: the smallest base at which the cap is reached.
	return ptr(cap.DivRound(it.RateHigh, 8).RoundCeil(2))
}

// capOnlyRule applies a cap the policy states alone ("最高不超过500万元"):
// max = cap and min = 0. Where the item has a base, max = min(base, cap): a
// subsidy never exceeds what it pays for. A certification counts only from
// the level its scheme requires.
type capOnlyRule struct{}

func (capOnlyRule) line(it *measures.Item, c *Claim) (Line, error) {
	l := Line{Cap: it.Cap, Min: ptr(decimal.Zero), Max: ptr(*it.Cap), Binding: BindCap}
	if len(it.Levels) > 0 {
		ok, n, err := qualifies(it, c.Choices[it.Claim])
		if err != nil {
			return Line{}, err
		}
		l.Notes = append(l.Notes, n)
		if !ok {
			l.Max, l.Binding = ptr(decimal.Zero), BindNone
			l.Steps = append(l.Steps, n)
			l.warnings = append(l.warnings, n)
			return l, nil
		}
	}
	base, ok := c.Amounts[it.Base]
	switch {
	case !ok || it.Base == "":
		l.Steps = append(l.Steps, note(StepCapOnly, "cap", Money(*it.Cap)))
	case base.LessThan(*it.Cap):
		l.Base, l.Computed = ptr(base), ptr(money(base))
		l.Max, l.Binding = ptr(money(base)), BindBase
		l.Notes = append(l.Notes, note(NoteBoundByBase, "base", Money(base)))
		l.Steps = append(l.Steps, note(StepBaseBinds, "base", Money(base), "cap", Money(*it.Cap), "max", Money(money(base))))
	default:
		l.Base, l.Computed = ptr(base), ptr(money(base))
		l.Steps = append(l.Steps, note(StepBaseCapped, "base", Money(base), "cap", Money(*it.Cap)))
	}
	return l, nil
}

func (capOnlyRule) capBase(_ *measures.Item, cap decimal.Decimal) *decimal.Decimal { return ptr(cap) }

// qualifies reads a certification such as "cmmi-5" and says whether its level
// reaches the one its scheme requires (（十四）: CMMI, CSMM 四级及以上).
func qualifies(it *measures.Item, choices []string) (bool, Note, error) {
	if len(choices) != 1 {
		return false, Note{}, &ValueError{Field: it.Claim, Code: ErrOneCert}
	}
	v := choices[0]
	if it.Other != "" && v == it.Other {
		return true, note(NoteCertOther), nil
	}
	scheme, level, _ := strings.Cut(v, "-")
	n, err := strconv.Atoi(level)
	for _, rule := range it.Levels {
		if rule.Scheme != scheme || err != nil || n < 1 || n > 5 {
			continue
		}
		switch {
		case rule.MinLevel <= 1:
			return true, note(NoteCertNoLevel, "scheme", rule.Label, "level", n), nil
		case n >= rule.MinLevel:
			return true, note(NoteCertOK, "scheme", rule.Label, "level", n, "min", rule.MinLevel), nil
		default:
			return false, note(NoteCertBelow, "scheme", rule.Label, "level", n, "min", rule.MinLevel), nil
		}
	}
	return false, Note{}, choiceErr(it.Claim, v, certValues(it))
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
	ve := ChoiceError(v, valid, nil)
	ve.Field = field
	return ve
}

// hasNumeral reports whether s writes a number other than in ASCII digits
// (٥, ⁵, 十, 伍).
func hasNumeral(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && (unicode.IsNumber(r) || strings.ContainsRune("零一二三四五六七八九十壹贰叁肆伍陆柒捌玖拾", r)) {
			return true
		}
	}
	return false
}

// letters is s without its digits.
func letters(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, s)
}

// ChoiceList is the valid values of a choice, an argument of a hint: shown
// with their other names where the reader's language has them (national（国家级）).
type ChoiceList struct {
	Values  []string
	Aliases measures.Aliases
}

// ChoiceError is the error of s, which names none of values: the valid
// values, and the nearest one where s looks like a misspelling of it.
func ChoiceError(s string, values []string, aliases measures.Aliases) *ValueError {
	ve := &ValueError{Value: Shorten(s), Code: ErrChoice, Hint: HintChoice, HintArgs: ArgsOf("valid", ChoiceList{values, aliases})}
	// cmmi-7 is not a misspelling of cmmi-1, nor CMMI十级: a suggestion that
	// changes only a number, or guesses at one, is no suggestion.
	if near := measures.Suggest(strings.ToLower(s), values); near != "" && letters(near) != letters(strings.ToLower(s)) && !hasNumeral(s) {
		ve.Hint = HintChoiceNear
		ve.HintArgs.Set("near", near)
	}
	return ve
}

// tierRule picks an amount by category (park level, standard level).
// Several categories (a repeatable input) add up in one line, each listed in
// the notes; PerLevel counts each category once. "给予…奖励" makes min = max;
// "不超过" (UpTo) makes min = 0.
type tierRule struct{ noCapBase }

func (tierRule) line(it *measures.Item, c *Claim) (Line, error) {
	choices := c.Choices[it.Claim]
	if it.Most > 0 && len(choices) > it.Most {
		return Line{}, &ValueError{Field: it.Claim, Value: strconv.Itoa(len(choices)),
			Code: ErrTooMany, Args: ArgsOf("most", it.Most), Hint: HintTooMany}
	}
	sum := decimal.Zero
	var notes []Note
	if c.Switches[it.PerLevel] && it.PerLevel != "" {
		var once []string
		for _, v := range choices {
			if !slices.Contains(once, v) {
				once = append(once, v)
			}
		}
		if len(once) < len(choices) {
			notes = append(notes, note(NotePerLevel))
		}
		choices = once
	}
	for _, v := range choices {
		i := slices.IndexFunc(it.Tiers, func(s measures.Step) bool { return s.Key == v })
		if i < 0 {
			keys := make([]string, len(it.Tiers))
			for i, s := range it.Tiers {
				keys[i] = s.Key
			}
			return Line{}, choiceErr(it.Claim, v, keys)
		}
		step := it.Tiers[i]
		sum = sum.Add(step.Amount)
		code := NoteTierStep
		if it.UpTo {
			code = NoteTierUpTo
		}
		notes = append(notes, note(code, "label", step.Label, "amount", Money(step.Amount)))
	}
	l := Line{Computed: ptr(sum), Max: ptr(sum), Min: ptr(sum), Binding: BindNone, Notes: notes, Steps: notes}
	if it.UpTo {
		l.Min = ptr(decimal.Zero)
	}
	return l, nil
}

// milestoneRule pays the tiers a revenue reaches for the first time: a tier
// t is reached when prior < t <= revenue (（十二）: 首次达到). Tiers reached in
// the same year add up, unless only the highest is to be paid. When a tier
// is paid and no prior peak was given, 首次达到 was taken on trust: a
// warning says so.
type milestoneRule struct{ noCapBase }

func (milestoneRule) line(it *measures.Item, c *Claim) (Line, error) {
	revenue, prior := c.Amounts[it.Base], c.Amounts[it.Prior]
	var reached []measures.Step
	for _, s := range it.Tiers {
		if prior.LessThan(s.Threshold) && s.Threshold.LessThanOrEqual(revenue) {
			reached = append(reached, s)
		}
	}
	var notes []Note
	if c.Switches[it.HighestOnly] && len(reached) > 1 {
		notes = append(notes, note(NoteHighestOnly))
		reached = reached[len(reached)-1:]
	}
	sum := decimal.Zero
	for _, s := range reached {
		sum = sum.Add(s.Amount)
		notes = append(notes, note(NoteReached, "label", s.Label, "amount", Money(s.Amount)))
	}
	if len(reached) == 0 {
		notes = append(notes, note(NoteNotReached, "prior", Money(prior)))
	}
	l := Line{Base: ptr(revenue), Computed: ptr(sum), Min: ptr(sum), Max: ptr(sum), Binding: BindNone, Notes: notes, Steps: notes}
	if len(reached) > 0 && !c.Given(it.Prior) {
		first := note(NoteFirstAssumed, "input", it.Prior)
		l.Notes = append(l.Notes, first)
		l.warnings = append(l.warnings, first)
	}
	return l, nil
}

// amountRangeRule is "1000万元以上、1亿元以下": both ends included.
type amountRangeRule struct{ noCapBase }

func (amountRangeRule) line(it *measures.Item, _ *Claim) (Line, error) {
	n := note(NoteBothEnds, "low", Money(it.AmountLow), "high", Money(it.AmountHigh))
	return Line{Min: ptr(it.AmountLow), Max: ptr(it.AmountHigh), Binding: BindNone, Notes: []Note{n}, Steps: []Note{n}}, nil
}

// floorRule is "不低于50%" over a number of years: min = floor × base ×
// years; the policy sets no ceiling, so max is the whole base over those
// years.
type floorRule struct{ noCapBase }

func (floorRule) line(it *measures.Item, c *Claim) (Line, error) {
	base := c.Amounts[it.Base]
	years := decimal.NewFromInt(int64(it.Years))
	min := money(base.Mul(it.RateLow).Mul(years))
	max := money(base.Mul(it.RateHigh).Mul(years))
	return Line{Base: ptr(base), Rate: ptr(it.RateLow), Computed: ptr(min), Min: ptr(min), Max: ptr(max), Binding: BindNone,
		Notes: []Note{note(NoteFloor, "rate", Rate(it.RateLow), "years", it.Years)},
		Steps: []Note{note(StepFloor, "base", Money(base), "rate", Rate(it.RateLow), "years", it.Years, "min", Money(min), "max", Money(max))},
	}, nil
}

// caseRule is an item with no figure to compute: 一事一议, "一定比例",
// "予以保障". Its min and max are absent; the policy's own words say why.
type caseRule struct{ noCapBase }

func (caseRule) line(it *measures.Item, _ *Claim) (Line, error) {
	n := note(NoteReason, "text", it.Reason)
	return Line{Binding: BindNone, Notes: []Note{n}, Steps: []Note{n}}, nil
}
