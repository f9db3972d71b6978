package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"szsoft/calc"
	"szsoft/internal/outfile"
	"szsoft/project"
)

// Exit statuses (SPEC section 3).
const (
	exitOK    = 0
	exitValue = 1 // a value or a file is wrong; in batch, a file failed
	exitUsage = 2 // the command line is wrong
	// exitInternal is a bug in szsoft (a panic caught). SPEC section 3 knows
	// only 0, 1 and 2; a bug must not pass for a wrong input.
	exitInternal = 3
)

// usageError is a wrong command line: exit 2.
type usageError struct {
	msg, hint string
}

func (e *usageError) Error() string { return e.msg }

func usagef(hint, format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...), hint: hint}
}

// inputError is a wrong value or file: exit 1. Pos, when set, is where in a
// file ("path:line:column").
type inputError struct {
	pos, msg, hint string
}

func (e *inputError) Error() string {
	if e.pos != "" {
		return e.pos + ": " + e.msg
	}
	return e.msg
}

// silentError carries an exit status whose messages were printed already
// (batch: every failed file has its own line).
type silentError struct{ code int }

func (e *silentError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// flagValueError turns a calc.ValueError about a flag's value into an
// inputError naming the flag.
func flagValueError(flag, raw string, err error) error {
	var ve *calc.ValueError
	if errors.As(err, &ve) {
		v := ve.Value
		if raw != "" {
			v = raw
		}
		if v == "" {
			return &inputError{msg: fmt.Sprintf("--%s: %s", flag, ve.Msg), hint: ve.Hint}
		}
		return &inputError{msg: fmt.Sprintf("--%s %q: %s", flag, v, ve.Msg), hint: ve.Hint}
	}
	return err
}

// message is one error as the user reads it, with its hint.
type message struct{ msg, hint string }

// classify maps an error to its exit status and the messages that say what
// went wrong. Errors that come from cobra or pflag themselves are
// command-line mistakes.
func classify(err error) (int, []message) {
	var pes project.Errors
	if errors.As(err, &pes) {
		msgs := make([]message, len(pes))
		for i, e := range pes {
			msgs[i] = message{e.Error(), e.Hint}
		}
		return exitValue, msgs
	}
	var (
		oe *outfile.Error
		se *stdoutError
	)
	switch {
	case errors.As(err, &oe):
		return exitValue, []message{{"--out " + oe.Error(), ""}}
	case errors.As(err, &se):
		return exitValue, []message{{se.Error(), ""}}
	}
	var (
		ue *usageError
		ie *inputError
		ve *calc.ValueError
		me *calc.MissingError
		iv *pflag.InvalidValueError
	)
	switch {
	case errors.As(err, &ue):
		return exitUsage, []message{{ue.msg, ue.hint}}
	case errors.As(err, &ie):
		return exitValue, []message{{ie.Error(), ie.hint}}
	case errors.As(err, &iv) && errors.As(err, &ve):
		// A flag's value was refused while parsing: a value error.
		return exitValue, []message{{fmt.Sprintf("--%s %q: %s", iv.GetFlag().Name, iv.GetValue(), ve.Msg), ve.Hint}}
	case errors.As(err, &ve):
		msg := ve.Error()
		if ve.Field != "" {
			msg = flagValueError(ve.Field, "", ve).Error()
		}
		return exitValue, []message{{msg, ve.Hint}}
	case errors.As(err, &me):
		return exitUsage, []message{{err.Error(), ""}}
	}
	msg, hint := cobraMessage(err.Error()), ""
	if strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "unknown flag") || strings.HasPrefix(msg, "unknown shorthand") {
		hint = "run 'szsoft --help' for the commands and flags"
	}
	return exitUsage, []message{{msg, hint}}
}

// exitCode prints err to stderr as "szsoft: error: …" lines, each followed
// by a "szsoft: hint: …" line where one helps, and returns the exit status.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var silent *silentError
	if errors.As(err, &silent) {
		return silent.code
	}
	code, msgs := classify(err)
	for _, m := range msgs {
		fmt.Fprintf(stderr, "szsoft: error: %s\n", safe(m.msg))
		if m.hint != "" {
			fmt.Fprintf(stderr, "szsoft: hint: %s\n", safe(m.hint))
		}
	}
	return code
}

// cobraMessage tidies cobra's own messages into the lower-case, no-full-stop
// style of the rest.
func cobraMessage(msg string) string {
	msg = strings.TrimSpace(msg)
	if i := strings.Index(msg, "\nRun '"); i >= 0 {
		msg = msg[:i]
	}
	msg = strings.ReplaceAll(msg, "\n", " ")
	return strings.TrimSuffix(msg, ".")
}
