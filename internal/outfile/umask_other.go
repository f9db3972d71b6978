//go:build !unix

package outfile

import "io/fs"

// umask: systems without one create files as asked.
func umask() fs.FileMode { return 0 }
