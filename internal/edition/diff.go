package edition

import (
	"strings"

	"szsoft/measures"
)

// Change is one difference between two editions, or a layer and its base
// (docs/contract.md §10): an item (or a measure, or the edition's window)
// added, removed, or changed in one field.
type Change struct {
	Change  string `json:"change"` // added, removed, changed
	Measure string `json:"measure"`
	Item    string `json:"item"`
	Field   string `json:"field"`
	From    string `json:"from"`
	To      string `json:"to"`
}

// The kinds of change.
const (
	Added   = "added"
	Removed = "removed"
	Changed = "changed"
)

// DiffFields are the fields compared, in the order listed.
var DiffFields = []string{"kind", "rate", "cap", "tiers", "recipient", "scope", "ledger", "quote", "window"}

// Diff lists what changed from a to b: the editions' windows, then each
// measure and item in b's order after a's, added, removed or changed
// field by field. An edition stacked with a guide shows the guide's
// figures, words and application window as its items'.
func Diff(a, b *measures.Edition) []Change {
	var cs []Change
	if wa, wb := window(a.Supplementary.From, a.Supplementary.To), window(b.Supplementary.From, b.Supplementary.To); wa != wb {
		cs = append(cs, Change{Change: Changed, Field: "window", From: wa, To: wb})
	}
	for _, m := range a.Measures {
		if _, ok := b.Measure(m.Name); !ok {
			for _, it := range m.Items {
				cs = append(cs, Change{Change: Removed, Measure: m.Name, Item: it.ID})
			}
		}
	}
	for _, m := range b.Measures {
		am, had := a.Measure(m.Name)
		for _, it := range m.Items {
			var old *measures.Item
			if had {
				old = itemOf(am, it.ID)
			}
			if old == nil {
				cs = append(cs, Change{Change: Added, Measure: m.Name, Item: it.ID})
				continue
			}
			fa, fb := fields(old), fields(it)
			for _, f := range DiffFields {
				if fa[f] != fb[f] {
					cs = append(cs, Change{Change: Changed, Measure: m.Name, Item: it.ID, Field: f, From: fa[f], To: fb[f]})
				}
			}
		}
		if had {
			for _, it := range am.Items {
				if itemOf(m, it.ID) == nil {
					cs = append(cs, Change{Change: Removed, Measure: m.Name, Item: it.ID})
				}
			}
		}
	}
	return cs
}

func itemOf(m *measures.Measure, id string) *measures.Item {
	for _, it := range m.Items {
		if it.ID == id {
			return it
		}
	}
	return nil
}

func window(from, to measures.Day) string {
	if from.IsZero() && to.IsZero() {
		return ""
	}
	return from.String() + ".." + to.String()
}

// fields are an item's compared fields as text, a guide's rule applied.
func fields(it *measures.Item) map[string]string {
	f := map[string]string{
		"kind": string(it.Kind.Public()), "recipient": string(it.Recipient), "scope": string(it.Scope),
		"ledger": string(it.Ledger), "quote": it.Quote,
	}
	low, high := it.RateLow, it.RateHigh
	cap := it.Cap
	tiers := it.Tiers
	if g := it.Guide; g != nil {
		if l, h, ok := g.Rule.Rates(it); ok {
			low, high = l, h
		}
		if g.Rule.Cap != nil {
			cap = g.Rule.Cap
		}
		if len(g.Rule.Amounts) > 0 {
			tiers = g.Rule.Amounts
		}
		f["quote"] = g.Layer.Policy + "：" + g.Rule.Quote
		f["window"] = window(g.Rule.Opens, g.Rule.Closes)
	}
	switch {
	case it.Kind == measures.RateRange:
		f["rate"] = pct(low) + "-" + pct(high)
	case it.Kind.HasRate() || it.Kind == measures.Floor:
		f["rate"] = pct(high)
		if it.Kind == measures.Floor {
			f["rate"] = pct(low)
		}
	}
	if cap != nil {
		f["cap"] = wan(*cap)
	}
	if it.Kind == measures.AmountRange {
		f["cap"] = wan(it.AmountLow) + "-" + wan(it.AmountHigh)
	}
	var ts []string
	for _, t := range tiers {
		k := t.Key
		if !t.Threshold.IsZero() {
			k = wan(t.Threshold)
		}
		ts = append(ts, k+" "+wan(t.Amount))
	}
	f["tiers"] = strings.Join(ts, ", ")
	return f
}
