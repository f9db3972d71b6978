package measures

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Validate checks that the edition is consistent with itself and with the
// policy text: every quotation stands in the policy, every input an item
// names exists with the right kind, rates lie in [0, 1], caps are positive,
// ids are unique. It returns every problem found, joined.
func (c *Edition) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	// Every phrase is in both languages, or in neither (a reason only a
	// case-by-case item has).
	halfTexts(c, func(where string) { bad("%s: a phrase in one language only", where) })
	itemNames := map[string]string{}
	for _, m := range c.Measures {
		for _, it := range m.Items {
			if other, dup := itemNames[it.Name]; dup && it.Name != "" {
				bad("item %s: Chinese name %q is %s's too", it.ID, it.Name, other)
			}
			itemNames[it.Name] = it.ID
		}
	}

	clauses := map[string]bool{}
	for _, cl := range c.Clauses {
		clauses[cl.Number] = true
		if !strings.Contains(c.Text, cl.Number+cl.Title.Zh) {
			bad("clause %s: title %q is not the policy's", cl.Number, cl.Title.Zh)
		}
		if c.ClauseText(cl.Number) == "" {
			bad("clause %s: no text found in the policy", cl.Number)
		}
	}
	if c.ID == "" || c.Policy == "" || c.Title == "" || c.Text == "" {
		bad("an edition needs an id, a policy, a title and its text")
	}
	if c.Supplementary.To.Before(c.Supplementary.From) {
		bad("附则: the window ends before it begins")
	}
	for _, in := range c.Supplementary.Inputs {
		if in.Help.En == "" || in.Help.Zh == "" {
			bad("附则: input --%s has no help", in.Name)
		}
	}
	for _, q := range []string{c.Supplementary.NoDoubleQuote, c.Supplementary.DistrictMatchQuote,
		c.Supplementary.CumulativeCapQuote, c.Supplementary.ValidityQuote} {
		if !strings.Contains(c.Text, q) {
			bad("附则: quotation %q is not in the policy", q)
		}
	}

	ids := map[string]bool{}
	names := map[string]bool{}
	for _, m := range c.Measures {
		if names[m.Name] {
			bad("measure %s: defined twice", m.Name)
		}
		names[m.Name] = true
		if len(m.Aliases) == 0 {
			bad("measure %s: no Chinese name", m.Name)
		}
	}
	// A name or alias names one measure only: a clerk's 开源 must not be
	// open-source one day and oss-project the next.
	spelled := map[string]string{}
	for _, m := range c.Measures {
		for _, a := range append([]string{m.Name}, m.Aliases...) {
			if other, ok := spelled[choiceKey(a)]; ok && other != m.Name {
				bad("measure %s: name %q is %s's too", m.Name, a, other)
			}
			spelled[choiceKey(a)] = m.Name
		}
	}
	for _, m := range c.Measures {
		if !clauses[m.Clause] {
			bad("measure %s: unknown clause %q", m.Name, m.Clause)
		}
		if len(m.Items) == 0 {
			bad("measure %s: no items", m.Name)
		}
		inputs := map[string]Input{}
		for _, in := range m.Inputs {
			if _, dup := inputs[in.Name]; dup {
				bad("measure %s: input --%s defined twice", m.Name, in.Name)
			}
			inputs[in.Name] = in
			if (in.Kind == Choice || in.Kind == Choices) != (len(in.Values) > 0) {
				bad("measure %s: input --%s: values go with choices only", m.Name, in.Name)
			}
			named := map[string]string{}
			for _, v := range in.Values {
				for _, a := range append([]string{v}, in.Aliases[v]...) {
					if other, ok := named[choiceKey(a)]; ok && other != v {
						bad("measure %s: input --%s: %q names %s and %s", m.Name, in.Name, a, other, v)
					}
					named[choiceKey(a)] = v
				}
			}
			for v := range in.Aliases {
				if !slices.Contains(in.Values, v) {
					bad("measure %s: input --%s: aliases of %q, not a value", m.Name, in.Name, v)
				}
			}
			if in.Help.En == "" || in.Help.Zh == "" {
				bad("measure %s: input --%s has no help", m.Name, in.Name)
			}
			if in.Kind == Amount && strings.Contains(in.Help.Zh, "元") {
				bad("measure %s: input --%s: the unit is the kind's to state, not the help's", m.Name, in.Name)
			}
		}
		used := map[string]bool{}
		need := func(it *Item, name string, kinds ...InputKind) {
			if name == "" {
				return
			}
			used[name] = true
			in, ok := inputs[name]
			if !ok {
				bad("item %s: names input --%s, which %s does not have", it.ID, name, m.Name)
			} else if !slices.Contains(kinds, in.Kind) {
				bad("item %s: input --%s is a %s", it.ID, name, in.Kind)
			}
		}
		for _, it := range m.Items {
			if ids[it.ID] {
				bad("item %s: defined twice", it.ID)
			}
			ids[it.ID] = true
			if it.ID != m.Name && !strings.HasPrefix(it.ID, m.Name+".") {
				bad("item %s: id does not start with its measure %s", it.ID, m.Name)
			}
			if !strings.Contains(c.Text, it.Quote) || it.Quote == "" {
				bad("item %s: quotation %q is not in the policy", it.ID, it.Quote)
			} else if !strings.Contains(c.ClauseText(m.Clause), it.Quote) {
				bad("item %s: quotation is not from clause %s", it.ID, m.Clause)
			}
			if it.Title.En == "" || it.Title.Zh == "" {
				bad("item %s: no title", it.ID)
			}
			for _, b := range it.BaseElse {
				if mname, input, ok := strings.Cut(b, "."); ok {
					if om, ok := c.Measure(mname); !ok {
						bad("item %s: base %s: no measure %s", it.ID, b, mname)
					} else if in, ok := om.Input(input); !ok || in.Kind != Amount {
						bad("item %s: base %s: no amount %s in %s", it.ID, b, input, mname)
					}
				} else if in, ok := c.Input(b); !ok || in.Kind != Amount {
					bad("item %s: base %s: no amount of the 附则", it.ID, b)
				}
			}
			// The ledger's class, and its words in the item's own quotation.
			if it.LedgerWords != "" && !strings.Contains(it.Quote, it.LedgerWords) {
				bad("item %s: %q is not in its quotation", it.ID, it.LedgerWords)
			}
			switch {
			case !slices.Contains(LedgerClasses, it.Ledger):
				bad("item %s: ledger class %q is none of %v", it.ID, it.Ledger, LedgerClasses)
			case it.Ledger != PerAward && it.LedgerWords == "":
				bad("item %s: ledger class %s without the words it rests on", it.ID, it.Ledger)
			case it.Ledger == Staged && it.Cap == nil && it.Kind != AmountRange:
				bad("item %s: staged without an overall amount", it.ID)
			case it.Ledger == OnceOnly && it.Kind != Tier && it.Kind != Milestone && it.Kind != CapOnly:
				bad("item %s: once only, of a kind the ledger does not know", it.ID)
			case it.Ledger == LimitedYears && (it.Kind != Floor || it.Years < 1):
				bad("item %s: limited years, but no years to count", it.ID)
			}
			if it.Name == "" {
				bad("item %s: no Chinese name", it.ID)
			}
			if it.Payer != Municipal && it.Payer != District {
				bad("item %s: unknown payer %q", it.ID, it.Payer)
			}
			if !slices.Contains(Recipients, it.Recipient) {
				bad("item %s: unknown recipient %q", it.ID, it.Recipient)
			}
			if it.Scope != ProjectScope && it.Scope != FirmScope {
				bad("item %s: unknown scope %q", it.ID, it.Scope)
			}
			if it.OneByOne && it.Kind != CaseByCase {
				bad("item %s: only a case-by-case item is 一事一议", it.ID)
			}
			need(it, it.Base, Amount)
			need(it, it.Claim, Switch, Choice, Choices)
			need(it, it.RateInput, Rate)
			need(it, it.Prior, Amount)
			need(it, it.HighestOnly, Switch)
			need(it, it.PerLevel, Switch)
			if it.Cap != nil && !it.Cap.IsPositive() {
				bad("item %s: cap must be positive", it.ID)
			}
			errs = append(errs, checkKind(it)...)
		}
		for name := range inputs {
			if !used[name] {
				bad("measure %s: input --%s feeds no item", m.Name, name)
			}
		}
		if m.Sides != nil {
			for _, id := range append(append([]string{}, m.Sides.A...), m.Sides.B...) {
				if it := itemOf(m, id); it == nil {
					bad("measure %s: side item %s is not one of its items", m.Name, id)
				}
			}
			if len(m.Sides.A) == 0 || len(m.Sides.B) == 0 {
				bad("measure %s: a side without items", m.Name)
			}
		}
	}
	for _, a := range c.Alternatives {
		computable := 0
		for _, id := range a.Items {
			it, ok := c.Item(id)
			if !ok {
				bad("alternative %v: no item %s", a.Items, id)
				continue
			}
			if it.Kind != CaseByCase {
				computable++
			}
		}
		if len(a.Items) < 2 || computable == 0 || a.Why.Zh == "" || a.Why.En == "" {
			bad("alternative %v: needs two items, one computable, and the reason", a.Items)
		}
		if a.Prefer != "" && !slices.Contains(a.Items, a.Prefer) {
			bad("alternative %v: prefers %s, not one of its items", a.Items, a.Prefer)
		}
		for _, id := range a.Items {
			if it, ok := c.Item(id); ok && a.Linked && it.Ledger != OncePerProject {
				bad("alternative %v: linked, but %s is not paid once per project", a.Items, id)
			}
		}
	}
	return errors.Join(errs...)
}

// halfTexts calls half with the place of every phrase of the edition
// that has words in one language and not the other.
func halfTexts(c *Edition, half func(string)) {
	check := func(t Text, format string, args ...any) {
		if (t.Zh == "") != (t.En == "") {
			half(fmt.Sprintf(format, args...))
		}
	}
	inputs := func(ins []Input, where string) {
		for _, in := range ins {
			check(in.Help, "%s input --%s: Help", where, in.Name)
		}
	}
	assumptions := func(as []Assumption, where string) {
		for i, a := range as {
			check(a.Text, "%s assumption %d: Text", where, i+1)
		}
	}
	for _, cl := range c.Clauses {
		check(cl.Title, "clause %s: Title", cl.Number)
		check(cl.Summary, "clause %s: Summary", cl.Number)
	}
	for _, m := range c.Measures {
		check(m.Title, "measure %s: Title", m.Name)
		check(m.Summary, "measure %s: Summary", m.Name)
		inputs(m.Inputs, "measure "+m.Name)
		assumptions(m.Assumptions, "measure "+m.Name)
		for _, it := range m.Items {
			check(it.Title, "item %s: Title", it.ID)
			check(it.Reason, "item %s: Reason", it.ID)
			for i, n := range it.Notes {
				check(n, "item %s: note %d", it.ID, i+1)
			}
			for _, st := range it.Tiers {
				check(st.Label, "item %s: tier %s: Label", it.ID, st.Key)
			}
		}
	}
	for i, a := range c.Alternatives {
		check(a.Why, "alternative %d: Why", i+1)
	}
	inputs(c.Supplementary.Inputs, "附则")
	assumptions(c.Supplementary.Assumptions, "附则")
}

func itemOf(m *Measure, id string) *Item {
	for _, it := range m.Items {
		if it.ID == id {
			return it
		}
	}
	return nil
}

func checkKind(it *Item) []error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("item %s (%s): "+format, append([]any{it.ID, it.Kind}, args...)...))
	}
	rates := func() {
		if it.RateLow.IsNegative() || it.RateLow.GreaterThan(it.RateHigh) || it.RateHigh.GreaterThan(amt("1")) || !it.RateHigh.IsPositive() {
			bad("rates must satisfy 0 <= low <= high <= 1, high > 0")
		}
		if it.Base == "" {
			bad("a rate needs a base")
		}
	}
	switch it.Kind {
	case FixedRate:
		rates()
		if !it.RateLow.Equal(it.RateHigh) || it.RateInput != "" {
			bad("a fixed rate has one rate and no rate input")
		}
	case CeilingRate:
		rates()
		if !it.RateLow.IsZero() || it.Cap == nil {
			bad("a ceiling rate starts at 0 and has a cap")
		}
	case RateRange:
		rates()
		if !it.RateLow.IsPositive() || it.Cap == nil {
			bad("a rate range has a positive bottom and a cap")
		}
	case CapOnly:
		if it.Cap == nil {
			bad("cap only needs a cap")
		}
	case Tier, Milestone:
		if len(it.Tiers) == 0 {
			bad("no tiers")
		}
		for i, t := range it.Tiers {
			if !t.Amount.IsPositive() {
				bad("tier amounts must be positive")
			}
			if (it.Kind == Milestone) != t.Threshold.IsPositive() || it.Kind == Milestone && i > 0 && !it.Tiers[i-1].Threshold.LessThan(t.Threshold) {
				bad("a milestone's tiers have rising thresholds, a tier's none")
			}
		}
		if it.Kind == Milestone && (it.Base == "" || it.Prior == "") {
			bad("a milestone needs a base and a prior peak")
		}
	case AmountRange:
		if !it.AmountLow.IsPositive() || it.AmountLow.GreaterThan(it.AmountHigh) {
			bad("an amount range needs 0 < low <= high")
		}
	case Floor:
		rates()
		if it.Years < 1 {
			bad("a floor needs a number of years")
		}
	case CaseByCase:
		if it.Reason.En == "" || it.Reason.Zh == "" {
			bad("case by case needs a reason")
		}
	default:
		bad("unknown kind")
	}
	if it.Kind != CaseByCase && it.Reason.En != "" {
		bad("only case-by-case items have a reason")
	}
	return errs
}
