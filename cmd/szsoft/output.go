package main

import (
	"io"
	"os"
	"path/filepath"
)

// output is where results go: standard output, or the file of --out. A file
// is written under a temporary name beside it and renamed into place only
// when the run succeeded, so a failed run never leaves half a file.
type output struct {
	w    io.Writer
	tmp  *os.File
	path string
}

func (a *app) openOutput(opts *calcOptions, form string) (*output, error) {
	if !opts.out.set {
		if form == "xlsx" && a.isTerminal(a.stdout) {
			return nil, usagef("e.g. -o xlsx --out report.xlsx, or redirect standard output to a file", "-o xlsx writes a workbook, not text for a terminal: give --out FILE")
		}
		return &output{w: a.stdout}, nil
	}
	path := opts.out.raw
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return nil, &inputError{msg: "--out " + path + ": " + describeOpenError(err)}
	}
	return &output{w: tmp, tmp: tmp, path: path}, nil
}

// commit puts the file in place; abort removes it. Both do nothing for
// standard output.
func (o *output) commit() error {
	if o.tmp == nil {
		return nil
	}
	// A temporary file is private (0600); the result is an ordinary file.
	if err := o.tmp.Chmod(0o644); err != nil {
		o.abort()
		return &inputError{msg: "--out " + o.path + ": " + err.Error()}
	}
	if err := o.tmp.Close(); err != nil {
		o.abort()
		return &inputError{msg: "--out " + o.path + ": " + err.Error()}
	}
	if err := os.Rename(o.tmp.Name(), o.path); err != nil {
		o.abort()
		return &inputError{msg: "--out " + o.path + ": " + describeOpenError(err)}
	}
	return nil
}

func (o *output) abort() {
	if o.tmp != nil {
		o.tmp.Close()
		os.Remove(o.tmp.Name())
	}
}
