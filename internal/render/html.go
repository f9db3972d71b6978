package render

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/measures"
)

// The 测算书: one self-contained HTML file a client can read in a browser
// and print to clean A4 pages (docs/contract.md §5). No external resource,
// no script: the styles are inline, the fonts the reader's own. Per project
// the heading, the line table, the 附则, what the project can receive, the
// arithmetic of every figure (the engine's own steps, never recomputed),
// the notes, the warnings and the policy's words; a batch puts a summary
// page first, then a page per project. Everything a file brought (names,
// applicants, file names) is escaped.

// htmlForm collects the pages of one run; End writes the document.
type htmlForm struct {
	w        io.Writer
	o        Options
	pages    *spool // a section per project, in input order
	summary  *spool // batch: a row per project
	failures *spool // the files that failed: where, and what
	failed   int
	totals   [nTotals]decimal.Decimal
	shown    [nTotals]bool // a total an edition of the run has (totalShown)
	layer    string        // the document of a district layer of the run
	count    int
	title    string // the first project's name, for a single project's <title>
	// For the cover: the first result, and every applicant, preparer and
	// edition the results name, once each, in order.
	first                           *Report
	applicants, preparers, editions []string
	seenApplicant                   map[string]bool
	// The applicant view (docs/contract.md §11): a page per applicant
	// before the projects.
	appPages *spool
	// A batch's policy words, each once, for the appendix.
	quotes []string
	seen   map[string]bool
}

func newHTML(w io.Writer, o Options) *htmlForm {
	return &htmlForm{w: w, o: o, pages: newSpool(o), summary: newSpool(o), failures: newSpool(o)}
}

func (f *htmlForm) Begin() error { return nil }

// h escapes text for HTML, its control characters shown (Safe).
func h(s string) string { return html.EscapeString(Safe(s)) }

func (f *htmlForm) Add(r *Report, _ []byte) error {
	f.o.Printer = f.o.Printer.For(r.Result.Edition) // its items named as its edition names them
	p, res := f.o.Printer, r.Result
	f.count++
	if f.count == 1 {
		f.title, f.first = res.Name, r
	}
	// Each applicant once, however its name is spaced or bracketed.
	if k := calc.ApplicantKey(res.Applicant, res.CreditCode); k != "" && !f.seenApplicant[k] {
		if f.seenApplicant == nil {
			f.seenApplicant = map[string]bool{}
		}
		f.seenApplicant[k] = true
		f.applicants = appendOnce(f.applicants, strings.TrimSpace(res.Applicant))
	}
	f.preparers = appendOnce(f.preparers, res.Preparer)
	f.editions = appendOnce(f.editions, res.Edition.Title)
	for _, l := range res.Layers() {
		f.editions = appendOnce(f.editions, l)
	}
	for i, v := range projectTotals(res) {
		f.totals[i] = f.totals[i].Add(v)
		f.shown[i] = f.shown[i] || totalShown(res, i)
	}
	if l, ok := res.Edition.Layer(measures.DistrictLayer); ok && f.layer == "" {
		f.layer = l.Policy
	}
	status := p.S("html.status.ok")
	if !res.Eligible {
		status = p.S("label.ineligible")
	}
	name := h(displayName(r))
	if res.Applicant != "" {
		name += `<span class="applicant">` + h(res.Applicant) + `</span>`
	}
	row := []string{name, res.Date.String()}
	for _, v := range projectTotals(res) {
		row = append(row, p.Money(v))
	}
	if err := f.summary.add(append(row, h(status))...); err != nil {
		return err
	}
	var page bytes.Buffer
	f.project(&page, r)
	return f.pages.add(page.String())
}

// displayName is a project's name, else its file's.
func displayName(r *Report) string {
	if r.Result.Name != "" {
		return r.Result.Name
	}
	return r.FileName()
}

func (f *htmlForm) Fail(fl Failure) error {
	p := f.o.Printer
	// The file by its name: the consultant's folders stay theirs.
	where := filepath.Base(fl.File)
	if fl.Cell != "" {
		where = filepath.Base(fl.File) + " " + fl.Cell
	} else if fl.Line > 0 {
		where = fmt.Sprintf("%s:%d:%d", filepath.Base(fl.File), fl.Line, fl.Col)
	}
	message := fl.Message
	if message == "" {
		message = p.S("label.error-only")
	}
	f.failed++
	return f.failures.add(where, message)
}

func (f *htmlForm) End() error {
	defer f.pages.close()
	defer f.summary.close()
	defer f.failures.close()
	p := f.o.Printer
	var b bytes.Buffer
	lang := "en"
	if p.Zh() {
		lang = "zh-CN"
	}
	title := p.S("html.title")
	if !f.o.Many && f.title != "" {
		title = f.title + " — " + title
	}
	style := strings.NewReplacer("{{running}}", cssString(p.S("html.title")), "{{version}}", cssString("szsoft "+ShortVersion(f.o.Version)),
		"{{computed}}", cssString(p.S("html.footer.date", "date", f.o.Computed.String())), "{{page}}", p.S("html.footer.page")).Replace(htmlStyle)
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>%s</title>\n<style>\n%s</style>\n</head>\n<body>\n",
		lang, h(title), style)
	f.writeCover(&b)
	// Written as it is read back: a batch of 100,000 projects is never
	// one string.
	flush := func() error {
		_, err := f.w.Write(b.Bytes())
		b.Reset()
		return err
	}
	if f.o.Many {
		if err := f.writeSummary(&b, flush); err != nil {
			return err
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if f.appPages != nil {
		defer f.appPages.close()
		if err := f.appPages.eachBytes(func(page [][]byte) error {
			_, err := f.w.Write(page[0])
			return err
		}); err != nil {
			return err
		}
	}
	if err := f.pages.eachBytes(func(page [][]byte) error {
		_, err := f.w.Write(page[0])
		return err
	}); err != nil {
		return err
	}
	f.writeQuotes(&b)
	b.WriteString("</body>\n</html>\n")
	return flush()
}

// cssString quotes s for a CSS string.
func cssString(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", " ", "<", `\3c `).Replace(s) + `"`
}

// writeSummary writes the batch's first page: a row per project with what
// it can receive, the totals, and the files that could not be computed.
func (f *htmlForm) writeSummary(b *bytes.Buffer, flush func() error) error {
	p := f.o.Printer
	b.WriteString(`<section class="summary">` + "\n")
	fmt.Fprintf(b, "<h1>%s</h1>\n", h(p.S("html.summary")))
	fmt.Fprintf(b, `<p class="meta">%s · %s · %s</p>`+"\n", h(p.S("label.files", "done", f.count, "all", f.count+f.failed)),
		h(f.o.Printer.S("label.unit."+p.Unit)), h(editionTitle(p)))
	b.WriteString("<table class=\"summary\">\n<thead><tr>")
	heads := []string{"html.project", "xcol.date", "xcol.total", "xcol.match", "xcol.paid", "xcol.layer", "xcol.grand", "html.status"}
	// A total of a rule no edition of the run has is no column.
	shown := func(col int) bool { return col < 2 || col > 6 || f.shown[col-2] }
	for i, k := range heads {
		if !shown(i) {
			continue
		}
		class := ""
		if i >= 2 && i <= 6 {
			class = ` class="num"`
		}
		fmt.Fprintf(b, "<th%s>%s</th>", class, h(p.S(k, "document", f.layer)))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	err := f.summary.each(func(row []string) error {
		b.WriteString("<tr>")
		for i, c := range row {
			if !shown(i) {
				continue
			}
			class := ""
			switch {
			case i >= 2 && i <= 6:
				class = ` class="num"`
			case i == 1:
				class = ` class="date"`
			case i == 7:
				class = ` class="status"`
			}
			fmt.Fprintf(b, "<td%s>%s</td>", class, c)
		}
		b.WriteString("</tr>\n")
		if b.Len() > 64<<10 {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	b.WriteString("</tbody>\n<tfoot><tr>")
	fmt.Fprintf(b, `<th colspan="2">%s</th>`, h(p.S("xcol.totals", "n", f.count)))
	for i, v := range f.totals {
		if shown(i + 2) {
			fmt.Fprintf(b, `<td class="num">%s</td>`, p.Money(v))
		}
	}
	b.WriteString("<td></td></tr></tfoot>\n</table>\n")
	if f.failed > 0 {
		fmt.Fprintf(b, "<h2>%s</h2>\n<ul class=\"failures\">\n", h(p.S("sheet.failures")))
		err := f.failures.each(func(fl []string) error {
			fmt.Fprintf(b, "<li><code>%s</code> %s</li>\n", h(fl[0]), h(fl[1]))
			if b.Len() > 64<<10 {
				return flush()
			}
			return nil
		})
		if err != nil {
			return err
		}
		b.WriteString("</ul>\n")
	}
	b.WriteString("</section>\n")
	return nil
}

// appendOnce appends s unless it is empty or there already; the cover
// names at most coverNames of a kind (a roster of 100,000 applicants is
// not listed on a cover), the last entry then "…".
func appendOnce(list []string, s string) []string {
	if s == "" || slices.Contains(list, s) || len(list) > coverNames {
		return list
	}
	if len(list) == coverNames {
		return append(list, "…")
	}
	return append(list, s)
}

// coverNames is how many applicants, preparers or editions a cover lists.
const coverNames = 20

// ShortVersion is a version as a client's document names it on every
// page: the release (v1.2.0 of v1.2.0-3-gabc1234-dirty), or "dev" for a
// build that is no release (a bare commit).
func ShortVersion(v string) string {
	if m := releaseVersion.FindString(v); m != "" {
		return m
	}
	return "dev"
}

var releaseVersion = regexp.MustCompile(`^v?[0-9]+\.[0-9]+(\.[0-9]+)?`)

// writeCover writes the first page: the document's title, whom it is
// for, the policy it rests on, who prepared it and when, with what, what
// it is (and is not), and a block for the preparer's signature and the
// seal.
func (f *htmlForm) writeCover(b *bytes.Buffer) {
	p := f.o.Printer
	b.WriteString(`<section class="cover">` + "\n")
	fmt.Fprintf(b, "<h1>%s</h1>\n<dl class=\"cover\">\n", h(p.S("html.title")))
	pair := func(label, value string) { fmt.Fprintf(b, "<dt>%s</dt><dd>%s</dd>\n", h(label), value) }
	list := func(ss []string) string {
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = h(s)
		}
		return strings.Join(out, "<br>")
	}
	if f.first != nil && !f.o.Many {
		res := f.first.Result
		pair(p.S("label.project"), h(displayName(f.first)))
		if res.Applicant != "" {
			pair(p.S("label.applicant"), h(res.Applicant))
		}
		if res.CreditCode != "" {
			pair(p.S("label.credit-code"), h(res.CreditCode))
		}
		pair(p.S("label.date"), res.Date.String())
	} else {
		pair(p.S("html.cover.projects"), h(p.S("label.files", "done", f.count, "all", f.count+f.failed)))
		if len(f.applicants) > 0 {
			pair(p.S("label.applicant"), list(f.applicants))
		}
	}
	if len(f.editions) > 0 {
		pair(p.S("label.policy"), list(f.editions))
	}
	if len(f.preparers) > 0 {
		pair(p.S("label.preparer"), list(f.preparers))
	}
	if !f.o.Computed.IsZero() {
		pair(p.S("html.cover.computed"), f.o.Computed.String())
	}
	pair(p.S("html.cover.version"), h("szsoft "+f.o.Version))
	pair(p.S("html.unit"), h(p.S("html.unit."+p.Unit)))
	b.WriteString("</dl>\n")
	fmt.Fprintf(b, "<p class=\"source\">%s</p>\n", h(p.S("html.source")))
	fmt.Fprintf(b, `<table class="sign"><tr><th>%s</th><td></td><th>%s</th><td></td></tr>`+"\n"+
		`<tr><th>%s</th><td></td><th>%s</th><td class="seal"></td></tr></table>`+"\n",
		h(p.S("html.sign.preparer")), h(p.S("html.sign.date")), h(p.S("html.sign.reviewer")), h(p.S("html.sign.seal")))
	b.WriteString("</section>\n")
}

// editionTitle names the documents a document rests on: the edition's,
// and its layers'.
func editionTitle(p msg.Printer) string {
	if p.Edition == nil {
		return ""
	}
	return Documents(p.Edition)
}

// project writes one project's pages.
func (f *htmlForm) project(b *bytes.Buffer, r *Report) {
	p, res := f.o.Printer, r.Result
	b.WriteString(`<section class="project">` + "\n")
	title := res.Name
	if title == "" {
		title = p.S("label.title")
	}
	fmt.Fprintf(b, "<h1>%s</h1>\n<dl class=\"heading\">\n", h(title))
	pair := func(label, value string) { fmt.Fprintf(b, "<dt>%s</dt><dd>%s</dd>\n", h(label), value) }
	if res.Applicant != "" {
		pair(p.S("label.applicant"), h(res.Applicant))
	}
	if res.CreditCode != "" {
		pair(p.S("label.credit-code"), h(res.CreditCode))
	}
	pair(p.S("label.date"), res.Date.String())
	policy := res.Edition.Title
	if !strings.Contains(policy, res.Edition.Policy) {
		policy += p.S("label.paren", "text", res.Edition.Policy)
	}
	pair(p.S("label.policy"), h(policy))
	for _, l := range res.Edition.Layers {
		pair(p.S("label.layer."+string(l.Kind)), h(l.Title+p.S("label.paren", "text", l.Policy)))
	}
	if res.Preparer != "" {
		pair(p.S("label.preparer"), h(res.Preparer))
	}
	pair(p.S("html.unit"), h(p.S("html.unit."+p.Unit)))
	if r.File != nil {
		pair(p.S("label.file"), h(filepath.Base(*r.File)))
	}
	b.WriteString("</dl>\n")
	// Every input the figures rest on, named as the policy names them,
	// and the ledger's entries with their dates.
	if in := inputsNamed(res, p); len(in) > 0 {
		fmt.Fprintf(b, "<div class=\"keep\"><h2>%s</h2>\n<table class=\"inputs\">\n", h(p.S("html.inputs")))
		for _, row := range in {
			fmt.Fprintf(b, "<tr><th>%s</th><td class=\"%s\">%s</td></tr>\n", h(row.label), row.class, h(row.value))
		}
		b.WriteString("</table></div>\n")
	}
	if len(res.Received) > 0 {
		fmt.Fprintf(b, "<div class=\"keep\"><h2>%s</h2>\n<table class=\"received\">\n<thead><tr><th>%s</th><th>%s</th><th class=\"num\">%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
			h(p.S("html.received")), h(p.S("xcol.item")), h(p.S("xcol.date")), h(p.S("html.received.amount")), h(p.S("html.received.level")), h(p.S("xcol.payer")))
		for _, e := range res.Received {
			fmt.Fprintf(b, "<tr><td>%s</td><td class=\"date\">%s</td><td class=\"num\">%s</td><td>%s</td><td>%s</td></tr>\n",
				h(docItem(p, e.Item)), e.DateOr(res.Date).String(), p.Money(e.Amount), h(levelName(p, e)), h(p.S("payer."+string(e.Payer))))
		}
		b.WriteString("</tbody></table></div>\n")
	}

	// The lines, their notes numbered as in the terminal's table.
	rows, notes := lineRows(res, p)
	c := colsOf(res)
	lineRight := c.right()
	fmt.Fprintf(b, "<div class=\"keep\"><h2>%s</h2>\n", h(p.S("html.lines")))
	b.WriteString(`<table class="lines">` + "\n<thead><tr>")
	for i, key := range c.keys("xcol.") {
		head := p.S(key)
		class := ""
		if lineRight[i] {
			class = ` class="num"`
		}
		fmt.Fprintf(b, "<th%s>%s</th>", class, h(head))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for i, row := range rows {
		if i < len(res.Lines) {
			row[1] = docItem(p, res.Lines[i].Item.ID)
		}
		b.WriteString("<tr>")
		for i, c := range row {
			class := ""
			switch {
			case lineRight[i]:
				class = ` class="num"`
			case i == 0:
				class = ` class="clause"`
			case i == 1:
				class = ` class="item"`
			case i == 2:
				class = ` class="who"`
			}
			fmt.Fprintf(b, "<td%s>%s</td>", class, h(c))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n<tfoot>")
	total := c.total(p.S("label.total"), p.Money(res.Total))
	b.WriteString("<tr>")
	for i, c := range total {
		class := ""
		if lineRight[i] {
			class = ` class="num"`
		}
		fmt.Fprintf(b, "<td%s>%s</td>", class, h(c))
	}
	b.WriteString("</tr></tfoot>\n</table></div>\n")

	// What it takes to reach each cap not reached, drawn.
	if lines := chartLines(res); len(lines) > 0 {
		fmt.Fprintf(b, "<h2 class=\"charts\">%s</h2>\n", h(p.S("html.reach")))
		for _, l := range lines {
			b.WriteString(capChart(p, res.Edition, l))
		}
	}

	// 附则 and what the project can receive.
	b.WriteString(`<div class="side">` + "\n")
	fmt.Fprintf(b, "<div class=\"keep\"><h2>%s</h2>\n<dl class=\"annex\">\n", h(p.S("label.supplementary")))
	for _, pr := range annexPairs(p, res) {
		pair(pr[0], h(pr[1]))
	}
	b.WriteString("</dl></div>\n")

	fmt.Fprintf(b, "<div class=\"keep\"><h2>%s</h2>\n<table class=\"totals\">\n", h(p.S("label.totals")))
	for i, v := range projectTotals(res) {
		if !totalShown(res, i) {
			continue
		}
		class := ""
		if i == totGrand {
			class = ` class="grand"`
		}
		fmt.Fprintf(b, "<tr%s><th>%s</th><td class=\"num\">%s</td></tr>\n", class, h(totalLabel(p, res, i)), p.Money(v))
	}
	b.WriteString("</table></div>\n</div>\n")

	// What the guide asks of the application: its window, the documents.
	if asks := GuideAsks(res, p, func(id string) string { return docItem(p, id) }); len(asks) > 0 {
		fmt.Fprintf(b, "<div class=\"keep\"><h2>%s</h2>\n<dl class=\"annex\">\n", h(p.S("label.guide.asks")))
		for _, a := range asks {
			pair(a[0], h(a[1]))
		}
		b.WriteString("</dl></div>\n")
	}

	// How each figure was reached: the engine's steps.
	var steps []string
	for _, line := range res.Lines {
		steps = append(steps, fmt.Sprintf("<b>%s</b> %s", h(Cite(res, line.Item)+" "+docItem(p, line.Item.ID)), h(Steps(p, line.Steps))))
	}
	for _, st := range res.Steps {
		label := p.S("label.annex")
		if st.Code == calc.StepGrand {
			label = p.S("label.totals")
		}
		steps = append(steps, fmt.Sprintf("<b>%s</b> %s", h(label), h(p.Note(st))))
	}
	keepList(b, "ul", "explain", p.S("label.explain"), steps)
	var ns, ws []string
	for _, n := range notes {
		ns = append(ns, h(n))
	}
	for _, w := range res.Warnings {
		ws = append(ws, h(p.Note(w)))
	}
	keepList(b, "ol", "notes", p.S("label.notes"), ns)
	keepList(b, "ul", "warnings", p.S("label.warnings"), ws)

	// The policy's words behind every line, and the 附则's: here for one
	// project; for a batch once each, in an appendix after the projects,
	// so that no project's last page holds only the words its neighbours
	// repeat.
	if !f.o.Many {
		f.seen = nil
	}
	var quotes []string
	add := func(cite, q string) {
		if f.seen == nil {
			f.seen = map[string]bool{}
		}
		if f.seen[cite+q] {
			return
		}
		f.seen[cite+q] = true
		quotes = append(quotes, fmt.Sprintf("<blockquote><cite>%s</cite>%s</blockquote>\n", h(cite), h("「"+q+"」")))
	}
	for _, q := range QuotePairs(res, p, func(id string) string { return docItem(p, id) }) {
		add(q[0], q[1])
	}
	if f.o.Many {
		f.quotes = append(f.quotes, quotes...)
		fmt.Fprintf(b, "<p class=\"source\">%s</p>\n", h(p.S("html.quotes.appendix")))
	} else if len(quotes) > 0 {
		fmt.Fprintf(b, "<div class=\"keep\"><h2>%s</h2>\n%s</div>\n%s", h(p.S("label.quotes")), quotes[0], strings.Join(quotes[1:], ""))
	}
	b.WriteString("</section>\n")
}

// writeQuotes writes a batch's appendix: the policy's words behind every
// line of every project, each once.
func (f *htmlForm) writeQuotes(b *bytes.Buffer) {
	if len(f.quotes) == 0 {
		return
	}
	fmt.Fprintf(b, "<section class=\"quotes\">\n<h1>%s</h1>\n%s</section>\n", h(f.o.Printer.S("label.quotes")), strings.Join(f.quotes, ""))
}

// inputRow is one input in the 测算书's table of inputs.
type inputRow struct{ label, value, class string }

// inputsNamed are every input the figures rest on: each claim's, named by
// the measure and the input's words (首版次软件：一定时期内审定销售额), a
// measure claimed without inputs by its name, then the 附则's.
func inputsNamed(res *calc.Result, p msg.Printer) []inputRow {
	var rows []inputRow
	for i, ins := range AllInputs(res) {
		m, ok := res.Edition.Measure(res.Claims[i].Measure)
		if !ok {
			continue
		}
		if len(ins) == 0 {
			rows = append(rows, inputRow{p.Text(m.Title), p.S("html.input.claimed"), ""})
		}
		for _, v := range ins {
			class := ""
			if v.Input.Kind == measures.Amount || v.Input.Kind == measures.Rate {
				class = "num"
			}
			rows = append(rows, inputRow{p.S("html.input", "item", p.Text(m.Title), "input", shortHelp(p.Text(v.Input.Help))), v.Value(p), class})
		}
		if sk := sameKindOf(res, m); len(sk) > 0 {
			rows = append(rows, inputRow{p.S("html.input", "item", p.Text(m.Title), "input", p.S("label.samekind")), p.S("label.samekind.on", "what", calc.Declarations(sk)), ""})
		}
	}
	for _, v := range annexGiven(res) {
		class := ""
		if v.Input.Kind != measures.Switch {
			class = "num"
		}
		rows = append(rows, inputRow{p.S("html.input.annex", "input", shortHelp(p.Text(v.Input.Help))), v.Value(p), class})
	}
	return rows
}

// shortHelp is an input's help up to its first bracket: the name of the
// figure, without the instructions that follow it.
func shortHelp(s string) string {
	for _, cut := range []string{"（", " (", "；", "; "} {
		if i := strings.Index(s, cut); i > 0 {
			s = s[:i]
		}
	}
	return s
}

// keepList writes a heading and a list of items (HTML already), the heading
// and the first item kept on one page: a heading never ends a page alone.
func keepList(b *bytes.Buffer, tag, class, title string, items []string) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(b, "<div class=\"keep\"><h2>%s</h2>\n<%s class=\"%s\">\n<li>%s</li>\n</%s></div>\n", h(title), tag, class, items[0], tag)
	if len(items) == 1 {
		return
	}
	start := ""
	if tag == "ol" {
		start = ` start="2"`
	}
	fmt.Fprintf(b, "<%s class=\"%s cont\"%s>\n", tag, class, start)
	for _, it := range items[1:] {
		fmt.Fprintf(b, "<li>%s</li>\n", it)
	}
	fmt.Fprintf(b, "</%s>\n", tag)
}

// htmlStyle is the document's only style sheet: for the screen, and for
// A4 pages — a project starts a page, a row never splits across two, a
// table's header repeats, each page is numbered.
const htmlStyle = `:root { color-scheme: light; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", sans-serif;
  font-size: 10pt; line-height: 1.45; color: #111; margin: 2em auto; max-width: 60em; padding: 0 1em; }
h1 { font-size: 15pt; margin: 0 0 .4em; }
h2 { font-size: 11pt; margin: 1.2em 0 .4em; border-bottom: 1px solid #999; break-after: avoid; }
section + section { margin-top: 3em; border-top: 2px solid #333; padding-top: 1em; }
dl { display: grid; grid-template-columns: max-content auto; gap: .15em 1.2em; margin: 0; }
dt { color: #444; } dt::first-letter { text-transform: uppercase; } dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .4em 0; }
th, td { border-bottom: 1px solid #ccc; padding: .25em .35em; text-align: left; vertical-align: top; }
thead th { background: #e7eef7; border-bottom: 1px solid #555; }
tfoot td, tfoot th { font-weight: bold; border-top: 1px solid #555; border-bottom: 3px double #555; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.clause, .date, .status { white-space: nowrap; }
td.item { min-width: 8em; } td.who { min-width: 6.5em; }
.keep { break-inside: avoid; }
table.lines { font-size: 8.5pt; }
table.totals, table.inputs { width: auto; }
table.inputs th { font-weight: normal; padding-right: 2em; }
table.totals th::first-letter { text-transform: uppercase; }
table.summary { font-size: 9pt; }
table.summary th { white-space: normal; vertical-align: bottom; }
table.summary td:first-child, table.summary th:first-child { width: 34%; }
section.cover h1 { font-size: 22pt; margin: 3em 0 1.5em; }
dl.cover { font-size: 11pt; gap: .5em 2em; }
section.cover .source { margin-top: 2em; font-size: 9.5pt; }
table.sign { margin-top: 4em; width: 100%; border-collapse: collapse; font-size: 10.5pt; }
table.sign th { font-weight: normal; text-align: left; width: 18%; border: none; padding: 1.6em .4em .3em 0; vertical-align: bottom; }
table.sign td { border: none; border-bottom: 1px solid #333; width: 32%; }
table.sign td.seal { height: 4.5em; border: 1px dashed #777; }
table.received { width: auto; }
table.received td, table.received th { padding-right: 1.2em; }
.applicant { display: block; color: #555; font-size: 8pt; }
table.totals th { font-weight: normal; padding-right: 2em; }
table.totals tr.grand th, table.totals tr.grand td { font-weight: bold; border-top: 1px solid #555; }
ul, ol { margin: .3em 0; padding-left: 1.6em; }
.keep ul, .keep ol { margin-bottom: 0; } ul.cont, ol.cont { margin-top: 0; }
li { margin: .15em 0; break-inside: avoid; }
blockquote { margin: .4em 0 .4em 1em; padding-left: .8em; border-left: 3px solid #bbb; break-inside: avoid; }
blockquote cite { display: block; font-style: normal; color: #444; }
code { font-family: inherit; }
figure { margin: .5em 0 1em; }
figcaption { margin-bottom: .2em; }
h2.charts { break-after: avoid; }
svg.chart { display: block; width: 100%; max-width: 38em; height: auto; font-size: 11.5px; }
div.side { display: flex; flex-wrap: wrap; gap: 0 2.5em; align-items: flex-start; }
div.side > div { flex: 1 1 22em; }
ul.explain { font-size: 8.5pt; }
svg.chart text { fill: #222; }
svg.chart .axis { stroke: #555; fill: none; }
svg.chart .max { stroke: #1f4e79; stroke-width: 2; fill: none; }
svg.chart .min { stroke: #1f4e79; stroke-width: 1.2; stroke-dasharray: 5 3; fill: none; }
svg.chart .drop { stroke: #999; stroke-dasharray: 2 2; fill: none; }
svg.chart circle.kink { fill: #1f4e79; }
svg.chart text.rate { fill: #1f4e79; }
svg.chart circle.here, svg.chart text.here { fill: #b03a2e; }
svg.chart path.here { stroke: #b03a2e; }
.meta, .source { color: #444; }
.source { margin: .5em 0 0; font-size: 8.5pt; }
@page { size: A4; margin: 14mm 12mm 16mm;
  @top-left { content: {{running}}; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 8pt; color: #555; }
  @bottom-left { content: {{version}}; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 8pt; color: #555; }
  @bottom-center { content: {{page}}; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 8pt; color: #555; }
  @bottom-right { content: {{computed}}; font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 8pt; color: #555; } }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; line-height: 1.35; }
  h1 { font-size: 14pt; } h2 { margin: .9em 0 .3em; }
  section { break-before: page; }
  section:first-of-type { break-before: auto; }
  section + section { margin-top: 0; border-top: none; padding-top: 0; }
  thead { display: table-header-group; }
  tfoot { display: table-row-group; }
  tr { break-inside: avoid; }
}
`
