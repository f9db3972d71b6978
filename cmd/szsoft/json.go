package main

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/measures"
)

// The JSON object of SPEC section 5. Every key is always present: absent
// figures are null, empty lists [], amounts strings with two decimals, rates
// exact decimal strings. It is written by hand, in the order of the spec,
// because batch writes tens of thousands of them and reflection is the
// slower half of encoding/json; json_test.go checks it against the schema.

// jsonError is a file that failed, in its place in batch output.
type jsonError struct {
	File  string        `json:"file"`
	Error jsonErrorBody `json:"error"`
}

type jsonErrorBody struct {
	Message string `json:"message"`
	Line    *int   `json:"line"`
	Column  *int   `json:"column"`
}

// appendAmount appends an amount as a JSON string, or null.
func appendAmount(b []byte, d *decimal.Decimal) []byte {
	if d == nil {
		return append(b, "null"...)
	}
	b = append(b, '"')
	b = calc.AppendYuan(b, *d)
	return append(b, '"')
}

// appendString appends s as a JSON string, escaped as encoding/json does
// without HTML escaping.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				b = append(b, '\\', c)
			case c == '\n':
				b = append(b, '\\', 'n')
			case c == '\r':
				b = append(b, '\\', 'r')
			case c == '\t':
				b = append(b, '\\', 't')
			case c == '\b':
				b = append(b, '\\', 'b')
			case c == '\f':
				b = append(b, '\\', 'f')
			case c < 0x20:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				b = append(b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// appendOptString appends s as a JSON string, or null when it is empty.
func appendOptString(b []byte, s string) []byte {
	if s == "" {
		return append(b, "null"...)
	}
	return appendString(b, s)
}

func appendTexts(b []byte, ts []measures.Text, lang string) []byte {
	b = append(b, '[')
	for i, t := range ts {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, t.In(lang))
	}
	return append(b, ']')
}

// appendResult appends the JSON object of one result, compact.
func appendResult(b []byte, r *report, lang string) []byte {
	res := r.res
	b = append(b, `{"file":`...)
	if r.file != nil {
		b = appendString(b, *r.file)
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"name":`...)
	b = appendOptString(b, res.Name)
	b = append(b, `,"applicant":`...)
	b = appendOptString(b, res.Applicant)
	b = append(b, `,"policy":`...)
	b = appendString(b, measures.Policy)
	b = append(b, `,"date":"`...)
	b = append(b, res.Date.String()...)
	b = append(b, `","eligible":`...)
	b = strconv.AppendBool(b, res.Eligible)
	b = append(b, `,"lines":[`...)
	for i, l := range res.Lines {
		if i > 0 {
			b = append(b, ',')
		}
		it := l.Item
		b = append(b, `{"id":`...)
		b = appendString(b, it.ID)
		b = append(b, `,"measure":`...)
		b = appendString(b, it.Measure)
		b = append(b, `,"clause":`...)
		b = appendString(b, it.Clause)
		b = append(b, `,"payer":"`...)
		b = append(b, it.Payer...)
		b = append(b, `","recipient":"`...)
		b = append(b, it.Recipient...)
		b = append(b, `","scope":"`...)
		b = append(b, it.Scope...)
		b = append(b, `","kind":"`...)
		b = append(b, it.Kind...)
		b = append(b, `","base":`...)
		b = appendAmount(b, l.Base)
		b = append(b, `,"rate":`...)
		if l.Rate != nil {
			b = appendString(b, l.Rate.String())
		} else {
			b = append(b, "null"...)
		}
		b = append(b, `,"computed":`...)
		b = appendAmount(b, l.Computed)
		b = append(b, `,"cap":`...)
		b = appendAmount(b, l.Cap)
		b = append(b, `,"min":`...)
		b = appendAmount(b, l.Min)
		b = append(b, `,"max":`...)
		b = appendAmount(b, l.Max)
		b = append(b, `,"binding":"`...)
		b = append(b, l.Binding...)
		b = append(b, `","excluded_by":`...)
		b = appendOptString(b, l.ExcludedBy)
		b = append(b, `,"received":null,"base_for_cap":null,"notes":`...)
		b = appendTexts(b, l.Notes, lang)
		b = append(b, '}')
	}
	b = append(b, `],"adjustments":[`...)
	for i, a := range res.Adjustments {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"id":`...)
		b = appendString(b, a.ID)
		b = append(b, `,"clause":`...)
		b = appendString(b, a.Clause)
		b = append(b, `,"amount":`...)
		b = appendAmount(b, &a.Amount)
		b = append(b, `,"note":`...)
		b = appendString(b, a.Note.In(lang))
		b = append(b, '}')
	}
	b = append(b, `],"total":`...)
	b = appendAmount(b, &res.Total)
	b = append(b, `,"cumulative_cap":`...)
	b = appendAmount(b, res.CumulativeCap)
	b = append(b, `,"district_match_limit":`...)
	b = appendAmount(b, res.DistrictMatchLimit)
	b = append(b, `,"district_match":`...)
	b = appendAmount(b, &res.DistrictMatch)
	in := res.Inputs
	b = append(b, `,"inputs":{"audited_investment":`...)
	b = appendAmount(b, in.AuditedInvestment)
	b = append(b, `,"national_funding":`...)
	b = appendAmount(b, in.NationalFunding)
	b = append(b, `,"provincial_funding":`...)
	b = appendAmount(b, in.ProvincialFunding)
	b = append(b, `,"other_city_funding":`...)
	b = appendAmount(b, in.OtherCityFunding)
	b = append(b, `,"district_ratio":`...)
	b = appendString(b, in.DistrictRatio.String())
	b = append(b, `,"cap_reading":`...)
	b = appendString(b, string(in.Reading))
	b = append(b, `,"same_kind":[`...)
	for i, s := range in.SameKind {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	b = append(b, `]},"warnings":`...)
	b = appendTexts(b, res.Warnings, lang)
	return append(b, '}')
}

// writeJSON writes one result and a newline: indented for json (each line
// after the first starting with prefix), on one line for jsonl.
func writeJSON(buf *bytes.Buffer, r *report, lang string, indent bool, prefix string) error {
	compact := appendResult(make([]byte, 0, 2048), r, lang)
	if !indent {
		buf.Write(compact)
		buf.WriteByte('\n')
		return nil
	}
	if err := json.Indent(buf, compact, prefix, "  "); err != nil {
		return err
	}
	buf.WriteByte('\n')
	return nil
}

// encodeJSON writes v and a newline; indented, each line after the first
// starts with prefix.
func encodeJSON(w io.Writer, v any, indent bool, prefix string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent(prefix, "  ")
	}
	return enc.Encode(v)
}
