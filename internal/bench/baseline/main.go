// Command baseline is the yardstick for szsoft's start-up time: a bare Go
// binary that only sets up cobra, decimal and tablewriter and prints one
// table. make bench compares 'szsoft calc first-version --sales 5e7' with
// 'baseline calc first-version --sales 5e7'.
package main

import (
	"os"

	"github.com/olekukonko/tablewriter"
	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"
)

func main() {
	var sales string
	root := &cobra.Command{Use: "baseline", SilenceUsage: true}
	calc := &cobra.Command{Use: "calc"}
	fv := &cobra.Command{
		Use: "first-version",
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := decimal.NewFromString(sales)
			if err != nil {
				return err
			}
			v := decimal.Min(s.Mul(decimal.RequireFromString("0.3")), decimal.New(1, 7))
			t := tablewriter.NewWriter(os.Stdout)
			t.Header("ITEM", "BASE", "MAX")
			_ = t.Append("first-version.developer", s.StringFixed(2), v.StringFixed(2))
			return t.Render()
		},
	}
	fv.Flags().StringVar(&sales, "sales", "", "sales")
	calc.AddCommand(fv)
	root.AddCommand(calc)
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}
