package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Windows' reading of names, tried here: cmd.exe and PowerShell pass
// D:\客户\*.toml to szsoft unexpanded, and Explorer shows PROJECT.TOML as a
// .toml file. (windows_wine_test.go runs the real Windows binary.)
func TestWindowsNamesHere(t *testing.T) {
	defer func(old bool) { windowsNames = old }(windowsNames)
	windowsNames = true
	dir := t.TempDir()
	project := "[first-version]\nsales = 5e7\n" // 30% of 5e7 capped at 1000万: 10,000,000
	for _, name := range []string{"A.TOML", "b.toml", "c.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(project), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	batch := func(args ...string) (string, string, int) {
		var out, errb bytes.Buffer
		code := run(append([]string{"batch", "-o", "total", "--lang", "en", "--date", "2026-11-26"}, args...), strings.NewReader(""), &out, &errb)
		return out.String(), errb.String(), code
	}
	// The directory: A.TOML and b.toml, not c.txt: 2 × 10,000,000.
	if out, errs, code := batch(dir); code != 0 || out != "20000000.00\n" {
		t.Errorf("batch DIR: exit %d, %q %s", code, out, errs)
	}
	// The pattern, expanded by szsoft and matched as Windows matches names,
	// in any case: A.TOML and b.toml, whichever case the pattern is in.
	for _, pattern := range []string{"*.toml", "*.TOML"} {
		if out, errs, code := batch(filepath.Join(dir, pattern)); code != 0 || out != "20000000.00\n" {
			t.Errorf("batch DIR/%s: exit %d, %q %s", pattern, code, out, errs)
		}
	}
	if out, errs, code := batch(filepath.Join(dir, "b.*")); code != 0 || out != "10000000.00\n" {
		t.Errorf("batch DIR/b.*: exit %d, %q %s", code, out, errs)
	}
	// A pattern that names nothing is an error record; the rest is computed.
	out, errs, code := batch(filepath.Join(dir, "*.xlsx"), filepath.Join(dir, "b.toml"))
	if code != 1 || out != "10000000.00\n" || !strings.Contains(errs, "*.xlsx: no file matches the pattern") {
		t.Errorf("batch DIR/*.xlsx b.toml: exit %d, %q %s", code, out, errs)
	}

	// Elsewhere the shell expands patterns, and .TOML is another extension.
	windowsNames = false
	if out, errs, code := batch(dir); code != 0 || out != "10000000.00\n" {
		t.Errorf("batch DIR, Unix names: exit %d, %q %s", code, out, errs)
	}
}
