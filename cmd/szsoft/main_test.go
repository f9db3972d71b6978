package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// raceOptions are the race detector's options for the processes tests start.
const raceOptions = "atexit_sleep_ms=0"

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script (review the diff)")

func TestMain(m *testing.M) {
	// Under -race every process sleeps a second as it ends (the race
	// detector's atexit_sleep_ms), and the tests start szsoft hundreds of
	// times: that second is not spent.
	if os.Getenv("GORACE") == "" {
		os.Setenv("GORACE", raceOptions)
	}
	testscript.Main(m, map[string]func(){
		"szsoft": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the black-box tests of testdata/script: one .txtar per
// behaviour, with its input files inline and the expected output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *update,
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("LANG", "C")
			env.Setenv("GORACE", raceOptions)
			// The shipped fixtures (the example editions), by an absolute path.
			fixtures, err := filepath.Abs("../../fixtures")
			env.Setenv("FIXTURES", fixtures)
			return err
		},
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// bytes FILE 'TEXT' writes TEXT, with Go's escapes (\xff, \n, \")
			// decoded, to FILE: bytes a txtar file cannot hold.
			"bytes": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 || neg {
					ts.Fatalf("usage: bytes file quoted-string")
				}
				b, err := strconv.Unquote(`"` + args[1] + `"`)
				ts.Check(err)
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b), 0o644))
			},
			// grow FILE N writes a TOML file of N bytes: a comment, then [listing] listed = true.
			"grow": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) != 2 || neg {
					ts.Fatalf("usage: grow file size")
				}
				n, err := strconv.Atoi(args[1])
				ts.Check(err)
				body := "[listing]\nlisted = true\n"
				pad := "#" + strings.Repeat("x", n-len(body)-2) + "\n"
				ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(pad+body), 0o644))
			},
			// exits N prog args... runs prog and checks its exit status.
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 || neg {
					ts.Fatalf("usage: exits status program [args...]")
				}
				want, err := strconv.Atoi(args[0])
				ts.Check(err)
				got := 0
				var ee *exec.ExitError
				if err := ts.Exec(args[1], args[2:]...); errors.As(err, &ee) {
					got = ee.ExitCode()
				} else if err != nil {
					ts.Fatalf("%v", err)
				}
				if got != want {
					ts.Fatalf("exit status %d, want %d", got, want)
				}
			},
		},
	})
}
