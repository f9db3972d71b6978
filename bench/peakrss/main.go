// Command peakrss runs a command several times, its output discarded, and
// prints the smallest peak resident set size it reached, in KiB (the least
// disturbed run): make bench compares it across input sizes.
//
//	go run ./bench/peakrss -runs 3 -- szsoft batch DIR -o jsonl
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"syscall"
)

func main() {
	runs := flag.Int("runs", 3, "how many times to run the command")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: peakrss [-runs N] -- command [args...]")
		os.Exit(2)
	}
	best := int64(-1)
	for range *runs {
		cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
		cmd.Stderr = os.Stderr
		if err := cmd.Run(); err != nil {
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
	fmt.Println(best)
}
