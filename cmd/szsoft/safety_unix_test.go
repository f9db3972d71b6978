//go:build unix

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Devices, FIFOs, umasks, signals and other users: the tests of safety_test.go
// that need a Unix.

// mknod makes a character device like /dev/null (1, 3) or /dev/full (1, 7)
// in dir, or skips the test.
func mknod(t *testing.T, dir, name string, minor int) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := syscall.Mknod(path, syscall.S_IFCHR|0o666, 1<<8|minor); err != nil {
		t.Skipf("mknod needs root: %v", err)
	}
	return path
}

// A device is written in place and stays a device: --out null once turned
// /dev/null into a regular file.
func TestOutDeviceWrittenInPlace(t *testing.T) {
	dir := t.TempDir()
	null := mknod(t, dir, "null", 3)
	_, stderr, code := szsoft(t, dir, "", "calc", "listing", "--listed", "--date", "2026-11-26", "-o", "json", "--out", null)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	st, err := os.Lstat(null)
	if err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("the device became %v (%v)", st.Mode(), err)
	}
	noTemporary(t, dir)
}

// A full disk is exit 1 with the --out path named, never a usage error and
// never the temporary file's name.
func TestOutFullDevice(t *testing.T) {
	dir := t.TempDir()
	full := mknod(t, dir, "full", 7)
	_, stderr, code := szsoft(t, dir, "", "calc", "listing", "--listed", "--date", "2026-11-26", "--out", full)
	if code != 1 || !strings.Contains(stderr, "szsoft: error: --out "+full+": no space left on device") {
		t.Errorf("exit %d: %s", code, stderr)
	}
	if strings.Contains(stderr, ".tmp") {
		t.Errorf("the message names the temporary file: %s", stderr)
	}
}

// Standard output that cannot be written is exit 1, for help too.
func TestStdoutFull(t *testing.T) {
	dir := t.TempDir()
	full := mknod(t, dir, "full", 7)
	for _, args := range [][]string{{"--help"}, {"calc", "listing", "--listed", "-o", "total"}, {"measures"}} {
		f, err := os.OpenFile(full, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(binary(t), args...)
		cmd.Stdout = f
		var errb bytes.Buffer
		cmd.Stderr = &errb
		err = cmd.Run()
		f.Close()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 || !strings.Contains(errb.String(), "standard output: no space left on device") {
			t.Errorf("%v: %v, %s", args, err, errb.String())
		}
	}
}

// A FIFO's reader gets the whole report; the FIFO stays a FIFO.
func TestOutFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	writeFile(t, filepath.Join(dir, "a.toml"), listing)
	got := make(chan []byte)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		b, _ := io.ReadAll(f)
		f.Close()
		got <- b
	}()
	if _, stderr, code := szsoft(t, dir, "", "batch", "a.toml", "-o", "jsonl", "--out", "pipe"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	select {
	case b := <-got:
		if !bytes.Contains(b, []byte(`"total":"4000000.00"`)) {
			t.Errorf("the reader got %q", b)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the reader got nothing")
	}
	if st, _ := os.Lstat(fifo); st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO became %v", st.Mode())
	}
}

// An existing file keeps its mode; a new one gets 0666 less the umask; -
// is standard output; a directory is an error.
func TestOutModesDashAndDirectory(t *testing.T) {
	dir := t.TempDir()
	private := filepath.Join(dir, "private.json")
	writeFile(t, private, "old")
	if err := os.Chmod(private, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := szsoft(t, dir, "", "calc", "listing", "--listed", "--out", "private.json"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if st, _ := os.Stat(private); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the file's own 0600", st.Mode().Perm())
	}
	old := syscall.Umask(0o027)
	_, _, code := szsoft(t, dir, "", "calc", "listing", "--listed", "--out", "new.json")
	syscall.Umask(old)
	if st, err := os.Stat(filepath.Join(dir, "new.json")); code != 0 || err != nil || st.Mode().Perm() != 0o640 {
		t.Errorf("new file: exit %d, %v, mode %v; want 0666 &^ 027 = 0640", code, err, st.Mode().Perm())
	}
	out, _, code := szsoft(t, dir, "", "calc", "listing", "--listed", "--date", "2026-11-26", "-o", "total", "--out", "-")
	if code != 0 || out != "4000000.00\n" {
		t.Errorf("--out -: exit %d, stdout %q", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "-")); err == nil {
		t.Error("--out - wrote a file named -")
	}
	_, stderr, code := szsoft(t, dir, "", "calc", "listing", "--listed", "--out", dir)
	if code != 1 || !strings.Contains(stderr, "is a directory") {
		t.Errorf("--out DIR: exit %d, %s", code, stderr)
	}
}

// An interrupt removes the temporary file: a batch waiting for names on
// standard input is stopped by each signal, and leaves nothing behind.
func TestInterruptLeavesNoTemporaryFile(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "a.toml"), listing)
		cmd := exec.Command(binary(t), "batch", "-", "-o", "jsonl", "--out", "out.jsonl")
		cmd.Dir = dir
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		io.WriteString(stdin, "a.toml\n")
		deadline := time.Now().Add(30 * time.Second)
		for {
			tmps, _ := filepath.Glob(filepath.Join(dir, ".out.jsonl.*.tmp"))
			if len(tmps) > 0 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("no temporary file appeared")
			}
			time.Sleep(10 * time.Millisecond)
		}
		time.Sleep(100 * time.Millisecond) // the first record is written
		cmd.Process.Signal(sig)
		err = cmd.Wait()
		stdin.Close()
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 128+int(sig) {
			t.Errorf("%v: %v, want exit %d", sig, err, 128+int(sig))
		}
		noTemporary(t, dir)
		if _, err := os.Stat(filepath.Join(dir, "out.jsonl")); err == nil {
			t.Errorf("%v: a partial out.jsonl was left", sig)
		}
	}
}

// Batch never loses a result: every entry gets exactly one record, in its
// place, whatever it is.
func TestBatchNothingLost(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "p", "a.toml"), listing)
	writeFile(t, filepath.Join(dir, "p", "m", "b.toml"), listing)
	writeFile(t, filepath.Join(dir, "p", "z.toml"), listing)
	if err := syscall.Mkfifo(filepath.Join(dir, "p", "n.toml"), 0o644); err != nil {
		t.Skip(err)
	}
	os.MkdirAll(filepath.Join(dir, "empty"), 0o755)
	// A name of 2 MiB in the list read from standard input, then a good one.
	long := strings.Repeat("x", 2<<20) + ".toml"
	done := make(chan struct{})
	var out, stderr string
	var code int
	go func() {
		out, stderr, code = szsoft(t, dir, long+"\np/a.toml\n", "batch", "p", "-", "empty", "=1+2.toml", "-o", "jsonl")
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the batch hangs (a FIFO named *.toml was opened?)")
	}
	if code != 1 {
		t.Errorf("exit %d, want 1: %s", code, stderr[:min(len(stderr), 500)])
	}
	var files []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct {
			File  string
			Error *struct{ Message string }
		}
		if err := json.Unmarshal([]byte(l), &rec); err != nil {
			t.Fatalf("%v: %.100q", err, l)
		}
		tag := rec.File
		// The 2 MiB name is no file's: its record names it by its start
		// (issue 22: a 300 MB line made a 314 MB error line).
		if len(tag) > 40 || strings.HasPrefix(tag, "xxxx") && strings.HasSuffix(tag, "…") {
			tag = "LONG"
		}
		if rec.Error != nil {
			tag += " error"
		}
		files = append(files, tag)
	}
	want := []string{"p/a.toml", "p/m/b.toml", "p/n.toml error", "p/z.toml", "LONG error", "p/a.toml", "empty error", "=1+2.toml error"}
	if strings.Join(files, ",") != strings.Join(want, ",") {
		t.Errorf("records %q\nwant    %q", files, want)
	}
	// The CSV has the failed files too, guarded against formulas.
	out, _, _ = szsoft(t, dir, "", "batch", "=1+2.toml", "p/a.toml", "-o", "csv")
	if !strings.Contains(out, "\n'=1+2.toml,") || !strings.Contains(out, "no such file") {
		t.Errorf("csv:\n%s", out)
	}
}

// A directory that cannot be read is one error record, and the files after
// it are still computed. As root nothing is unreadable: the batch runs as
// the user nobody (setpriv).
func TestBatchUnreadableDirectory(t *testing.T) {
	setpriv, err := exec.LookPath("setpriv")
	if err != nil || os.Geteuid() != 0 {
		t.Skip("needs root and setpriv to run as another user")
	}
	dir, err := os.MkdirTemp("", "szsoft-unreadable")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o755)
	writeFile(t, filepath.Join(dir, "p", "a.toml"), listing)
	writeFile(t, filepath.Join(dir, "p", "locked", "b.toml"), listing)
	writeFile(t, filepath.Join(dir, "p", "z.toml"), listing)
	for _, d := range []string{"p", filepath.Join("p", "locked")} {
		os.Chmod(filepath.Join(dir, d), 0o755)
	}
	os.Chmod(filepath.Join(dir, "p", "locked"), 0o000)
	bin := filepath.Join(dir, "szsoft")
	b, _ := os.ReadFile(binary(t))
	os.WriteFile(bin, b, 0o755)
	cmd := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", bin, "batch", "p", "-o", "jsonl")
	cmd.Dir = dir
	cmd.Env = []string{"LANG=C"}
	out, _ := cmd.Output()
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 3 || !strings.Contains(lines[1], `"file":"p/locked","error":{"message":"cannot read directory: permission denied"`) ||
		!strings.Contains(lines[2], `"file":"p/z.toml","name"`) {
		t.Errorf("records:\n%s", out)
	}
}

// A FIFO named like a roster, given as an argument or on standard input, is
// an error record in its place: never opened, never waited on.
func TestBatchRosterFIFO(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "roster.csv"), 0o644); err != nil {
		t.Skip(err)
	}
	done := make(chan struct{})
	var out string
	var code int
	go func() {
		out, _, code = szsoft(t, dir, "roster.csv\n", "batch", "roster.csv", "-", "-o", "jsonl")
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("the batch hangs on a FIFO named roster.csv")
	}
	if code != 1 || strings.Count(out, `{"file":"roster.csv","error":`) != 2 {
		t.Errorf("exit %d, records:\n%s", code, out)
	}
}

// Standard output redirected to a file: > gives the CSV its byte-order
// mark, >> to a log that has content does not (SPEC §5), and the log is
// kept.
func TestCSVMarkByRedirection(t *testing.T) {
	dir := t.TempDir()
	run := func(name string, flags int) []byte {
		f, err := os.OpenFile(filepath.Join(dir, name), flags, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(binary(t), "calc", "ai", "--investment", "1e7", "--date", "2026-11-26", "-o", "csv")
		var errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = f, &errb
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v %s", err, errb.String())
		}
		f.Close()
		b, _ := os.ReadFile(filepath.Join(dir, name))
		return b
	}
	if b := run("new.csv", os.O_CREATE|os.O_WRONLY|os.O_TRUNC); !bytes.HasPrefix(b, []byte("\xef\xbb\xbffile,")) {
		t.Errorf("> new.csv: %q", b[:min(len(b), 12)])
	}
	writeFile(t, filepath.Join(dir, "log.csv"), "earlier\n")
	if b := run("log.csv", os.O_WRONLY|os.O_APPEND); !bytes.HasPrefix(b, []byte("earlier\nfile,")) {
		t.Errorf(">> log.csv: %q", b[:min(len(b), 20)])
	}
}
