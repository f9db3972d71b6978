package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/internal/project"
	"szsoft/internal/render"
	"szsoft/internal/roster"
	"szsoft/measures"
)

func (a *app) initCmd() *cobra.Command {
	form := &choiceFlag{onceValue: onceValue{name: "roster"}, values: []string{"csv", "xlsx"}}
	out := &calcOptions{out: stringFlag{onceValue: onceValue{name: "out"}, typ: "file"},
		bom: switchFlag{onceValue: onceValue{name: "bom"}}, noBOM: switchFlag{onceValue: onceValue{name: "no-bom"}}}
	policy := a.newPolicyFlag()
	cmd := &cobra.Command{
		Use:               "init [<measure>...]",
		ValidArgsFunction: a.completeMeasures,
		RunE: func(cmd *cobra.Command, args []string) error {
			ed := policy.lookup()
			var list []*measures.Measure
			for _, name := range args {
				m, ok := ed.Find(name)
				if !ok {
					return a.unknownMeasure(name)
				}
				list = append(list, m)
			}
			if len(list) == 0 {
				list = ed.Measures
			}
			if form.set {
				return a.writeRosterTemplate(ed, list, form.v, out)
			}
			if out.out.set {
				return usage("cli.init.out").withHint("cli.init.out.hint")
			}
			var buf bytes.Buffer
			writeTemplate(&buf, ed, list, a.printer("yuan").For(ed))
			_, err := a.stdout.Write(buf.Bytes())
			return err
		},
	}
	a.describe(cmd, "init")
	p := a.printer("yuan")
	cmd.Flags().Var(form, "roster", p.S("flag.roster"))
	cmd.Flags().Var(&out.out, "out", p.S("flag.roster.out"))
	addSwitch(cmd.Flags(), &out.bom, p.S("flag.bom"))
	addSwitch(cmd.Flags(), &out.noBOM, p.S("flag.no-bom"))
	cmd.Flags().Var(policy, "policy", p.S("flag.policy", "editions", a.reg.IDs()))
	a.completeFlags(cmd, cmd.Flags())
	return cmd
}

// The names the template of init gives a project, to be replaced.
const (
	templateName      = "项目名称"
	templateApplicant = "申请单位"
)

// unedited is the warning of a project whose name or applicant is still
// the template's (the roster's example row is an error record of its own).
func unedited(p *calc.Project) []calc.Note {
	if p.Name == templateName || p.Applicant == templateApplicant {
		return []calc.Note{note("warn.template", "name", p.Name, "applicant", p.Applicant)}
	}
	return nil
}

// writeRosterTemplate writes a roster's template (SPEC §9): the header
// row, in the language of the run, and a row of examples, as a CSV or a
// workbook, to standard output or --out, as -o would.
func (a *app) writeRosterTemplate(ed *measures.Edition, list []*measures.Measure, form string, opts *calcOptions) error {
	if opts.out.set && opts.out.raw != "-" {
		if ext := strings.ToLower(filepath.Ext(opts.out.raw)); ext != "."+form {
			return usage("cli.out.contradicts", "form", form, "out", opts.out.raw, "ext", strings.TrimPrefix(ext, ".")).withHint("cli.out.contradicts.hint", "exts", "."+form)
		}
	}
	p := a.printer("yuan").For(ed)
	bom, err := a.bomOf(opts.bom, opts.noBOM, opts.out)
	if err != nil {
		return err
	}
	header, example := rosterTemplate(a.tree, ed, list, p)
	rows := [][]roster.Value{header, example}
	o, err := a.openOutput(opts, form)
	if err != nil {
		return err
	}
	if form == "xlsx" {
		err = roster.WriteXLSX(o.w, p.S("roster.sheet"), rows)
	} else {
		err = roster.WriteCSV(o.w, rows, bom)
	}
	if err != nil {
		o.abort()
		return err
	}
	return o.commit()
}

// rosterTemplate is a roster's header and a row of examples: the project's
// name, applicant and date, the 附则 inputs (empty: not given), then each
// measure's inputs with the example values of its help, or its claim.
func rosterTemplate(reg *measures.Registry, ed *measures.Edition, list []*measures.Measure, p msg.Printer) (header, example []roster.Value) {
	add := func(c project.Column, v roster.Value) {
		h := c.Header()
		if p.Zh() {
			h = project.ChineseHeader(reg, c)
			if (c.Kind == project.KindInput || c.IsInput) && c.Input.Kind == measures.Amount {
				h += "（元）" // the unit its numbers are in; （万元） reads them so
			}
		}
		header = append(header, roster.Value{Text: h})
		example = append(example, v)
	}
	for _, key := range []string{project.KeyName, project.KeyApplicant} {
		c, _ := project.TopColumn(reg, key)
		add(c, roster.Value{Text: p.S("roster.example." + key)})
	}
	for _, in := range ed.Supplementary.Inputs {
		c, _ := project.TopColumn(reg, in.Key())
		v := roster.Value{}
		if in.Kind == measures.Date {
			v = roster.Value{Text: "2026-03-01", Kind: roster.Date}
		}
		add(c, v)
	}
	yes := p.S("roster.yes")
	for _, m := range list {
		example := exampleValues(m)
		for _, c := range project.MeasureColumns(m) {
			if c.Kind != project.KindClaim {
				add(c, rosterExample(c.Input, example, m, yes, p))
				continue
			}
			add(c, roster.Value{Text: yes})
		}
	}
	return header, example
}

// rosterExample is an input's example cell: the measure's example value,
// an amount as a number, a switch as yes, a choice by its Chinese name in
// Chinese; empty where the example gives none.
func rosterExample(in measures.Input, example map[string]string, m *measures.Measure, yes string, p msg.Printer) roster.Value {
	value, given := example[in.Name]
	if !given {
		return roster.Value{}
	}
	switch in.Kind {
	case measures.Amount:
		if d, err := calc.ParseAmount(value); err == nil {
			return roster.Value{Text: d.String(), Kind: roster.Number}
		}
	case measures.Rate:
		return roster.Value{Text: strings.Trim(value, `"`)}
	case measures.Switch:
		return roster.Value{Text: yes}
	case measures.Choice, measures.Choices:
		words := strings.Split(value, ",")
		for i, w := range words {
			words[i] = choiceWord(in, w, p)
		}
		sep := ";"
		if p.Zh() {
			sep = "、"
		}
		return roster.Value{Text: strings.Join(words, sep)}
	}
	return roster.Value{Text: value}
}

// templateLine writes "key = value" with its comment aligned.
func templateLine(buf *bytes.Buffer, commented bool, key, value, comment string) {
	line := key + " = " + value
	if commented {
		line = "# " + line
	}
	pad := max(34-render.DisplayWidth(line), 1)
	fmt.Fprintf(buf, "%s%s# %s\n", line, strings.Repeat(" ", pad), comment)
}

// writeTemplate writes a project file template: the file's own keys, the
// 附则 inputs (commented: they are optional), then a table per measure with
// its example values. Every key comes from the declarations of the edition.
func writeTemplate(buf *bytes.Buffer, ed *measures.Edition, list []*measures.Measure, p msg.Printer) {
	s := ed.Supplementary
	for _, line := range strings.Split(p.S("tpl.head", "policy", ed.Policy), "\n") {
		buf.WriteString(strings.TrimRight("# "+line, " ") + "\n")
	}
	buf.WriteString("\n")
	templateLine(buf, false, project.KeyName, `"`+templateName+`"`, p.S("tpl.name"))
	templateLine(buf, false, project.KeyApplicant, `"`+templateApplicant+`"`, p.S("tpl.applicant"))
	templateLine(buf, true, project.KeyUnit, `"yuan"`, p.S("tpl.unit"))
	templateLine(buf, true, project.KeyPolicy, `"`+ed.ID+`"`, p.S("tpl.policy"))
	// What the 附则 say, of the rules the edition has.
	annex := "tpl.annex.window"
	if _, ok := ed.Rule(measures.AnnexCumulativeCap); ok {
		annex = "tpl.annex"
	}
	buf.WriteString("\n# " + p.S(annex, "from", s.From, "to", s.To) + "\n")
	for _, in := range s.Inputs {
		value := map[measures.InputKind]string{measures.Date: "2026-03-01", measures.Amount: "0", measures.Rate: "0", measures.Switch: "false"}[in.Kind]
		templateLine(buf, true, in.Key(), value, inputUsage(in, p))
	}
	if _, ok := ed.Rule(measures.AnnexNoDouble); ok {
		buf.WriteString("# " + strings.ReplaceAll(p.S("tpl.samekind"), "\n", "\n# ") + "\n")
	}
	for _, m := range list {
		example := exampleValues(m)
		cl, _ := ed.Home(m).ClauseByNumber(m.Clause)
		fmt.Fprintf(buf, "\n# %s %s — %s\n# %s\n[%s]\n", m.Clause, cl.Title.Zh, p.Text(m.Title), p.Text(m.Summary), m.Name)
		for _, in := range m.Inputs {
			value, given := example[in.Name]
			switch in.Kind {
			case measures.Amount:
				if !given {
					value = "0"
				}
			case measures.Rate:
				if !given {
					value = `"` + rateRange(m, in.Name) + `"`
				}
			case measures.Switch:
				value = "false"
				if given {
					value = "true"
				}
				given = true
			case measures.Choice:
				if !given {
					value = in.Values[0]
				}
				value = `"` + choiceWord(in, value, p) + `"`
			case measures.Choices:
				if !given {
					value = in.Values[0]
				}
				words := strings.Split(value, ",")
				for i, w := range words {
					words[i] = choiceWord(in, w, p)
				}
				value = `["` + strings.Join(words, `", "`) + `"]`
			}
			templateLine(buf, !given, in.Key(), value, inputUsage(in, p))
		}
	}
}

// choiceWord is a choice's value as a template writes it: in Chinese by its
// Chinese name where it has one (省级), which the file reads as well.
func choiceWord(in measures.Input, v string, p msg.Printer) string {
	if l := in.Aliases.Label(v); p.Zh() && l != "" {
		return l
	}
	return v
}

// exampleValues reads the measure's example flags ("--sales 5e7 --honor")
// into values by input name.
func exampleValues(m *measures.Measure) map[string]string {
	values := map[string]string{}
	words := strings.Fields(m.Example)
	for i := 0; i < len(words); i++ {
		name := strings.TrimPrefix(words[i], "--")
		in, ok := m.Input(name)
		if !ok {
			continue
		}
		if in.Kind == measures.Switch {
			values[name] = "true"
			continue
		}
		if i+1 < len(words) {
			i++
			v := words[i]
			// A rate, or an amount as the policy writes it (1500万), is a
			// string to TOML; 5e7 stays a number.
			if in.Kind == measures.Rate || in.Kind == measures.Amount && !tomlNumber(v) {
				v = strconv.Quote(v)
			}
			values[name] = v
		}
	}
	return values
}

// rateRange describes the rates the item fed by the rate input allows.
func rateRange(m *measures.Measure, input string) string {
	for _, it := range m.Items {
		if it.RateInput == input {
			return msg.Percent(it.RateHigh)
		}
	}
	return ""
}

// tomlNumber reports whether v reads as a TOML number as it is written:
// digits first, then digits, '.', '_', an exponent and its sign.
func tomlNumber(v string) bool {
	if v == "" || v[0] < '0' || v[0] > '9' {
		return false
	}
	for _, r := range v {
		if !strings.ContainsRune("0123456789._eE+-", r) {
			return false
		}
	}
	_, err := strconv.ParseFloat(strings.ReplaceAll(v, "_", ""), 64)
	return err == nil
}
