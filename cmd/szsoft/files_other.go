//go:build !windows

package main

import "szsoft/calc"

// osReason: the errors of other systems are syscall's, described by
// describeOpenError.
func osReason(error) calc.Code { return "" }
