package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/measures"
)

// label is a word of the table and markdown output in both languages.
type label = measures.Text

var (
	lblTitle      = label{Zh: "深圳市软件产业扶持测算", En: "Shenzhen software-industry subsidy"}
	lblDate       = label{Zh: "事项日期", En: "date"}
	lblProject    = label{Zh: "项目", En: "project"}
	lblPolicy     = label{Zh: "政策", En: "policy"}
	lblFile       = label{Zh: "文件", En: "file"}
	lblApplicant  = label{Zh: "申请单位", En: "applicant"}
	lblUnitYuan   = label{Zh: "金额单位：元", En: "amounts in yuan (元)"}
	lblUnitWan    = label{Zh: "金额单位：万元", En: "amounts in 10,000 yuan (万元)"}
	lblHeaders    = []label{{Zh: "条款", En: "CLAUSE"}, {Zh: "项目", En: "ITEM"}, {Zh: "受助方", En: "RECIPIENT"}, {Zh: "基数", En: "BASE"}, {Zh: "比例", En: "RATE"}, {Zh: "计算额", En: "COMPUTED"}, {Zh: "上限", En: "CAP"}, {Zh: "最低", En: "MIN"}, {Zh: "最高", En: "MAX"}, {Zh: "说明", En: "NOTE"}}
	lblTotal      = label{Zh: "市级合计", En: "municipal total"}
	lblCaseByCase = label{Zh: "一事一议", En: "case by case"}
	lblNoFigure   = label{Zh: "未定额", En: "no figure given"}
	lblExcluded   = label{Zh: "择一不计", En: "alternative, not counted"}
	lblRecipient  = map[measures.Recipient]label{
		measures.Undertaker:   {Zh: "项目承担单位", En: "undertaker"},
		measures.Platform:     {Zh: "平台建设运营单位", En: "platform operator"},
		measures.Organizer:    {Zh: "活动承办单位", En: "organizer"},
		measures.ParkOperator: {Zh: "园区运营主体", En: "park operator"},
		measures.Tenant:       {Zh: "园区内软件企业", En: "tenant firm"},
		measures.Team:         {Zh: "人才团队", En: "team"},
		measures.Talent:       {Zh: "骨干软件人才", En: "key staff"},
		measures.Distributor:  {Zh: "商业发行版公司", En: "distributor"},
		measures.Developer:    {Zh: "软件开发商", En: "developer"},
		measures.User:         {Zh: "用户单位", En: "user"},
		measures.Enterprise:   {Zh: "企业", En: "enterprise"},
		measures.College:      {Zh: "软件学院", En: "college"},
	}
	lblDistrictPaid = label{Zh: "区级支付", En: "paid by district"}
	lblBinding      = map[calc.Binding]label{
		calc.BindCap:  {Zh: "封顶", En: "cap"},
		calc.BindBase: {Zh: "以基数为限", En: "base"},
		calc.BindRate: {Zh: "按比例", En: "rate"},
	}
	lblSupplementary = label{Zh: "附则", En: "附则 (supplementary rules)"}
	lblValidity      = label{Zh: "有效期", En: "validity window"}
	lblTo            = label{Zh: "至", En: "to"}
	lblInForce       = label{Zh: "在有效期内", En: "in force"}
	lblOutOfForce    = label{Zh: "不在有效期内，各项为0", En: "outside: every line is 0"}
	lblSameKind      = label{Zh: "不得重复享受", En: "no double-dipping"}
	lblSameKindOn    = label{Zh: "已享受市级同类措施，市级各项为0：", En: "similar municipal support declared, municipal lines 0: "}
	lblCumCap        = label{Zh: "累计资助上限", En: "cumulative cap"}
	lblNotApplicable = label{Zh: "不适用（无国家或省级资金）", En: "not applicable (no national or provincial funding)"}
	lblReading       = map[calc.Reading]label{
		calc.Literal:   {Zh: "字面理解：深圳市区两级资金", En: "literal reading: Shenzhen money only"},
		calc.AllLevels: {Zh: "各级理解：含国家和省级资金", En: "all-levels reading: national and provincial money count too"},
	}
	lblMatchLimit = label{Zh: "区级配套上限", En: "district matching limit"}
	lblNoLimit    = label{Zh: "无（本措施未规定）", En: "none (no limit in this policy)"}
	lblMatch      = label{Zh: "区级配套", En: "district match"}
	lblNotes      = label{Zh: "说明", En: "Notes"}
	lblQuotes     = label{Zh: "政策原文", En: "Policy text"}
	lblWarnings   = label{Zh: "提示", En: "Warnings"}
	lblInputsRead = label{Zh: "输入", En: "inputs"}
)

// recipientName is the recipient as the chosen language says it.
func recipientName(r measures.Recipient, lang string) string { return lblRecipient[r].In(lang) }

// caseLabel is what a line without a figure shows: 一事一议 only where the
// text says so, else "no figure given".
func caseLabel(it *measures.Item) label {
	if it.OneByOne {
		return lblCaseByCase
	}
	return lblNoFigure
}

// money formats an amount for table and markdown output in the chosen unit.
func money(d decimal.Decimal, unit string) string {
	if unit == "wan" {
		return calc.FormatWan(d)
	}
	return calc.FormatYuan(d)
}

func moneyPtr(d *decimal.Decimal, unit string) string {
	if d == nil {
		return "-"
	}
	return money(*d, unit)
}

// rateCell shows the rate an item applies: "30%", "0-50%", "20%-40%", ">=50%".
func rateCell(l calc.Line) string {
	it := l.Item
	switch {
	case l.Rate == nil:
		return "-"
	case it.Kind == measures.Floor:
		return ">=" + calc.Percent(it.RateLow)
	case !l.Rate.Equal(it.RateHigh), it.RateLow.Equal(it.RateHigh):
		return calc.Percent(*l.Rate) // chosen, or fixed
	case it.RateLow.IsZero():
		return "0-" + calc.Percent(it.RateHigh)
	}
	return calc.Percent(it.RateLow) + "-" + calc.Percent(it.RateHigh)
}

// tableRows turns a result into rows of cells and the numbered notes they
// refer to; table and markdown output share it.
func tableRows(res *calc.Result, lang, unit string) (rows [][]string, notes []string) {
	ref := func(ns []string) string {
		var refs []string
		for _, n := range ns {
			notes = append(notes, n)
			refs = append(refs, fmt.Sprint(len(notes)))
		}
		if len(refs) == 0 {
			return ""
		}
		return "[" + strings.Join(refs, ",") + "]"
	}
	for _, l := range res.Lines {
		minCell, maxCell := moneyPtr(l.Min, unit), moneyPtr(l.Max, unit)
		if l.Item.Kind == measures.CaseByCase {
			maxCell = caseLabel(l.Item).In(lang)
		}
		var note []string
		if b, ok := lblBinding[l.Binding]; ok {
			note = append(note, b.In(lang))
		}
		if l.ExcludedBy != "" {
			note = append(note, lblExcluded.In(lang))
		}
		if l.Item.Payer == measures.District {
			note = append(note, lblDistrictPaid.In(lang))
		}
		if r := ref(texts(l.Notes, lang)); r != "" {
			note = append(note, r)
		}
		rows = append(rows, []string{
			l.Item.Clause, l.Item.ID, recipientName(l.Item.Recipient, lang), moneyPtr(l.Base, unit), rateCell(l), moneyPtr(l.Computed, unit),
			moneyPtr(l.Cap, unit), minCell, maxCell, strings.Join(note, " "),
		})
	}
	for _, a := range res.Adjustments {
		rows = append(rows, []string{a.Clause, a.ID, "", "", "", "", "", "", money(a.Amount, unit), ref([]string{a.Note.In(lang)})})
	}
	return rows, notes
}

// The columns of the line table that other rows refer to.
const (
	colItem = 1
	colMax  = 8
)

// totalRow is a row of the line table with a label under ITEM and an amount
// under MAX.
func totalRow(label, amount string) []string {
	row := make([]string, len(lblHeaders))
	row[colItem], row[colMax] = label, amount
	return row
}

func headers(lang string) []string {
	h := make([]string, len(lblHeaders))
	for i, l := range lblHeaders {
		h[i] = l.In(lang)
	}
	return h
}

var numericColumns = []tw.Align{tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignRight, tw.AlignRight, tw.AlignRight, tw.AlignRight, tw.AlignLeft}

// writeTable writes the result as a table for a terminal, then the 附则
// figures, the notes, warnings and a short quotation of every clause cited.
//
// width is the terminal's width (0: not a terminal). A table wider than the
// terminal would wrap into a mess; the lines are then set as cards instead,
// one block of label and figure pairs per line.
func writeTable(buf *bytes.Buffer, r *report, lang, unit string, explain bool, width int) {
	res := r.res
	writeHeading(buf, r, lang, unit, layout{})
	rows, notes := tableRows(res, lang, unit)
	var tbl bytes.Buffer
	t := tablewriter.NewTable(&tbl,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleASCII)})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: numericColumns}),
		tablewriter.WithFooterAlignmentConfig(tw.CellAlignment{PerColumn: numericColumns}),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
		tablewriter.WithTrimSpace(tw.Off),
	)
	t.Header(headers(lang))
	_ = t.Bulk(rows)
	t.Footer(totalRow(lblTotal.In(lang), money(res.Total, unit)))
	_ = t.Render()
	first, _, _ := bytes.Cut(tbl.Bytes(), []byte("\n"))
	if width > 0 && displayWidth(string(first)) > width {
		writeCards(buf, rows, money(res.Total, unit), lang)
	} else {
		buf.Write(tbl.Bytes())
	}
	writeSupplementary(buf, res, lang, unit, layout{})
	if explain && r.project != nil {
		writeExplain(buf, res, lang, unit, layout{})
	}
	writeNotes(buf, res, notes, lang, layout{})
}

// writeCards sets the rows of a table as blocks for a narrow terminal:
//
//	（十九） first-version.developer  cap
//	  BASE      50,000,000.00   RATE         30%
//	  COMPUTED  15,000,000.00   CAP    10,000,000.00
//	  MIN       10,000,000.00   MAX    10,000,000.00
func writeCards(buf *bytes.Buffer, rows [][]string, total, lang string) {
	h := headers(lang)
	lw, vw := 0, 0
	for _, i := range []int{3, 4, 5, 6, 7, 8} {
		lw = max(lw, displayWidth(h[i]))
		for _, row := range rows {
			vw = max(vw, displayWidth(row[i]))
		}
	}
	pad := func(s string, n int, right bool) string {
		sp := strings.Repeat(" ", max(n-displayWidth(s), 0))
		if right {
			return sp + s
		}
		return s + sp
	}
	pair := func(l, v string) string { return pad(l, lw, false) + "  " + pad(v, vw, true) }
	for _, row := range rows {
		fmt.Fprintf(buf, "\n%s %s  %s  %s\n", row[0], row[1], row[2], row[9])
		fmt.Fprintf(buf, "  %s   %s\n", pair(h[3], row[3]), pair(h[4], row[4]))
		fmt.Fprintf(buf, "  %s   %s\n", pair(h[5], row[5]), pair(h[6], row[6]))
		fmt.Fprintf(buf, "  %s   %s\n", pair(h[7], row[7]), pair(h[8], row[8]))
	}
	fmt.Fprintf(buf, "\n%s  %s\n", lblTotal.In(lang), total)
}

// layout sets the text around a table: for a terminal, or Markdown.
type layout struct{ markdown bool }

func (l layout) section(buf *bytes.Buffer, title string) {
	if l.markdown {
		buf.WriteString("\n### " + title + "\n\n")
		return
	}
	buf.WriteString("\n" + title + "\n")
}

func (l layout) item(buf *bytes.Buffer, text string) {
	if l.markdown {
		buf.WriteString("- " + md(text) + "\n")
		return
	}
	buf.WriteString("  " + text + "\n")
}

// pairs writes label-value lines, the values aligned on a terminal.
func (l layout) pairs(buf *bytes.Buffer, pairs [][2]string) {
	width := 0
	for _, p := range pairs {
		width = max(width, displayWidth(p[0]))
	}
	for _, p := range pairs {
		if l.markdown {
			l.item(buf, p[0]+": "+p[1])
			continue
		}
		l.item(buf, p[0]+strings.Repeat(" ", width-displayWidth(p[0]))+"  "+p[1])
	}
}

// writeHeading writes the title: the policy, the date, the project.
func writeHeading(buf *bytes.Buffer, r *report, lang, unit string, l layout) {
	res := r.res
	unitLabel := lblUnitYuan
	if unit == "wan" {
		unitLabel = lblUnitWan
	}
	if !l.markdown {
		fmt.Fprintf(buf, "%s, %s, %s %s\n", lblTitle.In(lang), measures.Policy, lblDate.In(lang), res.Date)
		if res.Name != "" {
			fmt.Fprintf(buf, "%s: %s\n", lblProject.In(lang), safe(res.Name))
		}
		if res.Applicant != "" {
			fmt.Fprintf(buf, "%s: %s\n", lblApplicant.In(lang), safe(res.Applicant))
		}
		if r.file != nil {
			fmt.Fprintf(buf, "%s: %s\n", lblFile.In(lang), safe(*r.file))
		}
		buf.WriteString(unitLabel.In(lang) + "\n")
		if in := inputsRead(res, unit); in != "" {
			fmt.Fprintf(buf, "%s: %s\n", lblInputsRead.In(lang), in)
		}
		return
	}
	title := lblTitle.In(lang)
	if res.Name != "" {
		title = res.Name
	}
	buf.WriteString("## " + md(title) + "\n\n")
	pairs := [][2]string{{lblPolicy.In(lang), measures.Policy}, {lblDate.In(lang), res.Date.String()}}
	if res.Applicant != "" {
		pairs = append(pairs, [2]string{lblApplicant.In(lang), res.Applicant})
	}
	if r.file != nil {
		pairs = append(pairs, [2]string{lblFile.In(lang), *r.file})
	}
	l.pairs(buf, pairs)
	l.item(buf, unitLabel.In(lang))
	if in := inputsRead(res, unit); in != "" {
		l.item(buf, lblInputsRead.In(lang)+": "+in)
	}
	buf.WriteString("\n")
}

// inputsRead echoes the amounts read, in the unit of the table, so that a
// reader sees at once that "5000" under --unit wan was 5000万元.
func inputsRead(res *calc.Result, unit string) string {
	var parts []string
	seen := map[string]bool{}
	for _, l := range res.Lines {
		key := l.Item.Measure + " --" + l.Item.Base
		if l.Base == nil || l.Item.Base == "" || seen[key] {
			continue
		}
		seen[key] = true
		parts = append(parts, key+" "+money(*l.Base, unit))
	}
	in := res.Inputs
	for _, a := range []struct {
		name string
		v    *decimal.Decimal
	}{{"audited-investment", in.AuditedInvestment}, {"national-funding", in.NationalFunding}, {"provincial-funding", in.ProvincialFunding}, {"other-city-funding", in.OtherCityFunding}} {
		if a.v != nil {
			parts = append(parts, "--"+a.name+" "+money(*a.v, unit))
		}
	}
	return strings.Join(parts, "; ")
}

// writeSupplementary writes the 附则 block: validity, no double-dipping,
// the cumulative cap and its reading, the district matching limit and match.
func writeSupplementary(buf *bytes.Buffer, res *calc.Result, lang, unit string, l layout) {
	s := measures.Get().Supplementary
	validity := lblInForce.In(lang)
	if !res.Eligible {
		validity = lblOutOfForce.In(lang)
	}
	cumCap := lblNotApplicable.In(lang)
	if res.CumulativeCap != nil {
		cumCap = money(*res.CumulativeCap, unit) + " (" + lblReading[res.Reading].In(lang) + ")"
	}
	limit := lblNoLimit.In(lang)
	if res.DistrictMatchLimit != nil {
		limit = money(*res.DistrictMatchLimit, unit)
	}
	pairs := [][2]string{
		{lblValidity.In(lang), fmt.Sprintf("%04d-%02d-%02d %s %04d-%02d-%02d (%s)", s.ValidFrom[0], s.ValidFrom[1], s.ValidFrom[2], lblTo.In(lang), s.ValidTo[0], s.ValidTo[1], s.ValidTo[2], validity)},
	}
	if len(res.Inputs.SameKind) > 0 {
		pairs = append(pairs, [2]string{lblSameKind.In(lang), lblSameKindOn.In(lang) + strings.Join(res.Inputs.SameKind, ", ")})
	}
	pairs = append(pairs,
		[2]string{lblCumCap.In(lang), cumCap},
		[2]string{lblMatchLimit.In(lang), limit},
		[2]string{lblMatch.In(lang), money(res.DistrictMatch, unit)},
	)
	l.section(buf, lblSupplementary.In(lang))
	l.pairs(buf, pairs)
}

// writeNotes writes the numbered notes, the warnings and the quotations of
// the clauses behind every line.
func writeNotes(buf *bytes.Buffer, res *calc.Result, notes []string, lang string, l layout) {
	if len(notes) > 0 {
		l.section(buf, lblNotes.In(lang))
		for i, n := range notes {
			l.item(buf, fmt.Sprintf("[%d] %s", i+1, n))
		}
	}
	if len(res.Warnings) > 0 {
		l.section(buf, lblWarnings.In(lang))
		for _, w := range res.Warnings {
			l.item(buf, w.In(lang))
		}
	}
	l.section(buf, lblQuotes.In(lang))
	seen := map[string]bool{}
	for _, line := range res.Lines {
		if seen[line.Item.Quote] {
			continue
		}
		seen[line.Item.Quote] = true
		l.item(buf, line.Item.Clause+" "+line.Item.ID+": "+line.Item.Quote)
	}
	for _, q := range supplementaryQuotes(res, measures.Get().Supplementary) {
		l.item(buf, "附则: "+q)
	}
}

// supplementaryQuotes returns the words of the 附则 that shaped res.
func supplementaryQuotes(res *calc.Result, s measures.Supplementary) []string {
	var qs []string
	if !res.Eligible {
		qs = append(qs, s.ValidityQuote)
	}
	if res.SameKindApplied() {
		qs = append(qs, s.NoDoubleQuote)
	}
	if res.CumulativeCap != nil {
		qs = append(qs, s.CumulativeCapQuote)
	}
	if res.DistrictMatch.IsPositive() || res.DistrictMatchLimit != nil {
		qs = append(qs, s.DistrictMatchQuote)
	}
	return qs
}

// displayWidth is the width of s in terminal columns, as the table measures
// it (CJK characters count two).
func displayWidth(s string) int { return twwidth.Width(s) }

// texts returns the phrases in one language.
func texts(ts []measures.Text, lang string) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.In(lang)
	}
	return out
}
