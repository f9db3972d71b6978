package calc

import (
	"slices"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// Layers (docs/contract.md §10). A guide narrows items of its base: the
// line of an item it speaks of is computed with the guide's rate or cap,
// and a value of the item's input the guide gives an amount for takes it
// as the line's cap (a tier's amount, for a tier); the kind is unchanged,
// and the line cites the guide's words. Outside the guide's own window the
// base's rule stands; outside its application window nothing changes but
// a note and a warning. A district's items are lines of their own,
// windowed by the district's document and sharing the 附则's headroom.

// guided is the item as the guide on it has it for the claim, with the
// notes that cite the guide, and the warnings.
func guided(it *measures.Item, c *Claim, date Date) (*measures.Item, []Note, []Note) {
	g := it.Guide
	if g == nil {
		return it, nil, nil
	}
	doc, s := g.Layer.Policy, g.Layer.Supplementary
	if !g.Layer.InWindow(date) {
		n := note(NoteGuideOutside, "document", doc, "from", s.From, "to", s.To)
		return it, []Note{n}, []Note{note(WarnGuideOutside, "item", item(it), "document", doc, "from", s.From, "to", s.To)}
	}
	gi := *it
	notes := []Note{note(NoteGuide, "document", doc, "quote", g.Rule.Quote, "clause", it.Clause)}
	var warnings []Note
	if low, high, ok := g.Rule.Rates(it); ok {
		gi.RateLow, gi.RateHigh = low, high
	}
	if g.Rule.Cap != nil {
		gi.Cap = g.Rule.Cap
	}
	input := g.Rule.Input
	if input == "" {
		input = it.Claim
	}
	if vs := c.Choices[input]; len(vs) > 0 && len(g.Rule.Amounts) > 0 {
		for _, v := range vs {
			amount, ok := g.AmountFor(v)
			if !ok {
				continue // a value the guide omits: the base's rule
			}
			if len(gi.Tiers) > 0 {
				gi.Tiers = slices.Clone(gi.Tiers)
				for i := range gi.Tiers {
					if gi.Tiers[i].Key == v {
						gi.Tiers[i].Amount = amount
					}
				}
			}
			if len(vs) == 1 && (gi.Cap != nil || len(gi.Tiers) == 0) {
				gi.Cap = ptr(decimal.Min(amount, capOr(gi.Cap, amount)))
			}
			notes = append(notes, note(NoteGuideAmount, "document", doc, "value", g.LabelFor(v), "amount", Money(amount)))
		}
	}
	for _, n := range g.Rule.Notes {
		notes = append(notes, note(NoteItem, "text", n))
	}
	if r := g.Rule; !r.Opens.IsZero() && date.Before(r.Opens) || !r.Closes.IsZero() && r.Closes.Before(date) {
		notes = append(notes, note(NoteGuideWindow, "document", doc, "opens", r.Opens, "closes", r.Closes))
		warnings = append(warnings, note(WarnGuideWindow, "item", item(it), "document", doc, "opens", r.Opens, "closes", r.Closes))
	}
	return &gi, notes, warnings
}

func capOr(c *decimal.Decimal, d decimal.Decimal) decimal.Decimal {
	if c == nil {
		return d
	}
	return *c
}

// layerOf is the district layer a line is of, or nil for the edition's
// own.
func layerOf(ed *measures.Edition, l *Line) *measures.Edition {
	if m, ok := ed.Measure(l.Item.Measure); ok {
		return m.Source
	}
	return nil
}

// LayerPaid is the sum of the lines of district layers, at their max.
func (r *Result) LayerPaid() decimal.Decimal {
	sum := decimal.Zero
	for i := range r.Lines {
		if l := &r.Lines[i]; layerOf(r.Edition, l) != nil && l.Max != nil {
			sum = sum.Add(*l.Max)
		}
	}
	return sum
}
