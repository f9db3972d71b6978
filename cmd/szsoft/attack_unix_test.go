//go:build unix

package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Issue 22, round two of the attacker's trials: each test failed before
// its fix.

// --out never replaces an input, however it was read: a file the walk of
// a folder met, a name read from standard input, standard input itself.
// Each is refused (exit 2) and the input is kept, byte for byte.
func TestOutNeverReplacesAnInputRead(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "d", "b.toml"), listing)
	writeFile(t, filepath.Join(dir, "client.toml"), listing)
	writeFile(t, filepath.Join(dir, "r.toml"), listing)
	for _, c := range []struct {
		name, stdin, kept string
		args              []string
	}{
		{"walked", "", "d/b.toml", []string{"batch", "d", "--out", "d/b.toml"}},
		{"named on standard input", "r.toml\n", "r.toml", []string{"batch", "-", "--out", "r.toml"}},
	} {
		_, stderr, code := szsoft(t, dir, c.stdin, c.args...)
		if b, _ := os.ReadFile(filepath.Join(dir, c.kept)); code != 2 || string(b) != listing || !strings.Contains(stderr, "is the input") {
			t.Errorf("%s: exit %d, %s now %q: %s", c.name, code, c.kept, b, stderr)
		}
	}
	// calc --file - < client.toml --out client.toml
	in, _ := os.Open(filepath.Join(dir, "client.toml"))
	defer in.Close()
	cmd := exec.Command(binary(t), "calc", "--file", "-", "--out", "client.toml")
	cmd.Dir, cmd.Stdin = dir, in
	err := cmd.Run()
	var ee *exec.ExitError
	if b, _ := os.ReadFile(filepath.Join(dir, "client.toml")); !errors.As(err, &ee) || ee.ExitCode() != 2 || string(b) != listing {
		t.Errorf("standard input: %v, client.toml now %q", err, b)
	}
}

// --out naming this process's standard output (here through a link of the
// test's own to /proc/self/fd/1) writes where the shell pointed it: a log
// opened with >> is appended to, never replaced by a rename.
func TestOutOwnStandardOutputAppends(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd/1"); err != nil {
		t.Skip("no /proc/self/fd")
	}
	dir := t.TempDir()
	if err := os.Symlink("/proc/self/fd/1", filepath.Join(dir, "stdout")); err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(dir, "log.txt")
	writeFile(t, logPath, "earlier\n")
	log, err := os.OpenFile(logPath, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary(t), "calc", "listing", "--listed", "-o", "total", "--date", "2026-11-26", "--out", filepath.Join(dir, "stdout"))
	cmd.Stdout = log
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	log.Close()
	// （二十）listing: 4,000,000, after the line that was there.
	if b, _ := os.ReadFile(logPath); string(b) != "earlier\n4000000.00\n" {
		t.Errorf("log.txt: %q", b)
	}
}

// Links are followed as the kernel does: dlink/out.txt, with dlink ->
// real/deep and out.txt -> ../target.txt in real/deep, is real/target.txt,
// not ./target.txt.
func TestOutLinksResolvedPhysically(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "real", "deep"), 0o755)
	writeFile(t, filepath.Join(dir, "target.txt"), "unrelated\n")
	writeFile(t, filepath.Join(dir, "real", "target.txt"), "old\n")
	os.Symlink("real/deep", filepath.Join(dir, "dlink"))
	os.Symlink("../target.txt", filepath.Join(dir, "real", "deep", "out.txt"))
	if _, stderr, code := szsoft(t, dir, "", "calc", "listing", "--listed", "-o", "total", "--date", "2026-11-26", "--out", "dlink/out.txt"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "target.txt")); string(b) != "unrelated\n" {
		t.Errorf("./target.txt replaced: %q", b)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "real", "target.txt")); string(b) != "4000000.00\n" {
		t.Errorf("real/target.txt: %q", b)
	}
}

// A line "-" in a list of names is the file called "-" (ls | szsoft
// batch -), not standard input read again: every name gets its record.
func TestBatchDashInNames(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "-"), listing)
	writeFile(t, filepath.Join(dir, "a.toml"), listing)
	out, stderr, code := szsoft(t, dir, "-\na.toml\n-\n", "batch", "-", "-o", "total")
	// Three listings of 4,000,000.
	if code != 0 || strings.TrimSpace(out) != "12000000.00" {
		t.Errorf("exit %d, %q: %s", code, out, stderr)
	}
}

// A file the user may not write (0444, someone else's, in a folder the
// user may write) is refused, as a shell's > would be: it is neither
// replaced nor given to the user.
func TestOutRefusesAFileNotWritable(t *testing.T) {
	setpriv, err := exec.LookPath("setpriv")
	if err != nil || os.Geteuid() != 0 {
		t.Skip("needs root and setpriv to run as another user")
	}
	dir, err := os.MkdirTemp("", "szsoft-ro")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o777)
	target := filepath.Join(dir, "report.txt")
	writeFile(t, target, "root's\n")
	os.Chmod(target, 0o444)
	bin := filepath.Join(dir, "szsoft")
	b, _ := os.ReadFile(binary(t))
	os.WriteFile(bin, b, 0o755)
	cmd := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", bin, "calc", "listing", "--listed", "-o", "total", "--out", target)
	cmd.Env = []string{"LANG=C"}
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err = cmd.Run()
	st, _ := os.Stat(target)
	got, _ := os.ReadFile(target)
	if err == nil || string(got) != "root's\n" || st.Sys().(*syscall.Stat_t).Uid != 0 || !strings.Contains(errb.String(), "permission denied") {
		t.Errorf("run: %v; %q, owner %d; %s", err, got, st.Sys().(*syscall.Stat_t).Uid, errb.String())
	}
}

// A FIFO named *.toml given on standard input to batch - is an error
// record, never waited on.
func TestBatchFIFONamedOnStandardInput(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "p.toml"), 0o644); err != nil {
		t.Skip(err)
	}
	writeFile(t, filepath.Join(dir, "a.toml"), listing)
	done := make(chan struct{})
	var out, stderr string
	var code int
	go func() {
		out, stderr, code = szsoft(t, dir, "p.toml\na.toml\n", "batch", "-", "-o", "jsonl")
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("batch waits on the FIFO")
	}
	if code != 1 || strings.Count(out, "\n") != 2 || !strings.Contains(stderr, "a named pipe (FIFO)") {
		t.Errorf("exit %d:\n%s%s", code, out, stderr)
	}
}

// The reader of a pipe going away (| head -c1) stops szsoft with exit 1,
// not a death by SIGPIPE (141 in a shell).
func TestBrokenPipeExitsOne(t *testing.T) {
	dir := t.TempDir()
	for i := range 200 {
		writeFile(t, filepath.Join(dir, "p", string(rune('a'+i%26))+strings.Repeat("x", i/26)+".toml"), listing)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary(t), "batch", "p", "-o", "jsonl")
	cmd.Dir, cmd.Stdout = dir, w
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	one := make([]byte, 1)
	r.Read(one)
	r.Close()
	err = cmd.Wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("exit: %v (want status 1, not a signal)", err)
	}
}
