package main

import (
	"errors"

	"golang.org/x/sys/windows"

	"szsoft/calc"
)

// osReason names the Windows errors a clerk meets that Go does not map to
// its own (a missing file and a denied access it does).
func osReason(err error) calc.Code {
	var errno windows.Errno
	if !errors.As(err, &errno) {
		return ""
	}
	switch errno {
	case windows.ERROR_SHARING_VIOLATION, windows.ERROR_LOCK_VIOLATION, windows.ERROR_USER_MAPPED_FILE:
		return "cli.os.inuse"
	case windows.ERROR_DISK_FULL, windows.ERROR_HANDLE_DISK_FULL:
		return "cli.os.nospace"
	case windows.ERROR_WRITE_PROTECT:
		return "cli.os.readonly"
	case windows.ERROR_INVALID_NAME, windows.ERROR_BAD_PATHNAME:
		return "cli.os.badname"
	case windows.ERROR_DIRECTORY:
		return "cli.os.notdir"
	case windows.ERROR_FILENAME_EXCED_RANGE:
		return "cli.os.nametoolong"
	case windows.ERROR_NOT_READY, windows.ERROR_BAD_NETPATH, windows.ERROR_NETNAME_DELETED, windows.ERROR_UNEXP_NET_ERR:
		return "cli.os.io"
	case windows.ERROR_TOO_MANY_OPEN_FILES:
		return "cli.os.toomany"
	}
	return ""
}
