package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"szsoft/measures"
)

// quietRoot is the command tree with nowhere to write and no terminal, for
// walking it.
func quietRoot() *cobra.Command {
	a := &app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" },
		now: time.Now, isTerminal: func(io.Writer) bool { return false }, reg: measures.Builtin()}
	return a.rootCmd()
}

// generated returns the shell completions and man pages as they should be
// committed: completions/ from 'szsoft completion SHELL', docs/man/ from cobra's
// doc generator over the command tree, without a date.
func generated(t *testing.T) map[string]string {
	t.Helper()
	files := map[string]string{}
	for shell, name := range map[string]string{"bash": "szsoft.bash", "zsh": "_szsoft", "fish": "szsoft.fish", "powershell": "szsoft.ps1"} {
		out, stderr, code := runCLI(t, "", "completion", shell)
		if code != 0 {
			t.Fatalf("completion %s: %s", shell, stderr)
		}
		files[filepath.Join("completions", name)] = out
	}
	root := quietRoot()
	date := time.Date(2022, 10, 15, 0, 0, 0, 0, time.UTC)
	header := &doc.GenManHeader{Title: "SZSOFT", Section: "1", Source: "szsoft", Manual: "szsoft manual", Date: &date}
	dateStamp := regexp.MustCompile(`"` + date.Format("Jan 2006") + `"`)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Name() == "help" && c.Parent() != root || !c.IsAvailableCommand() && c != root && c.Name() != "help" {
			return
		}
		var buf bytes.Buffer
		if err := doc.GenMan(c, header, &buf); err != nil {
			t.Fatal(err)
		}
		name := strings.ReplaceAll(c.CommandPath(), " ", "-") + ".1"
		page := dateStamp.ReplaceAllString(buf.String(), `""`)
		page = strings.Replace(page, ".SH SEE ALSO", manExitStatus+".SH SEE ALSO", 1)
		files[filepath.Join("docs", "man", name)] = page
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return files
}

// manExitStatus is the EXIT STATUS section of every man page, made from the
// one of --help: "  N  text" starts an entry, indented lines continue it.
var manExitStatus = func() string {
	var b strings.Builder
	b.WriteString(".SH EXIT STATUS\n")
	for _, line := range strings.Split(strings.TrimSpace(exitStatus), "\n")[1:] {
		line = strings.TrimSpace(line)
		if code, text, ok := strings.Cut(line, "  "); ok && len(code) == 1 {
			b.WriteString(".TP\n\\fB" + code + "\\fP\n" + text + "\n")
			continue
		}
		b.WriteString(line + "\n")
	}
	return b.String() + "\n"
}()

// TestGeneratedFilesFresh fails when completions/ or docs/man/ are stale;
// 'make completions' (go test -run TestGeneratedFilesFresh -update) rewrites
// them.
func TestGeneratedFilesFresh(t *testing.T) {
	t.Chdir("../..")
	want := generated(t)
	if *update {
		for _, dir := range []string{"completions", filepath.Join("docs", "man")} {
			old, _ := filepath.Glob(filepath.Join(dir, "*"))
			for _, f := range old {
				os.Remove(f)
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		for name, content := range want {
			if err := os.WriteFile(name, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	var stale []string
	for name, content := range want {
		got, err := os.ReadFile(name)
		if err != nil || string(got) != content {
			stale = append(stale, name)
		}
	}
	for _, dir := range []string{"completions", filepath.Join("docs", "man")} {
		have, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range have {
			if _, ok := want[f]; !ok {
				stale = append(stale, f+" (no longer generated)")
			}
		}
	}
	sort.Strings(stale)
	if len(stale) > 0 {
		t.Errorf("stale generated files, run 'make completions':\n  %s", strings.Join(stale, "\n  "))
	}
	if th := regexp.MustCompile(`(?m)^\.TH .*$`).FindString(want["docs/man/szsoft.1"]); th != `.TH "SZSOFT" "1" "" "szsoft" "szsoft manual"` {
		t.Errorf("man page header %q: want no date", th)
	}
}

// Every command's help has an Examples block and ends with EXIT STATUS.
func TestEveryHelpHasExamplesAndExitStatus(t *testing.T) {
	root := quietRoot()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden || strings.HasPrefix(c.Name(), "__") {
			return
		}
		args := append(strings.Fields(strings.TrimPrefix(c.CommandPath(), "szsoft")), "--help")
		out, _, code := runCLI(t, "", args...)
		if code != 0 || !strings.Contains(out, "\nExamples:\n") || !strings.HasSuffix(strings.TrimSpace(out), strings.TrimSpace(exitStatus[strings.LastIndex(exitStatus, "  2  "):])) {
			t.Errorf("szsoft %s --help: exit %d, Examples %v, ends with EXIT STATUS %v", strings.Join(args[:len(args)-1], " "), code,
				strings.Contains(out, "Examples:"), strings.Contains(out, "EXIT STATUS"))
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
