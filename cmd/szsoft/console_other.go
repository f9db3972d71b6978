//go:build !windows

package main

// utf8Console does nothing where terminals take UTF-8 as it comes.
func utf8Console() (restore func()) { return func() {} }
