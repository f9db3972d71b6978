package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"szsoft/internal/render"
)

// TestTerminalCaptures runs szsoft in a real terminal, tmux, at 80 and 120
// columns, in Chinese and in English, and compares what the screen shows
// with the captures of testdata/tmux, which were looked at and reviewed:
// the catalogue, a calculation, a batch, an error and a help page. Nothing
// may be wider than the terminal but a number that cannot be cut.
// go test -run TestTerminalCaptures -update rewrites them (look at the diff).
//
// It needs tmux, which .ci/run installs; without it the test is skipped.
func TestTerminalCaptures(t *testing.T) {
	tmux, dir, bin, root := inTmux(t)
	captures := []struct{ name, args string }{
		{"measures", "measures"},
		{"calc", "calc first-version --sales 5000万 --premium 20万 --date 2026-11-26"},
		{"calc-file", "calc --file fixtures/spec-example.toml --explain"},
		{"batch", "batch fixtures/*.toml"},
		{"applicant", "batch fixtures/clients --by applicant"},
		{"error", "calc first-version --sale 5e7"},
		{"error-file", "calc --file cmd/szsoft/testdata/tmux/pasted.toml"},
		{"help", "calc first-version --help"},
	}
	for _, c := range captures {
		for _, lang := range []string{"zh", "en"} {
			for _, width := range []int{80, 120} {
				name := fmt.Sprintf("%s-%s-%d", c.name, lang, width)
				t.Run(name, func(t *testing.T) {
					got := capture(t, tmux, dir, root, width, fmt.Sprintf("%s %s --lang %s", bin, c.args, lang))
					for i, line := range strings.Split(got, "\n") {
						if w := render.DisplayWidth(line); w > width {
							t.Errorf("line %d is %d columns wide, more than the terminal's %d: %q", i+1, w, width, line)
						}
					}
					golden(t, filepath.Join("testdata", "tmux", name+".txt"), got)
				})
			}
		}
	}
}

// inTmux returns tmux, a scratch directory, szsoft built into it and the
// project's root, or skips the test when tmux is not installed.
func inTmux(t *testing.T) (tmux, dir, bin, root string) {
	t.Helper()
	tmux, err := exec.LookPath("tmux")
	if err != nil {
		t.Skip("tmux is not installed (.ci/run installs it): the terminal is not looked at")
	}
	if testing.Short() {
		t.Skip("runs szsoft in tmux")
	}
	dir = t.TempDir()
	bin = filepath.Join(dir, "szsoft")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	root, _ = filepath.Abs("../..")
	return tmux, dir, bin, root
}

// capture runs command in a fresh tmux server of the given width, in dir
// cwd, and returns the whole screen and its scrollback, trailing blanks
// removed.
func capture(t *testing.T, tmux, dir, cwd string, width int, command string) string {
	t.Helper()
	sock := filepath.Join(dir, fmt.Sprintf("tmux-%d.sock", time.Now().UnixNano()))
	conf := filepath.Join(dir, "tmux.conf")
	if err := os.WriteFile(conf, []byte("set -g history-limit 10000\nset -g status off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		cmd := exec.Command(tmux, append([]string{"-u", "-S", sock, "-f", conf}, args...)...)
		cmd.Env = append(os.Environ(), "LANG=C.UTF-8", "LC_ALL=", "SZSOFT_LANG=", "SZSOFT_UNIT=", "COLUMNS=", "TERM=xterm-256color")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	const done = "__szsoft_done__"
	script := fmt.Sprintf("cd %q && %s 2>&1; printf '%%s\\n' %s; sleep 60", cwd, command, done)
	run("new-session", "-d", "-x", fmt.Sprint(width), "-y", "50", "sh", "-c", script)
	defer run("kill-server")
	deadline := time.Now().Add(20 * time.Second)
	for {
		screen := run("capture-pane", "-p", "-S", "-", "-E", "-")
		if i := strings.Index(screen, done); i >= 0 {
			lines := strings.Split(screen[:i], "\n")
			for j, l := range lines {
				lines[j] = strings.TrimRight(l, " ")
			}
			return strings.TrimRight(strings.Join(lines, "\n"), "\n") + "\n"
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not finish in tmux:\n%s", command, screen)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// --out writes the same file whatever terminal runs szsoft: a 40-column
// one does not turn the table into blocks in the file.
func TestOutFileIgnoresTerminalWidth(t *testing.T) {
	tmux, dir, bin, root := inTmux(t)
	out := filepath.Join(dir, "out.txt")
	capture(t, tmux, dir, root, 40, fmt.Sprintf("%s calc --file fixtures/spec-example.toml --out %s", bin, out))
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := os.ReadFile(filepath.Join(root, "fixtures", "spec-example.txt"))
	if string(got) != string(want) {
		t.Errorf("--out from a 40-column terminal differs from the piped table:\n%s", diff(string(want), string(got)))
	}
}
