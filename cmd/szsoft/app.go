package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"szsoft/calc"
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
	getenv         func(string) string
	now            func() time.Time
	isTerminal     func(w io.Writer) bool
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) (code int) {
	defer func() {
		// A panic is a bug; the user gets one line, not a stack trace.
		if v := recover(); v != nil {
			fmt.Fprintf(stderr, "szsoft: internal error: %v\nszsoft: hint: this is a bug in szsoft; please report it with the input that caused it\n", v)
			code = exitInternal
		}
	}()
	a := &app{
		args:  args,
		stdin: stdin, stdout: stdout, stderr: stderr,
		getenv:     os.Getenv,
		now:        time.Now,
		isTerminal: isTerminal,
	}
	root := a.rootCmd()
	root.SetArgs(args)
	return exitCode(root.Execute(), stderr)
}

func (a *app) rootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "szsoft",
		Short: "Subsidy calculator for the Shenzhen software-industry measures (深府规〔2022〕5号)",
		Long: `szsoft computes the maximum subsidy a project can claim under the Shenzhen
municipal government's Several Measures for Promoting High-Quality
Development of the Software Industry (深府规〔2022〕5号), the matching-fund
limits of its supplementary rules (附则), and the clause behind every figure.`,
		SilenceUsage:      true,
		SilenceErrors:     true,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: true},
	}
	root.SetIn(a.stdin)
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(a.flagError)
	root.AddCommand(a.calcCmd(), a.batchCmd(), a.initCmd(), a.validateCmd(), a.versionCmd())
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

func (a *app) versionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of szsoft and the policy edition it implements",
		Args:  noArgs,
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

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// completeMeasures offers the measure names.
func completeMeasures(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	return measures.Get().Names(), cobra.ShellCompDirectiveNoFileComp
}
