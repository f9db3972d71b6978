//go:build !windows

package main

// utf8Console does nothing where terminals take UTF-8 as it comes.
func utf8Console() (restore func()) { return func() {} }

// systemLanguage: elsewhere the locale variables say the language.
func systemLanguage() string { return "" }
