package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// cpUTF8 is the code page of UTF-8.
const cpUTF8 = 65001

// utf8Console makes the console's output code page UTF-8 (65001) while
// szsoft runs, when standard output or standard error is a console, and
// returns what restores it. Go writes Chinese to a console itself in
// UTF-16, legibly under any code page; the code page is for what reads
// szsoft's bytes through the console: `szsoft … | more`, findstr, a
// PowerShell pipeline. A console already at 65001, or none, is left alone.
func utf8Console() (restore func()) {
	none := func() {}
	if !isConsole(os.Stdout) && !isConsole(os.Stderr) {
		return none
	}
	old, err := windows.GetConsoleOutputCP()
	if err != nil || old == 0 || old == cpUTF8 {
		return none
	}
	if windows.SetConsoleOutputCP(cpUTF8) != nil {
		return none
	}
	return func() { _ = windows.SetConsoleOutputCP(old) }
}

func isConsole(f *os.File) bool {
	var mode uint32
	return windows.GetConsoleMode(windows.Handle(f.Fd()), &mode) == nil
}

// systemLanguage is the language of Windows' display (zh-CN on a Chinese
// Windows), which sets no LANG: the language when neither --lang,
// SZSOFT_LANG nor a locale variable says one.
func systemLanguage() string {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil || len(langs) == 0 {
		return ""
	}
	return langs[0]
}
