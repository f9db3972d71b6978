package render

import (
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/measures"
)

// Every input a figure rests on is echoed in every form but csv and total
// (docs/contract.md §5): the amounts, rates, switches, choices and dates
// of each measure claimed, as given, so that a reviewer can redo each
// figure from the document alone.

// InputValue is one input of a claim, as given.
type InputValue struct {
	Measure *measures.Measure
	Input   measures.Input
	Amount  decimal.Decimal
	Rate    decimal.Decimal
	Switch  bool
	Choices []string
	Date    calc.Date
}

// ClaimInputs are the inputs the claim gives, in the measure's order.
func ClaimInputs(res *calc.Result, c calc.Claim) []InputValue {
	m, ok := res.Edition.Measure(c.Measure)
	if !ok {
		return nil
	}
	var out []InputValue
	for _, in := range m.Inputs {
		v := InputValue{Measure: m, Input: in}
		switch in.Kind {
		case measures.Amount:
			a, ok := c.Amounts[in.Name]
			if !ok {
				continue
			}
			v.Amount = a
		case measures.Rate:
			r, ok := c.Rates[in.Name]
			if !ok {
				continue
			}
			v.Rate = r
		case measures.Switch:
			b, ok := c.Switches[in.Name]
			if !ok {
				continue
			}
			v.Switch = b
		case measures.Choice, measures.Choices:
			if len(c.Choices[in.Name]) == 0 {
				continue
			}
			v.Choices = c.Choices[in.Name]
		case measures.Date:
			d, ok := c.Dates[in.Name]
			if !ok {
				continue
			}
			v.Date = d
		}
		out = append(out, v)
	}
	return out
}

// Value is the input's value in words: an amount in the reader's unit, a
// rate as a percentage, a switch as yes or no, a choice by its name in the
// reader's language (国家级 in Chinese, national in English).
func (v InputValue) Value(p msg.Printer) string {
	switch v.Input.Kind {
	case measures.Amount:
		return p.Money(v.Amount)
	case measures.Rate:
		return msg.Percent(v.Rate)
	case measures.Switch:
		if v.Switch {
			return p.S("label.yes")
		}
		return p.S("label.no")
	case measures.Choice, measures.Choices:
		names := make([]string, len(v.Choices))
		for i, c := range v.Choices {
			names[i] = ChoiceName(p, v.Input, c)
		}
		return strings.Join(names, p.S("label.comma"))
	case measures.Date:
		return v.Date.String()
	}
	return ""
}

// ChoiceName is a choice's value as the reader's language names it: in
// Chinese its first Chinese name (国家级, CMMI优化级), else its id.
func ChoiceName(p msg.Printer, in measures.Input, value string) string {
	if p.Zh() {
		if names := in.Aliases[value]; len(names) > 0 {
			return names[0]
		}
	}
	return value
}

// Label names the input: in Chinese by its words (一定时期内审定销售额), in
// English by its flag (--sales).
func (v InputValue) Label(p msg.Printer) string {
	if p.Zh() {
		return v.Input.Label()
	}
	return "--" + v.Input.Name
}

// AllInputs are every claim's inputs, a measure claimed with none
// (relocation) included with an empty list, in the order of the claims.
func AllInputs(res *calc.Result) [][]InputValue {
	out := make([][]InputValue, len(res.Claims))
	for i, c := range res.Claims {
		out[i] = ClaimInputs(res, c)
	}
	return out
}

// MeasureName names a measure in the reader's language: its Chinese title
// in Chinese (首版次软件), its name in English (first-version).
func MeasureName(p msg.Printer, m *measures.Measure) string {
	if p.Zh() {
		return m.Title.Zh
	}
	return m.Name
}

// annexGiven are the 附则 inputs given other than the date (amounts, the
// district's ratio, the all-levels switch), in the edition's order.
func annexGiven(res *calc.Result) []InputValue {
	var out []InputValue
	for _, in := range res.Edition.Supplementary.Inputs {
		v := InputValue{Input: in}
		switch in.Kind {
		case measures.Amount:
			a := res.Inputs.Amount(in.Name)
			if a == nil {
				continue
			}
			v.Amount = *a
		case measures.Rate:
			r, ok := res.Inputs.Rates[in.Name]
			if !ok {
				continue
			}
			v.Rate = r
		case measures.Switch:
			if !res.Inputs.Switches[in.Name] {
				continue
			}
			v.Switch = true
		default:
			continue
		}
		out = append(out, v)
	}
	return out
}

// sameKindOf is the measure's items (or the measure) declared already
// supported elsewhere, for the echo.
func sameKindOf(res *calc.Result, m *measures.Measure) []string {
	var out []string
	for _, s := range res.Inputs.SameKind {
		if s == m.Name || slices.ContainsFunc(m.Items, func(it *measures.Item) bool { return it.ID == s }) {
			out = append(out, s)
		}
	}
	return out
}
