package main

import (
	"bufio"
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
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/internal/outfile"
	"szsoft/internal/project"
	"szsoft/internal/render"
	"szsoft/internal/roster"
	"szsoft/measures"
)

func (a *app) batchCmd() *cobra.Command {
	opts := a.newCalcOptions()
	jobs := &jobsFlag{onceValue: onceValue{name: "jobs"}}
	by := &choiceFlag{onceValue: onceValue{name: "by"}, values: []string{"applicant"}, aliases: measures.Aliases{"applicant": {"申请单位", "企业"}}}
	cmd := &cobra.Command{
		Use: "batch [FILE|DIR|-]...",
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usage("cli.batch.none").withHint("cli.batch.none.hint")
			}
			if i := slices.Index(args, "-"); i >= 0 && slices.Contains(args[i+1:], "-") {
				return usage("cli.batch.dash").withHint("cli.batch.dash.hint")
			}
			n := runtime.NumCPU()
			if jobs.set {
				n = jobs.n
			}
			if opts.sameKind.set {
				return sameKindWithoutMeasure()
			}
			opts.byApplicant = by.set
			return a.runBatch(opts, args, n)
		},
	}
	a.describe(cmd, "batch")
	opts.register(cmd.Flags(), false, a.printer("yuan"))
	cmd.Flags().VarP(jobs, "jobs", "j", a.printer("yuan").S("flag.jobs"))
	cmd.Flags().Var(by, "by", a.printer("yuan").S("flag.by"))
	a.completeFlags(cmd, cmd.Flags())
	return cmd
}

// expand sends the entries the arguments stand for, in order: a directory
// becomes its *.toml files in bytewise path order, "-" the names read from
// standard input. It streams: only one directory listing at a time is held,
// so memory does not grow with the number of files. Nothing it meets stops
// it: what cannot be read is an error record in its place.
func (a *app) expand(args []string, names chan<- entry) {
	defer close(names)
	a.expandArgs(args, names)
}

func (a *app) expandArgs(args []string, names chan<- entry) {
	for _, arg := range args {
		if arg == "-" {
			a.readNames(names)
			continue
		}
		st, err := os.Stat(arg)
		if err != nil && windowsNames && strings.ContainsAny(arg, "*?[") {
			// cmd.exe and PowerShell hand D:\客户\*.toml over as it is:
			// szsoft expands it, as a Unix shell would have.
			matches, gerr := globFold(arg)
			if gerr != nil || len(matches) == 0 {
				names <- entry{name: arg, err: fileError(arg, note("cli.batch.nomatch"), calc.Note{})}
				continue
			}
			a.expandArgs(matches, names) // sorted, and each exists
			continue
		}
		switch {
		case roster.IsRoster(arg):
			a.expandRoster(arg, names)
		case err != nil:
			names <- entry{name: arg} // reading it reports what is wrong
		case st.IsDir():
			if walkTOML(arg, names) == 0 {
				names <- entry{name: arg, err: fileError(arg, note("cli.batch.empty"), note("cli.batch.empty.hint"))}
			}
		case !st.Mode().IsRegular() && isTOMLName(arg):
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
	n := 0
	for {
		line, long, err := readLine(r, maxNameLen)
		if name := strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r"); name != "" || long {
			n++
			switch {
			case long:
				// Longer than any file system's path: no file's name. Its
				// record shows its start; the rest of the line is skipped.
				names <- entry{name: calc.Shorten(name), err: fileError(calc.Shorten(name), note("cli.batch.longname", "max", maxNameLen), calc.Note{})}
			case name == "-":
				// A file called "-" in a list of names (ls | szsoft batch -):
				// the file, not standard input again.
				names <- entry{name: "./-"}
			case roster.IsRoster(name):
				a.expandRoster(name, names)
			default:
				names <- entry{name: name}
			}
		}
		if err == io.EOF && n == 0 {
			// An empty list, as an empty folder, is a mistake: a pipeline
			// whose find matched nothing must not report 0.00 and succeed.
			names <- entry{name: "-", err: fileError("-", note("cli.batch.nonames"), note("cli.batch.nonames.hint"))}
		}
		if err == io.EOF {
			return
		}
		if err != nil {
			names <- entry{name: "-", err: fileError("-", note("cli.batch.names", "reason", describeOpenError(err)), calc.Note{})}
			return
		}
	}
}

// maxNameLen is the longest name read from a list: far past any file
// system's longest path (Linux 4,096 bytes, Windows 32,767 UTF-16 units).
const maxNameLen = 256 << 10

// readLine reads a line of at most limit bytes; a longer one is cut there,
// long is true, and the rest of it is read and dropped, never held.
func readLine(r *bufio.Reader, limit int) (line string, long bool, err error) {
	var b []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if !long {
			if len(b)+len(chunk) > limit {
				b = append(b, chunk[:limit-len(b)]...)
				long = true
			} else {
				b = append(b, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return string(b), long, err
	}
}

// windowsNames: names are read as Windows reads them. The extension .toml
// matches in any case (Explorer shows PROJECT.TOML as a .toml file), and a
// pattern that names no file is expanded by szsoft. Tests set it to try
// Windows' reading here.
var windowsNames = runtime.GOOS == "windows"

// globFold expands a pattern as Windows matches names, in any case, when
// only its last element has wildcards (D:\客户\*.TOML); else as
// filepath.Glob does.
func globFold(pattern string) ([]string, error) {
	dir, base := filepath.Split(pattern)
	if strings.ContainsAny(dir, "*?[") {
		return filepath.Glob(pattern)
	}
	if _, err := filepath.Match(base, ""); err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(filepath.Clean(dir + "."))
	if err != nil {
		return nil, nil
	}
	var out []string
	for _, e := range entries {
		if ok, _ := filepath.Match(strings.ToLower(base), strings.ToLower(e.Name())); ok {
			out = append(out, dir+e.Name())
		}
	}
	return out, nil // ReadDir sorts by name
}

// isTOMLName reports whether name ends in .toml (on Windows, in any case).
func isTOMLName(name string) bool {
	if windowsNames {
		return len(name) >= 5 && strings.EqualFold(name[len(name)-5:], ".toml")
	}
	return strings.HasSuffix(name, ".toml")
}

// notRegular is a FIFO, socket or device named *.toml: never opened, never
// waited on.
func notRegular(name string, mode fs.FileMode) error {
	what := "cli.batch.irregular"
	switch {
	case mode&fs.ModeNamedPipe != 0:
		what = "cli.batch.fifo"
	case mode&fs.ModeSocket != 0:
		what = "cli.batch.socket"
	case mode&fs.ModeDevice != 0:
		what = "cli.batch.device"
	}
	return fileError(name, note(what), calc.Note{})
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
		names <- entry{name: dir, err: fileError(dir, note("cli.batch.dir", "reason", describeOpenError(err)), calc.Note{})}
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
		if !isDir && !isTOMLName(e.Name()) {
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
			names <- entry{name: e.path, err: e.err, walked: true}
			n++
			continue
		}
		n += walkTOML(e.path, names)
	}
	return n
}

// memoryLimit is batch's soft memory limit: what it keeps is a few MiB of
// files, some more of a roster's workbook (its shared strings).
const memoryLimit = 64 << 20

func (a *app) runBatch(opts *calcOptions, args []string, jobs int) error {
	// Each file allocates a little and keeps nothing: collect garbage less
	// often. The heap stays a few megabytes whatever the number of files
	// (make bench checks it), and the run is a third faster.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	// ... within a soft limit: a document read back at its end (the
	// 测算书's pages, a workbook's rows) makes garbage fast and keeps
	// little, and the heap stays near the limit rather than five times
	// what it keeps. Past the limit the collector just runs more often.
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit))
	if opts.envUnitErr != nil && !opts.unit.set {
		return opts.envUnitErr
	}
	name, err := formOf(opts)
	if err != nil {
		return err
	}
	bom, err := a.bomOf(opts.bom, opts.noBOM, opts.out)
	if err != nil {
		return err
	}
	out, err := a.openOutput(opts, name, args...)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(out.w, 64*1024)
	unit := opts.unitOf()
	p := a.printer(unit)
	form, err := render.New(name, w, render.Options{Printer: p, Many: true, Width: a.outWidth(opts), Computed: a.today(), Version: Version(), BOM: bom, Scratch: scratch})
	if err != nil {
		return err
	}
	pr := &progress{a: a, began: time.Now()}
	failed := 0
	// What the applicant view needs of each file naming an applicant
	// (docs/contract.md §11): its record, in a scratch file; or, where the
	// view is not shown, a count for the warning.
	var tally calc.Tally
	view := opts.byApplicant || render.AlwaysApplicants(form)
	var coll *collector
	if view {
		coll = newCollector()
		defer coll.close()
	}
	names := make(chan entry, 64)
	go a.expand(args, names)
	err = form.Begin()
	if err == nil {
		err = a.pipeline(names, jobs, form, func(e entry) outcome { return a.computeEntry(e, opts) }, func(o outcome) error {
			pr.show()
			if o.edition {
				// An edition file beside the projects (fixtures/editions):
				// not a project; said, and passed over.
				pr.skipped(o.name, p)
				return nil
			}
			if o.err != nil {
				failed++
				// A roster's rows: the errors of its first 20 failed rows
				// on standard error, then a count (every row keeps its
				// record in the output).
				if o.book == "" || pr.rosterFailed(o.book) {
					pr.failed(o, p)
				}
				if err := form.Fail(failure(o, p)); err != nil {
					return err
				}
			} else {
				pr.warn(o.name, o.rep.Result.Warnings, p)
				switch {
				case !view:
					// The warning alone: a count per applicant and award,
					// and batch's memory stays flat.
					tally.Add(o.name, o.rep.Result)
				default:
					coll.add(o.name, o.rep.Result)
				}
				if err := form.Add(o.rep, o.chunk); err != nil {
					return err
				}
			}
			if name == "jsonl" {
				// Stream: a reader of the pipe sees each file as it is done.
				return w.Flush()
			}
			return nil
		})
	}
	pr.stop()
	pr.rosterSummary(p)
	if err == nil && !view {
		err = a.applicants(form, tally.Applicants(), false, pr, p)
	}
	if err == nil && view {
		// A file computed again with its applicant's receipts is read
		// again, as it was: its result is not kept meanwhile.
		reload := func(name string) *calc.Result {
			if name == "-" || !isTOMLName(name) {
				return nil // a roster's row, or standard input
			}
			if o := a.computeFile(name, opts); o.err == nil && o.rep != nil {
				return o.rep.Result
			}
			return nil
		}
		err = coll.each(reload, func(x *calc.Applicant) error {
			return a.applicants(form, []*calc.Applicant{x}, opts.byApplicant, pr, p)
		})
	}
	if err == nil {
		err = form.End()
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		out.abort()
		return err
	}
	if err := out.commit(); err != nil {
		return err
	}
	if failed > 0 {
		return &silentError{code: exitValue}
	}
	return nil
}

// scratch gives a batch's output form a temporary file for what it keeps
// until the document is whole: memory stays flat however many projects.
func scratch() (render.Scratch, error) { return outfile.NewScratch() }

// failure is a failed file as an output form records it in its place: the
// first message, without the file's name, and where.
func failure(o outcome, p msg.Printer) render.Failure {
	f := render.Failure{File: o.name, Name: o.project}
	var pes project.Errors
	if errors.As(o.err, &pes) && len(pes) > 0 {
		e := pes[0]
		f.Message, f.Line, f.Col, f.Cell = p.Note(e.Msg), e.Line, e.Col, e.Cell
		return f
	}
	_, msgs := classify(o.err, p)
	f.Message = msgs[0].msg
	return f
}

// progress shows a bar on standard error when it is a terminal and the run
// has taken more than a moment; never when stderr is piped. The number of
// files is not known ahead (names stream in), so it counts files and shows
// the rate. Messages go above the bar.
type progress struct {
	a        *app
	began    time.Time
	count    int
	progress *mpb.Progress
	bar      *mpb.Bar
	// Failed rows per roster, and the rosters in the order first failed.
	rows  map[string]int
	books []string
}

// rosterFailed counts a failed row of the roster book and reports whether
// its errors are still shown (the first project.MaxErrors rows' are).
func (pr *progress) rosterFailed(book string) bool {
	if pr.rows == nil {
		pr.rows = map[string]int{}
	}
	if pr.rows[book] == 0 {
		pr.books = append(pr.books, book)
	}
	pr.rows[book]++
	return pr.rows[book] <= project.MaxErrors
}

// rosterSummary says, for each roster with more failed rows than shown,
// how many more there were.
func (pr *progress) rosterSummary(p msg.Printer) {
	for _, b := range pr.books {
		if n := pr.rows[b] - project.MaxErrors; n > 0 {
			fmt.Fprint(pr.stderr(), stderrLine(p, "error", p.S("label.pair", "label", b, "value", p.S("cli.roster.more", "n", n)), pr.a.errWidth()))
		}
	}
}

func (pr *progress) show() {
	pr.count++
	if pr.bar == nil {
		if time.Since(pr.began) < 300*time.Millisecond || !pr.a.isTerminal(pr.a.stderr) {
			return
		}
		pr.progress = mpb.New(mpb.WithOutput(pr.a.stderr), mpb.WithWidth(30), mpb.WithRefreshRate(150*time.Millisecond))
		pr.bar = pr.progress.AddSpinner(0,
			mpb.PrependDecorators(decor.Name("szsoft batch "), decor.CurrentNoUnit("%d files")),
			mpb.AppendDecorators(decor.AverageSpeed(0, " %.0f files/s")),
		)
		pr.bar.SetCurrent(int64(pr.count - 1))
	}
	pr.bar.Increment()
}

func (pr *progress) stop() {
	if pr.bar != nil {
		pr.bar.SetTotal(-1, true)
		pr.progress.Wait()
	}
}

// stderr is where messages go: above the progress bar, when there is one.
func (pr *progress) stderr() io.Writer {
	if pr.progress != nil {
		return pr.progress
	}
	return pr.a.stderr
}

// failed prints every error of a failed file on stderr, a line each, and
// its hint where one helps, as calc does. Errors in a file name it
// already; others (an unreadable file, a flag) get the file's name in
// front.
func (pr *progress) failed(o outcome, p msg.Printer) {
	var pes project.Errors
	named := errors.As(o.err, &pes)
	_, msgs := classify(o.err, p)
	for _, m := range msgs {
		if !named {
			m.msg = p.S("label.pair", "label", o.name, "value", m.msg)
		}
		fmt.Fprint(pr.stderr(), stderrLine(p, "error", m.msg, pr.a.errWidth()))
		if m.hint != "" {
			fmt.Fprint(pr.stderr(), stderrLine(p, "hint", m.hint, pr.a.errWidth()))
		}
	}
}

// warn prints a file's warnings, with its name.
// skipped says that an edition file found in a directory was passed over.
func (pr *progress) skipped(name string, p msg.Printer) {
	fmt.Fprint(pr.stderr(), stderrLine(p, "warning", p.S("label.pair", "label", render.Safe(name), "value", p.S("cli.batch.edition")), pr.a.errWidth()))
}

func (pr *progress) warn(name string, ws []calc.Note, p msg.Printer) {
	for _, w := range ws {
		fmt.Fprint(pr.stderr(), stderrLine(p, "warning", p.S("label.pair", "label", name, "value", p.Note(w)), pr.a.errWidth()))
	}
}

// applicants gives the form the applicant view — with --by applicant, or
// always for a form that always shows it (the workbook, the 测算书) —
// and, without it, warns of each applicant whose firm awards are claimed
// in several files.
func (a *app) applicants(form render.Form, as []*calc.Applicant, by bool, pr *progress, p msg.Printer) error {
	for _, x := range as {
		for _, w := range render.ApplicantWarnings(p, x, by) {
			fmt.Fprint(pr.stderr(), stderrLine(p, "warning", w, pr.a.errWidth()))
		}
	}
	if af, ok := form.(render.ApplicantForm); ok && (by || render.AlwaysApplicants(form)) {
		return af.Applicants(as)
	}
	return nil
}
