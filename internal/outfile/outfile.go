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
	"io"
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
	target, fd, err := resolve(path)
	if err != nil {
		return fail(err)
	}
	if fd >= 0 {
		// One of this process's own descriptors (/dev/stdout, >> log):
		// written where it points, as the shell opened it — appended to
		// a log, never replaced.
		f, err := dupFD(fd, path)
		if err != nil {
			return fail(err)
		}
		return &File{path: path, target: target, f: f}, nil
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
	case err == nil:
		// A file the user may not write (0444, or someone else's in a
		// folder the user may write) is refused, as a shell's > would
		// refuse it: opened for writing, and closed untouched.
		f, err := os.OpenFile(target, os.O_WRONLY, 0)
		if err != nil {
			return fail(err)
		}
		f.Close()
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
// may not exist yet), as the kernel does: the folders on the way are
// resolved first, so that a link's relative target is read from the
// folder the link really stands in, and "dir/.." is the parent of where
// dir leads. fd is the descriptor of this process that path names
// (/dev/stdout, /proc/self/fd/1), or -1. A loop is an error.
func resolve(path string) (target string, fd int, err error) {
	for range 40 {
		dir, base := filepath.Split(path)
		if dir == "" {
			dir = "."
		}
		if base == "" || base == "." || base == ".." {
			return path, -1, nil // a folder: Create says so
		}
		if real, err := filepath.EvalSymlinks(dir); err == nil {
			dir = real
		}
		path = filepath.Join(dir, base)
		if n, ok := ownFD(path); ok {
			return path, n, nil
		}
		st, err := os.Lstat(path)
		if err != nil || st.Mode()&fs.ModeSymlink == 0 {
			return path, -1, nil
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", -1, err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(dir, link)
		}
		path = link
	}
	return "", -1, syscall.ELOOP
}

// Path is the path as the user gave it.
func (o *File) Path() string { return o.path }

// Target is the file the output replaces, or the device it writes.
func (o *File) Target() string { return o.target }

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

// Scratch is a temporary file for what a report keeps until it is whole
// (a batch's rows): in the system's temporary folder, removed when closed
// and on an interrupt — at once where the system lets an open file go
// unnamed.
type Scratch struct {
	f *os.File
}

// NewScratch creates a scratch file.
func NewScratch() (*Scratch, error) {
	f, err := os.CreateTemp("", "szsoft-*.tmp")
	if err != nil {
		return nil, err
	}
	if os.Remove(f.Name()) != nil {
		register(f.Name()) // Windows: removed when closed, or on an interrupt
	}
	return &Scratch{f: f}, nil
}

func (s *Scratch) Write(p []byte) (int, error) { return s.f.Write(p) }

// ReadAt reads what was written at off, writing going on after it.
func (s *Scratch) ReadAt(p []byte, off int64) (int, error) { return s.f.ReadAt(p, off) }

// Rewind returns the scratch from its start.
func (s *Scratch) Rewind() (io.Reader, error) {
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return s.f, nil
}

// Close closes and removes the scratch.
func (s *Scratch) Close() error {
	err := s.f.Close()
	if _, serr := os.Stat(s.f.Name()); serr == nil {
		os.Remove(s.f.Name())
		unregister(s.f.Name())
	}
	return err
}
