//go:build unix

package outfile

import (
	"io/fs"
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
