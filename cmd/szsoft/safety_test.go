package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

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
