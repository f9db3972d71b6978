package calc_test

import (
	"szsoft/calc"
	"szsoft/internal/edition"
)

// The engine's tests compute under sz2022 as shipped: its file, read by
// internal/edition, which imports calc, so that only an external test
// package may read it.
func init() { calc.SetEdition(edition.SZ2022()) }
