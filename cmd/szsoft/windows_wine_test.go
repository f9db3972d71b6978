//go:build linux && amd64

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"szsoft/internal/slowtest"
)

// The Windows binary, run under Wine: names with drive letters and
// backslashes, a pattern cmd.exe leaves to szsoft, --out to a Chinese
// folder, to NUL and to a name Windows refuses, and the console's code
// page on a console (script(1) gives Wine one). .ci/run installs wine64
// and the MinGW compiler; where they are missing the test is skipped.
// What Wine cannot show — cmd.exe's and PowerShell's own fonts, Windows'
// file locking by Excel — README says is untested.
func TestWindowsUnderWine(t *testing.T) {
	slowtest.Release(t)
	w := newWine(t)
	dir := t.TempDir()
	clients := filepath.Join(dir, "客户")
	// 30% of 5e7 is 1500万, capped at 1000万 (（十九）): 10,000,000 each.
	for _, name := range []string{"a.toml", "b.toml", "C.TOML"} {
		writeFile(t, filepath.Join(clients, name), "[first-version]\nsales = 5e7\n")
	}

	t.Run("version", func(t *testing.T) {
		out, errs, code := w.run(t, "--version")
		if code != 0 || !strings.HasPrefix(out, "szsoft wine-test\r\n") && !strings.HasPrefix(out, "szsoft wine-test\n") {
			t.Errorf("--version: exit %d, %q %s", code, out, errs)
		}
	})

	t.Run("batch a pattern with backslashes", func(t *testing.T) {
		// cmd.exe hands over Z:\…\客户\*.toml unexpanded: szsoft expands
		// it, in any case, to a.toml, b.toml and C.TOML.
		out, errs, code := w.run(t, "batch", w.path(clients)+`\*.toml`, "-o", "jsonl", "--date", "2026-11-26")
		if code != 0 || strings.Count(out, "\n") != 3 || !strings.Contains(out, `\\C.TOML"`) {
			t.Fatalf("exit %d, %d records:\n%s%s", code, strings.Count(out, "\n"), out, errs)
		}
		want := strings.ReplaceAll(w.path(filepath.Join(clients, "a.toml")), `\`, `\\`)
		if !strings.Contains(out, `"file":"`+want+`"`) || !strings.Contains(out, `"total":"10000000.00"`) {
			t.Errorf("the records name the files as Windows does, with their totals:\n%s", out)
		}
	})

	t.Run("batch a folder", func(t *testing.T) {
		// Every .toml in any case, as Explorer shows them: 3 × 10,000,000.
		out, errs, code := w.run(t, "batch", w.path(clients), "-o", "total", "--date", "2026-11-26")
		if code != 0 || strings.TrimSpace(out) != "30000000.00" {
			t.Errorf("exit %d, %q %s", code, out, errs)
		}
	})

	t.Run("out to a Chinese folder, twice", func(t *testing.T) {
		out := filepath.Join(dir, "结果", "测算.xlsx")
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			t.Fatal(err)
		}
		for range 2 { // the second replaces the first
			if _, errs, code := w.run(t, "batch", w.path(clients), "--out", w.path(out)); code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
		}
		data, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
			t.Errorf("%s: not a workbook (%v)", out, err)
		}
		if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 1 {
			t.Errorf("%s holds %d files, want the workbook only", filepath.Dir(out), len(entries))
		}
	})

	t.Run("out to NUL", func(t *testing.T) {
		if _, errs, code := w.run(t, "calc", "first-version", "--sales", "5e7", "--out", "NUL"); code != 0 {
			t.Errorf("exit %d: %s", code, errs)
		}
		if entries, _ := os.ReadDir(w.cwd); len(entries) != 0 {
			t.Errorf("--out NUL made a file in the working folder: %v", entries)
		}
	})

	t.Run("out to a name Windows refuses", func(t *testing.T) {
		_, errs, code := w.run(t, "calc", "first-version", "--sales", "5e7", "--lang", "zh", "--out", w.path(dir)+`\测算?.xlsx`)
		if code != 1 || !strings.Contains(errs, "文件名或路径无效") {
			t.Errorf("exit %d: %s", code, errs)
		}
	})

	t.Run("the language of Windows", func(t *testing.T) {
		// Windows sets no LANG: a Chinese Windows (Wine takes its display
		// language from the LANG it starts with) gets Chinese.
		env := append(slices.Clone(w.env), "LANG=zh_CN.UTF-8", "LC_ALL=zh_CN.UTF-8")
		out, errs, code := w.runEnv(t, env, "cmd", "/c", "set LANG=& set LC_ALL=& set SZSOFT_LANG=& "+w.path(w.exe)+" version")
		if code != 0 || !strings.Contains(out, "政策 sz2022：") {
			t.Errorf("exit %d, %q %s", code, out, errs)
		}
	})

	t.Run("console", func(t *testing.T) {
		// On a console at code page 936 (GBK, a Chinese Windows' own),
		// szsoft's Chinese is legible, and the console is at 936 again
		// after it.
		out := w.console(t, "chcp 936 & "+w.path(w.exe)+" calc first-version --sales 5e7 --lang zh --date 2026-11-26 & chcp")
		if !strings.Contains(out, "市级合计") || !strings.Contains(out, "10,000,000.00") {
			t.Errorf("the table is not legible:\n%s", out)
		}
		if !regexp.MustCompile(`code page: 936\s*$`).MatchString(out) {
			t.Errorf("the console's code page is not 936 again after szsoft:\n%s", out)
		}
	})

	t.Run("code page while szsoft runs", func(t *testing.T) {
		test := filepath.Join(w.bin, "szsoft.test.exe")
		w.build(t, test, "test", "-c")
		out := w.console(t, "chcp 936 & "+w.path(test)+" -test.run ^TestUTF8Console$ -test.v")
		if !strings.Contains(out, "code pages 936 65001 936") || !strings.Contains(out, "--- PASS: TestUTF8Console") {
			t.Errorf("TestUTF8Console under Wine:\n%s", out)
		}
	})
}

type wine struct {
	wine, server string // the programs
	env          []string
	bin, exe     string // the folder of the Windows binaries, szsoft.exe
	cwd          string // the working folder, empty
}

// newWine finds Wine, makes a prefix of its own and builds szsoft.exe.
func newWine(t *testing.T) *wine {
	w := &wine{}
	for _, p := range []string{"wine64", "/usr/lib/wine/wine64", "wine"} {
		if path, err := exec.LookPath(p); err == nil {
			w.wine = path
			break
		}
	}
	if w.wine == "" {
		t.Skip("needs Wine (Debian's wine64; .ci/run installs it)")
	}
	for _, p := range []string{"wineserver", "/usr/lib/wine/wineserver64", "/usr/lib/wine/wineserver"} {
		if path, err := exec.LookPath(p); err == nil {
			w.server = path
			break
		}
	}
	tmp := t.TempDir()
	prefix := filepath.Join(tmp, "prefix")
	w.env = append(os.Environ(), "WINEPREFIX="+prefix, "WINEDEBUG=-all", "WINEDLLOVERRIDES=mscoree,mshtml=",
		"LANG=C.UTF-8", "SZSOFT_LANG=en", "SZSOFT_UNIT=", "DISPLAY=")
	w.bin = filepath.Join(tmp, "bin")
	w.cwd = filepath.Join(tmp, "cwd")
	if err := os.MkdirAll(w.cwd, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if w.server != "" {
			cmd := exec.Command(w.server, "-k")
			cmd.Env = w.env
			_ = cmd.Run()
		}
	})
	// The prefix: made by the first program Wine runs.
	cmd := exec.Command(w.wine, "cmd", "/c", "exit")
	cmd.Env = w.env
	f := w.file(t, tmp, "wineboot")
	cmd.Stdout, cmd.Stderr = f, f
	err := cmd.Run()
	if out := w.read(t, f); err != nil {
		t.Skipf("Wine does not start: %v\n%s", err, out)
	}
	// A wineserver that stays: each program then starts in a tenth of a
	// second, not in two and a half. (The server that made the prefix is
	// waited for first: -p on a running server does not return.)
	if w.server != "" {
		for _, flag := range []string{"-w", "-p"} {
			cmd := exec.Command(w.server, flag)
			cmd.Env = w.env
			_ = cmd.Run()
		}
	}
	// Go's runtime asks bcryptprimitives.dll for random numbers since Go
	// 1.22; Wine has it from 9.0. An older Wine gets a shim.
	system32 := filepath.Join(prefix, "drive_c", "windows", "system32")
	if _, err := os.Stat(filepath.Join(system32, "bcryptprimitives.dll")); err != nil {
		cc, err := exec.LookPath("x86_64-w64-mingw32-gcc")
		if err != nil {
			t.Skip("this Wine lacks bcryptprimitives.dll, and the shim needs x86_64-w64-mingw32-gcc (Debian's gcc-mingw-w64-x86-64-win32)")
		}
		if out, err := exec.Command(cc, "-shared", "-O2", "-s", "-o", filepath.Join(system32, "bcryptprimitives.dll"),
			filepath.Join("testdata", "wine", "bcryptprimitives.c"), "-ladvapi32").CombinedOutput(); err != nil {
			t.Fatalf("the shim: %v\n%s", err, out)
		}
	}
	w.exe = filepath.Join(w.bin, "szsoft.exe")
	w.build(t, w.exe, "build", "-ldflags", "-X main.version=wine-test")
	return w
}

// build runs go build or go test -c for windows/amd64 into out.
func (w *wine) build(t *testing.T, out string, verb string, flags ...string) {
	t.Helper()
	args := append(append([]string{verb}, flags...), "-o", out, ".")
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), "GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go %s for Windows: %v\n%s", verb, err, b)
	}
}

// path is a Linux path as Windows names it under Wine: Z:\tmp\….
func (w *wine) path(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		panic(err)
	}
	return "Z:" + strings.ReplaceAll(abs, "/", `\`)
}

// run runs szsoft.exe with args, output piped.
func (w *wine) run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	return w.runEnv(t, w.env, append([]string{w.exe}, args...)...)
}

// runEnv runs a Windows program under Wine in the environment env.
func (w *wine) runEnv(t *testing.T, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(w.wine, args...)
	cmd.Env, cmd.Dir = env, w.cwd
	// Files, not pipes: the services Wine starts inherit the streams and
	// hold a pipe open long after szsoft.exe has exited.
	streams := t.TempDir()
	out, errb := w.file(t, streams, "stdout"), w.file(t, streams, "stderr")
	cmd.Stdout, cmd.Stderr = out, errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	switch {
	case errors.As(err, &ee):
		code = ee.ExitCode()
	case err != nil:
		t.Fatal(err)
	}
	return w.read(t, out), w.read(t, errb), code
}

func (w *wine) file(t *testing.T, dir, name string) *os.File {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func (w *wine) read(t *testing.T, f *os.File) string {
	t.Helper()
	f.Close()
	b, err := os.ReadFile(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// console runs a cmd.exe line on a console of its own (script(1) gives
// Wine a terminal, and Wine makes it a console) and returns what the
// console showed, without the terminal's escape sequences.
func (w *wine) console(t *testing.T, line string) string {
	t.Helper()
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("needs script(1), from util-linux, for a console")
	}
	dir := t.TempDir()
	cmd := exec.Command(script, "-qec", w.wine+" cmd /c '"+line+"'", filepath.Join(dir, "typescript"))
	cmd.Env, cmd.Dir = w.env, w.cwd
	f := w.file(t, dir, "output")
	cmd.Stdout, cmd.Stderr = f, f
	// The status is cmd's, of its last command; what it showed is what
	// the callers check. (A Windows test binary also exits 1 under Wine,
	// which cannot remove the temporary folder of go-internal's testscript.)
	err = cmd.Run()
	out := w.read(t, f)
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("%v\n%s", err, out)
	}
	s := regexp.MustCompile(`\x1b\[[0-9;?]*[A-Za-z]`).ReplaceAllString(out, "")
	return strings.ReplaceAll(s, "\r", "")
}
