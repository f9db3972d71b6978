//go:build unix

package main

import (
	"os"
	"syscall"
)

// openInput opens a file to read without waiting on it: a FIFO named
// *.toml (or put in place of a file after its folder was listed) opens at
// once, non-blocking, so that its mode is seen and it is refused rather
// than waited on for ever. Another FIFO (a shell's <(…), /dev/stdin) is
// read as it is given: opened again, blocking, as the shell meant.
func openInput(name string) (*os.File, os.FileInfo, error) {
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if st.Mode().IsRegular() || st.IsDir() || isTOMLName(name) {
		return f, st, nil
	}
	f.Close()
	f, err = os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	return f, st, nil
}

// openBeside opens the file name in the folder dir, never outside it (not
// by "..", not by a symbolic link), without waiting on a FIFO.
func openBeside(dir, name string) (*os.File, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return root.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
