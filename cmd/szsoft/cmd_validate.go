package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"

	"szsoft/internal/render"
)

func (a *app) validateCmd() *cobra.Command {
	opts := a.newCalcOptions()
	cmd := &cobra.Command{
		Use: "validate FILE...",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usage("cli.validate.none").withHint("cli.validate.none.hint")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			failed := false
			var out bytes.Buffer
			p := a.printer("yuan")
			for _, name := range args {
				o := a.computeFile(name, opts)
				if o.err != nil {
					exitCode(o.err, a.stderr, p, a.errWidth())
					failed = true
					continue
				}
				// A file that computes may still deserve a look: the
				// template's names, a date outside the window, ….
				a.warn(name, o.rep.Result.Warnings, "yuan")
				fmt.Fprintln(&out, a.printer("yuan").S("cli.validate.ok", "file", render.Safe(name)))
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
	a.describe(cmd, "validate")
	cmd.Flags().Var(opts.policy, "policy", a.printer("yuan").S("flag.policy", "editions", a.reg.IDs()))
	a.completeFlags(cmd, cmd.Flags())
	return cmd
}
