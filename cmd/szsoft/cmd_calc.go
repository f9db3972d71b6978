package main

import (
	"bytes"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/internal/render"
	"szsoft/measures"
)

// calcOptions holds the flags calc and batch share: the output and the
// unit, the edition, and the inputs of the 附则 — made from
// their declaration in the editions (measures.Supplementary.Inputs), as a
// measure's flags are from its inputs.
type calcOptions struct {
	byApplicant bool // batch --by applicant: the applicant view (docs/contract.md §11)
	file        stringFlag
	output      choiceFlag
	out         stringFlag
	unit        choiceFlag
	policy      *policyFlag
	explain     switchFlag
	sameKind    sameKindFlag
	received    receivedFlag // calc only: batch files keep their own ledgers
	preparer    stringFlag
	bom         switchFlag // --bom: the CSV's byte-order mark, always
	noBOM       switchFlag // --no-bom: never
	// creditCode is calc's only: in batch every file has its applicant.
	creditCode creditCodeFlag

	inputs []measures.Input // of the 附则, every edition's once
	annex  []inputFlag

	envUnitErr error // SZSOFT_UNIT names no unit
}

func (a *app) newCalcOptions() *calcOptions {
	o := &calcOptions{inputs: a.tree.Inputs()}
	o.file = stringFlag{onceValue: onceValue{name: "file"}, typ: "file"}
	o.output = choiceFlag{onceValue: onceValue{name: "output"}, values: render.Forms}
	o.out = stringFlag{onceValue: onceValue{name: "out"}, typ: "file"}
	o.unit = choiceFlag{onceValue: onceValue{name: "unit"}, values: measures.Units, aliases: measures.UnitNames}
	if env := a.getenv(envUnit); env != "" {
		// SZSOFT_UNIT is --unit's default: it is checked when a command
		// runs, so that a wrong value fails the command that reads it.
		o.unit.v, o.envUnitErr = envChoice(envUnit, env, measures.Units, measures.UnitNames)
	}
	o.policy = a.newPolicyFlag()
	o.explain = switchFlag{onceValue: onceValue{name: "explain"}}
	o.preparer = stringFlag{onceValue: onceValue{name: "preparer"}, typ: "name"}
	o.bom = switchFlag{onceValue: onceValue{name: "bom"}}
	o.noBOM = switchFlag{onceValue: onceValue{name: "no-bom"}}
	o.creditCode = creditCodeFlag{onceValue: onceValue{name: "credit-code"}}
	o.sameKind = sameKindFlag{onceValue: onceValue{name: measures.InSameKind}}
	for _, in := range o.inputs {
		o.annex = append(o.annex, newInputFlag(in))
	}
	return o
}

func (o *calcOptions) register(fs *pflag.FlagSet, withFile bool, p msg.Printer) {
	unsorted(fs)
	if withFile {
		fs.VarP(&o.file, "file", "f", p.S("flag.file"))
	}
	fs.VarP(&o.output, "output", "o", p.S("flag.output", "forms", render.Forms))
	fs.Var(&o.out, "out", p.S("flag.out"))
	fs.Var(&o.unit, "unit", p.S("flag.unit"))
	fs.Var(o.policy, "policy", p.S("flag.policy", "editions", o.policy.a.reg.IDs()))
	fs.Var(&o.preparer, "preparer", p.S("flag.preparer"))
	addSwitch(fs, &o.bom, p.S("flag.bom"))
	addSwitch(fs, &o.noBOM, p.S("flag.no-bom"))
	if withFile {
		fs.Var(&o.creditCode, "credit-code", p.S("flag.credit-code"))
	}
	register(fs, o.inputs, o.annex, p)
	fl := fs.VarPF(&o.sameKind, measures.InSameKind, "", p.S("flag.same-kind"))
	fl.NoOptDefVal = "true"
	if withFile {
		addSwitch(fs, &o.explain, p.S("flag.explain"))
		fs.Var(&o.received, "received", p.S("flag.received"))
	} else {
		// batch: each file's ledger is its own; a flag for all of them
		// would pay one firm's receipts out of every file.
		fs.Var(&batchReceived{}, "received", p.S("flag.received.batch"))
		_ = fs.MarkHidden("received")
	}
}

// batchReceived is --received given to batch: a usage error.
type batchReceived struct{}

func (*batchReceived) Type() string   { return "ENTRY" }
func (*batchReceived) String() string { return "" }
func (*batchReceived) Set(string) error {
	return usage("cli.received.batch").withHint("cli.received.batch.hint")
}

// annexFlag returns the flag of the 附则 input called name.
func (o *calcOptions) annexFlag(name string) inputFlag {
	for _, f := range o.annex {
		if f.flagName() == name {
			return f
		}
	}
	return nil
}

// outWidth is the width the output is set in: the terminal's when it goes
// to standard output, none when it goes to a file (--out): a file is the
// same whatever terminal wrote it.
func (a *app) outWidth(o *calcOptions) int {
	if o.out.set && o.out.raw != "-" {
		return 0
	}
	return a.termWidth()
}

// unitOf is the unit of amounts: --unit, else SZSOFT_UNIT, else yuan.
func (o *calcOptions) unitOf() string {
	if o.unit.v != "" && (o.unit.set || o.envUnitErr == nil) {
		return o.unit.v
	}
	return "yuan"
}

// envChoice reads a choice from the environment variable name: its value,
// or an error naming the variable.
func envChoice(name, s string, values []string, aliases measures.Aliases) (string, error) {
	if v, ok := measures.MatchChoice(s, values, aliases); ok {
		return v, nil
	}
	ve := calc.ChoiceError(s, values, aliases)
	return "", &cliError{code: exitValue,
		msg:  note("cli.env.value", "name", name, "value", quoteOr(s), "err", calc.Note{Code: ve.Code, Args: ve.Args}),
		hint: calc.Note{Code: ve.Hint, Args: ve.HintArgs}}
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
		mf.flags = append(mf.flags, newInputFlag(in))
	}
	return mf
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
	opts := a.newCalcOptions()
	cmd := &cobra.Command{
		Use: "calc [<measure>] [flags]",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return a.unknownMeasure(args[0])
			}
			return nil
		},
		// The measures' Chinese names, which cobra knows as aliases but
		// does not offer.
		ValidArgsFunction: a.completeAliases,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !opts.file.set {
				return usage("cli.calc.none").withHint("cli.calc.none.hint", "measures", a.tree.Names())
			}
			if opts.sameKind.set {
				return sameKindWithoutMeasure()
			}
			return a.runCalc(opts, nil)
		},
	}
	a.describe(cmd, "calc")
	if a.tree != a.reg {
		// Under an edition --policy names, the examples are its measures'.
		var ex []string
		for _, m := range a.tree.Measures()[:min(3, len(a.tree.Measures()))] {
			call := strings.Split(a.measureExample(m), "\n")[0]
			ex = append(ex, strings.Replace(call, "calc ", "calc --policy "+shellQuote(policyArgs(a.args)[0])+" ", 1))
		}
		cmd.Example = strings.Join(ex, "\n")
	}
	opts.register(cmd.PersistentFlags(), true, a.printer("yuan"))
	a.completeFlags(cmd, cmd.PersistentFlags())
	for _, m := range a.tree.Measures() {
		cmd.AddCommand(a.measureCmd(m, opts))
	}
	return cmd
}

func (a *app) measureCmd(m *measures.Measure, opts *calcOptions) *cobra.Command {
	mf := newMeasureFlags(m)
	cmd := &cobra.Command{
		Use:     m.Name + " [flags]",
		Aliases: m.Aliases,
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runCalc(opts, mf)
		},
	}
	a.describeMeasure(cmd, m)
	if !a.needs(m) {
		// A measure this run does not name is only listed (calc --help):
		// its flags, help and completions are made when it is named.
		// 'szsoft calc first-version' starts in half the time for it.
		return cmd
	}
	cmd.Long, cmd.Example = a.measureLong(m), a.measureExample(m)
	unsorted(cmd.Flags())
	register(cmd.Flags(), m.Inputs, mf.flags, a.printer("yuan"))
	a.completeFlags(cmd, cmd.Flags())
	return cmd
}

// needs reports whether the run names the measure m (by its name or a
// Chinese name, anywhere among the arguments), or needs every measure whole
// (the generated manual pages).
func (a *app) needs(m *measures.Measure) bool {
	if a.wholeTree {
		return true
	}
	if a.named == nil {
		a.named = map[string]bool{}
		for _, arg := range a.args {
			if nm, ok := a.tree.Find(arg); ok && !strings.HasPrefix(arg, "-") {
				a.named[nm.Name] = true
			}
		}
	}
	return a.named[m.Name]
}

// sameKindWithoutMeasure is --same-kind where no single measure is computed.
func sameKindWithoutMeasure() error {
	return usage("cli.samekind.nomeasure").withHint("cli.samekind.nomeasure.hint")
}

// runCalc computes one project — from flags, a project file or both — and
// writes it in the chosen form: a batch of one, whose failure is the
// command's error. Nothing is written unless the whole computation
// succeeded.
func (a *app) runCalc(opts *calcOptions, mf *measureFlags) error {
	if opts.envUnitErr != nil && !opts.unit.set {
		return opts.envUnitErr
	}
	form, err := formOf(opts)
	if err != nil {
		return err
	}
	bom, err := a.bomOf(opts.bom, opts.noBOM, opts.out)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	f, err := render.New(form, &buf, render.Options{Printer: a.printer(opts.unitOf()), Explain: opts.explain.on, Width: a.outWidth(opts),
		Computed: a.today(), Version: Version(), BOM: bom})
	if err != nil {
		return err
	}
	one := make(chan entry, 1)
	one <- entry{name: opts.file.raw}
	close(one)
	if err := f.Begin(); err != nil {
		return err
	}
	err = a.pipeline(one, 1, f, func(e entry) outcome { return a.computeOne(e, opts, mf) }, func(o outcome) error {
		if o.err != nil {
			return o.err
		}
		a.warn("", o.rep.Result.Warnings, opts.unitOf())
		return f.Add(o.rep, o.chunk)
	})
	if err == nil {
		err = f.End()
	}
	if err != nil {
		return err
	}
	var inputs []string
	if opts.file.set {
		inputs = append(inputs, opts.file.raw)
	}
	out, err := a.openOutput(opts, form, inputs...)
	if err != nil {
		return err
	}
	if _, err := out.w.Write(buf.Bytes()); err != nil {
		out.abort()
		return err
	}
	return out.commit()
}
