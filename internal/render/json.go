package render

import (
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/measures"
)

// The JSON object of docs/contract.md ("Output"). Every key is always
// present: absent figures are null, empty lists [], amounts strings with two
// decimals in yuan, rates exact decimal strings. It is written by hand, in
// the order of the contract, because batch writes tens of thousands of them
// and reflection is the slower half of encoding/json.

// jsonForm writes json (one object; in batch an array) or jsonl (an object
// a line).
type jsonForm struct {
	w      io.Writer
	o      Options
	indent bool // json, not jsonl
	count  int
}

func (f *jsonForm) Begin() error {
	if f.indent && f.o.Many {
		_, err := io.WriteString(f.w, "[")
		return err
	}
	return nil
}

// Chunk renders one object: indented for json (in an array, each line after
// the first starting with two spaces), on one line for jsonl.
func (f *jsonForm) Chunk(r *Report) ([]byte, error) {
	bp := chunks.Get().(*[]byte)
	compact := appendResult((*bp)[:0], r, f.o.Printer.For(r.Result.Edition))
	if !f.indent {
		return append(compact, '\n'), nil
	}
	defer putChunk(compact)
	var buf bytes.Buffer
	if err := json.Indent(&buf, compact, f.prefix(), "  "); err != nil {
		return nil, err
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// chunks holds the buffers of rendered results from one result to the
// next: batch renders tens of thousands, and a buffer is written (copied)
// before it is handed back.
var chunks = sync.Pool{New: func() any { b := make([]byte, 0, 2048); return &b }}

func putChunk(b []byte) {
	if cap(b) <= 64<<10 {
		chunks.Put(&b)
	}
}

func (f *jsonForm) Add(r *Report, chunk []byte) error {
	if chunk == nil {
		var err error
		if chunk, err = f.Chunk(r); err != nil {
			return err
		}
	}
	err := f.write(chunk)
	putChunk(chunk)
	return err
}

func (f *jsonForm) Fail(fl Failure) error {
	rec := &jsonError{File: fl.File}
	rec.Error.Message = fl.Message
	if fl.Line > 0 {
		line, col := fl.Line, fl.Col
		rec.Error.Line, rec.Error.Column = &line, &col
	}
	return f.writeValue(rec)
}

// prefix is what begins each line of an element after its first: in a
// batch's json array, an indent.
func (f *jsonForm) prefix() string {
	if f.o.Many {
		return "  "
	}
	return ""
}

// writeValue encodes v (a failed file, an applicant) and puts it in its
// place.
func (f *jsonForm) writeValue(v any) error {
	var buf bytes.Buffer
	if err := EncodeJSON(&buf, v, f.indent, f.prefix()); err != nil {
		return err
	}
	return f.write(buf.Bytes())
}

// write puts one element in its place: in a json array after a comma and
// an indent, otherwise as it is.
func (f *jsonForm) write(elem []byte) error {
	if f.indent && f.o.Many {
		sep := ",\n  "
		if f.count == 0 {
			sep = "\n  "
		}
		elem = append([]byte(sep), bytes.TrimRight(elem, "\n")...)
	}
	f.count++
	_, err := f.w.Write(elem)
	return err
}

func (f *jsonForm) End() error {
	if f.indent && f.o.Many {
		end := "]\n"
		if f.count > 0 {
			end = "\n]\n"
		}
		_, err := io.WriteString(f.w, end)
		return err
	}
	return nil
}

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

func appendNotes(b []byte, ns []calc.Note, p msg.Printer) []byte {
	b = append(b, '[')
	for i, n := range ns {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, p.Note(n))
	}
	return append(b, ']')
}

// appendResult appends the JSON object of one result, compact. Amounts are
// always in yuan, whatever the printer's unit.
func appendResult(b []byte, r *Report, p msg.Printer) []byte {
	res := r.Result
	p.Unit = "yuan"
	b = append(b, `{"file":`...)
	if r.File != nil {
		b = appendString(b, *r.File)
	} else {
		b = append(b, "null"...)
	}
	b = append(b, `,"name":`...)
	b = appendOptString(b, res.Name)
	b = append(b, `,"applicant":`...)
	b = appendOptString(b, res.Applicant)
	b = append(b, `,"credit_code":`...)
	b = appendOptString(b, res.CreditCode)
	b = append(b, `,"preparer":`...)
	b = appendOptString(b, res.Preparer)
	b = append(b, `,"policy":`...)
	b = appendString(b, res.Edition.Policy)
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
		b = append(b, `","ledger":"`...)
		b = append(b, it.Ledger...)
		b = append(b, `","kind":"`...)
		b = append(b, it.Kind.Public()...)
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
		b = append(b, `,"received":`...)
		b = appendAmount(b, l.Received)
		b = append(b, `,"base_for_cap":`...)
		b = appendAmount(b, l.BaseForCap)
		b = append(b, `,"notes":`...)
		b = appendNotes(b, l.Notes, p)
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
		b = appendString(b, p.Note(a.Note))
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
	// grand_total: the municipal total, the district match and the
	// district-paid lines at their max — all the project can receive.
	grand := res.GrandTotal()
	b = append(b, `,"grand_total":`...)
	b = appendAmount(b, &grand)
	// inputs: the edition's 附则 amounts and rates as given, the reading
	// of the cap as chosen, the same-kind declarations.
	in := res.Inputs
	b = append(b, `,"inputs":{`...)
	for _, kind := range []measures.InputKind{measures.Amount, measures.Rate} {
		for _, an := range res.Edition.Supplementary.Inputs {
			if an.Kind != kind {
				continue
			}
			b = append(b, '"')
			b = append(b, an.Key()...)
			b = append(b, `":`...)
			if kind == measures.Amount {
				b = appendAmount(b, in.Amount(an.Name))
			} else {
				b = appendString(b, in.Rates[an.Name].String())
			}
			b = append(b, ',')
		}
	}
	b = append(b, `"cap_reading":`...)
	b = appendString(b, string(in.Reading))
	b = append(b, `,"same_kind":[`...)
	for i, s := range in.SameKind {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	b = append(b, `]},"claims":`...)
	b = appendClaims(b, res)
	b = append(b, `,"received_entries":[`...)
	for i, e := range res.Received {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"item":`...)
		b = appendString(b, e.Item)
		b = append(b, `,"amount":`...)
		b = appendAmount(b, &e.Amount)
		b = append(b, `,"date":"`...)
		b = append(b, e.DateOr(res.Date).String()...)
		b = append(b, `","payer":"`...)
		b = append(b, e.Payer...)
		b = append(b, `","level":`...)
		b = appendOptString(b, e.Level)
		b = append(b, '}')
	}
	b = append(b, `],"layers":[`...)
	for i, l := range res.Layers() {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, l)
	}
	b = append(b, `],"warnings":`...)
	b = appendNotes(b, res.Warnings, p)
	return append(b, '}')
}

// appendClaims appends the measures claimed, each with every input as
// given, by its TOML key: amounts as two-decimal strings, rates exact,
// switches as booleans, a choice by its id, repeatable choices as an
// array, dates as YYYY-MM-DD (docs/contract.md §5, claims).
func appendClaims(b []byte, res *calc.Result) []byte {
	b = append(b, '{')
	for i, c := range res.Claims {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, c.Measure)
		b = append(b, `:{`...)
		n := 0
		for _, e := range ClaimInputs(res, c) {
			if n > 0 {
				b = append(b, ',')
			}
			n++
			b = appendString(b, e.Input.Key())
			b = append(b, ':')
			switch e.Input.Kind {
			case measures.Amount:
				b = appendAmount(b, &e.Amount)
			case measures.Rate:
				b = appendString(b, e.Rate.String())
			case measures.Switch:
				b = strconv.AppendBool(b, e.Switch)
			case measures.Choice:
				b = appendString(b, e.Choices[0])
			case measures.Choices:
				b = append(b, '[')
				for j, v := range e.Choices {
					if j > 0 {
						b = append(b, ',')
					}
					b = appendString(b, v)
				}
				b = append(b, ']')
			case measures.Date:
				b = appendString(b, e.Date.String())
			}
		}
		b = append(b, '}')
	}
	return append(b, '}')
}

// EncodeJSON writes v and a newline; indented, each line after the first
// starts with prefix.
func EncodeJSON(w io.Writer, v any, indent bool, prefix string) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent(prefix, "  ")
	}
	return enc.Encode(v)
}
