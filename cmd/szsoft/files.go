package main

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"

	"szsoft/project"
)

// readProject reads and parses the project file called name ("-" is
// standard input). A file over 1 MiB is refused before it is read whole.
func (a *app) readProject(name string) (*project.File, error) {
	data, err := a.readFile(name)
	if err != nil {
		return nil, err
	}
	return project.Parse(name, data)
}

func fileError(name, msg, hint string) error {
	return project.Errors{{Path: name, Msg: msg, Hint: hint}}
}

func (a *app) readFile(name string) ([]byte, error) {
	tooLarge := func() error {
		return fileError(name, "larger than 1 MiB, the largest project file read", "a project file holds one project; split larger ones")
	}
	if name == "-" {
		data, err := io.ReadAll(io.LimitReader(a.stdin, project.MaxSize+1))
		if err != nil {
			return nil, fileError(name, "cannot read standard input: "+err.Error(), "")
		}
		if len(data) > project.MaxSize {
			return nil, tooLarge()
		}
		return data, nil
	}
	if name == "" {
		return nil, fileError(name, "an empty file name", "")
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fileError(name, describeOpenError(err), "")
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fileError(name, describeOpenError(err), "")
	}
	if st.IsDir() {
		return nil, fileError(name, "a directory, not a project file", "'szsoft batch DIR' computes every *.toml file below a directory")
	}
	if st.Size() > project.MaxSize {
		return nil, tooLarge()
	}
	data, err := io.ReadAll(io.LimitReader(f, project.MaxSize+1))
	if err != nil {
		return nil, fileError(name, "cannot read: "+describeOpenError(err), "")
	}
	if len(data) > project.MaxSize {
		return nil, tooLarge()
	}
	return data, nil
}

// describeOpenError says what went wrong in a few words, without repeating
// the path.
func describeOpenError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return strings.TrimSpace(pe.Err.Error())
	}
	return err.Error()
}
