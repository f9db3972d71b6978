package main

import (
	"os"
	"testing"

	"golang.org/x/sys/windows"
)

// TestUTF8Console runs on Windows (and under Wine, from
// windows_wine_test.go, on a console set to code page 936): the code page
// is UTF-8 while szsoft runs and the console's own again after.
func TestUTF8Console(t *testing.T) {
	before, err := windows.GetConsoleOutputCP()
	if err != nil || before == 0 || !isConsole(os.Stdout) && !isConsole(os.Stderr) {
		t.Skip("no console")
	}
	restore := utf8Console()
	during, _ := windows.GetConsoleOutputCP()
	restore()
	after, _ := windows.GetConsoleOutputCP()
	if before != cpUTF8 && during != cpUTF8 {
		t.Errorf("code page %d while szsoft runs, want %d (UTF-8)", during, cpUTF8)
	}
	if after != before {
		t.Errorf("code page %d after szsoft, want the console's own %d", after, before)
	}
	// Short enough for a console's line: before, during, after.
	t.Logf("code pages %d %d %d", before, during, after)
}
