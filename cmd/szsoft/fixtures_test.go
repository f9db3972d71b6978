package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs szsoft in-process and returns its stdout, stderr and status.
func runCLI(t *testing.T, stdin string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

// TestFixtures computes every project of fixtures/ and checks (1) the
// figures its "# expect" comments state, worked out by hand from the policy
// in the same comments, and (2) the reviewed golden output, JSON and table.
// go test -run TestFixtures -update rewrites the goldens; review the diff.
func TestFixtures(t *testing.T) {
	t.Chdir("../..")
	t.Setenv("LANG", "C")
	files, err := filepath.Glob("fixtures/*.toml")
	if err != nil || len(files) < 10 {
		t.Fatalf("want at least ten fixtures, found %d (%v)", len(files), err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			jsonOut, stderr, code := runCLI(t, "", "calc", "--file", f, "-o", "json")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			checkExpectations(t, string(src), jsonOut)
			checkWarnings(t, jsonOut, stderr)
			golden(t, strings.TrimSuffix(f, ".toml")+".json", jsonOut)
			table, _, code := runCLI(t, "", "calc", "--file", f)
			if code != 0 {
				t.Fatalf("table: exit %d", code)
			}
			golden(t, strings.TrimSuffix(f, ".toml")+".txt", table)
		})
	}
}

// checkExpectations checks the "# expect …" lines of a fixture:
//
//	# expect total 11250000.00
//	# expect eligible false
//	# expect line first-version.user max 800000.00
//	# expect adjustment cumulative-cap -4000000.00
func checkExpectations(t *testing.T, src, out string) {
	t.Helper()
	var res map[string]any
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	n := 0
	for _, l := range strings.Split(src, "\n") {
		rest, ok := strings.CutPrefix(l, "# expect ")
		if !ok {
			continue
		}
		n++
		w := strings.Fields(rest)
		var got any
		switch {
		case w[0] == "line" && len(w) == 4:
			got = "no line " + w[1]
			for _, line := range res["lines"].([]any) {
				if m := line.(map[string]any); m["id"] == w[1] {
					got = m[w[2]]
				}
			}
			w = []string{w[0], w[3]}
		case w[0] == "adjustment" && len(w) == 3:
			got = "no adjustment " + w[1]
			for _, a := range res["adjustments"].([]any) {
				if m := a.(map[string]any); m["id"] == w[1] {
					got = m["amount"]
				}
			}
			w = []string{w[0], w[2]}
		case w[0] == "warnings" && len(w) == 2:
			got = len(res["warnings"].([]any))
		case len(w) == 2:
			got = res[w[0]]
		default:
			t.Fatalf("bad expectation %q", rest)
		}
		if fmt.Sprint(got) != w[1] {
			t.Errorf("%s: got %v", rest, got)
		}
	}
	if n == 0 {
		t.Error("the fixture states no expectation")
	}
}

// checkWarnings checks that standard error carries the document's warnings,
// one "szsoft: warning:" line each, and nothing else.
func checkWarnings(t *testing.T, out, stderr string) {
	t.Helper()
	var res struct{ Warnings []string }
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	want := ""
	for _, w := range res.Warnings {
		want += "szsoft: warning: " + w + "\n"
	}
	if stderr != want {
		t.Errorf("stderr:\n%s\nwant the warnings of the JSON:\n%s", stderr, want)
	}
}

// golden compares got with the file, or rewrites it under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestFixtures -update and review the result)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the output:\n%s", path, diff(string(want), got))
	}
}

// diff shows the first lines that differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d\n- %s\n+ %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// batchFixtures are the arguments of a batch of the single-project fixtures
// (fixtures/*.toml, not the clients of fixtures/clients), then more.
func batchFixtures(t *testing.T, more ...string) []string {
	t.Helper()
	files, err := filepath.Glob("fixtures/*.toml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	return append(append([]string{"batch"}, files...), more...)
}
