package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// consoleBlock is a ```console block of the README: "$ szsoft ARGS" and the
// output that must follow.
var consoleBlock = regexp.MustCompile("(?s)```console\n\\$ szsoft ([^\n]*)\n(.*?)```")

// TestREADMEExamples runs every example of README.md and compares its
// output; -update rewrites the outputs (review the diff).
func TestREADMEExamples(t *testing.T) {
	t.Chdir("../..")
	t.Setenv("LANG", "C")
	src, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	updated := consoleBlock.ReplaceAllStringFunc(string(src), func(block string) string {
		m := consoleBlock.FindStringSubmatch(block)
		n++
		out, stderr, code := runCLI(t, "", strings.Fields(m[1])...)
		if code != 0 && code != 1 {
			t.Errorf("szsoft %s: exit %d: %s", m[1], code, stderr)
		}
		if out != m[2] && !*update {
			t.Errorf("README: szsoft %s prints something else now:\n%s", m[1], diff(m[2], out))
		}
		return "```console\n$ szsoft " + m[1] + "\n" + out + "```"
	})
	if n < 5 {
		t.Fatalf("found %d examples in README.md", n)
	}
	if *update && updated != string(src) {
		if err := os.WriteFile("README.md", []byte(updated), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
