// Package slowtest marks the release checks: tests that build every
// platform from an empty cache or start Wine, which take minutes on a cold
// machine. make test skips them, saying so; make test-release (which
// .ci/run also runs) sets SZSOFT_RELEASE_TESTS=1 and runs them alone, each
// package under an explicit -timeout.
package slowtest

import (
	"os"
	"testing"
)

// Env is the variable that runs the release checks.
const Env = "SZSOFT_RELEASE_TESTS"

// Release skips t unless the release checks were asked for.
func Release(t testing.TB) {
	t.Helper()
	if os.Getenv(Env) != "1" {
		t.Skip("a release check: make test-release runs it (" + Env + "=1)")
	}
}
