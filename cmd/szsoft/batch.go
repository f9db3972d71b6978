package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"szsoft/calc"
	"szsoft/project"
)

// jobsFlag is -j/--jobs: a positive number of files processed at once.
type jobsFlag struct {
	onceValue
	n int
}

func (f *jobsFlag) Type() string { return "N" }

func (f *jobsFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 1024 {
		return &calc.ValueError{Value: s, Msg: "not a number of jobs", Hint: "-j takes a whole number from 1 to 1024"}
	}
	f.n = n
	return f.mark(s)
}

func (a *app) batchCmd() *cobra.Command {
	opts := newCalcOptions()
	jobs := &jobsFlag{onceValue: onceValue{name: "jobs"}}
	cmd := &cobra.Command{
		Use:   "batch [FILE|DIR|-]...",
		Short: "Compute many project files; a failed file never loses the others",
		Long: `Compute many project files. A directory stands for every *.toml file below
it, in bytewise path order (symbolic links to directories are not followed);
"-" reads file names from standard input, one a line. The output keeps the
order of the input whatever --jobs is, and holds every file: its result, or an
error record in its place. Errors also go to standard error, one line each;
the exit status is 1 if any file failed, after all the others were computed.

Output forms: table (a summary row per file and a grand total), json (an
array), jsonl (an object per line, streamed), csv (a row per line item),
markdown, total (the grand municipal total of the files computed).
Flags override each file's own keys, as in 'szsoft calc --file'.`,
		Example: `  szsoft batch projects/
  szsoft batch projects/ -o jsonl > results.jsonl
  find . -name '*.toml' | szsoft batch - -o csv > lines.csv
  szsoft batch a.toml b.toml --date 2026-11-26`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("e.g. 'szsoft batch projects/' or 'szsoft batch a.toml b.toml'", "batch needs files, directories or -")
			}
			if i := slices.Index(args, "-"); i >= 0 && slices.Contains(args[i+1:], "-") {
				return usagef("give - once", "- (file names from standard input) given twice")
			}
			n := runtime.NumCPU()
			if jobs.set {
				n = jobs.n
			}
			if opts.sameKind.set {
				return sameKindWithoutMeasure()
			}
			return a.runBatch(opts, args, n)
		},
	}
	opts.register(cmd.Flags(), false)
	cmd.Flags().VarP(jobs, "jobs", "j", "files processed at once (default: the number of CPUs)")
	completeFlags(cmd, cmd.Flags())
	return cmd
}

// entry is one record of a batch: a file to compute, or something that
// could not be read in its place (a directory, a name list, a FIFO), which
// becomes an error record there.
type entry struct {
	name string
	err  error
}

// expand sends the entries the arguments stand for, in order: a directory
// becomes its *.toml files in bytewise path order, "-" the names read from
// standard input. It streams: only one directory listing at a time is held,
// so memory does not grow with the number of files. Nothing it meets stops
// it: what cannot be read is an error record in its place.
func (a *app) expand(args []string, names chan<- entry) {
	defer close(names)
	for _, arg := range args {
		if arg == "-" {
			a.readNames(names)
			continue
		}
		st, err := os.Stat(arg)
		switch {
		case err != nil:
			names <- entry{name: arg} // reading it reports what is wrong
		case st.IsDir():
			if walkTOML(arg, names) == 0 {
				names <- entry{name: arg, err: fileError(arg, "a directory with no *.toml files", "batch DIR computes every *.toml file below DIR")}
			}
		case !st.Mode().IsRegular() && strings.HasSuffix(arg, ".toml"):
			names <- entry{name: arg, err: notRegular(arg, st.Mode())}
		default:
			names <- entry{name: arg}
		}
	}
}

// readNames sends the file names read from standard input, one a line, of
// any length; a failure to read is an error record, and the batch goes on.
func (a *app) readNames(names chan<- entry) {
	r := bufio.NewReaderSize(a.stdin, 64*1024)
	for {
		line, err := r.ReadString('\n')
		if name := strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r"); name != "" {
			names <- entry{name: name}
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			names <- entry{name: "-", err: fileError("-", "cannot read file names from standard input: "+describeOpenError(err), "")}
			return
		}
	}
}

// notRegular is a FIFO, socket or device named *.toml: never opened, never
// waited on.
func notRegular(name string, mode fs.FileMode) error {
	what := "not a regular file"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		what = "a named pipe (FIFO), not a project file: not read"
	case mode&fs.ModeSocket != 0:
		what = "a socket, not a project file: not read"
	case mode&fs.ModeDevice != 0:
		what = "a device, not a project file: not read"
	}
	return fileError(name, what, "")
}

// walkTOML sends the *.toml files below dir in bytewise path order and
// returns how many records it sent. Symbolic links to directories are not
// followed; links to files are kept. A directory that cannot be read (or
// vanished) is one error record, and the walk goes on.
//
// Bytewise order of whole paths is reached one directory at a time: within a
// directory, a subdirectory d sorts as "d/", so that "a.toml" (0x2E) comes
// before everything in "a/" (0x2F), as it does in the full paths.
func walkTOML(dir string, names chan<- entry) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		names <- entry{name: dir, err: fileError(dir, "cannot read directory: "+describeOpenError(err), "")}
		return 1
	}
	type item struct {
		key   string
		path  string
		isDir bool
		err   error
	}
	list := make([]item, 0, len(entries))
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		isDir := e.IsDir() // a symbolic link is never IsDir here: not followed
		if !isDir && !strings.HasSuffix(e.Name(), ".toml") {
			continue
		}
		mode := e.Type()
		if mode&fs.ModeSymlink != 0 {
			st, err := os.Stat(path)
			if err == nil && st.IsDir() {
				continue
			}
			if err == nil {
				mode = st.Mode().Type()
			}
		}
		var bad error
		if !isDir && mode&(fs.ModeNamedPipe|fs.ModeSocket|fs.ModeDevice|fs.ModeCharDevice|fs.ModeIrregular) != 0 {
			bad = notRegular(path, mode)
		}
		key := e.Name()
		if isDir {
			key += "/"
		}
		list = append(list, item{key, path, isDir, bad})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].key < list[j].key })
	n := 0
	for _, e := range list {
		if !e.isDir {
			names <- entry{name: e.path, err: e.err}
			n++
			continue
		}
		n += walkTOML(e.path, names)
	}
	return n
}

// outcome is what became of one file.
type outcome struct {
	index int
	name  string
	res   *calc.Result
	err   error
	out   []byte // rendered for the streaming forms
}

func (a *app) runBatch(opts *calcOptions, args []string, jobs int) error {
	// Each file allocates a little and keeps nothing: collect garbage less
	// often. The heap stays a few megabytes whatever the number of files
	// (make bench checks it), and the run is a third faster.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	form, err := formOf(opts)
	if err != nil {
		return err
	}
	out, err := a.openOutput(opts, form)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(out.w, 64*1024)
	b := &batchWriter{a: a, w: w, form: form, lang: a.lang(&opts.lang), unit: "yuan"}
	if form == "xlsx" {
		b.book = newWorkbook(b.lang)
	}
	if opts.unit.set {
		b.unit = opts.unit.raw
	}

	// The names stream in; workers compute files in any order; the writer
	// emits them in input order. At most window files are between the
	// reader of names and the writer, so memory stays flat.
	names := make(chan entry, 64)
	go a.expand(args, names)
	window := jobs * 32
	slots := make(chan struct{}, window)
	type job struct {
		index int
		entry
	}
	work := make(chan job, jobs)
	done := make(chan outcome, window)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				o := outcome{name: j.name, err: j.err}
				if j.err == nil {
					o = a.batchOne(j.name, opts, b)
				}
				o.index = j.index
				done <- o
			}
		}()
	}
	issued := make(chan int, 1)
	go func() {
		n := 0
		for e := range names {
			slots <- struct{}{}
			work <- job{n, e}
			n++
		}
		close(work)
		issued <- n
	}()
	go func() { wg.Wait(); close(done) }()

	b.start()
	pending := map[int]outcome{}
	next := 0
	for o := range done {
		pending[o.index] = o
		for {
			o, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if err := b.emit(o); err != nil {
				go drain(done, slots)
				out.abort()
				return err
			}
			next++
			<-slots
		}
	}
	<-issued
	if err := b.finish(); err != nil {
		out.abort()
		return err
	}
	if err := out.commit(); err != nil {
		return err
	}
	if b.failed > 0 {
		return &silentError{code: exitValue}
	}
	return nil
}

// drain lets the workers and the reader of names finish after the writer
// gave up (standard output closed).
func drain(done <-chan outcome, slots <-chan struct{}) {
	for {
		select {
		case <-slots:
		case _, ok := <-done:
			if !ok {
				return
			}
		}
	}
}

// batchOne reads, checks and computes one file, and renders it for the
// streaming forms.
func (a *app) batchOne(name string, opts *calcOptions, b *batchWriter) outcome {
	o := outcome{name: name}
	f, err := a.readProject(name)
	if err == nil {
		err = f.NoClaim()
	}
	if err != nil {
		o.err = err
		return o
	}
	res, err := a.compute(&f.Project, &sources{file: f, opts: opts})
	if err != nil {
		o.err = err
		return o
	}
	o.res = res
	rep := &report{file: &o.name, res: res}
	var buf bytes.Buffer
	switch b.form {
	case "json":
		err = writeJSON(&buf, rep, b.lang, true, "  ")
	case "jsonl":
		err = writeJSON(&buf, rep, b.lang, false, "")
	case "csv":
		writeCSV(&buf, []*report{rep}, false)
	}
	if err != nil {
		o.err = err
	}
	o.out = buf.Bytes()
	return o
}

// batchWriter writes the outcomes in order in the chosen form.
type batchWriter struct {
	a          *app
	w          *bufio.Writer
	form       string
	lang, unit string
	count      int
	failed     int
	total      decimal.Decimal
	rows       [][]string
	book       *workbook
	progress   *mpb.Progress
	bar        *mpb.Bar
	began      time.Time
}

func (b *batchWriter) start() {
	b.began = time.Now()
	switch b.form {
	case "json":
		b.w.WriteString("[")
	case "csv":
		b.w.WriteString(bom)
		cw := csv.NewWriter(b.w)
		_ = cw.Write(csvHeader)
		cw.Flush()
	}
}

func (b *batchWriter) emit(o outcome) error {
	b.showProgress()
	if o.err != nil {
		b.failed++
		b.reportError(o)
	} else {
		b.total = b.total.Add(o.res.Total)
		for _, w := range o.res.Warnings {
			fmt.Fprintf(b.stderr(), "szsoft: warning: %s: %s\n", safe(o.name), safe(w.In(b.lang)))
		}
	}
	switch b.form {
	case "json", "jsonl":
		elem := o.out
		if o.err != nil {
			var buf bytes.Buffer
			_ = encodeJSON(&buf, errorRecord(o), b.form == "json", "  ")
			elem = buf.Bytes()
		}
		elem = bytes.TrimRight(elem, "\n")
		if b.form == "json" {
			if b.count > 0 {
				b.w.WriteString(",")
			}
			b.w.WriteString("\n  ")
			b.w.Write(elem)
		} else {
			b.w.Write(elem)
			b.w.WriteString("\n")
		}
	case "csv":
		if o.err != nil {
			var buf bytes.Buffer
			rec := errorRecord(o)
			msg := rec.Error.Message
			if rec.Error.Line != nil {
				msg = fmt.Sprintf("%d:%d: %s", *rec.Error.Line, *rec.Error.Column, msg)
			}
			writeCSVError(&buf, o.name, msg)
			b.w.Write(buf.Bytes())
		} else {
			b.w.Write(o.out)
		}
	case "table", "markdown":
		b.rows = append(b.rows, b.summaryRow(o))
	case "xlsx":
		if o.err != nil {
			b.book.addError(o.name, describe(o.err))
		} else {
			b.book.add(&report{file: &o.name, res: o.res})
		}
	}
	b.count++
	if b.form == "jsonl" {
		// Stream: a reader of the pipe sees each file as it is done.
		return b.w.Flush()
	}
	return nil
}

// reportError prints every error of a failed file on stderr, one line each
// (above the progress bar, when there is one).
func (b *batchWriter) reportError(o outcome) {
	stderr := b.stderr()
	// Errors in a file name it already; others (an unreadable file, a flag)
	// get the file's name in front.
	var pes project.Errors
	named := errors.As(o.err, &pes)
	_, msgs := classify(o.err)
	for _, m := range msgs {
		if !named {
			m.msg = o.name + ": " + m.msg
		}
		fmt.Fprintf(stderr, "szsoft: error: %s\n", safe(m.msg))
	}
}

// stderr is where messages go: above the progress bar, when there is one.
func (b *batchWriter) stderr() io.Writer {
	if b.progress != nil {
		return b.progress
	}
	return b.a.stderr
}

// errorRecord is a failed file in its place in JSON output.
func errorRecord(o outcome) *jsonError {
	rec := &jsonError{File: o.name}
	var pes project.Errors
	if errors.As(o.err, &pes) && len(pes) > 0 {
		e := pes[0]
		rec.Error.Message = e.Msg
		if e.Line > 0 {
			line, col := e.Line, e.Col
			rec.Error.Line, rec.Error.Column = &line, &col
		}
		return rec
	}
	rec.Error.Message = describe(o.err)
	return rec
}

func (b *batchWriter) summaryRow(o outcome) []string {
	if o.err != nil {
		msg := "error"
		var pes project.Errors
		if errors.As(o.err, &pes) && len(pes) > 0 {
			msg = "error: " + strings.TrimPrefix(pes[0].Error(), o.name+":")
		}
		return []string{safe(o.name), "", "", "", safe(msg)}
	}
	limit := "-"
	if o.res.DistrictMatchLimit != nil {
		limit = money(*o.res.DistrictMatchLimit, b.unit)
	}
	status := lblOK.In(b.lang)
	if !o.res.Eligible {
		status = lblIneligible.In(b.lang)
	}
	return []string{safe(o.name), safe(o.res.Name), money(o.res.Total, b.unit), limit, status}
}

func (b *batchWriter) finish() error {
	if b.bar != nil {
		b.bar.SetTotal(-1, true)
		b.progress.Wait()
	}
	switch b.form {
	case "json":
		if b.count > 0 {
			b.w.WriteString("\n")
		}
		b.w.WriteString("]\n")
	case "total":
		b.w.WriteString(calc.Yuan(b.total) + "\n")
	case "table", "markdown":
		b.writeSummary()
	case "xlsx":
		if err := b.book.write(b.w); err != nil {
			return err
		}
	}
	return b.w.Flush()
}

var (
	lblBatchHeaders = []label{{Zh: "文件", En: "FILE"}, {Zh: "项目", En: "NAME"}, {Zh: "市级合计", En: "MUNICIPAL TOTAL"}, {Zh: "区级配套上限", En: "DISTRICT MATCHING LIMIT"}, {Zh: "状态", En: "STATUS"}}
	lblOK           = label{Zh: "正常", En: "ok"}
	lblIneligible   = label{Zh: "不在有效期内", En: "outside the validity window"}
	lblGrandTotal   = label{Zh: "合计", En: "grand total"}
	lblFiles        = label{Zh: "个文件", En: "files"}
)

func (b *batchWriter) writeSummary() {
	h := make([]string, len(lblBatchHeaders))
	for i, l := range lblBatchHeaders {
		h[i] = l.In(b.lang)
	}
	unitLabel := lblUnitYuan
	if b.unit == "wan" {
		unitLabel = lblUnitWan
	}
	var r tw.Renderer = renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleASCII)})
	if b.form == "markdown" {
		r = renderer.NewMarkdown()
		for _, row := range b.rows {
			for i := range row {
				row[i] = md(row[i])
			}
		}
		b.w.WriteString("## " + lblTitle.In(b.lang) + "\n\n- " + unitLabel.In(b.lang) + "\n\n")
	} else {
		b.w.WriteString(unitLabel.In(b.lang) + "\n")
	}
	align := []tw.Align{tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignLeft}
	t := tablewriter.NewTable(b.w,
		tablewriter.WithRenderer(r),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithFooterAlignmentConfig(tw.CellAlignment{PerColumn: align}),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	)
	t.Header(h)
	_ = t.Bulk(b.rows)
	footer := []string{fmt.Sprintf("%s (%d/%d %s)", lblGrandTotal.In(b.lang), b.count-b.failed, b.count, lblFiles.In(b.lang)), "", money(b.total, b.unit), "", ""}
	if b.form == "markdown" {
		_ = t.Append(footer)
	} else {
		t.Footer(footer)
	}
	_ = t.Render()
}

// progress shows a bar on standard error when it is a terminal and the run
// has taken more than a moment; never when stderr is piped. The number of
// files is not known ahead (names stream in), so it counts files and shows
// the rate.
func (b *batchWriter) showProgress() {
	if b.bar == nil {
		if time.Since(b.began) < 300*time.Millisecond || !b.a.isTerminal(b.a.stderr) {
			return
		}
		b.progress = mpb.New(mpb.WithOutput(b.a.stderr), mpb.WithWidth(30), mpb.WithRefreshRate(150*time.Millisecond))
		b.bar = b.progress.AddSpinner(0,
			mpb.PrependDecorators(decor.Name("szsoft batch "), decor.CurrentNoUnit("%d files")),
			mpb.AppendDecorators(decor.AverageSpeed(0, " %.0f files/s")),
		)
		b.bar.SetCurrent(int64(b.count))
	}
	b.bar.Increment()
}

// describe returns the first message of an error, as exitCode prints it.
func describe(err error) string {
	_, msgs := classify(err)
	return msgs[0].msg
}
