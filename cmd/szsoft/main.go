// Command szsoft computes the subsidies of the Shenzhen software-industry
// measures (深府规〔2022〕5号): the maximum subsidy of each item claimed, the
// matching-fund limits of the supplementary rules (附则), and the clause behind
// every figure.
//
// This package is the only one that touches the operating system: files,
// flags, environment, terminals and the clock.
package main

import (
	"os"

	"szsoft/internal/outfile"
)

func main() {
	restore := utf8Console()
	outfile.AtInterrupt(restore)
	code := run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	restore()
	os.Exit(code)
}
