// Package render writes results in the output forms of szsoft: table,
// markdown, json, jsonl, csv, xlsx, html and total, one type per form behind one
// interface. A form is told of each result and each failed file in input
// order and writes its document as they come; words come from the message
// catalogue (internal/msg) in the reader's language and unit.
package render

import (
	"fmt"
	"io"
	"slices"

	"szsoft/calc"
	"szsoft/internal/msg"
)

// Report is one project's result and where it came from.
type Report struct {
	File   *string // nil: from flags alone
	Result *calc.Result
}

// FileName is the report's file, or "".
func (r *Report) FileName() string {
	if r.File == nil {
		return ""
	}
	return *r.File
}

// Failure is a file that failed, in its place: its first message (without
// the path) and where in the file, when known (0: no place).
type Failure struct {
	File      string
	Message   string
	Line, Col int
	Cell      string // a roster row's: the cell, Sheet1!D5, shown for the place
	Name      string // a roster row's project name, when its row names one
}

// place is where a failure stands, as the text forms write it before the
// message: D5, or 12:3; "" when nowhere.
func (f Failure) place() string {
	switch {
	case f.Cell != "":
		return f.Cell
	case f.Line > 0:
		return fmt.Sprintf("%d:%d", f.Line, f.Col)
	}
	return ""
}

// Form writes results in one output form.
type Form interface {
	// Begin starts the document.
	Begin() error
	// Add writes one result; chunk is what Chunk made of it on a worker,
	// for a form that is a Chunker, else nil.
	Add(r *Report, chunk []byte) error
	// Fail writes a failed file in its place.
	Fail(f Failure) error
	// End finishes the document.
	End() error
}

// Chunker is a form whose results render independently of each other (a
// JSON object, a CSV block): the pipeline renders them on its workers, in
// parallel, and Add writes the bytes in order.
type Chunker interface {
	Chunk(r *Report) ([]byte, error)
}

// Options say how a form writes.
type Options struct {
	Printer msg.Printer
	Many    bool // batch: a document of many projects (a JSON array, a summary table)
	Explain bool // table and markdown: the arithmetic of every figure
	Width   int  // table: the terminal's width; 0 when not a terminal
	// Computed is the day of the calculation and Version szsoft's, which a
	// document handed to a client states (xlsx, html).
	Computed calc.Date
	Version  string
	// Scratch gives a batch's form a place for what it keeps until End
	// (spool.go); nil keeps it in memory.
	Scratch func() (Scratch, error)
	// BOM: the CSV starts with a UTF-8 byte-order mark (Excel then reads
	// Chinese right): when it is a file's first bytes, or asked for.
	BOM bool
}

// Forms are the output forms, in the order help lists them.
var Forms = []string{"table", "json", "jsonl", "csv", "markdown", "xlsx", "html", "total"}

// TextForms are the forms that write text (a .txt file takes any of them).
var TextForms = []string{"table", "markdown", "csv", "json", "jsonl", "total"}

// New returns the form called name, writing to w.
func New(name string, w io.Writer, o Options) (Form, error) {
	switch name {
	case "table":
		return &table{w: w, o: o}, nil
	case "markdown":
		return &table{w: w, o: o, markdown: true}, nil
	case "json":
		return &jsonForm{w: w, o: o, indent: true}, nil
	case "jsonl":
		return &jsonForm{w: w, o: o}, nil
	case "csv":
		return &csvForm{w: w, o: o}, nil
	case "xlsx":
		return newXLSX(w, o), nil
	case "html":
		return newHTML(w, o), nil
	case "total":
		return &totalForm{w: w, o: o}, nil
	}
	return nil, fmt.Errorf("no output form %q", name)
}

// IsForm reports whether name is an output form.
func IsForm(name string) bool { return slices.Contains(Forms, name) }
