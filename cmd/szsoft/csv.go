package main

import (
	"bytes"
	"encoding/csv"

	"github.com/shopspring/decimal"

	"szsoft/calc"
)

// bom makes Excel read the file as UTF-8, so that Chinese text shows.
const bom = "\uFEFF"

// csvHeader is the CSV's columns (SPEC section 5). The sum of max over a
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

// writeCSV writes the rows of the reports (SPEC section 5): amounts as plain
// numbers with two decimals, empty cells for null; text cells from files are
// guarded against formulas. header adds the byte-order mark and the header
// row.
func writeCSV(buf *bytes.Buffer, reps []*report, header bool) {
	w := csv.NewWriter(buf)
	if header {
		buf.WriteString(bom)
		_ = w.Write(csvHeader)
	}
	for _, r := range reps {
		file := ""
		if r.file != nil {
			file = *r.file
		}
		res := r.res
		head := []string{csvText(file), csvText(res.Name), csvText(res.Applicant)}
		for _, l := range res.Lines {
			it := l.Item
			rate := ""
			if l.Rate != nil {
				rate = l.Rate.String()
			}
			_ = w.Write(append(head[:3:3], it.ID, it.Measure, it.Clause, string(it.Recipient), string(it.Payer), string(it.Scope), string(it.Kind),
				plain(l.Base), rate, plain(l.Computed), plain(l.Cap), plain(l.Min), plain(l.Max), string(l.Binding), l.ExcludedBy, ""))
		}
		for _, a := range res.Adjustments {
			amount := a.Amount
			_ = w.Write(append(head[:3:3], a.ID, "", a.Clause, "", "municipal", "project", "",
				"", "", "", "", "", plain(&amount), "", "", ""))
		}
	}
	w.Flush()
}

// writeCSVError writes the row of a file that failed.
func writeCSVError(buf *bytes.Buffer, file, msg string) {
	w := csv.NewWriter(buf)
	row := make([]string, len(csvHeader))
	row[0], row[len(row)-1] = csvText(file), csvText(msg)
	_ = w.Write(row)
	w.Flush()
}
