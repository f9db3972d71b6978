package main

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
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
	sameKind      sameKindFlag
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
	o.sameKind = sameKindFlag{onceValue: onceValue{name: "same-kind"}}
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
	fl := fs.VarPF(&o.sameKind, "same-kind", "", "this measure's support (or =ITEM,… its items') was already had under a similar municipal measure (附则); with a measure only")
	fl.NoOptDefVal = "true"
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
	for _, f := range []struct {
		flag *amountFlag
		to   **decimal.Decimal
	}{{&o.audited, &p.AuditedInvestment}, {&o.national, &p.NationalFunding}, {&o.provincial, &p.ProvincialFunding}, {&o.otherCity, &p.OtherCityFunding}} {
		if f.flag.set {
			v := f.flag.v
			*f.to = &v
		}
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
	for _, f := range []inputFlag{&o.audited, &o.national, &o.provincial, &o.otherCity, &o.districtRatio, &o.strictCap} {
		if f.flagName() == name {
			return f.given()
		}
	}
	return false
}

// sameKindOf applies --same-kind to the measure m computed: the flag replaces
// what the file declared for m; the file's declarations for measures not
// computed are dropped.
func (o *calcOptions) sameKindOf(m *measures.Measure, p *calc.Project) error {
	ids := make([]string, len(m.Items))
	for i, it := range m.Items {
		ids[i] = it.ID
	}
	ofM := func(s string) bool { return s == m.Name || slices.Contains(ids, s) }
	if !o.sameKind.set {
		p.SameKind = slices.DeleteFunc(p.SameKind, func(s string) bool { return !ofM(s) })
		return nil
	}
	p.SameKind = nil
	if !o.sameKind.on {
		return nil
	}
	if o.sameKind.items == nil {
		p.SameKind = []string{m.Name}
		return nil
	}
	for _, it := range o.sameKind.items {
		if !slices.Contains(ids, it) {
			hint := "items of " + m.Name + ": " + strings.Join(ids, ", ")
			if s := project.Suggest(it, ids); s != "" {
				hint = "did you mean '" + s + "'? " + hint
			}
			return &inputError{msg: fmt.Sprintf("--same-kind %q: not an item of %s", it, m.Name), hint: hint}
		}
		p.SameKind = append(p.SameKind, it)
	}
	return nil
}

// sameKindWithoutMeasure is --same-kind where no single measure is computed.
func sameKindWithoutMeasure() error {
	return usagef("declare it per measure in the project file: same_kind = true in the measure's table, or same_kind = [\"ITEM\", …]; or compute one measure: szsoft calc MEASURE --file F --same-kind",
		"--same-kind needs a measure: no double-dipping (附则) is declared per measure")
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

// given reports whether the flag called name was given.
func (mf *measureFlags) given(name string) bool {
	for _, f := range mf.flags {
		if f.flagName() == name {
			return f.given()
		}
	}
	return false
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
			if opts.sameKind.set {
				return sameKindWithoutMeasure()
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
	form, err := formOf(opts)
	if err != nil {
		return err
	}
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
	a.warn("", res, lang)
	var buf bytes.Buffer
	rep := &report{res: res, project: p}
	if in.file != nil {
		rep.file = &in.file.Path
	}
	if err := a.render(&buf, form, opts, lang, []*report{rep}); err != nil {
		return err
	}
	out, err := a.openOutput(opts, form)
	if err != nil {
		return err
	}
	if _, err := out.w.Write(buf.Bytes()); err != nil {
		out.abort()
		return err
	}
	return out.commit()
}

// sources says where the values of a project came from, so that an error
// names the flag or the line and column of the file that gave the value.
type sources struct {
	file *project.File
	opts *calcOptions
	mf   *measureFlags
}

// inputUnit is the unit of the bare numbers of flags: --unit, else yuan.
func (o *calcOptions) inputUnit() decimal.Decimal {
	if o.unit.set && o.unit.raw == "wan" {
		return calc.UnitWan
	}
	return calc.UnitYuan
}

// resolve reads every amount flag in the unit of --unit.
func (in *sources) resolve() error {
	unit := in.opts.inputUnit()
	for _, f := range []*amountFlag{&in.opts.audited, &in.opts.national, &in.opts.provincial, &in.opts.otherCity} {
		if err := f.resolve(unit); err != nil {
			return err
		}
	}
	if in.mf != nil {
		for _, f := range in.mf.flags {
			if af, ok := f.(*amountFlag); ok {
				if err := af.resolve(unit); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// compute merges the flags into p (flags win) and computes the project;
// errors name the flag or the file position behind the value.
func (a *app) compute(p *calc.Project, in *sources) (*calc.Result, error) {
	if p.Date.IsZero() {
		p.Date = a.today()
	}
	if err := in.resolve(); err != nil {
		return nil, err
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
		if err := in.opts.sameKindOf(in.mf.m, p); err != nil {
			return nil, err
		}
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
		se *calc.SidesError
	)
	switch {
	case errors.As(err, &se):
		return in.sides(se)
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

// sides reports a claim of both sides of a measure: a usage error when a
// side came from a flag, an invalid file when both came from the file.
func (in *sources) sides(se *calc.SidesError) error {
	a := recipientName(se.A.Recipient, "en") + " (" + se.A.ID + ")"
	b := recipientName(se.B.Recipient, "en") + " (" + se.B.ID + ")"
	msg := fmt.Sprintf("%s: %s and %s are different applicants; one project is one applicant", se.Measure, a, b)
	flagged := false
	for _, name := range append(append([]string{}, se.InputsA...), se.InputsB...) {
		flagged = flagged || in.mf != nil && in.mf.given(name)
	}
	if flagged || in.file == nil {
		return usagef(fmt.Sprintf("compute each side on its own: 'szsoft calc %s --%s …' for the %s, 'szsoft calc %s --%s …' for the %s",
			se.Measure, se.InputsA[0], recipientName(se.A.Recipient, "en"), se.Measure, se.InputsB[0], recipientName(se.B.Recipient, "en")), "%s", msg)
	}
	at := []string{se.Measure, measures.FlagToKey(se.InputsB[0])}
	return project.Errors{in.file.ErrorAt(msg, "compute each side on its own: put the "+recipientName(se.B.Recipient, "en")+"'s keys in a project file of its own", at...)}
}

// warn prints the result's warnings on standard error, whatever the output
// form: a pipeline that reads only the total still hears them. name, when
// set, is the file the result came from.
func (a *app) warn(name string, res *calc.Result, lang string) {
	for _, w := range res.Warnings {
		msg := w.In(lang)
		if name != "" {
			msg = name + ": " + msg
		}
		fmt.Fprintf(a.stderr, "szsoft: warning: %s\n", safe(msg))
	}
}

// report is one project's result with where it came from.
type report struct {
	file    *string // nil: from flags alone
	res     *calc.Result
	project *calc.Project // the inputs, for --explain
}

func (a *app) render(buf *bytes.Buffer, form string, opts *calcOptions, lang string, reps []*report) error {
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
