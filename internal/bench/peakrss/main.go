//go:build unix

// Command peakrss runs a command several times, its output discarded, and
// prints the smallest peak resident set size it reached, in KiB (the least
// disturbed run): make bench compares it across input sizes.
//
//	go run ./internal/bench/peakrss -runs 3 -- szsoft batch DIR -o jsonl
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"time"
)

func main() {
	runs := flag.Int("runs", 3, "how many times to run the command")
	anyStatus := flag.Bool("any-status", false, "accept a non-zero exit status (a file refused is still a run)")
	seconds := flag.Bool("seconds", false, "also print the wall time of the fastest run, in seconds")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: peakrss [-runs N] -- command [args...]")
		os.Exit(2)
	}
	best := int64(-1)
	fastest := time.Duration(-1)
	for range *runs {
		cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
		if !*anyStatus {
			cmd.Stderr = os.Stderr
		}
		start := time.Now()
		err := cmd.Run()
		if took := time.Since(start); fastest < 0 || took < fastest {
			fastest = took
		}
		var ee *exec.ExitError
		if err != nil && !(*anyStatus && errors.As(err, &ee)) {
			fmt.Fprintln(os.Stderr, "peakrss:", err)
			os.Exit(1)
		}
		ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		if !ok {
			fmt.Fprintln(os.Stderr, "peakrss: no resource usage on this system")
			os.Exit(1)
		}
		if best < 0 || ru.Maxrss < best {
			best = ru.Maxrss // KiB on Linux
		}
	}
	if *seconds {
		fmt.Printf("%d %.3f\n", best, fastest.Seconds())
		return
	}
	fmt.Println(best)
}
