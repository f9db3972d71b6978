package main

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/internal/project"
	"szsoft/internal/roster"
)

// readProject reads and parses the project file called name ("-" is
// standard input). A file over 1 MiB is refused before it is read whole.
func (a *app) readProject(name string) (*project.File, error) {
	if roster.IsRoster(name) {
		return nil, fileError(name, note("cli.file.roster"), note("cli.file.roster.hint", "file", name))
	}
	data, err := a.readFile(name)
	if err != nil {
		return nil, err
	}
	pf, err := project.Parse(a.tree, name, data)
	if err != nil && project.IsEdition(data) {
		// An edition given where a project is read: one error that says
		// so, not the shape of a project file it does not have.
		return nil, fileError(name, note("cli.file.edition"), note("cli.file.edition.hint", "file", name))
	}
	return pf, err
}

// fileError is an error about a whole file (or directory): its name and
// what, with a hint when one helps.
func fileError(name string, msg, hint calc.Note) error {
	return project.Errors{{Path: name, Msg: msg, Hint: hint}}
}

func (a *app) readFile(name string) ([]byte, error) {
	return a.readFileMax(name, project.MaxSize, note(string(project.ErrTooLarge)), note("cli.file.split"))
}

// readFileMax reads a file of at most limit bytes; big and its hint say
// that a larger one is too large.
func (a *app) readFileMax(name string, limit int64, big, hint calc.Note) ([]byte, error) {
	tooLarge := func() error { return fileError(name, big, hint) }
	if name == "-" {
		if f, ok := a.stdin.(*os.File); ok {
			if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
				a.read(name, st) // < client.toml: --out must not replace it
			}
		}
		data, err := io.ReadAll(io.LimitReader(a.stdin, limit+1))
		if err != nil {
			return nil, fileError(name, note("cli.file.stdin", "reason", describeOpenError(err)), calc.Note{})
		}
		if int64(len(data)) > limit {
			return nil, tooLarge()
		}
		return data, nil
	}
	if name == "" {
		return nil, fileError(name, note("cli.file.noname"), calc.Note{})
	}
	f, st, err := openInput(name)
	if err != nil {
		return nil, fileError(name, note("cli.file.open", "reason", describeOpenError(err)), calc.Note{})
	}
	defer f.Close()
	if !st.Mode().IsRegular() && !st.IsDir() && isTOMLName(name) {
		// A FIFO, socket or device named *.toml: never read, never
		// waited on (SPEC §3), wherever its name came from.
		return nil, notRegular(name, st.Mode())
	}
	if st.IsDir() {
		return nil, fileError(name, note("cli.file.dir"), note("cli.file.dir.hint"))
	}
	a.read(name, st)
	if st.Size() > limit {
		return nil, tooLarge()
	}
	// Read at the size the file says (one read for a project file), and
	// on past it should it have grown since: never past the limit.
	buf := bytes.NewBuffer(make([]byte, 0, st.Size()+1))
	_, err = buf.ReadFrom(io.LimitReader(f, limit+1))
	data := buf.Bytes()
	if err != nil {
		return nil, fileError(name, note("cli.file.read", "reason", describeOpenError(err)), calc.Note{})
	}
	if int64(len(data)) > limit {
		return nil, tooLarge()
	}
	return data, nil
}

// describeOpenError says what went wrong as a code, without the path.
func describeOpenError(err error) calc.Code {
	if code := osReason(err); code != "" {
		return code
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "cli.os.notexist"
	case errors.Is(err, fs.ErrPermission):
		return "cli.os.permission"
	case errors.Is(err, syscall.ENOSPC):
		return "cli.os.nospace"
	case errors.Is(err, syscall.EROFS):
		return "cli.os.readonly"
	case errors.Is(err, syscall.EISDIR):
		return "cli.os.isdir"
	case errors.Is(err, syscall.ENOTDIR):
		return "cli.os.notdir"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "cli.os.nametoolong"
	case errors.Is(err, syscall.ELOOP):
		return "cli.os.loop"
	case errors.Is(err, syscall.EIO):
		return "cli.os.io"
	case errors.Is(err, syscall.EMFILE), errors.Is(err, syscall.ENFILE):
		return "cli.os.toomany"
	case errors.Is(err, syscall.EDQUOT):
		return "cli.os.nospace"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return osText(strings.TrimSpace(pe.Err.Error()))
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return osText(le.Err.Error())
	}
	return osText(err.Error())
}

// osText is what the operating system said, when szsoft has no words of
// its own for it.
func osText(s string) calc.Code { return calc.Code(msg.OSPrefix + s) }
