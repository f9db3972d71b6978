package outfile

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

var (
	hooksMu sync.Mutex
	hooks   []func()
)

// AtInterrupt adds f to what an interrupt runs after removing the
// temporary files, before the process exits (the console's code page put
// back, on Windows).
func AtInterrupt(f func()) {
	hooksMu.Lock()
	hooks = append(hooks, f)
	hooksMu.Unlock()
}

// CleanUpOnSignals makes an interrupt (SIGINT, SIGTERM, SIGHUP) remove every
// temporary file before the process exits with 128 + the signal's number, as
// a shell reports it. Only a process's main function calls it.
func CleanUpOnSignals() {
	c := make(chan os.Signal, 1)
	signal.Notify(c, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		s := <-c
		removeTemporary()
		hooksMu.Lock()
		for _, f := range hooks {
			f()
		}
		code := 1
		if n, ok := s.(syscall.Signal); ok {
			code = 128 + int(n)
		}
		os.Exit(code)
	}()
}
