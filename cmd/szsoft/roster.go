package main

import (
	"errors"
	"io"
	"os"
	"strconv"

	"szsoft/calc"
	"szsoft/internal/project"
	"szsoft/internal/roster"
)

// A roster (roster.csv, roster.xlsx) given to batch is many projects, one
// a row (SPEC §9): it is read as a stream, its header first, and every row
// is an entry of the batch named roster.xlsx:7 (the row as Excel numbers
// it), computed like a file. What is wrong with the roster as a whole (its
// header, its format) is one error record in its place, and no row of it
// is computed.

// rosterRow is a row of a roster, to be read into a project by a worker.
type rosterRow struct {
	cols *project.Columns
	book string
	row  roster.Row
}

// expandRoster sends the rows of the roster called name. A FIFO or device
// named *.csv is an error record, never opened nor waited on; a roster that
// cannot be read says why in its place.
func (a *app) expandRoster(name string, names chan<- entry) {
	if st, err := os.Stat(name); err == nil && !st.Mode().IsRegular() {
		names <- entry{name: name, err: notRegular(name, st.Mode())}
		return
	}
	data, err := a.readFileMax(name, roster.MaxSize, note(string(roster.ErrTooLarge), "max", "64 MiB"), calc.Note{})
	if err != nil {
		names <- entry{name: name, err: err}
		return
	}
	s, err := roster.Open(name, data)
	if err != nil {
		names <- entry{name: name, err: rosterError(name, err, false)}
		return
	}
	cols, err := project.ReadColumns(a.tree, name, s)
	if err != nil {
		names <- entry{name: name, err: err}
		return
	}
	rows := 0
	for {
		row, err := s.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			// The rest of the roster cannot be read: said at the row where
			// it stops, so that no row goes missing unnoticed.
			names <- entry{name: name, err: rosterError(name, err, true)}
			return
		}
		rows++
		at := name + ":" + strconv.Itoa(row.Num)
		if row.Err != nil {
			// A row the roster writes wrongly: its error, in its place.
			names <- entry{name: at, err: project.Errors{{Path: name, Line: row.Num, Msg: row.Err.Msg}}}
			continue
		}
		names <- entry{name: at, row: &rosterRow{cols: cols, book: name, row: row}}
	}
	if rows == 0 {
		names <- entry{name: name, err: fileError(name, note("roster.norows"), note("roster.norows.hint"))}
	}
}

// rosterError is what the roster reader refused, as an error of the file
// (at its row, when it has one).
func rosterError(name string, err error, rest bool) error {
	var re *roster.Error
	if errors.As(err, &re) {
		e := &project.Error{Path: name, Line: re.Row, Msg: re.Msg}
		if rest {
			e.Hint = note("roster.rest")
		}
		return project.Errors{e}
	}
	return fileError(name, note("cli.file.read", "reason", describeOpenError(err)), calc.Note{})
}

// computeEntry computes one entry of a batch: a file or a roster's row.
// isEdition reports whether the file called name, which failed as a
// project, is an edition file: a line [edition] in its first 64 KiB.
func (a *app) isEdition(name string) bool {
	f, st, err := openInput(name)
	if err != nil {
		return false
	}
	defer f.Close()
	if !st.Mode().IsRegular() {
		return false
	}
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	return project.IsEdition(head[:n])
}

func (a *app) computeEntry(e entry, opts *calcOptions) outcome {
	if e.row == nil {
		o := a.computeFile(e.name, opts)
		o.edition = e.walked && o.err != nil && a.isEdition(e.name)
		return o
	}
	f, err := e.row.cols.Row(a.tree, e.row.book, e.row.row)
	o := a.computeProject(e.name, f, err, opts)
	o.book = e.row.book
	if o.err != nil {
		o.project = e.row.cols.NameOf(e.row.row)
	}
	return o
}
