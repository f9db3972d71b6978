package main

import (
	"bytes"
	"fmt"
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

	"szsoft/internal/edition"
	"szsoft/internal/msg"
	"szsoft/internal/project"
)

// quietRoot is the command tree with nowhere to write and no terminal, for
// walking it.
func quietRoot() *cobra.Command {
	a := &app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard, getenv: func(string) string { return "" },
		now: time.Now, isTerminal: func(io.Writer) bool { return false }, reg: edition.Builtin(), tree: edition.Builtin(), wholeTree: true}
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
		page = manFlagValues(page, c)
		files[filepath.Join("docs", "man", name)] = page
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	return files
}

// manFlag is a flag's line in cobra's man page: its names, then its
// default as cobra writes it (=, ="", [=], [=false]).
var manFlag = regexp.MustCompile(`(?m)^((?:\\fB-[a-z]\\fP, )?\\fB--([a-z-]+)\\fP)(\[=[^\]\n]*\]|=.*)$`)

// manFlagValues writes each flag as a reader types it: a switch alone
// (--explain, not --explain[=]; --help, not --help[=false]), a flag with
// a value with its kind (--sales=amount), not the empty default cobra
// prints.
func manFlagValues(page string, c *cobra.Command) string {
	return manFlag.ReplaceAllStringFunc(page, func(line string) string {
		m := manFlag.FindStringSubmatch(line)
		f := c.Flags().Lookup(m[2])
		if f == nil {
			f = c.InheritedFlags().Lookup(m[2])
		}
		if f == nil || f.NoOptDefVal != "" {
			return m[1]
		}
		return m[1] + `=\fI` + f.Value.Type() + `\fP`
	})
}

// manExitStatus is the EXIT STATUS section of every man page, from the
// words of --help.
var manExitStatus = func() string {
	en := msg.Printer{Lang: "en"}
	var b strings.Builder
	b.WriteString(".SH EXIT STATUS\n")
	for code := range 4 {
		fmt.Fprintf(&b, ".TP\n\\fB%d\\fP\n%s\n", code, en.S(fmt.Sprintf("help.exit.%d", code)))
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

// Every command's help, in both languages, has examples and ends with the
// exit statuses; under --lang zh it has no English but the names of
// commands, flags and values.
func TestEveryHelpHasExamplesAndExitStatus(t *testing.T) {
	root := quietRoot()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden || strings.HasPrefix(c.Name(), "__") {
			return
		}
		for _, lang := range []string{"en", "zh"} {
			p := msg.Printer{Lang: lang}
			args := append(strings.Fields(strings.TrimPrefix(c.CommandPath(), "szsoft")), "--help", "--lang", lang)
			out, _, code := runCLI(t, "", args...)
			examples := "\n" + p.S("help.examples") + p.S("help.colon") + "\n"
			last := p.S("help.exit.3")
			if code != 0 || !strings.Contains(out, examples) || !strings.HasSuffix(strings.TrimSpace(out), last) {
				t.Errorf("szsoft %s: exit %d, %q %v, ends with %q %v", strings.Join(args, " "), code,
					examples, strings.Contains(out, examples), last, strings.HasSuffix(strings.TrimSpace(out), last))
			}
			if strings.Contains(out, "[[") {
				t.Errorf("szsoft %s: a key without words: %s", strings.Join(args, " "), out)
			}
			if lang == "zh" {
				if w := englishWords(out); len(w) > 0 {
					t.Errorf("szsoft %s: English words %q", strings.Join(args, " "), w)
				}
			}
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// englishWords returns the words of s that are English prose: runs of
// letters that are not a command, a flag, a value, a key, a file name or
// an abbreviation szsoft and the policy use.
func englishWords(s string, extra ...string) []string {
	allowed := map[string]bool{}
	for _, e := range extra {
		allowed[e] = true
		for _, w := range regexp.MustCompile(`[A-Za-z]+`).FindAllString(e, -1) {
			allowed[w] = true
		}
	}
	for _, k := range project.TopLevelKeys(edition.Builtin()) {
		allowed[k] = true
	}
	for _, w := range strings.Fields(`szsoft calc batch measures show init validate completion version help
		bash zsh fish powershell shell table json jsonl csv markdown xlsx html total yuan wan zh en toml TOML UTF
		jq Out String Invoke Expression source fpath config completions find name xlsx lines results
		projects project a b tpl all make install SZSOFT_UNIT SZSOFT_LANG CPU N FILE ok sz2022
		true false min P F H gt lt amp fixtures MES txt policy list check diff builtin text edition editions
		national provincial municipal industry local group other cmmi csmm dcmm CMMI CSMM DCMM e g`) {
		allowed[w] = true
	}
	for _, m := range edition.Builtin().Measures() {
		allowed[m.Name] = true
		for _, in := range m.Inputs {
			allowed[in.Name] = true
		}
	}
	var out []string
	for _, tok := range regexp.MustCompile(`(?:--?|=)?[A-Za-z][A-Za-z0-9_\-.]*`).FindAllString(s, -1) {
		if strings.HasPrefix(tok, "-") || strings.HasPrefix(tok, "=") || strings.ContainsAny(tok, ".-_") && !strings.HasSuffix(tok, ".") {
			continue // a flag, an id, a file name
		}
		tok = strings.TrimSuffix(tok, ".")
		if regexp.MustCompile(`^[eE]\d+$`).MatchString(tok) {
			continue // 5e7
		}
		typed := false // a value the command line gave, shown back
		for _, e := range extra {
			typed = typed || strings.Contains(e, tok)
		}
		if !typed && !allowed[tok] && !allowed[strings.ToLower(tok)] {
			out = append(out, tok)
		}
	}
	return out
}
