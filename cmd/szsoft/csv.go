package main

import (
	"bytes"
	"encoding/csv"

	"github.com/shopspring/decimal"

	"szsoft/calc"
)

// bom makes Excel read the file as UTF-8, so that Chinese text shows.
const bom = "\uFEFF"

var csvHeader = []string{"file", "id", "clause", "payer", "base", "rate", "min", "max", "binding"}

func plain(d *decimal.Decimal) string {
	if d == nil {
		return ""
	}
	return calc.Yuan(*d)
}

// writeCSV writes one row per line item (SPEC section 5): amounts as plain
// numbers with two decimals, empty cells for null. header adds the byte-order
// mark and the header row.
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
		for _, l := range r.res.Lines {
			rate := ""
			if l.Rate != nil {
				rate = l.Rate.String()
			}
			_ = w.Write([]string{file, l.Item.ID, l.Item.Clause, string(l.Item.Payer), plain(l.Base), rate, plain(l.Min), plain(l.Max), string(l.Binding)})
		}
	}
	w.Flush()
}
