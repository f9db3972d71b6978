// Package outfile writes a report to a path without ever destroying what
// the path names.
//
// A regular file (or a new one) appears whole or not at all: the report is
// written to a temporary file beside it, synced, and renamed over it,
// keeping an existing file's mode (a new one gets 0666 less the umask). A
// symbolic link is followed and its target replaced the same way. A device,
// FIFO or other non-regular file (/dev/null, /dev/stdout, a pipe) is opened
// and written in place, never replaced. A directory is an error.
//
// Temporary files are registered while they exist, so that an interrupt
// (SIGINT, SIGTERM, SIGHUP) removes them before the process exits: see
// CleanUpOnSignals.
package outfile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"syscall"
)

// File is an output being written.
type File struct {
	path   string   // as the user gave it, for messages
	target string   // the file replaced: path, or the end of its links
	f      *os.File // the temporary file, or the device opened in place
	tmp    bool
	mode   fs.FileMode
	done   bool
}

// Error is a failure to write the output, naming the path the user gave.
type Error struct {
	Path string
	Err  error
}

func (e *Error) Error() string { return e.Path + ": " + e.Err.Error() }

func (e *Error) Unwrap() error { return e.Err }

// Create prepares path for writing.
func Create(path string) (*File, error) {
	fail := func(err error) (*File, error) { return nil, &Error{Path: path, Err: err} }
	target, err := resolve(path)
	if err != nil {
		return fail(err)
	}
	st, err := os.Stat(target)
	switch {
	case err == nil && st.IsDir():
		return fail(syscall.EISDIR)
	case err == nil && !st.Mode().IsRegular():
		// A device, a FIFO, a socket: written in place, never replaced.
		f, err := os.OpenFile(target, os.O_WRONLY, 0)
		if err != nil {
			return fail(err)
		}
		return &File{path: path, target: target, f: f}, nil
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return fail(err)
	}
	mode := fs.FileMode(0o666) &^ umask()
	if err == nil {
		mode = st.Mode().Perm()
	}
	f, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".*.tmp")
	if err != nil {
		return fail(err)
	}
	register(f.Name())
	return &File{path: path, target: target, f: f, tmp: true, mode: mode}, nil
}

// resolve follows the symbolic links of path to the file they end at (which
// may not exist yet). A loop is an error.
func resolve(path string) (string, error) {
	for range 40 {
		st, err := os.Lstat(path)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", syscall.ELOOP
}

// Regular reports whether the output is a regular file written whole
// (from its first byte), not a device or a FIFO written in place.
func (o *File) Regular() bool { return o.tmp }

// Write writes to the temporary file, or to the device in place.
func (o *File) Write(p []byte) (int, error) {
	n, err := o.f.Write(p)
	if err != nil {
		return n, &Error{Path: o.path, Err: err}
	}
	return n, nil
}

// Commit puts the output in place: the temporary file is synced, given its
// mode and renamed over the target; a device is closed.
func (o *File) Commit() error {
	if o.done {
		return nil
	}
	o.done = true
	if !o.tmp {
		if err := o.f.Close(); err != nil {
			return &Error{Path: o.path, Err: err}
		}
		return nil
	}
	defer unregister(o.f.Name())
	fail := func(err error) error {
		o.f.Close()
		os.Remove(o.f.Name())
		return &Error{Path: o.path, Err: err}
	}
	if err := o.f.Chmod(o.mode); err != nil {
		return fail(err)
	}
	if err := o.f.Sync(); err != nil {
		return fail(err)
	}
	if err := o.f.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(o.f.Name(), o.target); err != nil {
		return fail(err)
	}
	return nil
}

// Abort removes the temporary file; a device is closed, and what was
// written to it stays written.
func (o *File) Abort() {
	if o.done {
		return
	}
	o.done = true
	o.f.Close()
	if o.tmp {
		os.Remove(o.f.Name())
		unregister(o.f.Name())
	}
}

// Temporary files in existence, removed on an interrupt.
var (
	mu    sync.Mutex
	temps = map[string]bool{}
)

func register(name string) {
	mu.Lock()
	temps[name] = true
	mu.Unlock()
}

func unregister(name string) {
	mu.Lock()
	delete(temps, name)
	mu.Unlock()
}

// removeTemporary removes every temporary file in existence and keeps the
// registry locked, so that no new one can appear before the process exits:
// the signal handler calls it last.
func removeTemporary() {
	mu.Lock()
	for name := range temps {
		os.Remove(name)
	}
}

// String describes the output for messages.
func (o *File) String() string { return fmt.Sprintf("--out %s", o.path) }
