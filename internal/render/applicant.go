package render

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"szsoft/calc"
	"szsoft/internal/msg"
)

// The applicant view (docs/contract.md §11): after the results of a
// batch, one entry per applicant — its files with their grand totals, its
// firm awards each once, the claims not counted, and its total.

// ApplicantForm is a form that shows the applicant view. Applicants is
// called once, after the last result and before End.
type ApplicantForm interface {
	Applicants(as []*calc.Applicant) error
}

// AlwaysApplicants reports whether the form shows the applicant view in
// every batch (the workbook's sheet, the 测算书's pages), not only with
// --by applicant.
func AlwaysApplicants(f Form) bool {
	_, ok := f.(interface{ alwaysApplicants() })
	return ok
}

// jsonApplicant is an applicant as JSON and jsonl write it: amounts in
// yuan as strings with two decimals, as every amount of the contract.
type jsonApplicant struct {
	Applicant struct {
		Name       *string          `json:"name"`
		CreditCode *string          `json:"credit_code"`
		Files      []jsonApplicantF `json:"files"`
		Awards     []jsonAward      `json:"firm_awards"`
		Duplicates []jsonAward      `json:"duplicates"`
		Total      string           `json:"total"`
		Unlisted   int              `json:"duplicates_unlisted"`
		Warnings   []string         `json:"warnings"`
	} `json:"applicant"`
}

type jsonApplicantF struct {
	File        string `json:"file"`
	Name        string `json:"name"`
	GrandTotal  string `json:"grand_total"`
	ProjectPart string `json:"project_part"`
}

type jsonAward struct {
	Item   string  `json:"item"`
	Level  *string `json:"level"`
	Year   int     `json:"year"`
	File   string  `json:"file"`
	Amount string  `json:"amount"`
	Match  string  `json:"district_match"`
	Kept   *string `json:"counted_in,omitempty"`
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func jsonAwards(as []calc.Award) []jsonAward {
	out := []jsonAward{}
	for _, a := range as {
		out = append(out, jsonAward{Item: a.Item.ID, Level: optString(a.Level), Year: a.Year(), File: a.File,
			Amount: a.Amount.StringFixed(2), Match: a.Match.StringFixed(2), Kept: optString(a.Kept)})
	}
	return out
}

func (f *jsonForm) Applicants(as []*calc.Applicant) error {
	for _, a := range as {
		var j jsonApplicant
		j.Applicant.Name, j.Applicant.CreditCode = optString(a.Name), optString(a.CreditCode)
		j.Applicant.Files = []jsonApplicantF{}
		for _, fl := range a.Files {
			j.Applicant.Files = append(j.Applicant.Files, jsonApplicantF{File: fl.File, Name: fl.Name,
				GrandTotal: fl.Grand().StringFixed(2), ProjectPart: fl.ProjectPart().StringFixed(2)})
		}
		j.Applicant.Awards, j.Applicant.Duplicates = jsonAwards(a.Awards), jsonAwards(a.Duplicates)
		j.Applicant.Total = a.Total.StringFixed(2)
		j.Applicant.Unlisted = a.Unlisted
		j.Applicant.Warnings = append([]string{}, ApplicantWarnings(f.o.Printer, a, true)...)
		if err := f.writeValue(j); err != nil {
			return err
		}
	}
	return nil
}

// AwardName names an award: its item, and the choice it was claimed by
// (质量认证（CMMI 5级）).
func AwardName(p msg.Printer, a calc.Award) string {
	p = p.For(a.Edition)
	name := p.Item(a.Item.ID)
	if l := p.Text(a.Label()); l != "" {
		return name + p.S("label.award.level", "level", l)
	}
	if a.Level != "" {
		var levels []string
		for _, l := range strings.Split(a.Level, ",") {
			levels = append(levels, choiceLabel(p, a, l))
		}
		name += p.S("label.award.level", "level", strings.Join(levels, p.S("label.list.sep")))
	}
	return name
}

// choiceLabel is a choice's name in the language: its Chinese label in
// Chinese where the edition gives one.
func choiceLabel(p msg.Printer, a calc.Award, v string) string {
	if m, ok := a.Edition.Measure(a.Item.Measure); ok && p.Zh() {
		if in, ok := m.Input(a.Item.Claim); ok {
			if l := in.Aliases.Label(v); l != "" {
				return l
			}
		}
	}
	return v
}

// ApplicantRows are the applicant view as rows: the applicant, its code,
// its files, the firm awards counted once, and its total, with a note per
// duplicate claim.
func ApplicantRows(p msg.Printer, as []*calc.Applicant) (header []string, rows [][]string, notes []string) {
	for _, k := range []string{"col.app.name", "col.app.code", "col.app.files", "col.app.awards", "col.app.total"} {
		header = append(header, p.S(k))
	}
	for _, a := range as {
		var files []string
		for _, f := range a.Files {
			files = append(files, Safe(f.File)+" "+p.Money(f.ProjectPart()))
		}
		var awards []string
		for _, aw := range a.Awards {
			awards = append(awards, p.S("label.award.year", "award", AwardName(p, aw), "year", aw.Year())+" "+p.Money(aw.Amount.Add(aw.Match)))
		}
		sep := p.S("label.list.sep")
		rows = append(rows, []string{Clip(Safe(a.Name), maxCell), a.CreditCode, strings.Join(files, sep), strings.Join(awards, sep), p.Money(a.Total)})
		for _, d := range a.Duplicates {
			notes = append(notes, p.S("note.app.duplicate", "applicant", Clip(Safe(a.Name), maxCell), "award", AwardName(p, d),
				"year", strconv.Itoa(d.Year()), "file", Safe(d.File), "kept", Safe(d.Kept)))
		}
		if a.Unlisted > 0 {
			notes = append(notes, p.S("note.app.unlisted", "applicant", Clip(Safe(a.Name), maxCell), "n", a.Unlisted))
		}
	}
	return header, rows, notes
}

func (t *table) Applicants(as []*calc.Applicant) error {
	t.applicants = append(t.applicants, as...)
	return nil
}

// applicantSummary writes the applicant view below the rows per file.
func (t *table) applicantSummary(w io.Writer) error {
	if len(t.applicants) == 0 {
		return nil
	}
	p := t.o.Printer
	h, rows, notes := ApplicantRows(p, t.applicants)
	right := []bool{false, false, false, false, true}
	if t.markdown {
		if _, err := io.WriteString(w, "\n## "+p.S("label.by-applicant")+"\n\n"); err != nil {
			return err
		}
		var buf bytes.Buffer
		markdownTable(&buf, h, rows, right)
		for _, n := range notes {
			buf.WriteString("- " + n + "\n")
		}
		_, err := w.Write(buf.Bytes())
		return err
	}
	if _, err := io.WriteString(w, "\n"+p.S("label.by-applicant")+"\n"); err != nil {
		return err
	}
	each := func(fn func([]string) error) error {
		for _, r := range rows {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}
	wrap := []bool{true, false, true, true, false}
	g := Grid{Header: h, Each: each, Right: right, Wrap: wrap}
	if ok, err := g.Render(w, t.o.Width); err != nil {
		return err
	} else if !ok {
		// Blocks, as the rows per file fall back to: the applicant, then
		// each figure under its label.
		lw := 0
		for _, l := range h[1:] {
			lw = max(lw, DisplayWidth(l))
		}
		var b strings.Builder
		for _, r := range rows {
			b.WriteString("\n" + r[0] + "\n")
			for i := 1; i < len(r); i++ {
				if r[i] != "" {
					first := "  " + h[i] + strings.Repeat(" ", lw-DisplayWidth(h[i])) + "  "
					b.WriteString(Indent(r[i], t.o.Width, first, strings.Repeat(" ", DisplayWidth(first))))
				}
			}
		}
		if _, err := io.WriteString(w, b.String()); err != nil {
			return err
		}
	}
	var b strings.Builder
	for _, n := range notes {
		b.WriteString(Indent(n, t.o.Width, "* ", "  "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (f *htmlForm) alwaysApplicants() {}

// Applicants writes a page per applicant to the spool of its pages, which
// End prints after the summary: called once an applicant, as a batch
// counts them, nothing of them is kept in memory.
func (f *htmlForm) Applicants(as []*calc.Applicant) error {
	if f.appPages == nil {
		f.appPages = newSpool(f.o)
	}
	for _, a := range as {
		var b bytes.Buffer
		f.writeApplicant(&b, a)
		if err := f.appPages.add(b.String()); err != nil {
			return err
		}
	}
	return nil
}

// writeApplicant writes an applicant's page: its projects with their
// grand totals and project parts, its firm awards each once with their
// district match, the claims not counted, and its total.
func (f *htmlForm) writeApplicant(b *bytes.Buffer, a *calc.Applicant) {
	p := f.o.Printer
	{
		b.WriteString(`<section class="applicant">` + "\n")
		fmt.Fprintf(b, "<h1>%s</h1>\n", h(p.S("html.app.title", "applicant", a.Name)))
		if a.CreditCode != "" {
			fmt.Fprintf(b, `<p class="meta">%s：%s</p>`+"\n", h(p.S("label.credit-code")), h(a.CreditCode))
		}
		fmt.Fprintf(b, "<table class=\"summary\">\n<thead><tr><th>%s</th><th>%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th></tr></thead>\n<tbody>\n",
			h(p.S("col.batch.name")), h(p.S("xcol.file")), h(p.S("xcol.grand")), h(p.S("html.app.part")))
		for _, fl := range a.Files {
			fmt.Fprintf(b, "<tr><td>%s</td><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>\n",
				h(fl.Name), h(filepath.Base(fl.File)), p.Money(fl.Grand()), p.Money(fl.ProjectPart()))
		}
		b.WriteString("</tbody>\n</table>\n")
		if len(a.Awards) > 0 {
			fmt.Fprintf(b, "<h2>%s</h2>\n", h(p.S("html.app.awards")))
			fmt.Fprintf(b, "<table class=\"summary\">\n<thead><tr><th>%s</th><th>%s</th><th>%s</th><th class=\"num\">%s</th><th class=\"num\">%s</th></tr></thead>\n<tbody>\n",
				h(p.S("xcol.app.what")), h(p.S("html.app.year")), h(p.S("xcol.file")), h(p.S("xcol.amount")), h(p.S("xcol.match")))
			for _, aw := range a.Awards {
				fmt.Fprintf(b, "<tr><td>%s</td><td>%d</td><td>%s</td><td class=\"num\">%s</td><td class=\"num\">%s</td></tr>\n",
					h(AwardName(p, aw)), aw.Year(), h(filepath.Base(aw.File)), p.Money(aw.Amount), p.Money(aw.Match))
			}
			b.WriteString("</tbody>\n</table>\n")
		}
		if len(a.Duplicates) > 0 {
			fmt.Fprintf(b, "<h2>%s</h2>\n<ul>\n", h(p.S("html.app.duplicates")))
			for _, d := range a.Duplicates {
				fmt.Fprintf(b, "<li>%s</li>\n", h(p.S("note.app.duplicate", "applicant", a.Name, "award", AwardName(p, d),
					"year", strconv.Itoa(d.Year()), "file", filepath.Base(d.File), "kept", filepath.Base(d.Kept))))
			}
			if a.Unlisted > 0 {
				fmt.Fprintf(b, "<li>%s</li>\n", h(p.S("note.app.unlisted", "applicant", a.Name, "n", a.Unlisted)))
			}
			b.WriteString("</ul>\n")
		}
		fmt.Fprintf(b, `<p class="grand">%s：<strong>%s</strong></p>`+"\n", h(p.S("html.app.total")), p.Money(a.Total))
		fmt.Fprintf(b, `<p class="meta">%s</p>`+"\n", h(p.S("html.app.how")))
		b.WriteString("</section>\n")
	}
}

// ApplicantWarnings are what a run says of an applicant: its awards
// claimed in several files (with the applicant view, counted once;
// without it, counted in each file's total), a name given with several
// codes, receipts too many to combine.
func ApplicantWarnings(p msg.Printer, a *calc.Applicant, by bool) []string {
	var ws []string
	sep := p.S("label.list.sep")
	if len(a.Duplicates) > 0 {
		var awards, files []string
		for _, d := range a.Duplicates {
			if name := AwardName(p, d); !slices.Contains(awards, name) {
				awards = append(awards, name)
			}
			for _, f := range []string{d.Kept, d.File} {
				if f = filepath.Base(f); !slices.Contains(files, f) {
					files = append(files, f)
				}
			}
		}
		key := "warn.app.several"
		if by {
			key = "warn.app.duplicates"
		}
		ws = append(ws, p.S(key, "applicant", Safe(a.Name), "awards", strings.Join(awards, sep), "files", Safe(strings.Join(files, sep))))
	}
	if len(a.Ambiguous) > 0 {
		var files []string
		for _, f := range a.Ambiguous {
			files = append(files, filepath.Base(f))
		}
		ws = append(ws, p.S("warn.app.ambiguous", "applicant", Safe(a.Name), "files", Safe(strings.Join(files, sep)), "code", a.CreditCode))
	}
	if len(a.Names) > 0 {
		ws = append(ws, p.S("warn.app.names", "code", a.CreditCode, "applicant", Safe(a.Name), "names", Safe(strings.Join(a.Names, sep))))
	}
	if a.TooManyReceipts {
		ws = append(ws, p.S("warn.app.receipts", "applicant", Safe(a.Name), "max", calc.MaxApplicantReceipts))
	}
	return ws
}
