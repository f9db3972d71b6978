//go:build unix

package outfile

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
)

// umask is the process's file-mode creation mask, read once (reading it
// means setting it, so it is read before any file is created).
var umask = sync.OnceValue(func() fs.FileMode {
	m := syscall.Umask(0)
	syscall.Umask(m)
	return fs.FileMode(m)
})

// ownFD reports whether path names a descriptor of this process:
// /proc/self/fd/N, /proc/PID/fd/N with PID this process's, /dev/fd/N.
// (/dev/stdout and /dev/fd lead there through their links.)
func ownFD(path string) (int, bool) {
	dir, base := filepath.Split(path)
	n, err := strconv.Atoi(base)
	if err != nil || n < 0 {
		return 0, false
	}
	switch filepath.Clean(dir) {
	case "/proc/self/fd", "/dev/fd", "/proc/" + strconv.Itoa(os.Getpid()) + "/fd":
		return n, true
	}
	return 0, false
}

// dupFD is a file of its own on the descriptor fd, so that closing it
// leaves fd open.
func dupFD(fd int, name string) (*os.File, error) {
	n, err := syscall.Dup(fd)
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(n), name), nil
}
