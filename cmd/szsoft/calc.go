package main

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"szsoft/calc"
	"szsoft/measures"
	"szsoft/project"
)

// Output forms (SPEC section 3).
var (
	outputForms = []string{"table", "json", "jsonl", "csv", "markdown", "xlsx", "total"}
	units       = []string{"yuan", "wan"}
	langs       = []string{"zh", "en"}
)

// calcOptions holds the flags calc and batch share: output, language and the
// inputs of the 附则.
type calcOptions struct {
	file          stringFlag
	output        choiceFlag
	out           stringFlag
	unit          choiceFlag
	lang          choiceFlag
	date          stringFlag
	sameKind      switchFlag
	audited       amountFlag
	national      amountFlag
	provincial    amountFlag
	otherCity     amountFlag
	districtRatio rateFlag
	strictCap     switchFlag
	explain       switchFlag
}

func newCalcOptions() *calcOptions {
	o := &calcOptions{}
	o.file = stringFlag{onceValue: onceValue{name: "file"}, typ: "file"}
	o.output = choiceFlag{onceValue: onceValue{name: "output"}, values: outputForms}
	o.out = stringFlag{onceValue: onceValue{name: "out"}, typ: "file"}
	o.unit = choiceFlag{onceValue: onceValue{name: "unit"}, values: units}
	o.lang = choiceFlag{onceValue: onceValue{name: "lang"}, values: langs}
	o.date = stringFlag{onceValue: onceValue{name: "date"}, typ: "YYYY-MM-DD", check: func(s string) error {
		_, err := calc.ParseDate(s)
		return err
	}}
	o.sameKind = switchFlag{onceValue: onceValue{name: "same-kind"}}
	o.audited = amountFlag{onceValue: onceValue{name: "audited-investment"}}
	o.national = amountFlag{onceValue: onceValue{name: "national-funding"}}
	o.provincial = amountFlag{onceValue: onceValue{name: "provincial-funding"}}
	o.otherCity = amountFlag{onceValue: onceValue{name: "other-city-funding"}}
	o.districtRatio = rateFlag{onceValue: onceValue{name: "district-ratio"}}
	o.strictCap = switchFlag{onceValue: onceValue{name: "strict-cap"}}
	o.explain = switchFlag{onceValue: onceValue{name: "explain"}}
	return o
}

func (o *calcOptions) register(fs *pflag.FlagSet, withFile bool) {
	unsorted(fs)
	if withFile {
		fs.VarP(&o.file, "file", "f", "TOML project file; - reads standard input")
	}
	fs.VarP(&o.output, "output", "o", "output form: "+strings.Join(outputForms, "|")+" (default table)")
	fs.Var(&o.out, "out", "write the output to this file instead of standard output")
	fs.Var(&o.unit, "unit", "amounts in table and markdown output: yuan|wan (default yuan)")
	fs.Var(&o.lang, "lang", "language of titles, headers and notes: zh|en (default from the locale)")
	fs.Var(&o.date, "date", "date of the qualifying event (附则 validity window; default today)")
	addSwitch(fs, &o.sameKind, "the project already has support under a similar municipal measure (附则)")
	fs.Var(&o.audited, "audited-investment", "audited investment of the project (附则 cumulative cap)")
	fs.Var(&o.national, "national-funding", "national funding of the project (附则)")
	fs.Var(&o.provincial, "provincial-funding", "provincial funding of the project (附则)")
	fs.Var(&o.otherCity, "other-city-funding", "Shenzhen funding already received for the project (附则)")
	fs.Var(&o.districtRatio, "district-ratio", "the district's own matching ratio (附则; default 0)")
	addSwitch(fs, &o.strictCap, "all-levels reading of the cumulative cap: national and provincial money count too (附则)")
	if withFile {
		addSwitch(fs, &o.explain, "under the table, the arithmetic of every line and of the 附则, in words")
	}
}

// override puts the 附则 flags that were given into p, over what a project
// file said.
func (o *calcOptions) override(p *calc.Project) {
	if o.date.set {
		p.Date, _ = calc.ParseDate(o.date.raw) // checked when parsed
	}
	if o.sameKind.set {
		p.SameKind = o.sameKind.on
	}
	if o.audited.set {
		v := o.audited.v
		p.AuditedInvestment = &v
	}
	if o.national.set {
		p.NationalFunding = o.national.v
	}
	if o.provincial.set {
		p.ProvincialFunding = o.provincial.v
	}
	if o.otherCity.set {
		p.OtherCityFunding = o.otherCity.v
	}
	if o.districtRatio.set {
		p.DistrictRatio = o.districtRatio.v
	}
	if o.strictCap.set {
		p.StrictCap = o.strictCap.on
	}
}

// flagGiven reports whether the 附则 flag called name was given.
func (o *calcOptions) flagGiven(name string) bool {
	for _, f := range []inputFlag{&o.sameKind, &o.audited, &o.national, &o.provincial, &o.otherCity, &o.districtRatio, &o.strictCap} {
		if f.flagName() == name {
			return f.given()
		}
	}
	return false
}

// measureFlags are the flags of one measure subcommand, made from the
// measure's inputs in the catalogue.
type measureFlags struct {
	m     *measures.Measure
	flags []inputFlag
}

func newMeasureFlags(m *measures.Measure) *measureFlags {
	mf := &measureFlags{m: m}
	for _, in := range m.Inputs {
		o := onceValue{name: in.Name}
		switch in.Kind {
		case measures.Amount:
			mf.flags = append(mf.flags, &amountFlag{onceValue: o})
		case measures.Rate:
			mf.flags = append(mf.flags, &rateFlag{onceValue: o})
		case measures.Switch:
			mf.flags = append(mf.flags, &switchFlag{onceValue: o})
		case measures.Choice:
			mf.flags = append(mf.flags, &choiceFlag{onceValue: o, values: in.Values})
		case measures.Choices:
			mf.flags = append(mf.flags, &choicesFlag{name: in.Name, values: in.Values})
		}
	}
	return mf
}

func (mf *measureFlags) register(fs *pflag.FlagSet) {
	unsorted(fs)
	for i, in := range mf.m.Inputs {
		usage := in.Help.En
		if len(in.Values) > 0 && in.Kind == measures.Choice {
			usage += " (" + strings.Join(in.Values, "|") + ")"
		}
		if in.Kind == measures.Choices {
			usage += " (" + strings.Join(in.Values, "|") + "; repeatable)"
		}
		if in.Required {
			usage += " (required)"
		}
		if sw, ok := mf.flags[i].(*switchFlag); ok {
			addSwitch(fs, sw, usage)
			continue
		}
		fs.Var(mf.flags[i], in.Name, usage)
	}
}

// merge puts the flags that were given into c, over what a project file
// said.
func (mf *measureFlags) merge(c *calc.Claim) {
	for _, f := range mf.flags {
		if f.given() {
			f.apply(c)
		}
	}
}

// raw returns what was typed for the flag called name, for error messages.
func (mf *measureFlags) raw(name string) string {
	for _, f := range mf.flags {
		if f.flagName() == name && f.given() {
			return f.String()
		}
	}
	return ""
}

func (a *app) calcCmd() *cobra.Command {
	opts := newCalcOptions()
	cmd := &cobra.Command{
		Use:   "calc [<measure>] [flags]",
		Short: "Compute the subsidy of one measure, or of every measure a project file names",
		Long: `Compute the maximum subsidy of a measure of 深府规〔2022〕5号, with the
matching-fund limits of the 附则 and the clause behind every figure.

Name a measure and give its inputs as flags, or give a project file with
--file to compute every measure it names; flags override the file's keys.`,
		Example: `  szsoft calc first-version --sales 5e7
  szsoft calc platform --operating-cost 1e7 -o json
  szsoft calc new-product --investment 1.6e7 --national-funding 2e6 --audited-investment 1e7`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return unknownMeasure(args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !opts.file.set {
				return usagef("name a measure, e.g. 'szsoft calc first-version --sales 5e7', or give --file; measures: "+strings.Join(measures.Get().Names(), ", "),
					"calc needs a measure or --file")
			}
			return a.runCalc(opts, nil)
		},
	}
	opts.register(cmd.PersistentFlags(), true)
	completeFlags(cmd, cmd.PersistentFlags())
	for _, m := range measures.Get().Measures {
		cmd.AddCommand(a.measureCmd(m, opts))
	}
	return cmd
}

func (a *app) measureCmd(m *measures.Measure, opts *calcOptions) *cobra.Command {
	mf := newMeasureFlags(m)
	example := "  szsoft calc " + m.Name
	if m.Example != "" {
		example += " " + m.Example
	}
	cmd := &cobra.Command{
		Use:     m.Name + " [flags]",
		Short:   m.Clause + " " + m.Title.Zh + " — " + m.Title.En,
		Long:    m.Clause + " " + m.Title.Zh + " — " + m.Title.En + "\n\n" + m.Summary,
		Example: example,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runCalc(opts, mf)
		},
	}
	mf.register(cmd.Flags())
	completeFlags(cmd, cmd.Flags())
	return cmd
}

func unknownMeasure(name string) error {
	hint := "measures: " + strings.Join(measures.Get().Names(), ", ")
	if s := project.Suggest(name, measures.Get().Names()); s != "" {
		hint = "did you mean '" + s + "'? " + hint
	}
	return usagef(hint, "unknown measure %q", name)
}

// runCalc computes one project — from flags, a project file or both — and
// writes it in the chosen form. Nothing is written to standard output unless
// the whole computation succeeded.
func (a *app) runCalc(opts *calcOptions, mf *measureFlags) error {
	lang := a.lang(&opts.lang)
	in := &sources{opts: opts, mf: mf}
	p := &calc.Project{}
	if opts.file.set {
		f, err := a.readProject(opts.file.raw)
		if err != nil {
			return err
		}
		in.file, p = f, &f.Project
		if mf == nil {
			if err := f.NoClaim(); err != nil {
				return err
			}
		}
	}
	res, err := a.compute(p, in)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	rep := &report{res: res, project: p}
	if in.file != nil {
		rep.file = &in.file.Path
	}
	if err := a.render(&buf, opts, lang, []*report{rep}); err != nil {
		return err
	}
	out, err := a.openOutput(opts, formOf(opts))
	if err != nil {
		return err
	}
	if _, err := out.w.Write(buf.Bytes()); err != nil {
		out.abort()
		return err
	}
	return out.commit()
}

// formOf returns the output form chosen, table by default.
func formOf(opts *calcOptions) string {
	if opts.output.set {
		return opts.output.raw
	}
	return "table"
}

// sources says where the values of a project came from, so that an error
// names the flag or the line and column of the file that gave the value.
type sources struct {
	file *project.File
	opts *calcOptions
	mf   *measureFlags
}

// compute merges the flags into p (flags win) and computes the project;
// errors name the flag or the file position behind the value.
func (a *app) compute(p *calc.Project, in *sources) (*calc.Result, error) {
	if p.Date.IsZero() {
		p.Date = a.today()
	}
	in.opts.override(p)
	if in.mf != nil {
		c := calc.NewClaim(in.mf.m.Name)
		for _, fc := range p.Claims {
			if fc.Measure == in.mf.m.Name {
				c = fc
			}
		}
		in.mf.merge(&c)
		p.Claims = []calc.Claim{c}
	}
	res, err := calc.Compute(p)
	if err != nil {
		return nil, in.attribute(err)
	}
	return res, nil
}

// attribute turns an error of calc into one that names where the value came
// from: the flag, or the file's line and column.
func (in *sources) attribute(err error) error {
	var (
		me *calc.MissingError
		ve *calc.ValueError
	)
	switch {
	case errors.As(err, &me):
		if in.file != nil && in.file.At(me.Measure) != (project.Pos{}) {
			keys := make([]string, len(me.Inputs))
			for i, k := range me.Inputs {
				keys[i] = measures.FlagToKey(k)
			}
			msg := fmt.Sprintf("[%s] needs at least one of %s", me.Measure, strings.Join(keys, ", "))
			if me.All {
				msg = fmt.Sprintf("[%s] needs %s", me.Measure, strings.Join(keys, " and "))
			}
			return project.Errors{in.file.ErrorAt(msg, "run 'szsoft init "+me.Measure+"' for a template of its keys", me.Measure)}
		}
		hint := "run 'szsoft calc " + me.Measure + " --help' for its flags"
		return usagef(hint, "%s", me.Error())
	case errors.As(err, &ve) && ve.Field != "":
		key := measures.FlagToKey(ve.Field)
		if ve.Measure != "" {
			if in.mf != nil && in.mf.m.Name == ve.Measure && in.mf.raw(ve.Field) != "" {
				return flagValueError(ve.Field, in.mf.raw(ve.Field), err)
			}
			if in.file != nil {
				return project.Errors{in.file.ErrorAt(fmt.Sprintf("[%s] %s: %s", ve.Measure, key, ve.Error()), ve.Hint, ve.Measure, key)}
			}
			return flagValueError(ve.Field, "", err)
		}
		if in.file == nil || in.opts.flagGiven(ve.Field) {
			return flagValueError(ve.Field, "", err)
		}
		at := []string{key}
		if ve.Field == "audited-investment" {
			// Missing: point at the funding that makes it required.
			for _, k := range []string{"national_funding", "provincial_funding"} {
				if in.file.At(k) != (project.Pos{}) && !in.opts.flagGiven(measures.KeyToFlag(k)) {
					at = []string{k}
					break
				}
			}
		}
		return project.Errors{in.file.ErrorAt(key+": "+ve.Error(), ve.Hint, at...)}
	}
	return err
}

// report is one project's result with where it came from.
type report struct {
	file    *string // nil: from flags alone
	res     *calc.Result
	project *calc.Project // the inputs, for --explain
}

func (a *app) render(buf *bytes.Buffer, opts *calcOptions, lang string, reps []*report) error {
	form := formOf(opts)
	unit := "yuan"
	if opts.unit.set {
		unit = opts.unit.raw
	}
	switch form {
	case "json":
		for _, r := range reps {
			if err := writeJSON(buf, r, lang, true, ""); err != nil {
				return err
			}
		}
	case "jsonl":
		for _, r := range reps {
			if err := writeJSON(buf, r, lang, false, ""); err != nil {
				return err
			}
		}
	case "total":
		for _, r := range reps {
			buf.WriteString(calc.Yuan(r.res.Total) + "\n")
		}
	case "csv":
		writeCSV(buf, reps, true)
	case "markdown":
		for _, r := range reps {
			writeMarkdown(buf, r, lang, unit, opts.explain.on)
		}
	case "table":
		for _, r := range reps {
			writeTable(buf, r, lang, unit, opts.explain.on, a.termWidth())
		}
	case "xlsx":
		wb := newWorkbook(lang)
		for _, r := range reps {
			wb.add(r)
		}
		return wb.write(buf)
	default:
		return &inputError{msg: fmt.Sprintf("--output %s is not available", form)}
	}
	return nil
}
