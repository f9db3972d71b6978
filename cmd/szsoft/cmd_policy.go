package main

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"szsoft/calc"
	"szsoft/internal/edition"
	"szsoft/internal/msg"
	"szsoft/internal/project"
	"szsoft/internal/render"
	"szsoft/measures"
)

// Editions as files (docs/contract.md §10): --policy FILE names an edition
// file, read before the command line is parsed, so that a measure only the
// file has is a subcommand (szsoft calc --policy my.toml demo); 'szsoft
// policy' lists the editions, prints one as a file, checks a file.

// isPolicyFile reports whether a --policy argument names a file rather
// than a built-in edition: it holds a path separator or ends in .toml.
func isPolicyFile(s string) bool {
	return strings.ContainsRune(s, '/') || strings.ContainsRune(s, filepath.Separator) || strings.HasSuffix(strings.ToLower(s), ".toml")
}

// policyArgs are the values of --policy among the arguments, in order, up
// to a "--".
func policyArgs(args []string) []string {
	var out []string
	for i := 0; i < len(args); i++ {
		switch arg := args[i]; {
		case arg == "--":
			return out
		case arg == "--policy" && i+1 < len(args):
			out = append(out, args[i+1])
			i++
		case strings.HasPrefix(arg, "--policy="):
			out = append(out, strings.TrimPrefix(arg, "--policy="))
		}
	}
	return out
}

// loadPolicies reads the edition files and layers the arguments name
// with --policy. The registry of the run is then: the files' editions
// first (the first is the edition help, the catalogue and the templates
// describe), then the built-in ones whose ids they do not take — a file
// whose id is a built-in's replaces it for the run — each stacked with the
// layers that extend it, at most one of each kind.
func (a *app) loadPolicies() error {
	type read struct {
		name    string
		data    []byte
		extends string
	}
	var files []read
	var errs []error
	for _, name := range policyArgs(a.args) {
		if !isPolicyFile(name) || slices.ContainsFunc(files, func(r read) bool { return r.name == name }) {
			continue
		}
		data, err := a.readFileMax(name, edition.MaxSize, note(string(project.ErrEditionTooLarge), "max", "4 MiB"), calc.Note{})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files = append(files, read{name, data, edition.Extends(data)})
	}
	// Editions before the layers that may extend them.
	slices.SortStableFunc(files, func(x, y read) int { return boolInt(x.extends != "") - boolInt(y.extends != "") })
	var eds, layers []*measures.Edition
	for _, f := range files {
		e, err := a.parseEdition(f.name, f.data, func(id string) (*measures.Edition, bool) {
			for _, e := range eds {
				if e.ID == id {
					return e, true
				}
			}
			return a.reg.Lookup(id)
		})
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if a.policyFiles == nil {
			a.policyFiles = map[string]*measures.Edition{}
		}
		a.policyFiles[f.name] = e
		if e.Extends != "" {
			layers = append(layers, e)
		} else {
			eds = append(eds, e)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	defer a.narrow()
	if len(files) == 0 {
		return nil
	}
	for _, e := range a.reg.Editions() {
		if !taken(eds, e.ID) {
			eds = append(eds, e)
		}
	}
	a.plain = map[string]*measures.Edition{}
	for i, e := range eds {
		a.plain[e.ID] = e
		var on []*measures.Edition
		for _, l := range layers {
			if l.Extends != e.ID {
				continue
			}
			for _, o := range on {
				if o.Kind == l.Kind {
					return usage("cli.policy.twolayers", "kind", string(l.Kind), "base", e.ID, "first", o.Policy, "second", l.Policy)
				}
			}
			on = append(on, l)
		}
		if len(on) > 0 {
			eds[i] = measures.Stack(e, on...)
		}
	}
	a.reg = measures.Assemble(eds...)
	return nil
}

// narrow makes the tree of a run that names an edition with --policy
// that edition's alone: its measures are the subcommands, its 附则's
// inputs the flags, its keys a project file's. The policy commands keep
// every edition.
func (a *app) narrow() {
	a.tree = a.reg
	args := policyArgs(a.args)
	if len(args) == 0 || a.command() == "policy" {
		return
	}
	id := args[0]
	if e := a.policyFiles[id]; e != nil {
		id = e.ID
		if e.Extends != "" {
			id = e.Extends
		}
	}
	if e, ok := a.reg.Lookup(id); ok {
		a.tree = measures.Assemble(e)
	}
}

// command is the first argument that is no flag nor the value of one of
// the global flags: the command of the run.
func (a *app) command() string {
	for i := 0; i < len(a.args); i++ {
		switch arg := a.args[i]; {
		case arg == "--lang" || arg == "--policy":
			i++
		case !strings.HasPrefix(arg, "-"):
			return arg
		}
	}
	return ""
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func taken(eds []*measures.Edition, id string) bool {
	for _, e := range eds {
		if e.ID == id {
			return true
		}
	}
	return false
}

// readEdition reads and checks the edition file called name, a layer on
// an edition of the run; its published text is read beside it.
func (a *app) readEdition(name string) (*measures.Edition, error) {
	if e, ok := a.preloaded[name]; ok {
		return e, nil
	}
	data, err := a.readFileMax(name, edition.MaxSize, note(string(project.ErrEditionTooLarge), "max", "4 MiB"), calc.Note{})
	if err != nil {
		return nil, err
	}
	return a.parseEdition(name, data, func(id string) (*measures.Edition, bool) {
		if e, ok := a.plain[id]; ok {
			return e, true
		}
		return a.reg.Lookup(id)
	})
}

func (a *app) parseEdition(name string, data []byte, base func(string) (*measures.Edition, bool)) (*measures.Edition, error) {
	return project.ParseEdition(name, data, func(text string) ([]byte, error) { return a.editionText(name, text) }, base)
}

// editionText reads the published text an edition file names: a
// built-in's ("builtin:sz2022"), or a file in the edition file's folder —
// never outside it, by ".." or by a symbolic link, and never a FIFO or a
// device.
func (a *app) editionText(file, text string) ([]byte, error) {
	if id, ok := strings.CutPrefix(text, edition.BuiltinPrefix); ok {
		t, ok := edition.BuiltinText(id)
		if !ok {
			return nil, edition.TextError("edition.text.builtin", "name", id, "known", edition.Builtin().IDs())
		}
		return []byte(t), nil
	}
	if !filepath.IsLocal(text) {
		return nil, edition.TextError("edition.text.outside", "name", text)
	}
	f, err := openBeside(filepath.Dir(file), text)
	if err != nil {
		if strings.Contains(err.Error(), "escapes") {
			return nil, edition.TextError("edition.text.outside", "name", text)
		}
		return nil, edition.TextError(project.ErrEditionText, "name", text, "reason", note(string(describeOpenError(err))))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, edition.TextError(project.ErrEditionText, "name", text, "reason", note(string(describeOpenError(err))))
	}
	if !st.Mode().IsRegular() {
		return nil, edition.TextError("edition.text.irregular", "name", text)
	}
	a.read(filepath.Join(filepath.Dir(file), text), st) // --out must not replace it
	data, err := io.ReadAll(io.LimitReader(f, edition.MaxText+1))
	if err != nil {
		return nil, edition.TextError(project.ErrEditionText, "name", text, "reason", note(string(describeOpenError(err))))
	}
	return data, nil
}

// policyFlag is --policy: a built-in edition's id, or an edition file,
// and the layers on it (files read before the command line was parsed,
// and stacked on their base in the run's registry). v is the id of the
// edition named, a layer's base. Repeatable for layers; two editions are
// a usage error.
type policyFlag struct {
	onceValue
	a *app
	v string
}

func (f *policyFlag) Type() string { return "string" }

func (f *policyFlag) Set(s string) error {
	if err := f.flagNext(s, "sz2022"); err != nil {
		return err
	}
	var id string
	if isPolicyFile(s) {
		e := f.a.policyFiles[s]
		if e == nil {
			// Not seen by the scan of the arguments (cobra's completion
			// parses its own): read now.
			var err error
			if e, err = f.a.readEdition(s); err != nil {
				return err
			}
		}
		id = e.ID
		if e.Extends != "" {
			id = e.Extends
		}
	} else {
		v, err := checkChoice(s, f.a.reg.IDs(), nil)
		if err != nil {
			return err
		}
		id = v
	}
	if f.set && id != f.v {
		return usage("cli.policy.two", "first", strconv.Quote(f.raw), "second", strconv.Quote(s)).withHint("cli.policy.two.hint")
	}
	if !f.set {
		f.set, f.raw = true, s
	}
	f.v = id
	return nil
}

func (a *app) newPolicyFlag() *policyFlag {
	return &policyFlag{onceValue: onceValue{name: "policy"}, a: a}
}

// lookup is the edition --policy names, or the registry's first.
func (f *policyFlag) lookup() *measures.Edition {
	if e, ok := f.a.reg.Lookup(f.v); ok && f.set {
		return e
	}
	return f.a.reg.Default()
}

func (a *app) policyCmd() *cobra.Command {
	cmd := &cobra.Command{Use: "policy", Args: noArgs}
	a.describe(cmd, "policy")
	cmd.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
	cmd.AddCommand(a.policyListCmd(), a.policyShowCmd(), a.policyCheckCmd(), a.policyDiffCmd())
	return cmd
}

// source says where an edition comes from: built in, or its file.
func (a *app) source(e *measures.Edition) string {
	for name, f := range a.policyFiles {
		if f == e || a.plain[f.ID] == e && f.Extends == "" {
			return name
		}
	}
	return a.printer("yuan").S("policy.builtin")
}

type editionJSON struct {
	ID       string `json:"id"`
	Document string `json:"document"`
	Title    string `json:"title"`
	Issued   string `json:"issued"`
	From     string `json:"from"`
	To       string `json:"to"`
	Kind     string `json:"kind"`    // edition, guide, district
	Extends  string `json:"extends"` // a layer's base, else ""
	Source   string `json:"source"`
}

// listed are the editions of the run as written, then the layers the
// arguments name, in order.
func (a *app) listed() []*measures.Edition {
	var eds []*measures.Edition
	for _, e := range a.reg.Editions() {
		if p, ok := a.plain[e.ID]; ok {
			e = p
		}
		eds = append(eds, e)
	}
	for _, name := range policyArgs(a.args) {
		if e := a.policyFiles[name]; e != nil && e.Extends != "" && !slices.Contains(eds, e) {
			eds = append(eds, e)
		}
	}
	return eds
}

// kindWords says what an edition is: an edition, or a layer on its base.
func kindWords(e *measures.Edition, p msg.Printer) string {
	if e.Extends == "" {
		return p.S("policy.kind.edition")
	}
	return p.S("policy.kind."+string(e.Kind), "base", e.Extends)
}

func (a *app) policyListCmd() *cobra.Command {
	form := &choiceFlag{onceValue: onceValue{name: "output"}, values: []string{"table", "json"}}
	cmd := &cobra.Command{
		Use:  "list",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			p := a.printer("yuan")
			var buf bytes.Buffer
			if form.v == "json" {
				var list []editionJSON
				for _, e := range a.listed() {
					src := "builtin"
					if s := a.source(e); s != p.S("policy.builtin") {
						src = s
					}
					issued := ""
					if !e.Issued.IsZero() {
						issued = e.Issued.String()
					}
					kind := string(e.Kind)
					if kind == "" {
						kind = "edition"
					}
					list = append(list, editionJSON{ID: e.ID, Document: e.Policy, Title: e.Title, Issued: issued,
						From: e.Supplementary.From.String(), To: e.Supplementary.To.String(), Kind: kind, Extends: e.Extends, Source: src})
				}
				if err := render.EncodeJSON(&buf, list, true, ""); err != nil {
					return err
				}
			} else {
				g := render.Grid{Right: make([]bool, 5), Wrap: []bool{false, true, false, true, true}}
				for _, k := range []string{"policy.col.id", "policy.col.document", "policy.col.window", "policy.col.kind", "policy.col.source"} {
					g.Header = append(g.Header, p.S(k))
				}
				for _, e := range a.listed() {
					g.Rows = append(g.Rows, []string{render.Safe(e.ID), render.Safe(e.Policy),
						p.S("policy.window", "from", e.Supplementary.From.String(), "to", e.Supplementary.To.String()), kindWords(e, p), render.Safe(a.source(e))})
				}
				var tb strings.Builder
				_, _ = g.Render(&tb, 0)
				buf.WriteString(tb.String())
			}
			_, err := a.stdout.Write(buf.Bytes())
			return err
		},
	}
	a.describe(cmd, "policy.list")
	cmd.Flags().VarP(form, "output", "o", a.printer("yuan").S("flag.measures.form"))
	cmd.Flags().Var(a.newPolicyFlag(), "policy", a.printer("yuan").S("flag.policy", "editions", a.reg.IDs()))
	a.completeFlags(cmd, cmd.Flags())
	return cmd
}

// editionNamed is the edition an argument of 'policy show' names: a built-in
// id, or a file read now.
func (a *app) editionNamed(arg string) (*measures.Edition, error) {
	if isPolicyFile(arg) {
		if e := a.policyFiles[arg]; e != nil {
			return e, nil
		}
		return a.readEdition(arg)
	}
	id, err := checkChoice(arg, a.reg.IDs(), nil)
	if err != nil {
		return nil, err
	}
	if e, ok := a.plain[id]; ok {
		return e, nil // as written, not stacked with the run's layers
	}
	e, _ := a.reg.Lookup(id)
	return e, nil
}

func (a *app) policyShowCmd() *cobra.Command {
	text := &switchFlag{onceValue: onceValue{name: "text"}}
	cmd := &cobra.Command{
		Use: "show ID|FILE",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usage("cli.policy.show.one").withHint("cli.policy.show.one.hint", "known", a.reg.IDs())
			}
			return nil
		},
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return a.reg.IDs(), cobra.ShellCompDirectiveDefault
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			e, err := a.editionNamed(args[0])
			if err != nil {
				return err
			}
			if text.on {
				_, err = io.WriteString(a.stdout, e.Text)
				return err
			}
			name := e.TextName
			if !isPolicyFile(args[0]) || name == "" {
				// A built-in's text is the binary's: the file shown reads
				// it back from there, and computes the same.
				name = edition.BuiltinPrefix + e.ID
			}
			_, err = a.stdout.Write(edition.Marshal(e, name))
			return err
		},
	}
	a.describe(cmd, "policy.show")
	addSwitch(cmd.Flags(), text, a.printer("yuan").S("flag.policy.text"))
	return cmd
}

func (a *app) policyCheckCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use: "check FILE...",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usage("cli.policy.check.none").withHint("cli.policy.check.none.hint")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			failed := false
			var out bytes.Buffer
			p := a.printer("yuan")
			a.preload(args)
			for _, name := range args {
				e, err := a.readEdition(name)
				if err != nil {
					exitCode(err, a.stderr, p, a.errWidth())
					failed = true
					continue
				}
				key := "cli.policy.check.ok"
				if e.Kind == measures.GuideLayer {
					// A guide adds no measure: what it narrows, and of what.
					key = "cli.policy.check.guide"
				}
				out.WriteString(p.S(key, "file", render.Safe(name), "id", render.Safe(e.ID), "document", render.Safe(e.Policy),
					"measures", len(e.Measures), "items", len(e.ItemIDs()), "rules", len(e.Guide), "base", render.Safe(e.Extends)) + "\n")
			}
			if _, err := a.stdout.Write(out.Bytes()); err != nil {
				return err
			}
			if failed {
				return &silentError{code: exitValue}
			}
			return nil
		},
	}
	a.describe(cmd, "policy.check")
	return cmd
}

// diffSide is an argument of 'policy diff' as it computes: an edition, or
// a layer stacked on its base (other, when other is that base).
func (a *app) diffSide(arg string, other *measures.Edition) (*measures.Edition, error) {
	e, err := a.editionNamed(arg)
	if err != nil || e.Extends == "" {
		return e, err
	}
	base := other
	if base == nil || base.Extends != "" || base.ID != e.Extends {
		var ok bool
		if base, ok = a.plain[e.Extends]; !ok {
			base, _ = a.reg.Lookup(e.Extends)
		}
	}
	return measures.Stack(base, e), nil
}

func (a *app) policyDiffCmd() *cobra.Command {
	form := &choiceFlag{onceValue: onceValue{name: "output"}, values: []string{"table", "json"}}
	cmd := &cobra.Command{
		Use: "diff A B",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 2 {
				return usage("cli.policy.diff.two").withHint("cli.policy.diff.two.hint")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			a.preload(args)
			plainA, err := a.editionNamed(args[0])
			if err != nil {
				return err
			}
			plainB, err := a.editionNamed(args[1])
			if err != nil {
				return err
			}
			left, err := a.diffSide(args[0], plainB)
			if err != nil {
				return err
			}
			right, err := a.diffSide(args[1], plainA)
			if err != nil {
				return err
			}
			changes := edition.Diff(left, right)
			var buf bytes.Buffer
			if form.v == "json" {
				if changes == nil {
					changes = []edition.Change{}
				}
				if err := render.EncodeJSON(&buf, changes, true, ""); err != nil {
					return err
				}
			} else {
				writeDiff(&buf, changes, a.printer("yuan").For(right), a.termWidth(), args)
			}
			_, err = a.stdout.Write(buf.Bytes())
			return err
		},
	}
	a.describe(cmd, "policy.diff")
	cmd.Flags().VarP(form, "output", "o", a.printer("yuan").S("flag.measures.form"))
	a.completeFlags(cmd, cmd.Flags())
	return cmd
}

// writeDiff writes the changes as a table, or says there are none.
func writeDiff(buf *bytes.Buffer, changes []edition.Change, p msg.Printer, width int, args []string) {
	buf.WriteString(render.Indent(p.S("diff.head", "a", render.Safe(args[0]), "b", render.Safe(args[1]), "n", len(changes)), width, "", "  "))
	if len(changes) == 0 {
		return
	}
	g := render.Grid{Right: make([]bool, 6), Wrap: []bool{false, false, true, false, true, true}}
	for _, k := range []string{"diff.col.change", "diff.col.measure", "diff.col.item", "diff.col.field", "diff.col.from", "diff.col.to"} {
		g.Header = append(g.Header, p.S(k))
	}
	for _, c := range changes {
		item := c.Item
		if item != "" {
			item = p.Item(c.Item)
		}
		field := c.Field
		if field != "" {
			field = p.S("diff.field." + field)
		}
		g.Rows = append(g.Rows, []string{p.S("diff.change." + c.Change), render.Safe(c.Measure), render.Safe(item), field,
			render.Safe(orDash(c.From)), render.Safe(orDash(c.To))})
	}
	var tb strings.Builder
	_, _ = g.Render(&tb, width)
	buf.WriteString(tb.String())
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// documents names the documents of the run's editions, for help: 深府规〔2022〕5号.
func (a *app) documents() string {
	var ds []string
	for _, e := range a.tree.Editions() {
		for _, d := range e.Documents() {
			if !slices.Contains(ds, d) {
				ds = append(ds, d)
			}
		}
	}
	return strings.Join(ds, "、")
}

// preload makes the editions among the files named (not their layers) the
// bases their layers named beside them extend: 'policy check base.toml
// layer.toml' checks the layer on the base, as --policy stacks them. A
// file that does not read is left to the command to say so.
func (a *app) preload(args []string) {
	if a.plain == nil {
		a.plain = map[string]*measures.Edition{}
	}
	for _, name := range args {
		if !isPolicyFile(name) || a.policyFiles[name] != nil {
			continue
		}
		data, err := a.readFileMax(name, edition.MaxSize, calc.Note{}, calc.Note{})
		if err != nil || edition.Extends(data) != "" {
			continue
		}
		if e, err := a.parseEdition(name, data, a.reg.Lookup); err == nil {
			if a.preloaded == nil {
				a.preloaded = map[string]*measures.Edition{}
			}
			a.preloaded[name] = e // read once: the command takes it from here
			if _, taken := a.plain[e.ID]; !taken {
				if _, builtin := a.reg.Lookup(e.ID); !builtin {
					a.plain[e.ID] = e
				}
			}
		}
	}
}
