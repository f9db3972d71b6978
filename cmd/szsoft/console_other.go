//go:build !windows

package main

import (
	"os/signal"
	"syscall"
)

// utf8Console does nothing where terminals take UTF-8 as it comes; it
// also stops SIGPIPE from killing the process when the reader of its
// output goes away (szsoft batch … | head -c1): the write then fails with
// EPIPE, and szsoft stops and exits 1.
func utf8Console() (restore func()) {
	signal.Ignore(syscall.SIGPIPE)
	return func() {}
}

// systemLanguage: elsewhere the locale variables say the language.
func systemLanguage() string { return "" }
