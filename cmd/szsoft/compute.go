package main

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"szsoft/calc"
	"szsoft/internal/project"
	"szsoft/internal/render"
	"szsoft/measures"
)

// From flags and files to a result: a project file (if any) is read, the
// flags override its keys, the edition is chosen (--policy, the file's
// policy, else the one in force on the date), and the engine computes. An
// error names where its value came from: the flag, or the file's line and
// column.

// sources says where the values of a project came from.
type sources struct {
	file *project.File
	opts *calcOptions
	mf   *measureFlags // the measure subcommand's flags, or nil
	// fileEntries is how many entries of the ledger the file has; the
	// --received entries follow them.
	fileEntries int
}

// computeOne computes the project of calc: flags, and the --file if given.
func (a *app) computeOne(e entry, opts *calcOptions, mf *measureFlags) outcome {
	in := &sources{opts: opts, mf: mf}
	p := &calc.Project{Annex: calc.NewValues()}
	if opts.file.set {
		f, err := a.readProject(e.name)
		if err != nil {
			return outcome{err: err}
		}
		if mf == nil {
			if err := f.NoClaim(); err != nil {
				return outcome{err: err}
			}
		}
		in.file, p = f, &f.Project
	}
	res, err := a.compute(p, in)
	if err != nil {
		return outcome{err: err}
	}
	rep := &render.Report{Result: res}
	if in.file != nil {
		rep.File = &in.file.Path
	}
	return outcome{name: e.name, rep: rep}
}

// computeFile computes one file of a batch.
func (a *app) computeFile(name string, opts *calcOptions) outcome {
	f, err := a.readProject(name)
	return a.computeProject(name, f, err, opts)
}

// computeProject computes a project read from a file or a roster's row
// (err: what reading it found).
func (a *app) computeProject(name string, f *project.File, err error, opts *calcOptions) outcome {
	o := outcome{name: name}
	if err == nil {
		err = f.NoClaim()
	}
	if err != nil {
		o.err = err
		return o
	}
	res, err := a.compute(&f.Project, &sources{file: f, opts: opts})
	if err != nil {
		o.err = err
		return o
	}
	o.rep = &render.Report{File: &o.name, Result: res}
	return o
}

// compute merges the flags into p (flags win), chooses the edition and
// computes the project.
func (a *app) compute(p *calc.Project, in *sources) (*calc.Result, error) {
	if err := in.resolve(); err != nil {
		return nil, err
	}
	for _, f := range in.opts.annex {
		if f.given() {
			f.apply(&p.Annex)
		}
	}
	if in.opts.preparer.set {
		p.Preparer = in.opts.preparer.raw
	}
	if in.opts.creditCode.set {
		p.CreditCode = in.opts.creditCode.code
	}
	if _, ok := p.Annex.Dates[measures.InDate]; !ok {
		p.Annex.Dates[measures.InDate] = a.today()
	}
	// --received adds to the file's ledger.
	in.fileEntries = len(p.Received)
	unit := calc.UnitYuan
	if in.opts.unitOf() == "wan" {
		unit = calc.UnitWan
	}
	for _, raw := range in.opts.received.raw {
		e, err := calc.ParseReceived(raw, unit)
		if err != nil {
			var ve *calc.ValueError
			if errors.As(err, &ve) {
				return nil, flagValueError("received", raw, ve)
			}
			return nil, err
		}
		p.Received = append(p.Received, e)
	}
	if in.mf != nil {
		c := calc.NewClaim(in.mf.m.Name)
		for _, fc := range p.Claims {
			if fc.Measure == in.mf.m.Name {
				c = fc
			}
		}
		for _, f := range in.mf.flags {
			if f.given() {
				f.apply(&c.Values)
			}
		}
		p.Claims = []calc.Claim{c}
		if err := in.opts.sameKindOf(in.mf.m, p); err != nil {
			return nil, err
		}
	}
	ed := a.edition(p, in)
	res, err := calc.Compute(ed, p)
	if err != nil {
		return nil, in.attribute(err)
	}
	res.Warnings = append(unedited(p), res.Warnings...)
	return res, nil
}

// edition is the edition a project is computed under: --policy, else the
// file's policy key, else the edition in force on the date.
func (a *app) edition(p *calc.Project, in *sources) *measures.Edition {
	id := ""
	if in.file != nil {
		id = in.file.Policy
	}
	if in.opts.policy.set {
		id = in.opts.policy.v
	}
	if e, ok := a.reg.Lookup(id); ok {
		return e
	}
	return a.reg.ForDate(p.Date())
}

// resolve reads every amount flag in the unit of --unit.
func (in *sources) resolve() error {
	unit := calc.UnitYuan
	if in.opts.unitOf() == "wan" {
		unit = calc.UnitWan
	}
	flags := slices.Clone(in.opts.annex)
	if in.mf != nil {
		flags = append(flags, in.mf.flags...)
	}
	for _, f := range flags {
		if af, ok := f.(*amountFlag); ok {
			if err := af.resolve(unit); err != nil {
				return err
			}
		}
	}
	return nil
}

// sameKindOf applies --same-kind to the measure m computed: the flag
// replaces what the file declared for m; the file's declarations for
// measures not computed are dropped.
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
			e := invalid("cli.samekind.notitem", "value", strconv.Quote(it), "measure", m.Name)
			if s := measures.Suggest(it, ids); s != "" {
				return e.withHint("cli.samekind.items.near", "near", s, "measure", m.Name, "items", ids)
			}
			return e.withHint("cli.samekind.items", "measure", m.Name, "items", ids)
		}
		p.SameKind = append(p.SameKind, it)
	}
	return nil
}

// attribute turns an error of calc into one that names where the value came
// from: the flag, or the file's line and column.
func (in *sources) attribute(err error) error {
	// Several wrong entries of the ledger: each where it stands.
	var les calc.LedgerErrors
	if errors.As(err, &les) {
		var all project.Errors
		for i, ve := range les {
			if i == project.MaxErrors {
				// As in a file: the first 20, then how many more.
				n := len(les) - i
				all = append(all, &project.Error{Path: in.file.Path, Msg: note(string(project.ErrMore), "n", n), More: n})
				break
			}
			e := in.attribute(ve)
			var pes project.Errors
			if !errors.As(e, &pes) {
				return e // a --received: the flag's error
			}
			all = append(all, pes...)
		}
		return all
	}
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
			code := "cli.missing.file.one"
			if me.All {
				code = "cli.missing.file.all"
			}
			return project.Errors{in.file.ErrorAt(note(code, "measure", me.Measure, "keys", keys), note("cli.missing.file.hint", "measure", me.Measure), me.Measure)}
		}
		return &cliError{code: exitUsage, msg: missingFlags(me), hint: note("cli.hint.flags", "command", "szsoft calc "+me.Measure)}
	case errors.As(err, &ve) && ve.Entry > 0:
		// An entry of the ledger: the file's, at its key, or a --received.
		if in.file != nil && ve.Entry <= in.fileEntries {
			what := fmt.Sprintf("%s[%d].%s", project.KeyReceived, ve.Entry, ve.Field)
			return project.Errors{in.file.ErrorAt(project.ValueMessage(what, ve), calc.Note{Code: ve.Hint, Args: ve.HintArgs}, in.file.ReceivedAt(ve.Entry, ve.Field)...)}
		}
		if i := ve.Entry - in.fileEntries - 1; i >= 0 && i < len(in.opts.received.raw) {
			return flagValueError("received", in.opts.received.raw[i], ve)
		}
		return flagValueError("received", "", ve)
	case errors.As(err, &ve) && ve.Field != "":
		key := measures.FlagToKey(ve.Field)
		if ve.Measure != "" {
			if in.mf != nil && in.mf.m.Name == ve.Measure && in.mf.raw(ve.Field) != "" {
				return flagValueError(ve.Field, in.mf.raw(ve.Field), ve)
			}
			if in.file != nil {
				what := in.file.What(fmt.Sprintf("[%s] %s", ve.Measure, key), ve.Measure, key)
				return project.Errors{in.file.ErrorAt(project.ValueMessage(what, ve), calc.Note{Code: ve.Hint, Args: ve.HintArgs}, ve.Measure, key)}
			}
			return flagValueError(ve.Field, "", ve)
		}
		if f := in.opts.annexFlag(ve.Field); in.file == nil || f != nil && f.given() || ve.Field == measures.InSameKind {
			return flagValueError(ve.Field, "", ve)
		}
		at := []string{key}
		if ve.Code == calc.ErrAuditedMissing {
			// Missing: point at the funding that makes it required.
			for _, name := range []string{measures.InNational, measures.InProvincial} {
				k := measures.FlagToKey(name)
				if in.file.At(k) != (project.Pos{}) && !in.opts.annexFlag(name).given() {
					at = []string{k}
					break
				}
			}
		}
		return project.Errors{in.file.ErrorAt(project.ValueMessage(in.file.What(key, at...), ve), calc.Note{Code: ve.Hint, Args: ve.HintArgs}, at...)}
	}
	return err
}

// sides reports a claim of both sides of a measure: a usage error when a
// side came from a flag, an invalid file when both came from the file.
func (in *sources) sides(se *calc.SidesError) error {
	msg := note("cli.sides", "measure", se.Measure, "a", recipient(se.A), "aid", se.A.ID, "b", recipient(se.B), "bid", se.B.ID)
	flagged := false
	for _, name := range append(append([]string{}, se.InputsA...), se.InputsB...) {
		flagged = flagged || in.mf != nil && in.mf.given(name)
	}
	if flagged || in.file == nil {
		return &cliError{code: exitUsage, msg: msg, hint: note("cli.sides.flags", "measure", se.Measure, "ain", se.InputsA[0], "a", recipient(se.A), "bin", se.InputsB[0], "b", recipient(se.B))}
	}
	at := []string{se.Measure, measures.FlagToKey(se.InputsB[0])}
	return project.Errors{in.file.ErrorAt(msg, note("cli.sides.file", "b", recipient(se.B)), at...)}
}

// recipient is the code of an item's recipient's name.
func recipient(it *measures.Item) calc.Code { return calc.Code("recipient." + string(it.Recipient)) }

// warn prints warnings on standard error, whatever the output form: a
// pipeline that reads only the total still hears them. name, when set, is
// the file they concern.
func (a *app) warn(name string, warnings []calc.Note, unit string) {
	p := a.printer(unit)
	for _, w := range warnings {
		text := p.Note(w)
		if name != "" {
			text = p.S("label.pair", "label", name, "value", text)
		}
		fmt.Fprint(a.stderr, stderrLine(p, "warning", text, a.errWidth()))
	}
}
