package main

import (
	"bytes"
	"encoding/json"

	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/measures"
)

// The JSON object of SPEC section 5. Every key is always present: absent
// figures are null, empty lists [], amounts strings with two decimals, rates
// exact decimal strings.

type jsonLine struct {
	ID       string   `json:"id"`
	Measure  string   `json:"measure"`
	Clause   string   `json:"clause"`
	Payer    string   `json:"payer"`
	Kind     string   `json:"kind"`
	Base     *string  `json:"base"`
	Rate     *string  `json:"rate"`
	Computed *string  `json:"computed"`
	Cap      *string  `json:"cap"`
	Min      *string  `json:"min"`
	Max      *string  `json:"max"`
	Binding  string   `json:"binding"`
	Notes    []string `json:"notes"`
}

type jsonAdjustment struct {
	ID     string `json:"id"`
	Clause string `json:"clause"`
	Amount string `json:"amount"`
	Note   string `json:"note"`
}

type jsonResult struct {
	File               *string          `json:"file"`
	Name               *string          `json:"name"`
	Policy             string           `json:"policy"`
	Date               string           `json:"date"`
	Eligible           bool             `json:"eligible"`
	Lines              []jsonLine       `json:"lines"`
	Adjustments        []jsonAdjustment `json:"adjustments"`
	Total              string           `json:"total"`
	CumulativeCap      *string          `json:"cumulative_cap"`
	DistrictMatchLimit *string          `json:"district_match_limit"`
	DistrictMatch      string           `json:"district_match"`
	Warnings           []string         `json:"warnings"`
}

func amount(d *decimal.Decimal) *string {
	if d == nil {
		return nil
	}
	s := calc.Yuan(*d)
	return &s
}

func texts(ts []measures.Text, lang string) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.In(lang)
	}
	return out
}

func toJSON(r *report, lang string) *jsonResult {
	res := r.res
	j := &jsonResult{
		File:          r.file,
		Policy:        measures.Policy,
		Date:          res.Date.String(),
		Eligible:      res.Eligible,
		Lines:         make([]jsonLine, len(res.Lines)),
		Adjustments:   make([]jsonAdjustment, len(res.Adjustments)),
		Total:         calc.Yuan(res.Total),
		CumulativeCap: amount(res.CumulativeCap),
		DistrictMatch: calc.Yuan(res.DistrictMatch),
		Warnings:      texts(res.Warnings, lang),
	}
	j.DistrictMatchLimit = amount(res.DistrictMatchLimit)
	if res.Name != "" {
		name := res.Name
		j.Name = &name
	}
	for i, l := range res.Lines {
		jl := jsonLine{
			ID: l.Item.ID, Measure: l.Item.Measure, Clause: l.Item.Clause,
			Payer: string(l.Item.Payer), Kind: string(l.Item.Kind),
			Base: amount(l.Base), Computed: amount(l.Computed), Cap: amount(l.Cap),
			Min: amount(l.Min), Max: amount(l.Max),
			Binding: string(l.Binding), Notes: texts(l.Notes, lang),
		}
		if l.Rate != nil {
			rate := l.Rate.String()
			jl.Rate = &rate
		}
		j.Lines[i] = jl
	}
	for i, a := range res.Adjustments {
		j.Adjustments[i] = jsonAdjustment{ID: a.ID, Clause: a.Clause, Amount: calc.Yuan(a.Amount), Note: a.Note.In(lang)}
	}
	return j
}

// writeJSON writes one result: indented for json, on one line for jsonl.
func writeJSON(buf *bytes.Buffer, r *report, lang string, indent bool) error {
	return encodeJSON(buf, toJSON(r, lang), indent)
}

func encodeJSON(buf *bytes.Buffer, v any, indent bool) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(v)
}
