package render

import (
	"bytes"
	"encoding/csv"
	"io"

	"github.com/shopspring/decimal"

	"szsoft/calc"
)

// bom makes Excel read the file as UTF-8, so that Chinese text shows.
const bom = "\uFEFF"

// csvHeader is the CSV's columns (docs/contract.md §5). The sum of max over a
// project's municipal rows is its total: line items, then the 附则
// adjustments; a failed file is a row of its own, with only file and error.
var csvHeader = []string{"file", "name", "applicant", "id", "measure", "clause", "recipient", "payer", "scope", "kind",
	"base", "rate", "computed", "cap", "min", "max", "binding", "excluded_by", "error"}

func plain(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return calc.Yuan(*d)
}

// csvForm writes a header row, then the rows of each project and of each
// failed file (docs/contract.md §5: csv).
type csvForm struct {
	w io.Writer
	o Options
}

func (f *csvForm) Begin() error {
	var buf bytes.Buffer
	if f.o.BOM {
		buf.WriteString(bom)
	}
	w := csv.NewWriter(&buf)
	_ = w.Write(csvHeader)
	w.Flush()
	_, err := f.w.Write(buf.Bytes())
	return err
}

// Chunk renders a project's rows: amounts as plain numbers with two
// decimals, empty cells for null; text cells from files guarded against
// formulas.
func (f *csvForm) Chunk(r *Report) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	res := r.Result
	head := []string{csvText(r.FileName()), csvText(res.Name), csvText(res.Applicant)}
	for _, l := range res.Lines {
		it := l.Item
		rate := ""
		if l.Rate != nil {
			rate = l.Rate.String()
		}
		_ = w.Write(append(head[:3:3], it.ID, it.Measure, it.Clause, string(it.Recipient), string(it.Payer), string(it.Scope), string(it.Kind.Public()),
			plain(l.Base), rate, plain(l.Computed), plain(l.Cap), plain(l.Min), plain(l.Max), string(l.Binding), l.ExcludedBy, ""))
	}
	for _, a := range res.Adjustments {
		amount := a.Amount
		_ = w.Write(append(head[:3:3], a.ID, "", a.Clause, "", "municipal", "project", "",
			"", "", "", "", "", plain(&amount), "", "", ""))
	}
	w.Flush()
	return buf.Bytes(), nil
}

func (f *csvForm) Add(r *Report, chunk []byte) error {
	if chunk == nil {
		chunk, _ = f.Chunk(r)
	}
	_, err := f.w.Write(chunk)
	return err
}

// Fail writes the row of a file that failed: only its file and error.
func (f *csvForm) Fail(fl Failure) error {
	text := fl.Message
	if where := fl.place(); where != "" {
		text = where + ": " + text
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	row := make([]string, len(csvHeader))
	row[0], row[len(row)-1] = csvText(fl.File), csvText(text)
	_ = w.Write(row)
	w.Flush()
	_, err := f.w.Write(buf.Bytes())
	return err
}

func (f *csvForm) End() error { return nil }
