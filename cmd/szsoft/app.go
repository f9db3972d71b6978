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
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/internal/outfile"
	"szsoft/internal/project"
	"szsoft/measures"
)

// version is set by the linker (make build) or left as "dev".
var version = "dev"

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
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runWith(measures.Builtin(), args, stdin, stdout, stderr)
}

// runWith runs szsoft under the editions of reg.
func runWith(reg *measures.Registry, args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		// A panic is a bug; the user gets one line, not a stack trace.
		if v := recover(); v != nil {
			fmt.Fprintf(stderr, "szsoft: internal error: %v\nszsoft: hint: this is a bug in szsoft; please report it with the input that caused it\n", v)
			code = exitInternal
		}
	}()
	if f, ok := stdout.(*os.File); ok && f == os.Stdout {
		// The process itself, not a test calling run: an interrupt removes
		// the temporary file of --out.
		outfile.CleanUpOnSignals()
	}
	checked := &checkedWriter{w: stdout}
	a := &app{
		args:  args,
		stdin: stdin, stdout: checked, stderr: stderr, terminal: stdout,
		getenv:     os.Getenv,
		now:        time.Now,
		isTerminal: isTerminal,
		reg:        reg,
	}
	root := a.rootCmd()
	root.SetArgs(args)
	p := a.printer("yuan")
	code = exitCode(root.Execute(), stderr, p)
	if checked.err != nil && code == exitOK {
		code = exitCode(checked.err, stderr, p)
	}
	return code
}

func (a *app) rootCmd() *cobra.Command {
	// Commands keep the order they are added in: the measures in the order
	// of the policy, not of the alphabet.
	cobra.EnableCommandSorting = false
	root := &cobra.Command{
		Use:   "szsoft",
		Short: "Subsidy calculator for the Shenzhen software-industry measures (深府规〔2022〕5号)",
		Long: `szsoft computes the maximum subsidy a project can claim under the Shenzhen
municipal government's Several Measures for Promoting High-Quality
Development of the Software Industry (深府规〔2022〕5号), the matching-fund
limits of its supplementary rules (附则), and the clause behind every figure.`,
		Example: `  szsoft calc first-version --sales 5e7
  szsoft calc --file project.toml -o json
  szsoft batch projects/ -o csv --out results.csv
  szsoft measures show platform`,
		SilenceUsage:      true,
		SilenceErrors:     true,
		CompletionOptions: cobra.CompletionOptions{DisableDefaultCmd: true},
		DisableAutoGenTag: true,
	}
	root.SetUsageTemplate(root.UsageTemplate() + exitStatus)
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(a.flagError)
	root.AddCommand(a.calcCmd(), a.batchCmd(), a.measuresCmd(), a.initCmd(), a.validateCmd(), a.completionCmd(), a.versionCmd())
	root.SetHelpCommand(a.helpCmd())
	return root
}

// flagError classifies what pflag refused: a bad value (exit 1) stays as it
// is; anything else is a command-line mistake (exit 2). "calc first-versoin
// --sales 5e7" fails on --sales, which calc itself lacks; the misspelt
// measure is the mistake to report.
func (a *app) flagError(c *cobra.Command, err error) error {
	var (
		ve *calc.ValueError
		ue *cliError
	)
	if errors.As(err, &ue) || errors.As(err, &ve) {
		return err
	}
	if c.Name() == "calc" {
		for i, arg := range a.args[:max(len(a.args)-1, 0)] {
			if next := a.args[i+1]; arg == "calc" && !strings.HasPrefix(next, "-") {
				return a.unknownMeasure(next)
			}
		}
	}
	return &cobraError{text: cobraMessage(err.Error()), hint: note("cli.hint.flags", "command", c.CommandPath())}
}

// langs are the languages of everything a person reads.
var langs = []string{"zh", "en"}

// language is the language of titles, headers, notes and errors: --lang
// (on the command line, wherever it stands), else zh when the locale is
// Chinese, else en.
func (a *app) language() string {
	for i, arg := range a.args {
		v, ok := strings.CutPrefix(arg, "--lang=")
		if !ok && arg == "--lang" && i+1 < len(a.args) {
			v, ok = a.args[i+1], true
		}
		if ok && slices.Contains(langs, v) {
			return v
		}
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := a.getenv(k); v != "" {
			if strings.HasPrefix(strings.ToLower(v), "zh") {
				return "zh"
			}
			return "en"
		}
	}
	return "en"
}

// printer writes in the language of the run and the unit given.
func (a *app) printer(unit string) msg.Printer {
	return msg.Printer{Lang: a.language(), Unit: unit, Edition: a.reg.Default()}
}

// shenzhen is China Standard Time, where the policy's days begin and end.
var shenzhen = time.FixedZone("CST", 8*60*60)

// today is the default date of the qualifying event: today in Shenzhen.
func (a *app) today() calc.Date { return calc.DateOf(a.now().In(shenzhen)) }

// exitStatus ends every command's help (docs/contract.md §3).
const exitStatus = `
EXIT STATUS
  0  everything was computed, including results of 0 and dates outside the
     validity window
  1  a value or a file is wrong (an amount, rate, choice, date, a 附则 input
     the rules require, a missing, unreadable, too large or malformed file),
     or the output cannot be written; in batch, at least one file failed,
     after all the others were computed
  2  the command line is wrong (unknown command or flag, a flag without its
     argument or given twice, a measure without the inputs it needs, both
     sides of a measure, -o against the --out extension)
  3  an internal error (a bug in szsoft), never bad input
`

// noArgs refuses positional arguments as a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usage("cli.noargs", "command", cmd.CommandPath(), "arg", strconv.Quote(args[0])).withHint("cli.hint.flags", "command", cmd.CommandPath())
	}
	return nil
}

// unknownMeasure is a measure szsoft does not know, with the nearest one.
func (a *app) unknownMeasure(name string) error {
	names := a.reg.Names()
	if s := project.Suggest(name, names); s != "" {
		return usage("cli.measure.unknown", "name", strconv.Quote(name)).withHint("cli.measure.near", "near", s, "measures", names)
	}
	return usage("cli.measure.unknown", "name", strconv.Quote(name)).withHint("cli.measure.list", "measures", names)
}

// unsorted keeps a flag set in the order its flags were declared.
func unsorted(fs *pflag.FlagSet) { fs.SortFlags = false }

// termWidth is the width of the terminal on standard output, or 0 when
// standard output is not a terminal (piped output never depends on it).
// COLUMNS, when set, overrides what the terminal reports.
func (a *app) termWidth() int {
	if a.width != nil {
		return a.width()
	}
	f, ok := a.terminal.(*os.File)
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
