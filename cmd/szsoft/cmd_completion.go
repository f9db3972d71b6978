package main

import (
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"szsoft/internal/render"
	"szsoft/measures"
)

func (a *app) helpCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use: "help [command]",
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := cmd.Root().Find(args)
			if err != nil || len(rest) > 0 {
				return usage("cli.help.unknown", "topic", strconv.Quote(strings.Join(args, " "))).withHint("cli.help.hint")
			}
			return target.Help()
		},
	}
	a.describe(cmd, "help")
	return cmd
}

func (a *app) completionCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:  "completion bash|zsh|fish|powershell",
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usage("cli.completion.none").withHint("cli.completion.none.hint")
			}
			return usage("cli.completion.unknown", "shell", strconv.Quote(args[0])).withHint("cli.completion.shells")
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
		sub := &cobra.Command{
			Use:  sh.name,
			Args: noArgs,
			RunE: func(c *cobra.Command, _ []string) error {
				return sh.gen(c.Root(), a.stdout)
			},
		}
		a.describe(sub, "completion.shell", "shell", sh.name)
		cmd.AddCommand(sub)
	}
	a.describe(cmd, "completion")
	return cmd
}

func (a *app) versionCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:  "version",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := io.WriteString(a.stdout, a.versionText())
			return err
		},
	}
	a.describe(cmd, "version")
	return cmd
}

// versionText is what szsoft version and szsoft --version print: the
// version, then the policy editions implemented.
func (a *app) versionText() string {
	var b strings.Builder
	b.WriteString("szsoft " + Version() + "\n")
	p := a.printer("yuan")
	for _, e := range a.reg.Editions() {
		b.WriteString(render.Indent(p.S("cli.version.policy", "id", e.ID, "title", e.Title), a.termWidth(), "", "  "))
	}
	return b.String()
}

// completeMeasures offers the measure names, and their Chinese names once
// something is typed.
func (a *app) completeMeasures(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	var out []string
	for _, m := range a.tree.Measures() {
		if strings.HasPrefix(m.Name, toComplete) {
			out = append(out, m.Name)
		}
	}
	aliases, _ := a.completeAliases(cmd, args, toComplete)
	return append(out, aliases...), cobra.ShellCompDirectiveNoFileComp
}

// completeAliases offers the Chinese names of the measures that start with
// what was typed (首 → 首版次软件, 首版次), each with its measure.
func (a *app) completeAliases(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 || toComplete == "" {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var out []string
	for _, m := range a.tree.Measures() {
		for _, al := range m.Aliases {
			if strings.HasPrefix(al, toComplete) {
				out = append(out, cobra.CompletionWithDesc(al, m.Name))
			}
		}
	}
	return out, cobra.ShellCompDirectiveNoFileComp
}

// completeChoice offers a choice's values, and its Chinese names once
// something is typed (国 → 国家级). In Chinese, with nothing typed, each
// value is offered by its Chinese name (国家级, described as national), as
// a Chinese user names it.
func completeChoice(values []string, aliases measures.Aliases, zh bool) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, v := range values {
			if zh && toComplete == "" && len(aliases[v]) > 0 {
				out = append(out, cobra.CompletionWithDesc(aliases[v][0], v))
				continue
			}
			if strings.HasPrefix(v, toComplete) {
				out = append(out, v)
			}
			for _, a := range aliases[v] {
				if toComplete != "" && strings.HasPrefix(a, toComplete) {
					out = append(out, cobra.CompletionWithDesc(a, v))
				}
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeFlags registers what the shells offer for each flag of fs: the
// values of a choice, file names for files, nothing for amounts and dates.
func (a *app) completeFlags(cmd *cobra.Command, fs *pflag.FlagSet) {
	zh := a.language() == "zh"
	fs.VisitAll(func(f *pflag.Flag) {
		var fn cobra.CompletionFunc
		switch v := f.Value.(type) {
		case *choiceFlag:
			fn = completeChoice(v.values, v.aliases, zh)
		case *choicesFlag:
			fn = completeChoice(v.values, v.aliases, zh)
		case *stringFlag:
			switch {
			case f.Name == "file":
				fn = func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
					return []cobra.Completion{"toml"}, cobra.ShellCompDirectiveFilterFileExt
				}
			case v.typ == "file":
				fn = func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
					return nil, cobra.ShellCompDirectiveDefault
				}
			default:
				fn = cobra.NoFileCompletions
			}
		case *amountFlag, *rateFlag, *jobsFlag, *dateFlag, *sameKindFlag:
			fn = cobra.NoFileCompletions
		}
		if fn != nil {
			_ = cmd.RegisterFlagCompletionFunc(f.Name, fn)
		}
	})
}
