package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"szsoft/internal/outfile"
	"szsoft/internal/render"
)

// The form an --out file's extension names; .txt and other extensions take
// the table by default and any text form when -o names one.
var extForms = map[string]string{
	".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".md": "markdown", ".xlsx": "xlsx", ".html": "html", ".htm": "html",
}

// formOf returns the output form: -o, else what the --out file's extension
// names, else table. -o against a known extension is a usage error: a
// report.xlsx holding an ASCII table is worse than no file.
func formOf(opts *calcOptions) (string, error) {
	ext := ""
	if opts.out.set && opts.out.raw != "-" {
		ext = strings.ToLower(filepath.Ext(opts.out.raw))
	}
	byExt, known := extForms[ext]
	if !opts.output.set {
		if known {
			return byExt, nil
		}
		return "table", nil
	}
	form := opts.output.v
	switch {
	case known && form != byExt:
		return "", usage("cli.out.contradicts", "form", form, "out", opts.out.raw, "ext", byExt).withHint("cli.out.contradicts.hint", "exts", formExtensions(form))
	case ext == ".txt" && !slices.Contains(render.TextForms, form):
		return "", usage("cli.out.notext", "form", form, "out", opts.out.raw).withHint("cli.out.notext.hint", "forms", render.TextForms)
	}
	return form, nil
}

// formExtensions names the extensions of a form, for hints.
func formExtensions(form string) []string {
	var exts []string
	for ext, f := range extForms {
		if f == form {
			exts = append(exts, ext)
		}
	}
	if slices.Contains(render.TextForms, form) {
		exts = append(exts, ".txt")
	}
	slices.Sort(exts)
	return exts
}

// output is where results go: standard output, or the --out file (see
// package outfile: a regular file appears whole or not at all, a device or
// a FIFO is written in place).
type output struct {
	w    io.Writer
	file *outfile.File
	a    *app
}

func (a *app) openOutput(opts *calcOptions, form string, inputs ...string) (*output, error) {
	if opts.out.set && opts.out.raw != "-" {
		// --out naming an input (the roster itself, a project file, by a
		// link or not) would replace what is being read.
		if ost, err := os.Stat(opts.out.raw); err == nil {
			for _, in := range inputs {
				if ist, err := os.Stat(in); err == nil && os.SameFile(ost, ist) {
					return nil, usage("cli.out.input", "out", opts.out.raw, "input", in).withHint("cli.out.input.hint")
				}
			}
		}
	}
	if !opts.out.set || opts.out.raw == "-" {
		if form == "xlsx" && a.isTerminal(a.terminal) {
			return nil, usage("cli.out.xlsx").withHint("cli.out.xlsx.hint")
		}
		return &output{w: a.stdout}, nil
	}
	f, err := outfile.Create(opts.out.raw)
	if err != nil {
		return nil, err
	}
	if f.Regular() {
		a.watchOut(f.Target())
	}
	return &output{w: f, file: f, a: a}, nil
}

// bomOf says whether a CSV starts with a byte-order mark (SPEC §5): as
// --bom or --no-bom say (both: a usage error), else when the CSV is a
// file's first bytes — an --out file, which is written whole, or standard
// output redirected to a regular file at its start (> file, not >> to a
// file with content). A pipe, a terminal or a device gets none: a program
// reading it would find the mark in its first field.
func (a *app) bomOf(on, off switchFlag, out stringFlag) (bool, error) {
	switch {
	case on.set && off.set:
		return false, usage("cli.bom.both").withHint("cli.bom.both.hint")
	case on.set:
		return on.on, nil
	case off.set:
		return !off.on, nil
	case out.set && out.raw != "-":
		st, err := os.Stat(out.raw)
		return err != nil || st.Mode().IsRegular(), nil
	}
	return atFileStart(a.terminal), nil
}

// commit puts the file in place; abort removes a temporary file. Both do
// nothing for standard output.
func (o *output) commit() error {
	if o.file == nil {
		return nil
	}
	// Every input is read by now: one --out would replace — a file the
	// walk of a folder met, a name read from standard input, standard
	// input itself — is refused, and nothing is replaced.
	if st, err := os.Stat(o.file.Target()); err == nil && o.file.Regular() {
		if in, ok := o.a.wasRead(st); ok {
			o.file.Abort()
			return usage("cli.out.input", "out", o.file.Path(), "input", in).withHint("cli.out.input.hint")
		}
	}
	return o.file.Commit()
}

// read remembers a file read as input, so that --out never replaces it.
// With the --out file known (batch opens it before reading), an input is
// compared with it at once and only a clash is kept: memory stays flat
// however many files are read. Before then (calc reads its one file
// first), the few inputs are kept to compare at the end.
func (a *app) read(name string, st os.FileInfo) {
	a.readMu.Lock()
	defer a.readMu.Unlock()
	switch {
	case a.outTarget != nil:
		if a.clash == "" && os.SameFile(a.outTarget, st) {
			a.clash = name
		}
	case len(a.readFiles) < maxKept:
		a.readFiles = append(a.readFiles, readFile{name, st})
	}
}

// maxKept is how many inputs are kept before the --out file is known.
const maxKept = 64

// watchOut makes the --out file, when it exists, the one every input is
// compared with as it is read.
func (a *app) watchOut(target string) {
	st, err := os.Stat(target)
	if err != nil || !st.Mode().IsRegular() {
		return
	}
	a.readMu.Lock()
	a.outTarget = st
	a.readMu.Unlock()
}

// wasRead returns the name of the input that is the file st, if any.
func (a *app) wasRead(st os.FileInfo) (string, bool) {
	a.readMu.Lock()
	defer a.readMu.Unlock()
	if a.clash != "" {
		return a.clash, true
	}
	for _, r := range a.readFiles {
		if os.SameFile(r.st, st) {
			return r.name, true
		}
	}
	return "", false
}

// readFile is an input read: its name, as given, and what it is.
type readFile struct {
	name string
	st   os.FileInfo
}

func (o *output) abort() {
	if o.file != nil {
		o.file.Abort()
	}
}

// checkedWriter remembers the first error of writing to standard output,
// so that a full disk or a closed pipe is an exit status of 1 whatever the
// command (help text included), not a silent success.
type checkedWriter struct {
	w   io.Writer
	err error
}

func (c *checkedWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	if err != nil {
		c.err = &stdoutError{err}
	}
	return n, c.err
}

// stdoutError is a failure to write standard output: exit 1.
type stdoutError struct{ err error }

func (e *stdoutError) Error() string { return "standard output: " + e.err.Error() }

func (e *stdoutError) Unwrap() error { return e.err }

// atFileStart reports whether w is a regular file whose next byte is its
// first: standard output redirected with > (which empties the file), or
// >> to an empty file. A file that already has bytes (>> to a log) is
// not: its offset says 0 under O_APPEND until the first write.
func atFileStart(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() != 0 {
		return false
	}
	off, err := f.Seek(0, io.SeekCurrent)
	return err == nil && off == 0
}
