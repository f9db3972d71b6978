package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"szsoft/calc"
	"szsoft/internal/outfile"
	"szsoft/measures"
)

// version is set by the linker (make build) or left as "dev".
var version = "dev"

// app holds what the commands share: the streams and what they read of the
// environment, so that tests can run the whole program in-process.
type app struct {
	args           []string
	stdin          io.Reader
	stdout, stderr io.Writer
	terminal       io.Writer // standard output as given, to ask whether it is a terminal
	getenv         func(string) string
	now            func() time.Time
	isTerminal     func(w io.Writer) bool
	width          func() int // tests: the terminal width to assume
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
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
	}
	root := a.rootCmd()
	root.SetArgs(args)
	code = exitCode(root.Execute(), stderr)
	if checked.err != nil && code == exitOK {
		fmt.Fprintf(stderr, "szsoft: error: %s\n", checked.err)
		code = exitValue
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
		ue *usageError
	)
	if errors.As(err, &ue) || errors.As(err, &ve) {
		return err
	}
	if c.Name() == "calc" {
		for i, arg := range a.args[:max(len(a.args)-1, 0)] {
			if next := a.args[i+1]; arg == "calc" && !strings.HasPrefix(next, "-") {
				return unknownMeasure(next)
			}
		}
	}
	return &usageError{msg: cobraMessage(err.Error()), hint: "run '" + c.CommandPath() + " --help' for its flags"}
}

// lang is the language of titles, headers and notes: --lang, else zh when
// the locale is Chinese, else en.
func (a *app) lang(flag *choiceFlag) string {
	if flag.set {
		return flag.raw
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

// shenzhen is China Standard Time, where the policy's days begin and end.
var shenzhen = time.FixedZone("CST", 8*60*60)

// today is the default date of the qualifying event: today in Shenzhen.
func (a *app) today() calc.Date { return calc.DateOf(a.now().In(shenzhen)) }

// exitStatus ends every command's help (SPEC section 3).
const exitStatus = `
EXIT STATUS
  0  everything was computed, including results of 0 and dates outside the
     validity window
  1  a value or a file is wrong (an amount, rate, choice, date, a 附则 input
     the rules require, a missing, unreadable, too large or malformed file);
     in batch, at least one file failed, after all the others were computed
  2  the command line is wrong (unknown command or flag, a flag without its
     argument or given twice, a measure without the inputs it needs)
`

func (a *app) helpCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "help [command]",
		Short:   "Help about any command",
		Example: "  szsoft help calc\n  szsoft help calc first-version",
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := cmd.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return usagef("run 'szsoft help' for the commands", "no help topic %q", strings.Join(args, " "))
			}
			return target.Help()
		},
	}
}

func (a *app) completionCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: "Print the shell completion script for bash, zsh, fish or PowerShell",
		Long: `Print a shell completion script. It completes commands, measure names, the
values of every flag that takes a fixed set (--output, --unit, --lang,
--recognized, --standard, --certification, …) and file names for --file.
'make install' installs the scripts of completions/ where the shells look.`,
		Example: `  source <(szsoft completion bash)
  szsoft completion zsh > "${fpath[1]}/_szsoft"
  szsoft completion fish > ~/.config/fish/completions/szsoft.fish
  szsoft completion powershell | Out-String | Invoke-Expression`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("e.g. 'szsoft completion bash'", "completion needs a shell: bash, zsh, fish or powershell")
			}
			return usagef("shells: bash, zsh, fish, powershell", "unknown shell %q", args[0])
		},
	}
	for _, sh := range []struct {
		name string
		gen  func(root *cobra.Command, w io.Writer) error
	}{
		{"bash", func(r *cobra.Command, w io.Writer) error { return r.GenBashCompletionV2(w, true) }},
		{"zsh", func(r *cobra.Command, w io.Writer) error { return r.GenZshCompletion(w) }},
		{"fish", func(r *cobra.Command, w io.Writer) error { return r.GenFishCompletion(w, true) }},
		{"powershell", func(r *cobra.Command, w io.Writer) error { return r.GenPowerShellCompletionWithDesc(w) }},
	} {
		cmd.AddCommand(&cobra.Command{
			Use:     sh.name,
			Short:   "Print the " + sh.name + " completion script",
			Example: "  szsoft completion " + sh.name,
			Args:    noArgs,
			RunE: func(c *cobra.Command, _ []string) error {
				return sh.gen(c.Root(), a.stdout)
			},
		})
	}
	return cmd
}

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   "Print the version of szsoft and the policy edition it implements",
		Example: "  szsoft version",
		Args:    noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := io.WriteString(a.stdout, "szsoft "+version+"\npolicy "+measures.Edition+"\n")
			return err
		},
	}
}

// noArgs refuses positional arguments as a usage error.
func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("run '"+cmd.CommandPath()+" --help'", "%s takes no arguments (got %q)", cmd.CommandPath(), args[0])
	}
	return nil
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

// completeMeasures offers the measure names.
func completeMeasures(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return measures.Get().Names(), cobra.ShellCompDirectiveNoFileComp
}

// completeFlags registers what the shells offer for each flag of fs: the
// values of a choice, file names for files, nothing for amounts and dates.
func completeFlags(cmd *cobra.Command, fs *pflag.FlagSet) {
	fs.VisitAll(func(f *pflag.Flag) {
		var fn cobra.CompletionFunc
		switch v := f.Value.(type) {
		case *choiceFlag:
			fn = cobra.FixedCompletions(v.values, cobra.ShellCompDirectiveNoFileComp)
		case *choicesFlag:
			fn = cobra.FixedCompletions(v.values, cobra.ShellCompDirectiveNoFileComp)
		case *stringFlag:
			switch v.typ {
			case "file":
				if f.Name == "file" {
					fn = func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
						return []cobra.Completion{"toml"}, cobra.ShellCompDirectiveFilterFileExt
					}
				} else {
					fn = func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
						return nil, cobra.ShellCompDirectiveDefault
					}
				}
			default:
				fn = cobra.NoFileCompletions
			}
		case *amountFlag, *rateFlag, *jobsFlag:
			fn = cobra.NoFileCompletions
		}
		if fn != nil {
			_ = cmd.RegisterFlagCompletionFunc(f.Name, fn)
		}
	})
}
