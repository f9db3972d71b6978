package main

import (
	"bytes"
	"fmt"

	"github.com/spf13/cobra"
)

func (a *app) validateCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "validate FILE...",
		Short: "Check project files without printing any figure",
		Long: `Check project files as 'szsoft calc --file' would — TOML syntax, keys,
types, values, the inputs each measure needs, the rates of each item, the
inputs the 附则 require — and print "FILE: ok" for each good one. Every
error of every file is reported; "-" reads a file from standard input.`,
		Example: `  szsoft validate project.toml
  szsoft validate projects/*.toml`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("e.g. 'szsoft validate project.toml'", "validate needs at least one file")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			failed := false
			var out bytes.Buffer
			for _, name := range args {
				if err := a.validateFile(name); err != nil {
					exitCode(err, a.stderr)
					failed = true
					continue
				}
				fmt.Fprintf(&out, "%s: ok\n", safe(name))
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
}

// validateFile runs every check of calc on one file and discards the result.
func (a *app) validateFile(name string) error {
	f, err := a.readProject(name)
	if err != nil {
		return err
	}
	if err := f.NoClaim(); err != nil {
		return err
	}
	p := f.Project
	_, err = a.compute(&p, &sources{file: f, opts: newCalcOptions()})
	return err
}
