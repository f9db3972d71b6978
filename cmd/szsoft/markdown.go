package main

import (
	"bytes"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// writeMarkdown writes the result as a Markdown report: heading, table,
// 附则 figures, notes and quotations.
func writeMarkdown(buf *bytes.Buffer, r *report, lang, unit string, explain bool) {
	writeHeading(buf, r, lang, unit, layout{markdown: true})
	rows, notes := tableRows(r.res, lang, unit)
	rows = append(rows, totalRow("**"+lblTotal.In(lang)+"**", "**"+money(r.res.Total, unit)+"**"))
	for _, row := range rows {
		for i := range row {
			row[i] = md(row[i])
		}
	}
	t := tablewriter.NewTable(buf,
		tablewriter.WithRenderer(renderer.NewMarkdown()),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: numericColumns}),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	)
	t.Header(headers(lang))
	_ = t.Bulk(rows)
	_ = t.Render()
	writeSupplementary(buf, r.res, lang, unit, layout{markdown: true})
	if explain && r.project != nil {
		writeExplain(buf, r.res, lang, unit, layout{markdown: true})
	}
	writeNotes(buf, r.res, notes, lang, layout{markdown: true})
}
