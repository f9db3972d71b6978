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
