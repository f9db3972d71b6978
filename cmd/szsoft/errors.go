package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/spf13/pflag"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/internal/outfile"
	"szsoft/internal/project"
	"szsoft/internal/render"
)

// Exit statuses (docs/contract.md §3).
const (
	exitOK    = 0
	exitValue = 1 // a value or a file is wrong; in batch, a file failed
	exitUsage = 2 // the command line is wrong
	// exitInternal is a bug in szsoft (a panic caught): a bug must not pass
	// for a wrong input.
	exitInternal = 3
)

// cliError is a mistake of the command line (exit 2) or of a value (exit
// 1). Its words are codes of the catalogue (internal/msg), put into words
// when printed, in the language of the run.
type cliError struct {
	code      int
	msg, hint calc.Note
}

func (e *cliError) Error() string { return string(e.msg.Code) }

// usage is a wrong command line: exit 2.
func usage(code string, kv ...any) *cliError {
	return &cliError{code: exitUsage, msg: note(code, kv...)}
}

// invalid is a wrong value: exit 1.
func invalid(code string, kv ...any) *cliError {
	return &cliError{code: exitValue, msg: note(code, kv...)}
}

func (e *cliError) withHint(code string, kv ...any) *cliError {
	e.hint = note(code, kv...)
	return e
}

// cobraError is a command-line mistake cobra or pflag found, in their
// words: exit 2.
type cobraError struct {
	text string
	hint calc.Note
}

func (e *cobraError) Error() string { return e.text }

func note(code string, kv ...any) calc.Note {
	return calc.Note{Code: calc.Code(code), Args: calc.ArgsOf(kv...)}
}

// silentError carries an exit status whose messages were printed already
// (batch: every failed file has its own line).
type silentError struct{ code int }

func (e *silentError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// flagValueError is a bad value of the flag called flag, as typed (raw).
func flagValueError(flag, raw string, ve *calc.ValueError) *cliError {
	v := ve.Value
	if raw != "" {
		v = raw
	}
	return &cliError{code: exitValue,
		msg:  note("cli.flag.value", "flag", flag, "value", quoteOr(v), "err", calc.Note{Code: ve.Code, Args: ve.Args}),
		hint: calc.Note{Code: ve.Hint, Args: ve.HintArgs},
	}
}

// quoteOr is what stands between a flag and its error: the value quoted
// (` "5e7x": `, in Chinese ` "5e7x"：`), or a colon when there is no value.
func quoteOr(v string) calc.Note {
	if v == "" {
		return note("label.colon")
	}
	return note("label.quoted.after", "quoted", strconv.Quote(calc.Shorten(v)))
}

// message is one error as the user reads it, with its hint.
type message struct{ msg, hint string }

// classify maps an error to its exit status and the messages that say what
// went wrong, in the printer's language.
func classify(err error, p msg.Printer) (int, []message) {
	var pes project.Errors
	if errors.As(err, &pes) {
		msgs := make([]message, len(pes))
		for i, e := range pes {
			msgs[i] = message{fileMessage(e, p), p.Note(e.Hint)}
		}
		return exitValue, msgs
	}
	var (
		oe *outfile.Error
		se *stdoutError
		ue *cliError
		ce *cobraError
		ve *calc.ValueError
		me *calc.MissingError
		iv *pflag.InvalidValueError
	)
	switch {
	case errors.As(err, &oe):
		reason := describeOpenError(oe.Err)
		if _, serr := os.Stat(filepath.Dir(oe.Path)); errors.Is(oe.Err, fs.ErrNotExist) && errors.Is(serr, fs.ErrNotExist) {
			reason = "cli.os.nodir" // the folder is missing, not the file
		}
		hint := ""
		if runtime.GOOS == "windows" && reason == "cli.os.permission" {
			// Windows refuses to replace a file Excel holds open.
			hint = p.S("cli.out.denied.windows")
		}
		return exitValue, []message{{p.S("cli.out.error", "path", oe.Path, "reason", reason), hint}}
	case errors.As(err, &se):
		return exitValue, []message{{p.S("cli.stdout.error", "reason", describeOpenError(se.err)), ""}}
	case errors.As(err, &ue):
		return ue.code, []message{{p.Note(ue.msg), p.Note(ue.hint)}}
	case errors.As(err, &ce):
		return exitUsage, []message{{ce.text, p.Note(ce.hint)}}
	case errors.As(err, &iv) && errors.As(err, &ve):
		// A flag's value was refused while parsing: a value error, the value
		// quoted as typed (empty too).
		fe := flagValueError(iv.GetFlag().Name, iv.GetValue(), ve)
		fe.msg.Args.Set("value", note("label.quoted.after", "quoted", strconv.Quote(calc.Shorten(iv.GetValue()))))
		return exitValue, []message{{p.Note(fe.msg), p.Note(fe.hint)}}
	case errors.As(err, &ve):
		fe := flagValueError(ve.Field, "", ve)
		if ve.Field == "" {
			fe.msg = calc.Note{Code: ve.Code, Args: ve.Args}
		}
		return exitValue, []message{{p.Note(fe.msg), p.Note(fe.hint)}}
	case errors.As(err, &me):
		return exitUsage, []message{{p.Note(missingFlags(me)), ""}}
	}
	text, hint := cobraMessage(err.Error()), ""
	if strings.HasPrefix(text, "unknown command") || strings.HasPrefix(text, "unknown flag") || strings.HasPrefix(text, "unknown shorthand") {
		hint = p.S("cli.hint.help")
	}
	return exitUsage, []message{{text, hint}}
}

// fileMessage is an error in a file: path, line and column, and what.
func fileMessage(e *project.Error, p msg.Printer) string {
	if e.Cell != "" {
		return fmt.Sprintf("%s:%s: %s", e.Path, e.Cell, p.Note(e.Msg))
	}
	if e.Line == 0 {
		return p.S("label.pair", "label", e.Path, "value", p.Note(e.Msg))
	}
	if e.Col == 0 {
		// A roster's row, whose message names the cell: path:row.
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, p.Note(e.Msg))
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Col, p.Note(e.Msg))
}

// missingFlags says which flags a measure needs.
func missingFlags(me *calc.MissingError) calc.Note {
	flags := make([]string, len(me.Inputs))
	for i, in := range me.Inputs {
		flags[i] = "--" + in
	}
	if me.All {
		return note("cli.missing.all", "measure", me.Measure, "flags", flags)
	}
	return note("cli.missing.one", "measure", me.Measure, "flags", flags)
}

// exitCode prints err to stderr as "szsoft: error: …" lines, each followed
// by a "szsoft: hint: …" line where one helps, and returns the exit status.
func exitCode(err error, stderr io.Writer, p msg.Printer, width int) int {
	if err == nil {
		return exitOK
	}
	var silent *silentError
	if errors.As(err, &silent) {
		return silent.code
	}
	var out *stdoutError
	if errors.As(err, &out) && errors.Is(err, syscall.EPIPE) {
		// The reader of the pipe went away (| head): stop, say nothing
		// to it, and exit 1, not die of SIGPIPE (141).
		return exitValue
	}
	code, msgs := classify(err, p)
	for _, m := range msgs {
		fmt.Fprint(stderr, stderrLine(p, "error", m.msg, width))
		if m.hint != "" {
			fmt.Fprint(stderr, stderrLine(p, "hint", m.hint, width))
		}
	}
	return code
}

// stderrLine is one line for standard error: "szsoft: error: …", "szsoft:
// hint: …", "szsoft: warning: …" (in Chinese 错误, 提示, 注意), its text's
// controls escaped; on a terminal (width > 0) wrapped at its width under a
// small indent, elsewhere one line, for the programs that read it.
func stderrLine(p msg.Printer, kind, text string, width int) string {
	prefix := p.S("cli.line."+kind, "text", "")
	return render.Indent(render.Safe(text), width, prefix, "    ")
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
