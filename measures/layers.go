package measures

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Layers (docs/contract.md §10): a file with extends is a layer on an
// edition — a guide that narrows items of its base, or a district's own
// measures — computed together with it. Stack makes the edition a project
// is computed under: the base's measures and items (copies: the base
// stays as it is), each item a guide speaks of with the guide's rule, the
// district's measures after the base's, each with its layer.

// Stack returns base stacked with its layers, at most one of each kind,
// each valid on base (ValidateLayer).
func Stack(base *Edition, layers ...*Edition) *Edition {
	e := *base
	e.Measures = nil
	for _, m := range base.Measures {
		e.Measures = append(e.Measures, cloneMeasure(m, m.Source))
	}
	e.Alternatives = slices.Clone(base.Alternatives)
	e.Layers = slices.Clone(base.Layers)
	for _, k := range LayerKinds {
		for _, l := range layers {
			if l.Kind != k {
				continue
			}
			e.Layers = append(e.Layers, l)
			if k == DistrictLayer {
				for _, m := range l.Measures {
					e.Measures = append(e.Measures, cloneMeasure(m, l))
				}
				e.Alternatives = append(e.Alternatives, l.Alternatives...)
			}
		}
	}
	ed := NewEdition(e)
	for _, m := range ed.Measures {
		if m.Source != nil {
			for _, it := range m.Items {
				// 测试区工信〔2026〕2号（一）: a clause of the district's
				// document, not the base's （一）.
				it.Clause = m.Source.Policy + m.Clause
			}
		}
	}
	for _, l := range ed.Layers {
		for _, r := range l.Guide {
			if it, ok := ed.items[r.Item]; ok {
				it.Guide = &AppliedGuide{Layer: l, Rule: r}
			}
		}
	}
	return ed
}

func cloneMeasure(m *Measure, source *Edition) *Measure {
	c := *m
	c.Source = source
	c.Items = make([]*Item, len(m.Items))
	for i, it := range m.Items {
		ic := *it
		c.Items[i] = &ic
	}
	return &c
}

// ValidateLayer checks a layer against the edition it extends: its kind,
// a guide's rules (items of the base, its words in its own text, no
// figure above the base's), a district's measures (paid by the district,
// no name or id of the base's). It returns every problem, as Problems
// with paths in the layer's file, or nil. The layer's own consistency is
// Validate's.
func (l *Edition) ValidateLayer(base *Edition) error {
	var ps Problems
	bad := func(path []string, zh, en string, args ...any) {
		ps = append(ps, Problem{Path: path, Msg: fmt.Sprintf(en, args...), Zh: fmt.Sprintf(zh, args...)})
	}
	head := []string{"edition"}
	switch {
	case !slices.Contains(LayerKinds, l.Kind):
		bad(join(head, "kind"), "层的类型 %q 不是 guide（申报指南、操作规程）或 district（区级措施）", "layer kind %q is neither guide nor district", l.Kind)
	case l.Extends != base.ID:
		bad(join(head, "extends"), "extends = %q，而不是 %s", "extends %q, not %s", l.Extends, base.ID)
	}
	switch l.Kind {
	case GuideLayer:
		for i := range l.Measures {
			bad(at("measure", i), "申报指南不增加措施或事项：只能收紧基础版本的事项（[[item]]）", "a guide adds no measure or item: it narrows its base's items ([[item]])")
		}
		seen := map[string]bool{}
		for k, r := range l.Guide {
			p := at("item", k)
			it, ok := base.Item(r.Item)
			if !ok {
				bad(join(p, "id"), "%s 没有事项 %q", "%s has no item %q", base.ID, r.Item)
				continue
			}
			if seen[r.Item] {
				bad(join(p, "id"), "事项 %s 重复", "item %s given twice", r.Item)
			}
			seen[r.Item] = true
			validateGuideRule(l, base, it, r, p, bad)
		}
		if len(l.Guide) == 0 {
			bad(head, "申报指南没有任何 [[item]]", "a guide without any [[item]]")
		}
	case DistrictLayer:
		spelled := map[string]string{}
		for _, m := range base.Measures {
			for _, a := range append([]string{m.Name}, m.Aliases...) {
				spelled[choiceKey(a)] = m.Name
			}
		}
		for i, m := range l.Measures {
			mp := at("measure", i)
			for _, a := range append([]string{m.Name}, m.Aliases...) {
				if other, ok := spelled[choiceKey(a)]; ok {
					bad(join(mp, "name"), "措施 %s：名称 %q 已是 %s 的措施 %s 的名称", "measure %s: name %q is %s's measure %s too", m.Name, a, base.ID, other)
				}
			}
			// Its inputs are flags beside the base's 附则's, and keys
			// beside them in a project file: none may be one of them.
			for n, in := range m.Inputs {
				if _, ok := base.Input(in.Name); ok {
					bad(join(mp, "inputs", "["+strconv.Itoa(n)+"]", "name"), "措施 %s：输入 --%s 已是 %s 附则的输入", "measure %s: input --%s is %s's 附则's too", m.Name, in.Name, base.ID)
				}
			}
			if _, ok := base.Input(m.Name); ok {
				bad(join(mp, "name"), "措施名 %s 已是 %s 附则的输入", "measure name %s is an input of %s's 附则", m.Name, base.ID)
			}
			for j, it := range m.Items {
				p := join(mp, "item", "["+strconv.Itoa(j)+"]")
				if _, ok := base.Item(it.ID); ok {
					bad(join(p, "id"), "事项 %s 已是 %s 的事项", "item %s is %s's too", it.ID, base.ID)
				}
				if it.Payer != District {
					bad(join(p, "payer"), "事项 %s：区级措施的事项由区支付（payer = \"district\"）", "item %s: a district's item is paid by the district (payer = \"district\")", it.ID)
				}
			}
		}
		for k, r := range l.Annex {
			if r.Kind != AnnexWindow && r.Kind != AnnexNoDouble && r.Kind != AnnexNote {
				bad(join(at("annex", k), "kind"), "区级措施的附则只能有 window、no-double、note 三类规则（累计资助上限和区级配套是基础版本的）",
					"a district's 附则 has rules of kind window, no-double or note only (the cumulative cap and the match are its base's)")
			}
		}
	}
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// validateGuideRule checks one rule of a guide on the base's item it.
func validateGuideRule(l, base *Edition, it *Item, r GuideRule, p []string, bad func([]string, string, string, ...any)) {
	if r.Quote == "" || !strings.Contains(l.Text, r.Quote) {
		bad(join(p, "quote"), "事项 %s：引文 %q 未逐字出现在本指南的原文中", "item %s: quotation %q is not in the guide's text, word for word", r.Item, r.Quote)
	}
	more := func(path []string, got, base decimal.Decimal) {
		bad(path, "事项 %s：%s 高于基础版本的 %s：申报指南只能收紧，不能多给", "item %s: %s is above the base's %s: a guide narrows, it never pays more",
			r.Item, got.String(), base.String())
	}
	if low, high, ok := r.Rates(it); ok {
		switch {
		case !it.Kind.HasRate():
			bad(join(p, "rate"), "事项 %s（%s）没有比例可改", "item %s (%s) has no rate to lower", r.Item, it.Kind)
		case high.GreaterThan(it.RateHigh):
			more(join(p, "rate"), high, it.RateHigh)
		case low.LessThan(it.RateLow) || low.GreaterThan(high) || !high.IsPositive():
			bad(join(p, "rate"), "事项 %s：比例须在基础版本的 %s 至 %s 之内", "item %s: the rates lie within the base's %s to %s", r.Item, it.RateLow, it.RateHigh)
		}
	}
	if r.Cap != nil {
		switch {
		case !r.Cap.IsPositive():
			bad(join(p, "cap"), "事项 %s：上限须大于0", "item %s: cap must be positive", r.Item)
		case it.Cap != nil && r.Cap.GreaterThan(*it.Cap):
			more(join(p, "cap"), *r.Cap, *it.Cap)
		}
	}
	if len(r.Amounts) > 0 {
		in, ok := inputOf(base, it, r.Input)
		if !ok || (in.Kind != Choice && in.Kind != Choices) {
			bad(join(p, "input"), "事项 %s：按取值给出金额须指明一个取值类输入（input）", "item %s: amounts per value need a choice input (input)", r.Item)
		}
		for n, st := range r.Amounts {
			tp := join(p, "tiers", "["+strconv.Itoa(n)+"]")
			if ok && !slices.Contains(in.Values, st.Key) {
				bad(join(tp, "key"), "事项 %s：%q 不是 --%s 的取值（%s）", "item %s: %q is no value of --%s (%s)", r.Item, st.Key, in.Name, strings.Join(in.Values, ", "))
				continue
			}
			if !st.Amount.IsPositive() {
				bad(join(tp, "amount"), "事项 %s：金额须大于0", "item %s: amounts must be positive", r.Item)
			} else if top, capped := baseFigure(it, st.Key); capped && st.Amount.GreaterThan(top) {
				more(join(tp, "amount"), st.Amount, top)
			}
		}
	}
	if !r.Opens.IsZero() && !r.Closes.IsZero() && r.Closes.Before(r.Opens) {
		bad(join(p, "closes"), "事项 %s：申报截止日早于开始日", "item %s: the application window closes before it opens", r.Item)
	}
	for n, t := range append(slices.Clone(r.Notes), r.Documents...) {
		if (t.Zh == "") != (t.En == "") || t.Zh == "" {
			key := "notes"
			if n >= len(r.Notes) {
				key, n = "documents", n-len(r.Notes)
			}
			bad(join(p, key, "["+strconv.Itoa(n)+"]"), "只有一种语言：中文和英文须同时给出", "a phrase in one language only")
		}
	}
}

// Rates are the rates the rule gives the item: one rate lowers a fixed
// rate (both ends), a ceiling's top, or a range's top (its bottom kept,
// or lowered to it); two are a range's ends. ok is false when the rule
// gives none.
func (r GuideRule) Rates(it *Item) (low, high decimal.Decimal, ok bool) {
	if r.RateHigh == nil {
		return decimal.Decimal{}, decimal.Decimal{}, false
	}
	high = *r.RateHigh
	switch {
	case r.RateLow != nil:
		low = *r.RateLow
	case it.Kind == FixedRate:
		low = high
	default:
		low = decimal.Min(it.RateLow, high)
	}
	return low, high, true
}

// inputOf is the input a guide's amounts are keyed by: name, else the
// item's claim, of the item's measure in base.
func inputOf(base *Edition, it *Item, name string) (Input, bool) {
	if name == "" {
		name = it.Claim
	}
	m, ok := base.Measure(it.Measure)
	if !ok || name == "" {
		return Input{}, false
	}
	return m.Input(name)
}

// baseFigure is the most the base pays an item for the value v of its
// input: a tier's amount, else its cap; capped is false where the base
// sets no figure.
func baseFigure(it *Item, v string) (decimal.Decimal, bool) {
	for _, st := range it.Tiers {
		if st.Key == v {
			return st.Amount, true
		}
	}
	if it.Cap != nil {
		return *it.Cap, true
	}
	return decimal.Decimal{}, false
}
