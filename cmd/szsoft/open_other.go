//go:build !unix

package main

import "os"

// openInput opens a file to read: systems without FIFOs in their folders
// need no care.
func openInput(name string) (*os.File, os.FileInfo, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// openBeside opens the file name in the folder dir, never outside it (not
// by "..", not by a symbolic link).
func openBeside(dir, name string) (*os.File, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, err
	}
	defer root.Close()
	return root.Open(name)
}
