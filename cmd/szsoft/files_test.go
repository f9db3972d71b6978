package main

import (
	"fmt"
	"io/fs"
	"testing"

	"szsoft/internal/msg"
)

// en writes messages in English, for the tests that read them.
var en = msg.Printer{Lang: "en", Unit: "yuan"}

// Tests run as root in CI, where chmod 000 stops nothing; the message for
// an unreadable file is checked here instead.
func TestDescribeOpenError(t *testing.T) {
	for err, want := range map[error]string{
		&fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}:              "permission denied",
		&fs.PathError{Op: "open", Path: "x", Err: fs.ErrNotExist}:                "no such file",
		fmt.Errorf("read x: %w", fs.ErrPermission):                               "permission denied",
		&fs.PathError{Op: "read", Path: "x", Err: fmt.Errorf("is a directory ")}: "is a directory",
	} {
		if got := en.Arg(describeOpenError(err)); got != want {
			t.Errorf("describeOpenError(%v) = %q, want %q", err, got, want)
		}
	}
}
