package render

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/measures"
)

// table writes the table form for a terminal, or Markdown for a report:
// of one project, the line table with its heading, the 附则 block, notes,
// warnings and the policy's words; of many, a summary row per file and a
// grand total.
type table struct {
	w        io.Writer
	o        Options
	markdown bool

	rows          *spool // batch: a summary row per file, until End
	count, failed int
	totals        [nTotals]decimal.Decimal // batch: by the tot constants
	shown         [nTotals]bool            // batch: a total an edition of the run has (totalShown)
	applicants    []*calc.Applicant        // batch: the applicant view, below the rows per file
}

func (t *table) Begin() error { return nil }

func (t *table) Add(r *Report, _ []byte) error {
	t.o.Printer = t.o.Printer.For(r.Result.Edition) // its items named as its edition names them
	if t.o.Many {
		t.count++
		for i, v := range projectTotals(r.Result) {
			t.totals[i] = t.totals[i].Add(v)
			t.shown[i] = t.shown[i] || totalShown(r.Result, i)
		}
		return t.spool().add(t.summaryRow(r)...)
	}
	var buf bytes.Buffer
	t.project(&buf, r)
	_, err := t.w.Write(buf.Bytes())
	return err
}

func (t *table) Fail(f Failure) error {
	t.count++
	t.failed++
	msg := t.o.Printer.S("label.error-only")
	if f.Message != "" {
		text := f.Message
		if where := f.place(); where != "" {
			text = where + ": " + f.Message
		}
		msg = t.o.Printer.S("label.error", "message", text)
	}
	row := []string{Clip(Safe(f.File), maxCell), Clip(Safe(f.Name), maxCell)}
	row = append(row, make([]string, nTotals)...)
	return t.spool().add(append(row, Clip(Safe(msg), 4*maxCell))...)
}

func (t *table) spool() *spool {
	if t.rows == nil {
		t.rows = newSpool(t.o)
	}
	return t.rows
}

func (t *table) End() error {
	if !t.o.Many {
		return nil
	}
	defer t.spool().close()
	if err := t.summary(t.w); err != nil {
		return err
	}
	return t.applicantSummary(t.w)
}

// lineCols are the columns of the line table: clause, item, recipient,
// base, rate, computed, [received,] cap, min, max, note — RECEIVED only
// when the ledger has an entry for a line (docs/contract.md §8), before
// the cap it explains.
type lineCols struct{ received bool }

func colsOf(res *calc.Result) lineCols {
	return lineCols{received: slices.ContainsFunc(res.Lines, func(l calc.Line) bool { return l.Received != nil })}
}

// The column of the item's name in every layout.
const colItem = 1

// keys are the catalogue keys of the headers, by prefix: "col." for a
// terminal, "xcol." for documents (col.notes there).
func (c lineCols) keys(prefix string) []string {
	ks := []string{"clause", "item", "recipient", "base", "rate", "computed", "cap", "min", "max", "note"}
	if prefix == "xcol." {
		ks[9] = "notes"
	}
	if c.received {
		ks = slices.Insert(ks, 6, "received")
	}
	for i := range ks {
		ks[i] = prefix + ks[i]
	}
	return ks
}

// max is the column of MAX; the figures are columns 3 to max.
func (c lineCols) max() int {
	if c.received {
		return 9
	}
	return 8
}

func (c lineCols) headers(p msg.Printer) []string {
	ks := c.keys("col.")
	h := make([]string, len(ks))
	for i, k := range ks {
		h[i] = p.S(k)
	}
	return h
}

// total is a row with a label under ITEM and an amount under MAX.
func (c lineCols) total(label, amount string) []string {
	row := make([]string, c.max()+2)
	row[colItem], row[c.max()] = label, amount
	return row
}

// How the columns are set on a terminal: figures to the right; the clause
// never wraps, every other column may (an amount only between words: "no
// figure given").
func (c lineCols) right() []bool {
	r := make([]bool, c.max()+2)
	for i := 3; i <= c.max(); i++ {
		r[i] = true
	}
	return r
}

func (c lineCols) wrap() []bool {
	w := make([]bool, c.max()+2)
	for i := 1; i < len(w); i++ {
		w[i] = true
	}
	return w
}

// rateCell shows the rate an item applies: "30%", "0-50%", "20%-40%", "≥50%".
func rateCell(l calc.Line, p msg.Printer) string {
	it := l.Item
	switch {
	case l.Rate == nil:
		return "-"
	case it.Kind == measures.Floor:
		return msg.AtLeast(it.RateLow)
	case !l.Rate.Equal(it.RateHigh), it.RateLow.Equal(it.RateHigh):
		return msg.Percent(*l.Rate) // chosen, or fixed
	}
	return p.RateSpan(it.RateLow, it.RateHigh)
}

// caseLabel is what a line without a figure shows: 一事一议 only where the
// text says so, else "no figure given".
func caseLabel(it *measures.Item) string {
	if it.OneByOne {
		return "label.case"
	}
	return "label.nofigure"
}

// CaseLabel is caseLabel in words, for the catalogue of measures.
func CaseLabel(p msg.Printer, it *measures.Item) string { return p.S(caseLabel(it)) }

// lineRows turns a result into rows of cells and the numbered notes they
// refer to; table and markdown share it.
func lineRows(res *calc.Result, p msg.Printer) (rows [][]string, notes []string) {
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
	c := colsOf(res)
	for _, l := range res.Lines {
		minCell, maxCell := p.MoneyOr(l.Min), p.MoneyOr(l.Max)
		if l.Item.Kind == measures.CaseByCase {
			maxCell = p.S(caseLabel(l.Item))
		}
		var note []string
		if l.Binding != calc.BindNone {
			note = append(note, p.S("binding."+string(l.Binding)))
		}
		if l.ExcludedBy != "" {
			note = append(note, p.S("label.excluded"))
		}
		if l.Item.Payer == measures.District {
			note = append(note, p.S("label.district-paid"))
		}
		if r := ref(p.Notes(l.Notes)); r != "" {
			note = append(note, r)
		}
		row := []string{
			Cite(res, l.Item), p.Item(l.Item.ID), p.S("recipient." + string(l.Item.Recipient)), p.MoneyOr(l.Base), rateCell(l, p), p.MoneyOr(l.Computed),
			p.MoneyOr(l.Cap), minCell, maxCell, strings.Join(note, " "),
		}
		if c.received {
			row = slices.Insert(row, 6, p.MoneyOr(l.Received))
		}
		rows = append(rows, row)
	}
	for _, a := range res.Adjustments {
		row := c.total(p.S("adjustment."+a.ID), p.Money(a.Amount))
		row[0], row[len(row)-1] = a.Clause, ref([]string{p.Note(a.Note)})
		rows = append(rows, row)
	}
	return rows, notes
}

// project writes one result as a table for a terminal, or as Markdown.
func (t *table) project(buf *bytes.Buffer, r *Report) {
	p, res := t.o.Printer, r.Result
	l := layout{markdown: t.markdown, width: t.o.Width, p: p}
	t.heading(buf, r, l)
	rows, notes := lineRows(res, p)
	c := colsOf(res)
	if t.markdown {
		rows = append(rows, c.total("**"+p.S("label.total")+"**", "**"+p.Money(res.Total)+"**"))
		markdownTable(buf, c.headers(p), rows, c.right())
	} else {
		g := Grid{Header: c.headers(p), Rows: rows, Footer: c.total(p.S("label.total"), p.Money(res.Total)),
			Right: c.right(), Wrap: c.wrap()}
		if ok, _ := g.Render(buf, t.o.Width); !ok {
			cards(buf, rows, c, p.Money(res.Total), p, t.o.Width)
		}
	}
	t.supplementary(buf, res, l)
	t.grandTotal(buf, res, l)
	if asks := GuideAsks(res, p, p.Item); len(asks) > 0 {
		l.section(buf, p.S("label.guide.asks"))
		l.pairs(buf, asks)
	}
	if t.o.Explain {
		explain(buf, res, p, l)
	}
	t.notes(buf, res, notes, l)
}

// markdownTable writes a Markdown table, its cells escaped (md), the
// columns marked right aligned to the right.
func markdownTable(buf *bytes.Buffer, header []string, rows [][]string, right []bool) {
	each := func(fn func([]string) error) error {
		for _, r := range rows {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}
	_ = writeMarkdownTable(buf, header, each, nil, right)
}

// writeMarkdownTable writes a Markdown table: each cell escaped and padded
// to its column's width, the alignment row under the header (:--- left,
// ---: right), the footer's row last when there is one. Rows are read
// twice (their widths, then the table) and never held all at once.
func writeMarkdownTable(w io.Writer, header []string, each func(func([]string) error) error, footer []string, right []bool) error {
	ws := make([]int, len(header))
	widen := func(row []string) error {
		for i, c := range row {
			if i < len(ws) {
				ws[i] = max(ws[i], DisplayWidth(md(c)))
			}
		}
		return nil
	}
	_ = widen(header)
	if err := each(widen); err != nil {
		return err
	}
	if footer != nil {
		_ = widen(footer)
	}
	var b strings.Builder
	head := true // the header's cells stand left, as tablewriter set them
	line := func(row []string) error {
		b.WriteByte('|')
		for i := range ws {
			c := ""
			if i < len(row) {
				c = md(row[i])
			}
			pad := strings.Repeat(" ", ws[i]-DisplayWidth(c))
			if right[i] && !head {
				b.WriteString(" " + pad + c + " |")
			} else {
				b.WriteString(" " + c + pad + " |")
			}
		}
		b.WriteByte('\n')
		if b.Len() < 32<<10 {
			return nil
		}
		_, err := io.WriteString(w, b.String())
		b.Reset()
		return err
	}
	_ = line(header)
	head = false
	b.WriteByte('|')
	for i, n := range ws {
		if right[i] {
			b.WriteString(strings.Repeat("-", n+1) + ":|")
		} else {
			b.WriteString(":" + strings.Repeat("-", n+1) + "|")
		}
	}
	b.WriteByte('\n')
	if err := each(line); err != nil {
		return err
	}
	if footer != nil {
		_ = line(footer)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// cards sets the rows of a table as blocks for a narrow terminal:
//
//	（十九） first-version.developer  developer  cap
//	  BASE      50,000,000.00   RATE         30%
//	  COMPUTED  15,000,000.00   CAP    10,000,000.00
//	  MIN       10,000,000.00   MAX    10,000,000.00
//
// two figures a line where they fit, else one.
func cards(buf *bytes.Buffer, rows [][]string, c lineCols, total string, p msg.Printer, width int) {
	h := c.headers(p)
	figures := c.max() - 2 // BASE … MAX
	note := c.max() + 1
	lw, vw := 0, 0
	for i := 3; i <= c.max(); i++ {
		lw = max(lw, DisplayWidth(h[i]))
		for _, row := range rows {
			vw = max(vw, DisplayWidth(row[i]))
		}
	}
	pad := func(s string, n int, right bool) string {
		sp := strings.Repeat(" ", max(n-DisplayWidth(s), 0))
		if right {
			return sp + s
		}
		return s + sp
	}
	pair := func(l, v string) string { return pad(l, lw, false) + "  " + pad(v, vw, true) }
	perLine := 2
	if width > 0 && 2+2*(lw+2+vw)+3 > width {
		perLine = 1
	}
	for _, row := range rows {
		head := strings.TrimSpace(strings.Join(nonEmpty(row[0], row[1], row[2], row[note]), "  "))
		buf.WriteString("\n" + Indent(head, width, "", "    "))
		if strings.Join(row[3:c.max()], "") == "" {
			// An adjustment of the 附则: its amount alone.
			buf.WriteString("  " + pair(h[c.max()], row[c.max()]) + "\n")
			continue
		}
		for k := 0; k < figures; k += perLine {
			buf.WriteString(" ")
			for j := k; j < k+perLine && j < figures; j++ {
				buf.WriteString(" " + pair(h[3+j], row[3+j]))
				if j+1 < k+perLine {
					buf.WriteString(" ")
				}
			}
			buf.WriteString("\n")
		}
	}
	fmt.Fprintf(buf, "\n%s  %s\n", p.S("label.total"), total)
}

// nonEmpty returns the strings that are not empty.
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// layout sets the text around a table: for a terminal of a width (0: not a
// terminal, no wrapping), or Markdown.
type layout struct {
	markdown bool
	width    int
	p        msg.Printer
}

func (l layout) section(buf *bytes.Buffer, title string) {
	if l.markdown {
		buf.WriteString("\n### " + title + "\n\n")
		return
	}
	buf.WriteString("\n" + title + "\n")
}

// item writes a line of a section, wrapped with a hanging indent.
func (l layout) item(buf *bytes.Buffer, text string) {
	if l.markdown {
		buf.WriteString("- " + md(text) + "\n")
		return
	}
	buf.WriteString(Indent(text, l.width, "  ", "    "))
}

// numbered writes the note numbered n, wrapped under its text.
func (l layout) numbered(buf *bytes.Buffer, n int, text string) {
	mark := fmt.Sprintf("[%d] ", n)
	if l.markdown {
		l.item(buf, mark+text)
		return
	}
	buf.WriteString(Indent(text, l.width, "  "+mark, strings.Repeat(" ", 2+len(mark))))
}

// labelled is "label: text" in the language (label：text in Chinese).
func (l layout) labelled(label, text string) string {
	return l.p.S("label.pair", "label", label, "value", text)
}

// pairs writes label-value lines, the values aligned on a terminal and
// wrapped under themselves.
func (l layout) pairs(buf *bytes.Buffer, pairs [][2]string) {
	width := 0
	for _, p := range pairs {
		width = max(width, DisplayWidth(p[0]))
	}
	for _, p := range pairs {
		if l.markdown {
			l.item(buf, l.labelled(p[0], p[1]))
			continue
		}
		first := "  " + p[0] + strings.Repeat(" ", width-DisplayWidth(p[0])) + "  "
		buf.WriteString(Indent(p[1], l.width, first, strings.Repeat(" ", DisplayWidth(first))))
	}
}

// heading writes the title: the policy, the date, the project, the unit and
// the amounts read.
func (t *table) heading(buf *bytes.Buffer, r *Report, l layout) {
	p, res := t.o.Printer, r.Result
	unit := p.S("label.unit." + p.Unit)
	in := inputsRead(res, p)
	if !l.markdown {
		line := func(s string) { buf.WriteString(Indent(s, l.width, "", "  ")) }
		line(p.S("label.heading", "title", p.S("label.title"), "policy", Documents(res.Edition), "date", res.Date.String()))
		if res.Name != "" {
			line(l.labelled(p.S("label.project"), Safe(res.Name)))
		}
		if res.Applicant != "" {
			line(l.labelled(p.S("label.applicant"), Safe(res.Applicant)))
		}
		if res.CreditCode != "" {
			line(l.labelled(p.S("label.credit-code"), res.CreditCode))
		}
		if r.File != nil {
			line(l.labelled(p.S("label.file"), Safe(*r.File)))
		}
		line(unit)
		if in != "" {
			line(l.labelled(p.S("label.inputs"), in))
		}
		if rc := receivedRead(res, p); rc != "" {
			line(l.labelled(p.S("label.received"), rc))
		}
		return
	}
	title := p.S("label.title")
	if res.Name != "" {
		title = res.Name
	}
	buf.WriteString("## " + md(title) + "\n\n")
	pairs := [][2]string{{p.S("label.policy"), Documents(res.Edition)}, {p.S("label.date"), res.Date.String()}}
	if res.Applicant != "" {
		pairs = append(pairs, [2]string{p.S("label.applicant"), res.Applicant})
	}
	if res.CreditCode != "" {
		pairs = append(pairs, [2]string{p.S("label.credit-code"), res.CreditCode})
	}
	if r.File != nil {
		pairs = append(pairs, [2]string{p.S("label.file"), *r.File})
	}
	l.pairs(buf, pairs)
	l.item(buf, unit)
	if in != "" {
		l.item(buf, l.labelled(p.S("label.inputs"), in))
	}
	if rc := receivedRead(res, p); rc != "" {
		l.item(buf, l.labelled(p.S("label.received"), rc))
	}
	buf.WriteString("\n")
}

// receivedRead echoes the ledger: each entry's item, amount, and the date,
// level and payer where given.
func receivedRead(res *calc.Result, p msg.Printer) string {
	parts := make([]string, 0, len(res.Received))
	for _, e := range res.Received {
		parts = append(parts, ReceivedEntry(p, e))
	}
	return strings.Join(parts, p.S("label.semicolon"))
}

// levelName is the level of an entry as the policy names it (省级, 10亿元).
func levelName(p msg.Printer, e calc.Received) string {
	if p.Edition != nil {
		if it, ok := p.Edition.Item(e.Item); ok {
			for _, t := range it.Tiers {
				if t.Key == e.Level || t.Key == "" && t.Threshold.String() == e.Level {
					return p.Text(t.Label)
				}
			}
		}
	}
	return e.Level
}

// ReceivedEntry is an entry of the ledger in words: "relocation
// 20,000,000.00 (2025-05-01)", its level and a district payer named.
func ReceivedEntry(p msg.Printer, e calc.Received) string {
	s := p.Item(e.Item) + " " + p.Money(e.Amount)
	var about []string
	if e.Date != nil {
		about = append(about, e.Date.String())
	}
	if e.Level != "" {
		about = append(about, levelName(p, e))
	}
	if e.Payer == measures.District {
		about = append(about, p.S("payer.district"))
	}
	if len(about) > 0 {
		s += p.S("label.paren", "text", strings.Join(about, p.S("label.comma")))
	}
	return s
}

// inputsRead echoes every input the figures rest on, in the unit of the
// table: each measure claimed with its inputs (a measure claimed with
// none by its name alone), then the 附则's. In English they read as the
// flags that give them (revenue --revenue 6,000,000,000.00 --prior-peak
// …), in Chinese by their words (营收奖励：营业收入 …，此前最高年营业收入 …).
func inputsRead(res *calc.Result, p msg.Printer) string {
	var parts []string
	sep, pair := " ", func(v InputValue) string {
		if v.Input.Kind == measures.Switch && !p.Zh() {
			// A switch as the flag types it: --listed, --listed=false.
			if v.Switch {
				return v.Label(p)
			}
			return v.Label(p) + "=false"
		}
		return v.Label(p) + " " + v.Value(p)
	}
	if p.Zh() {
		sep = p.S("label.colon")
	}
	for i, ins := range AllInputs(res) {
		m, ok := res.Edition.Measure(res.Claims[i].Measure)
		if !ok {
			continue
		}
		words := make([]string, len(ins))
		for j, v := range ins {
			words[j] = pair(v)
		}
		part := MeasureName(p, m)
		if len(words) > 0 {
			if p.Zh() {
				part += sep + strings.Join(words, "，")
			} else {
				part += sep + strings.Join(words, " ")
			}
		}
		parts = append(parts, part)
	}
	for _, v := range annexGiven(res) {
		parts = append(parts, pair(v))
	}
	return strings.Join(parts, p.S("label.semicolon"))
}

// annexPairs are the 附则 block's rows, label and words, one for each rule
// the edition has and no other: the validity window and whether the date
// is in it; no double-dipping where the project declared it; the
// cumulative cap and its reading; the district matching limit and match.
// An edition without a cumulative cap shows none.
func annexPairs(p msg.Printer, res *calc.Result) [][2]string {
	ed, s := res.Edition, res.Edition.Supplementary
	state := p.S("label.in-force")
	if !res.Eligible {
		state = p.S("label.out-of-force")
	}
	pairs := [][2]string{{p.S("label.validity"), p.S("label.window", "from", s.From, "to", s.To, "state", state)}}
	if _, ok := ed.Rule(measures.AnnexNoDouble); ok && len(res.Inputs.SameKind) > 0 {
		pairs = append(pairs, [2]string{p.S("label.samekind"), p.S("label.samekind.on", "what", calc.Declarations(res.Inputs.SameKind))})
	}
	if _, ok := ed.Rule(measures.AnnexCumulativeCap); ok {
		cumCap := p.S("label.not-applicable")
		if res.CumulativeCap != nil {
			cumCap = p.S("label.cumcap.value", "h", calc.Money(*res.CumulativeCap), "reading", res.Reading)
		}
		pairs = append(pairs, [2]string{p.S("label.cumcap"), cumCap})
	}
	if _, ok := ed.Rule(measures.AnnexDistrictMatch); ok {
		limit := p.S("label.no-limit")
		if res.DistrictMatchLimit != nil {
			limit = p.Money(*res.DistrictMatchLimit)
		}
		pairs = append(pairs, [2]string{p.S("label.match-limit"), limit}, [2]string{p.S("label.match"), p.Money(res.DistrictMatch)})
	}
	return append(pairs, layerPairs(p, res)...)
}

// supplementary writes the 附则 block.
func (t *table) supplementary(buf *bytes.Buffer, res *calc.Result, l layout) {
	l.section(buf, t.o.Printer.S("label.supplementary"))
	l.pairs(buf, annexPairs(t.o.Printer, res))
}

// notes writes the numbered notes, the warnings and the quotations of the
// clauses behind every line.
func (t *table) notes(buf *bytes.Buffer, res *calc.Result, notes []string, l layout) {
	p := t.o.Printer
	if len(notes) > 0 {
		l.section(buf, p.S("label.notes"))
		for i, n := range notes {
			l.numbered(buf, i+1, n)
		}
	}
	if len(res.Warnings) > 0 {
		l.section(buf, p.S("label.warnings"))
		for _, w := range res.Warnings {
			l.item(buf, p.Note(w))
		}
	}
	l.section(buf, p.S("label.quotes"))
	seen := map[string]bool{} // the same words under two items: once
	for _, q := range QuotePairs(res, p, p.Item) {
		if !seen[q[1]] {
			seen[q[1]] = true
			l.item(buf, l.labelled(q[0], q[1]))
		}
	}
}

// SupplementaryQuotes returns the words of the 附则 that shaped res: each
// rule's that acted, of the rules the edition has.
func SupplementaryQuotes(res *calc.Result) []string {
	var qs []string
	acted := map[measures.AnnexKind]bool{
		measures.AnnexWindow:        !res.Eligible,
		measures.AnnexNoDouble:      res.SameKindApplied(),
		measures.AnnexCumulativeCap: res.CumulativeCap != nil,
		measures.AnnexDistrictMatch: res.DistrictMatch.IsPositive() || res.DistrictMatchLimit != nil,
	}
	for _, k := range measures.AnnexKinds {
		if r, ok := res.Edition.Rule(k); ok && acted[k] {
			qs = append(qs, r.Quote)
		}
	}
	return qs
}

// explain writes how every figure was reached, from the engine's steps.
func explain(buf *bytes.Buffer, res *calc.Result, p msg.Printer, l layout) {
	l.section(buf, p.S("label.explain"))
	for _, line := range res.Lines {
		l.item(buf, l.labelled(p.Item(line.Item.ID), Steps(p, line.Steps)))
	}
	for _, s := range res.Steps {
		label := p.S("label.annex")
		if s.Code == calc.StepGrand {
			label = p.S("label.totals")
		}
		l.item(buf, l.labelled(label, p.Note(s)))
	}
}

// Steps joins the steps of a line into one sentence: a step that starts
// with punctuation continues the one before it, others are set apart by a
// semicolon.
func Steps(p msg.Printer, steps []calc.Note) string {
	var b strings.Builder
	for i, s := range steps {
		text := p.Note(s)
		if i > 0 && !strings.HasPrefix(text, ",") && !strings.HasPrefix(text, "，") && !strings.HasPrefix(text, ";") &&
			!strings.HasPrefix(text, "；") && !strings.HasPrefix(text, " →") {
			b.WriteString(p.S("label.semicolon"))
		}
		b.WriteString(text)
	}
	return b.String()
}

// summaryRow is a file's row in the batch table.
// maxCell is the widest a name or a file is shown in the batch table, in
// display columns: every row is padded to the widest cell.
const maxCell = 120

func (t *table) summaryRow(r *Report) []string {
	p, res := t.o.Printer, r.Result
	status := p.S("label.ok")
	if !res.Eligible {
		status = p.S("label.ineligible")
	}
	row := []string{Clip(Safe(r.FileName()), maxCell), Clip(Safe(res.Name), maxCell)}
	for _, v := range projectTotals(res) {
		row = append(row, p.Money(v))
	}
	return append(row, status)
}

// The totals of a project, in the order every form shows them: the
// municipal total, the district match, the edition's district-paid lines,
// a district layer's lines (at their max), and their sum.
const (
	totMunicipal = iota
	totMatch
	totPaid
	totLayer
	totGrand
	nTotals
)

// projectTotals are what a project receives, by the tot constants.
func projectTotals(res *calc.Result) [nTotals]decimal.Decimal {
	return [nTotals]decimal.Decimal{res.Total, res.DistrictMatch, res.DistrictPaid(), res.LayerPaid(), res.GrandTotal()}
}

// totalLabels are the labels of projectTotals (a layer's: totalLabel).
var totalLabels = [nTotals]string{"label.total", "label.match", "label.district-paid.total", "label.layer.total", "label.grand"}

// totalLabel is the label of the total i of res: the district match and
// the district-paid lines are the edition's, labelled by its document
// where a district layer's lines stand beside them, by theirs.
func totalLabel(p msg.Printer, res *calc.Result, i int) string {
	if layer, ok := res.Edition.Layer(measures.DistrictLayer); ok && layerLines(res, layer) {
		switch i {
		case totLayer:
			return p.S("label.layer.total", "document", layer.Policy)
		case totMatch, totPaid:
			return p.S("label.of", "label", p.S(totalLabels[i]), "document", res.Edition.Policy)
		}
	}
	return p.S(totalLabels[i], "document", "")
}

// totalShown reports whether a project's document shows its total i: the
// district match only under an edition whose 附则 has one, the
// district-paid lines only under an edition that has such items, a
// layer's lines only with a district layer (no form prints a rule the
// edition lacks).
func totalShown(res *calc.Result, i int) bool {
	switch i {
	case totMatch:
		_, ok := res.Edition.Rule(measures.AnnexDistrictMatch)
		return ok
	case totPaid:
		for _, id := range res.Edition.ItemIDs() {
			if it, _ := res.Edition.Item(id); it.Payer == measures.District && res.Edition.HomeOf(it) == res.Edition {
				return true
			}
		}
		return false
	case totLayer:
		layer, ok := res.Edition.Layer(measures.DistrictLayer)
		return ok && layerLines(res, layer)
	}
	return true
}

// grandTotal writes what the project can receive, each part labelled.
func (t *table) grandTotal(buf *bytes.Buffer, res *calc.Result, l layout) {
	p := t.o.Printer
	var pairs [][2]string
	for i, v := range projectTotals(res) {
		if !totalShown(res, i) {
			continue
		}
		pairs = append(pairs, [2]string{totalLabel(p, res, i), p.Money(v)})
	}
	l.section(buf, p.S("label.totals"))
	vw := 0
	for _, pr := range pairs {
		vw = max(vw, DisplayWidth(pr[1]))
	}
	for i := range pairs {
		if !l.markdown { // amounts aligned on the right, as in the table
			pairs[i][1] = strings.Repeat(" ", vw-DisplayWidth(pairs[i][1])) + pairs[i][1]
		}
	}
	l.pairs(buf, pairs)
}

// kept are the cells of a row of the batch table whose columns keep keeps.
func kept[T any](row []T, keep func(int) bool) []T {
	out := make([]T, 0, len(row))
	for i, c := range row {
		if keep(i) {
			out = append(out, c)
		}
	}
	return out
}

// summary writes the batch table: a row per file and the grand total; on
// a terminal too narrow for it, a block per file.
func (t *table) summary(w io.Writer) error {
	p := t.o.Printer
	// A total of a rule no edition of the run has is no column (the file,
	// the name, the totals, the status: a total's column is 2 + its index).
	keep := func(col int) bool { return col < 2 || col >= 2+nTotals || t.shown[col-2] }
	cols := func(row []string) []string { return kept(row, keep) }
	var h []string
	for _, k := range []string{"col.batch.file", "col.batch.name", "col.batch.total", "col.batch.match", "col.batch.paid", "col.batch.layer", "col.batch.grand", "col.batch.status"} {
		h = append(h, p.S(k))
	}
	h = cols(h)
	unit := p.S("label.unit." + p.Unit)
	files := p.S("label.files", "done", t.count-t.failed, "all", t.count)
	footer := []string{p.S("label.grand-total.files", "total", p.S("label.grand-total"), "files", files), ""}
	for _, v := range t.totals {
		footer = append(footer, p.Money(v))
	}
	footer = cols(append(footer, ""))
	right := kept([]bool{false, false, true, true, true, true, true, false}, keep)
	each := func(fn func([]string) error) error {
		return t.spool().each(func(row []string) error { return fn(cols(row)) })
	}
	if t.markdown {
		if _, err := io.WriteString(w, "## "+p.S("label.title")+"\n\n- "+unit+"\n\n"); err != nil {
			return err
		}
		return writeMarkdownTable(w, h, each, footer, right)
	}
	if _, err := io.WriteString(w, unit+"\n"); err != nil {
		return err
	}
	wrap := make([]bool, len(h))
	for i := range wrap {
		wrap[i] = true
	}
	g := Grid{Header: h, Each: each, Footer: footer, Right: right, Wrap: wrap}
	if ok, err := g.Render(w, t.o.Width); ok || err != nil {
		return err
	}
	// Blocks: the file, then each figure under its label.
	lw := 0
	for _, l := range h[1:] {
		lw = max(lw, DisplayWidth(l))
	}
	var b strings.Builder
	err := each(func(row []string) error {
		b.WriteString("\n" + Indent(row[0], t.o.Width, "", "  "))
		for i := 1; i < len(row); i++ {
			if row[i] == "" {
				continue
			}
			first := "  " + h[i] + strings.Repeat(" ", lw-DisplayWidth(h[i])) + "  "
			b.WriteString(Indent(row[i], t.o.Width, first, strings.Repeat(" ", DisplayWidth(first))))
		}
		_, err := io.WriteString(w, b.String())
		b.Reset()
		return err
	})
	if err != nil {
		return err
	}
	b.WriteString("\n" + Indent(footer[0], t.o.Width, "", "  "))
	for i := 2; i < 6; i++ {
		first := "  " + h[i] + strings.Repeat(" ", lw-DisplayWidth(h[i])) + "  "
		b.WriteString(first + footer[i] + "\n")
	}
	_, err = io.WriteString(w, b.String())
	return err
}
