package main

import (
	"strings"
	"testing"
)

// A run with a pass, a skip with its reason, a failure and a package line:
// the failure's output and the package lines are printed, the skip is
// listed at the end with its reason, and the status is 1.
func TestSummarize(t *testing.T) {
	in := strings.Join([]string{
		`go: downloading example.com/x v1.0.0`,
		`{"Action":"run","Package":"p","Test":"TestA"}`,
		`{"Action":"output","Package":"p","Test":"TestA","Output":"=== RUN   TestA\n"}`,
		`{"Action":"output","Package":"p","Test":"TestA","Output":"    a_test.go:3: noise of a pass\n"}`,
		`{"Action":"pass","Package":"p","Test":"TestA"}`,
		`{"Action":"output","Package":"p","Test":"TestB","Output":"=== RUN   TestB\n"}`,
		`{"Action":"output","Package":"p","Test":"TestB","Output":"    b_test.go:9: needs tmux\n"}`,
		`{"Action":"output","Package":"p","Test":"TestB","Output":"--- SKIP: TestB (0.00s)\n"}`,
		`{"Action":"skip","Package":"p","Test":"TestB"}`,
		`{"Action":"output","Package":"p","Test":"TestC","Output":"    c_test.go:1: got 2, want 3\n"}`,
		`{"Action":"fail","Package":"p","Test":"TestC"}`,
		`{"Action":"output","Package":"p","Output":"FAIL\n"}`,
		`{"Action":"output","Package":"p","Output":"FAIL\tp\t0.1s\n"}`,
		`{"Action":"fail","Package":"p"}`,
	}, "\n")
	var out strings.Builder
	if code := summarize(strings.NewReader(in), &out); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := "go: downloading example.com/x v1.0.0\n" +
		"    c_test.go:1: got 2, want 3\n" +
		"FAIL\tp\t0.1s\n" +
		"\nskipped (1):\n  p TestB: needs tmux\n"
	if out.String() != want {
		t.Errorf("printed\n%s\nwant\n%s", out.String(), want)
	}
}

func TestSummarizeAllPass(t *testing.T) {
	in := `{"Action":"pass","Package":"p","Test":"TestA"}` + "\n" +
		`{"Action":"output","Package":"p","Output":"ok  \tp\t0.1s\n"}` + "\n" +
		`{"Action":"pass","Package":"p"}`
	var out strings.Builder
	if code := summarize(strings.NewReader(in), &out); code != 0 || out.String() != "ok  \tp\t0.1s\n" {
		t.Errorf("exit %d, printed %q", code, out.String())
	}
}
