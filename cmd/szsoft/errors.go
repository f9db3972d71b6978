package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"

	"szsoft/calc"
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

// exitCode maps an error to the exit status and prints it to stderr as
// "szsoft: error: …" with a "szsoft: hint: …" line where one helps. Errors
// that come from cobra or pflag themselves are command-line mistakes.
func exitCode(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	var silent *silentError
	if errors.As(err, &silent) {
		return silent.code
	}
	var pes project.Errors
	if errors.As(err, &pes) {
		for _, e := range pes {
			fmt.Fprintf(stderr, "szsoft: error: %s\n", e.Error())
			if e.Hint != "" {
				fmt.Fprintf(stderr, "szsoft: hint: %s\n", e.Hint)
			}
		}
		return exitValue
	}
	code, msg, hint := exitUsage, err.Error(), ""
	var (
		ue *usageError
		ie *inputError
		ve *calc.ValueError
		me *calc.MissingError
		iv *pflag.InvalidValueError
	)
	switch {
	case errors.As(err, &ue):
		msg, hint = ue.msg, ue.hint
	case errors.As(err, &ie):
		code, msg, hint = exitValue, ie.Error(), ie.hint
	case errors.As(err, &iv) && errors.As(err, &ve):
		// A flag's value was refused while parsing: a value error.
		code, msg, hint = exitValue, fmt.Sprintf("--%s %q: %s", iv.GetFlag().Name, iv.GetValue(), ve.Msg), ve.Hint
	case errors.As(err, &ve):
		code, msg, hint = exitValue, ve.Error(), ve.Hint
		if ve.Field != "" {
			msg = flagValueError(ve.Field, "", ve).Error()
		}
	case errors.As(err, &me):
		msg = err.Error()
	default:
		msg = cobraMessage(msg)
		if strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "unknown flag") || strings.HasPrefix(msg, "unknown shorthand") {
			hint = "run 'szsoft --help' for the commands and flags"
		}
	}
	fmt.Fprintf(stderr, "szsoft: error: %s\n", msg)
	if hint != "" {
		fmt.Fprintf(stderr, "szsoft: hint: %s\n", hint)
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
