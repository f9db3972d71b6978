// Command szsoft computes the subsidies of the Shenzhen software-industry
// measures (深府规〔2022〕5号): the maximum subsidy of each item claimed, the
// matching-fund limits of the supplementary rules (附则), and the clause behind
// every figure.
//
// This package is the only one that touches the operating system: files,
// flags, environment, terminals and the clock. One file per command
// (cmd_calc.go, cmd_batch.go, …); the words come from internal/msg, the
// output forms from internal/render, the policy from measures, the figures
// from calc.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"szsoft/calc"
	"szsoft/internal/edition"
	"szsoft/internal/msg"
	"szsoft/internal/outfile"
	"szsoft/measures"
)

// version is set by the linker (make build, make dist: the tag or the
// commit, from git describe); else Version reads what go build stamped.
var version = ""

// Version is szsoft's version: the linker's, else the module version of a
// go install …@version, else the commit go build stamped from the clone
// (with -dirty when it had changes), else "dev".
var Version = sync.OnceValue(func() string {
	if version != "" {
		return version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return rev
})

// app holds what the commands share: the streams and what they read of the
// environment, and the editions they compute under, so that tests can run
// the whole program in-process.
type app struct {
	args           []string
	stdin          io.Reader
	stdout, stderr io.Writer
	terminal       io.Writer // standard output as given, to ask whether it is a terminal
	getenv         func(string) string
	now            func() time.Time
	isTerminal     func(w io.Writer) bool
	width          func() int // tests: the terminal width to assume
	reg            *measures.Registry
	// tree is what the command tree, the flags and the project files are
	// made from: the edition --policy names (with its layers), else reg.
	tree      *measures.Registry
	lang      string          // the language of the run, once known
	named     map[string]bool // the measures the arguments name
	wholeTree bool            // every measure with its flags (the manual pages)
	// policyFiles are the edition files and layers --policy names, by the
	// argument; plain the run's editions by id before their layers.
	policyFiles map[string]*measures.Edition
	// preloaded are the editions (not layers) a policy command named,
	// read before its layers (preload), by file name.
	preloaded map[string]*measures.Edition
	plain     map[string]*measures.Edition
	// The files read as input, which --out must never replace: the --out
	// file once known, and an input that is it; before, the inputs read.
	readMu    sync.Mutex
	outTarget os.FileInfo
	clash     string
	readFiles []readFile
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runWith(edition.Builtin(), args, stdin, stdout, stderr)
}

// runWith runs szsoft under the editions of reg.
func runWith(reg *measures.Registry, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	checked := &checkedWriter{w: stdout}
	a := &app{
		args:  args,
		stdin: stdin, stdout: checked, stderr: stderr, terminal: stdout,
		getenv:     os.Getenv,
		now:        time.Now,
		isTerminal: isTerminal,
		reg:        reg,
		tree:       reg,
	}
	p := a.printer("yuan")
	defer func() {
		// A panic is a bug; the user gets one line, not a stack trace.
		if v := recover(); v != nil {
			fmt.Fprint(stderr, stderrLine(p, "internal", fmt.Sprint(v), 0)+stderrLine(p, "hint", p.S("cli.bug"), 0))
			code = exitInternal
		}
	}()
	if f, ok := stdout.(*os.File); ok && f == os.Stdout {
		// The process itself, not a test calling run: an interrupt removes
		// the temporary file of --out.
		outfile.CleanUpOnSignals()
	}
	// An edition file's measures are subcommands: it is read before the
	// command line is parsed.
	if err := a.loadPolicies(); err != nil {
		return exitCode(err, stderr, p, a.errWidth())
	}
	root := a.rootCmd()
	root.SetArgs(args)
	err := root.Execute()
	if err != nil {
		err = a.commandError(root, err)
	}
	code = exitCode(err, stderr, p, a.errWidth())
	if checked.err != nil && code == exitOK {
		code = exitCode(checked.err, stderr, p, a.errWidth())
	}
	return code
}

func (a *app) rootCmd() *cobra.Command {
	// Commands keep the order they are added in: the measures in the order
	// of the policy, not of the alphabet.
	cobra.EnableCommandSorting = false
	// calc First-Version is calc first-version, as 国家级 is national.
	cobra.EnableCaseInsensitive = true
	root := &cobra.Command{
		Use:               "szsoft",
		SilenceUsage:      true,
		SilenceErrors:     true,
		CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true},
		DisableAutoGenTag: true,
	}
	a.describe(root, "")
	// --lang is every command's: help, errors and results alike.
	lang := &choiceFlag{onceValue: onceValue{name: "lang"}, values: langs, aliases: langNames}
	root.PersistentFlags().Var(lang, "lang", a.printer("yuan").S("flag.lang"))
	a.completeFlags(root, root.PersistentFlags())
	// szsoft --version is szsoft version; szsoft alone is its help.
	root.Flags().BoolP("version", "v", false, a.printer("yuan").S("flag.version"))
	root.RunE = func(cmd *cobra.Command, _ []string) error {
		if v, _ := cmd.Flags().GetBool("version"); v {
			_, err := io.WriteString(a.stdout, a.versionText())
			return err
		}
		return cmd.Help()
	}
	root.PersistentPreRunE = func(*cobra.Command, []string) error {
		// A wrong SZSOFT_LANG is said, as a wrong SZSOFT_UNIT is, unless
		// --lang overrides it.
		if env := a.getenv(envLang); env != "" && !lang.set {
			_, err := envChoice(envLang, env, langs, langNames)
			return err
		}
		return nil
	}
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(a.flagError)
	root.AddCommand(a.calcCmd(), a.batchCmd(), a.measuresCmd(), a.initCmd(), a.validateCmd(), a.policyCmd(), a.completionCmd(), a.versionCmd())
	root.SetHelpCommand(a.helpCmd())
	a.localizeHelp(root)
	return root
}

// firstWord is the first argument that is neither a flag nor a flag's
// value: the measure of "calc --policy my.toml demo --x 1".
func firstWord(c *cobra.Command, args []string) (string, bool) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if !strings.HasPrefix(arg, "-") || arg == "-" {
			return arg, true
		}
		if arg == "--" || strings.Contains(arg, "=") {
			continue
		}
		name := strings.TrimLeft(arg, "-")
		f := c.Flags().Lookup(name)
		if len(name) == 1 && !strings.HasPrefix(arg, "--") {
			f = c.Flags().ShorthandLookup(name)
		}
		if f == nil {
			// A flag calc lacks before any word: that flag is the mistake
			// ('calc --file p.toml --by applicant'), not the word after
			// it, which may be its value.
			return "", false
		}
		if f.NoOptDefVal == "" {
			i++ // its value
		}
	}
	return "", false
}

// flagError classifies what pflag refused: a bad value (exit 1) stays as it
// is; anything else is a command-line mistake (exit 2), in the catalogue's
// words, with the flag meant where one is near. "calc first-versoin --sales
// 5e7" fails on --sales, which calc itself lacks; the misspelt measure is
// the mistake to report.
func (a *app) flagError(c *cobra.Command, err error) error {
	var (
		ve *calc.ValueError
		ue *cliError
		ne *pflag.NotExistError
		re *pflag.ValueRequiredError
		se *pflag.InvalidSyntaxError
	)
	if errors.As(err, &ue) || errors.As(err, &ve) {
		return err
	}
	if c.Name() == "calc" {
		if i := slices.Index(a.args, "calc"); i >= 0 {
			if name, ok := firstWord(c, a.args[i+1:]); ok {
				return a.unknownMeasure(name)
			}
		}
	}
	help := func(e *cliError) *cliError { return e.withHint("cli.hint.flags", "command", c.CommandPath()) }
	switch {
	case errors.As(err, &ne):
		name := "--" + ne.GetSpecifiedName()
		if short := ne.GetSpecifiedShortnames(); short != "" {
			// -sales is not -s with ales: a long flag with one dash.
			if len(short) > 1 && c.Flags().Lookup(short) != nil {
				return usage("cli.flag.unknown", "flag", "-"+short).withHint("cli.flag.onedash", "flag", "--"+short)
			}
			name = "-" + ne.GetSpecifiedName()[:1]
		}
		return a.unknownFlag(c, name)
	case errors.As(err, &re):
		name := "--" + re.GetFlag().Name
		return help(usage("cli.flag.noarg", "flag", name))
	case errors.As(err, &se):
		return help(usage("cli.flag.syntax", "flag", strconv.Quote(se.GetSpecifiedFlag())))
	}
	return &cobraError{text: cobraMessage(err.Error()), hint: note("cli.hint.flags", "command", c.CommandPath())}
}

// unknownFlag is a flag the command c lacks, with the flag meant: the same
// flag of other measures (--sales under ai), else one of c's a letter away,
// else one of other measures' a letter away, else the nearest of c's.
func (a *app) unknownFlag(c *cobra.Command, name string) error {
	e := usage("cli.flag.unknown", "flag", name)
	var own []string
	c.Flags().VisitAll(func(f *pflag.Flag) { own = append(own, "--"+f.Name) })
	elsewhere := func(flag string) []string {
		var in []string
		for _, m := range a.tree.Measures() {
			if _, ok := m.Input(strings.TrimPrefix(flag, "--")); ok && m.Name != c.Name() {
				in = append(in, m.Name)
			}
		}
		return in
	}
	// An input of the 附则 of an edition the run does not compute under.
	if !slices.ContainsFunc(a.tree.Inputs(), func(in measures.Input) bool { return "--"+in.Name == name }) {
		for _, ed := range a.reg.Editions() {
			if _, ok := ed.Input(strings.TrimPrefix(name, "--")); ok {
				return e.withHint("cli.flag.otheredition", "flag", name, "edition", ed.Policy, "run", a.tree.Default().Policy)
			}
		}
	}
	if flag := a.flagByWords(c, strings.TrimLeft(name, "-")); flag != "" {
		// --销售额: the flag whose words those are.
		return e.withHint("cli.flag.words", "words", strings.TrimLeft(name, "-"), "flag", flag)
	}
	if in := elsewhere(name); len(in) > 0 {
		return e.withHint("cli.flag.elsewhere", "flag", name, "measures", in, "first", in[0])
	}
	if near := measures.Suggest(name, own); near != "" && measures.EditDistance(name, near) <= 1 {
		return e.withHint("cli.flag.near", "near", near, "command", c.CommandPath())
	}
	var others []string
	for _, m := range a.tree.Measures() {
		for _, in := range m.Inputs {
			others = append(others, "--"+in.Name)
		}
	}
	if near := measures.Suggest(name, others); near != "" && measures.EditDistance(name, near) <= 1 {
		in := elsewhere(near)
		return e.withHint("cli.flag.elsewhere.near", "near", near, "measures", in, "first", in[0])
	}
	if near := measures.Suggest(name, own); near != "" {
		return e.withHint("cli.flag.near", "near", near, "command", c.CommandPath())
	}
	return e.withHint("cli.hint.flags", "command", c.CommandPath())
}

// flagByWords is the flag of c whose input the Chinese words name
// (销售额 is --sales of first-version: 一定时期内审定销售额), or "".
func (a *app) flagByWords(c *cobra.Command, words string) string {
	words = measures.Fold(words)
	if words == "" || words == strings.ToLower(words) && !hasWide(words) {
		return ""
	}
	inputs := slices.Clone(a.tree.Inputs())
	if m, ok := a.tree.Measure(c.Name()); ok {
		inputs = append(m.Inputs, inputs...)
	}
	for _, in := range inputs {
		if c.Flags().Lookup(in.Name) == nil {
			continue
		}
		if label := measures.Fold(in.Label()); label == words || strings.Contains(measures.Fold(in.Help.Zh), words) {
			return "--" + in.Name
		}
	}
	return ""
}

// hasWide reports whether s has a character beyond ASCII.
func hasWide(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// commandError puts cobra's "unknown command" into words, with the command
// meant on a line of its own.
func (a *app) commandError(root *cobra.Command, err error) error {
	m := unknownCommand.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	var names []string
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() || c.Name() == "help" {
			names = append(names, c.Name())
		}
	}
	name := m[1]
	e := usage("cli.command.unknown", "name", strconv.Quote(name))
	if _, ok := a.tree.Find(name); ok {
		return e.withHint("cli.command.measure", "name", name)
	}
	if near := measures.Suggest(name, names); near != "" {
		return e.withHint("cli.command.near", "near", near, "commands", names)
	}
	return e.withHint("cli.command.list", "commands", names)
}

var unknownCommand = regexp.MustCompile(`^unknown command "(.*)" for "`)

// langs are the languages of everything a person reads, and the names
// --lang also takes.
var (
	langs     = []string{"zh", "en"}
	langNames = measures.Aliases{"zh": {"中文", "chinese", "cn", "zh-cn", "zh-hans"}, "en": {"英文", "english"}}
)

// The environment variables that set defaults.
const (
	envLang = "SZSOFT_LANG" // the default of --lang
	envUnit = "SZSOFT_UNIT" // the default of --unit
)

// language is the language of titles, headers, notes, errors and help:
// --lang (on the command line, wherever it stands), else SZSOFT_LANG, else
// zh when the locale (LC_ALL, LC_MESSAGES, LANG, the first set) is Chinese,
// else en.
func (a *app) language() string {
	if a.lang == "" {
		a.lang = a.findLanguage()
	}
	return a.lang
}

// findLanguage works the language out, once a run.
func (a *app) findLanguage() string {
	for i, arg := range a.args {
		if arg == "--" {
			break
		}
		v, ok := strings.CutPrefix(arg, "--lang=")
		if !ok && arg == "--lang" && i+1 < len(a.args) {
			v, ok = a.args[i+1], true
		}
		if !ok {
			continue
		}
		if l, known := measures.MatchChoice(v, langs, langNames); known {
			return l
		}
	}
	if l, ok := measures.MatchChoice(a.getenv(envLang), langs, langNames); ok {
		return l
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := a.getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "zh") {
				return "zh"
			}
			return "en"
		}
	}
	// Windows sets no locale variable: its display language.
	if strings.HasPrefix(strings.ToLower(systemLanguage()), "zh") {
		return "zh"
	}
	return "en"
}

// printer writes in the language of the run and the unit given.
func (a *app) printer(unit string) msg.Printer {
	return msg.Printer{Lang: a.language(), Unit: unit, Edition: a.tree.Default()}
}

// shenzhen is China Standard Time, where the policy's days begin and end.
var shenzhen = time.FixedZone("CST", 8*60*60)

// today is the default date of the qualifying event: today in Shenzhen.
func (a *app) today() calc.Date { return calc.DateOf(a.now().In(shenzhen)) }

// noArgs refuses positional arguments as a usage error. A word that starts
// with a dash of a Chinese input method (——sales) was meant as a flag.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	e := usage("cli.noargs", "command", cmd.CommandPath(), "arg", strconv.Quote(args[0]))
	if flag, ok := wideDashes(args[0]); ok {
		return e.withHint("cli.dash", "arg", args[0], "flag", flag)
	}
	switch args[0] {
	case "万", "亿", "元", "万元", "亿元":
		return e.withHint("cli.noargs.unit", "arg", args[0])
	}
	return e.withHint("cli.hint.flags", "command", cmd.CommandPath())
}

// wideDashes reads a word that starts with dashes a Chinese input method
// types (——, －－, —, –) as the flag it was meant to be.
func wideDashes(s string) (string, bool) {
	t := strings.TrimLeft(s, "—－–-")
	if t == s || t == "" || len(s)-len(t) == strings.Count(s[:len(s)-len(t)], "-") {
		return "", false
	}
	return "--" + t, true
}

// unknownMeasure is a measure szsoft does not know, with the nearest one by
// its name or a Chinese name (首版 → 首版次).
func (a *app) unknownMeasure(name string) error {
	all := a.tree.Names()
	// The list a reader is shown: in Chinese each measure by its Chinese
	// name with its id (首版次（first-version）).
	names := slices.Clone(all)
	if a.language() == "zh" {
		for i, m := range a.tree.Measures() {
			if len(m.Aliases) > 0 {
				names[i] = m.Aliases[0] + "（" + m.Name + "）"
			}
		}
	}
	for _, m := range a.tree.Measures() {
		all = append(all, m.Aliases...)
	}
	if m, ok := a.tree.Find(name); ok {
		// ｆｉｒｓｔ_version: the measure, written another way.
		return usage("cli.measure.unknown", "name", strconv.Quote(name)).withHint("cli.measure.near", "near", m.Name, "measures", names)
	}
	if s := measures.Suggest(name, all); s != "" {
		return usage("cli.measure.unknown", "name", strconv.Quote(name)).withHint("cli.measure.near", "near", s, "measures", names)
	}
	return usage("cli.measure.unknown", "name", strconv.Quote(name)).withHint("cli.measure.list", "measures", names)
}

// unsorted keeps a flag set in the order its flags were declared.
func unsorted(fs *pflag.FlagSet) { fs.SortFlags = false }

// termWidth is the width of the terminal on standard output, or 0 when
// standard output is not a terminal (piped output never depends on it).
func (a *app) termWidth() int {
	if a.width != nil {
		return a.width()
	}
	return a.widthOf(a.terminal)
}

// errWidth is the width of the terminal on standard error, or 0 when it is
// not a terminal: a program reading the errors gets one line each.
func (a *app) errWidth() int {
	if a.width != nil {
		return 0
	}
	return a.widthOf(a.stderr)
}

// widthOf is the width of the terminal w writes to, 0 when w is not one.
// COLUMNS, when set, overrides what the terminal reports.
func (a *app) widthOf(w io.Writer) int {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return 0
	}
	if n, err := strconv.Atoi(a.getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	if w, _, err := term.GetSize(int(f.Fd())); err == nil {
		return w
	}
	return 0
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
