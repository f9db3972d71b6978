// Command testsum reads `go test -json` on standard input and writes what
// plain `go test` would — a line per package, the output of every test that
// failed — and then the tests that were skipped, each with its reason, so
// that a green `make test` also says what it did not look at (a tool that
// is not installed, a release check left to make test-release). Lines that
// are not JSON (the go command's own messages) pass through. It exits 1
// when a test or a package failed.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
)

// event is one record of test2json.
type event struct {
	Action  string
	Package string
	Test    string
	Output  string
}

// skip is a test that was skipped, and why.
type skip struct {
	pkg, test, reason string
}

func main() {
	os.Exit(summarize(os.Stdin, os.Stdout))
}

func summarize(in io.Reader, out io.Writer) int {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	outputs := map[string][]string{} // by package and test
	var skips []skip
	failed := false
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &e) != nil {
			fmt.Fprintf(out, "%s\n", line)
			continue
		}
		key := e.Package + " " + e.Test
		switch {
		case e.Action == "build-output":
			fmt.Fprint(out, e.Output)
		case e.Action == "build-fail":
			failed = true
		case e.Test == "" && e.Action == "output":
			// The package's own lines: ok, FAIL, ? …, and what a test
			// binary printed outside any test.
			if t := strings.TrimSpace(e.Output); t != "PASS" && t != "FAIL" && !strings.HasPrefix(t, "=== ") {
				fmt.Fprint(out, e.Output)
			}
		case e.Test == "" && e.Action == "fail":
			failed = true
		case e.Action == "output":
			outputs[key] = append(outputs[key], e.Output)
		case e.Action == "fail":
			failed = true
			fmt.Fprint(out, strings.Join(outputs[key], ""))
			delete(outputs, key)
		case e.Action == "skip" && e.Test == "":
			// A package without tests: go test said so on its line.
		case e.Action == "skip":
			skips = append(skips, skip{e.Package, e.Test, reason(outputs[key])})
			delete(outputs, key)
		case e.Action == "pass":
			delete(outputs, key)
		}
	}
	if err := sc.Err(); err != nil {
		fmt.Fprintf(out, "testsum: %v\n", err)
		return 1
	}
	if len(skips) > 0 {
		fmt.Fprintf(out, "\nskipped (%d):\n", len(skips))
		for _, s := range skips {
			fmt.Fprintf(out, "  %s %s: %s\n", s.pkg, s.test, s.reason)
		}
	}
	if failed {
		return 1
	}
	return 0
}

// reason is what a skipped test said: its last line of output that is not
// the test runner's own.
func reason(lines []string) string {
	for i := len(lines) - 1; i >= 0; i-- {
		t := strings.TrimSpace(lines[i])
		if t == "" || strings.HasPrefix(t, "=== ") || strings.HasPrefix(t, "--- ") {
			continue
		}
		// "file_test.go:12: needs Wine": the words after the place.
		if i := strings.Index(t, ": "); i > 0 && strings.Contains(t[:i], "_test.go:") {
			t = t[i+2:]
		}
		return t
	}
	return "(no reason given)"
}
