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
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// These tests run szsoft as a process: output files, devices, FIFOs,
// signals and other users are the operating system's. Devices are made
// with mknod in a temporary directory, never the real /dev/null or
// /dev/full; cases that need root (mknod) or another user (setpriv) are
// skipped with the reason where those are not available.

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds szsoft once for the package's tests.
func binary(t *testing.T) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "szsoft-bin")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "szsoft")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			binErr = errors.New(string(out))
		}
	})
	if binErr != nil {
		t.Fatal(binErr)
	}
	return binPath
}

// szsoft runs the binary in dir and returns its stdout, stderr and status.
func szsoft(t *testing.T, dir, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LANG=C", "SZSOFT_LANG=", "SZSOFT_UNIT=")
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// noTemporary fails when a temporary file of --out is left in dir.
func noTemporary(t *testing.T, dir string) {
	t.Helper()
	tmps, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	if len(tmps) > 0 {
		t.Errorf("temporary files left: %v", tmps)
	}
}

const listing = "date = 2026-11-26\n[listing]\nlisted = true\n"

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

// A symbolic link is followed: the target gets the report, the link stays.
func TestOutSymlinkFollowed(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "reports", "latest.json")
	writeFile(t, target, "old")
	link := filepath.Join(dir, "report.json")
	if err := os.Symlink("reports/latest.json", link); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := szsoft(t, dir, "", "calc", "listing", "--listed", "--date", "2026-11-26", "--out", "report.json"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", st.Mode(), err)
	}
	if b, _ := os.ReadFile(target); !bytes.Contains(b, []byte(`"total": "4000000.00"`)) {
		t.Errorf("the target holds %q", b)
	}
	noTemporary(t, filepath.Join(dir, "reports"))
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

// The form follows the --out extension; -o against it is a usage error.
func TestOutFormFromExtension(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "proj", "a.toml"), listing)
	if _, stderr, code := szsoft(t, dir, "", "batch", "proj", "--out", "report.xlsx"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "report.xlsx")); !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("report.xlsx is not a workbook: %.40q", b)
	}
	for ext, want := range map[string]string{".json": "[\n", ".jsonl": `{"file"`, ".csv": "\uFEFFfile,", ".md": "## ", ".txt": "amounts in yuan"} {
		if _, stderr, code := szsoft(t, dir, "", "batch", "proj", "--out", "r"+ext); code != 0 {
			t.Fatalf("%s: exit %d: %s", ext, code, stderr)
		}
		if b, _ := os.ReadFile(filepath.Join(dir, "r"+ext)); !bytes.HasPrefix(b, []byte(want)) {
			t.Errorf("r%s starts %.30q, want %q", ext, b, want)
		}
	}
	for _, args := range [][]string{{"-o", "json", "--out", "r.xlsx"}, {"-o", "xlsx", "--out", "r.txt"}, {"-o", "csv", "--out", "r.json"}} {
		_, stderr, code := szsoft(t, dir, "", append([]string{"batch", "proj"}, args...)...)
		if code != 2 || !strings.Contains(stderr, "szsoft: error: -o") {
			t.Errorf("%v: exit %d, %s", args, code, stderr)
		}
	}
	// A .txt file takes any text form.
	if _, stderr, code := szsoft(t, dir, "", "batch", "proj", "-o", "csv", "--out", "r.txt"); code != 0 {
		t.Errorf("-o csv --out r.txt: exit %d, %s", code, stderr)
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
		if len(tag) > 40 {
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

// describe is an error's first message, in English.
func describe(err error) string {
	_, msgs := classify(err, en)
	return msgs[0].msg
}

// A directory that vanished is one error record, not the end of the walk.
func TestWalkVanishedDirectory(t *testing.T) {
	names := make(chan entry, 4)
	if n := walkTOML(filepath.Join(t.TempDir(), "gone"), names); n != 1 {
		t.Fatalf("%d records", n)
	}
	if e := <-names; e.err == nil || !strings.Contains(describe(e.err), "cannot read directory: no such file") {
		t.Errorf("record %+v", e)
	}
}

// Control characters from a file never reach the terminal raw; Markdown
// and CSV cells cannot be broken or turned into formulas or HTML.
func TestHostileText(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "x.toml"), "name = \"\\u001b[2J清屏|<script>alert(1)</script>\\r\\nline\"\napplicant = \"@SUM(A1)\"\ndate = 2026-11-26\n[listing]\nlisted = true\n")
	for _, form := range []string{"table", "markdown", "csv"} {
		out, stderr, code := szsoft(t, dir, "", "batch", "x.toml", "-o", form)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", form, code, stderr)
		}
		if strings.ContainsAny(out, "\x1b\r") {
			t.Errorf("%s: a raw control character: %q", form, out)
		}
		if form == "markdown" && (strings.Contains(out, "<script>") || !strings.Contains(out, `\|&lt;script&gt;`)) {
			t.Errorf("markdown: %s", out)
		}
	}
	out, _, _ := szsoft(t, dir, "", "calc", "--file", "x.toml", "-o", "csv")
	if !strings.Contains(out, `,'@SUM(A1),`) || !strings.Contains(out, `\x1b[2J清屏`) {
		t.Errorf("csv:\n%s", out)
	}
	out, _, _ = szsoft(t, dir, "", "calc", "--file", "x.toml")
	if !strings.Contains(out, `project: \x1b[2J清屏|<script>alert(1)</script>\r\nline`) {
		t.Errorf("table:\n%s", out)
	}
}

// The CSV adds up to the JSON: for every fixture, the sum of max over the
// municipal rows is the total.
func TestCSVAddsUpToTheJSONTotal(t *testing.T) {
	t.Chdir("../..")
	files, _ := filepath.Glob("fixtures/*.toml")
	args := append([]string{"batch"}, files...)
	csvOut, _, _ := runCLI(t, "", append(args, "-o", "csv")...)
	jsonOut, _, _ := runCLI(t, "", append(args, "-o", "json")...)
	var results []struct {
		File  string
		Total string
	}
	if err := json.Unmarshal([]byte(jsonOut), &results); err != nil {
		t.Fatal(err)
	}
	sums := map[string]decimal.Decimal{}
	for i, row := range strings.Split(strings.TrimPrefix(csvOut, "\uFEFF"), "\n") {
		if i == 0 || row == "" {
			continue
		}
		cells := strings.Split(row, ",")
		if cells[7] == "municipal" && cells[15] != "" {
			sums[cells[0]] = sums[cells[0]].Add(decimal.RequireFromString(cells[15]))
		}
	}
	if len(results) != len(files) {
		t.Fatalf("%d results for %d files", len(results), len(files))
	}
	for _, r := range results {
		if got := sums[r.File].StringFixed(2); got != r.Total {
			t.Errorf("%s: CSV municipal max add up to %s, JSON total %s", r.File, got, r.Total)
		}
	}
}
