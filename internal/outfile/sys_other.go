//go:build !unix

package outfile

import (
	"errors"
	"io/fs"
	"os"
)

// umask: systems without one create files as asked.
func umask() fs.FileMode { return 0 }

// ownFD: no path names a descriptor of the process here.
func ownFD(string) (int, bool) { return 0, false }

func dupFD(int, string) (*os.File, error) { return nil, errors.ErrUnsupported }
