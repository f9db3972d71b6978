package main

import (
	"sync"

	"szsoft/internal/render"
)

// The ordered pipeline of calc and batch: entries stream in; workers compute
// them (and render them, for a form whose results render independently) in
// any order; emit sees the outcomes in the order of the entries. At most a
// window of entries is between the reader of entries and emit, so memory
// stays flat however many there are. calc is a batch of one.

// entry is one record: a file to compute, or something that could not be
// read in its place (a directory, a name list, a FIFO), which becomes an
// error record there.
type entry struct {
	name string
	err  error
	row  *rosterRow // a roster's row, read by the worker; nil for a file
	// walked: found in a directory, not named (an edition file there is
	// passed over, with a warning).
	walked bool
}

// outcome is what became of one entry.
type outcome struct {
	index   int
	name    string
	book    string // a roster's row: the roster
	project string // a failed roster row's project name, for the record
	rep     *render.Report
	chunk   []byte // the result rendered on a worker, for a render.Chunker
	err     error
	// edition: a file found in a directory that is an edition file, not a
	// project: no record, a warning.
	edition bool
}

// pipeline computes the entries with jobs workers and emits the outcomes
// in order. It stops at the first error emit returns, and returns it.
func (a *app) pipeline(entries <-chan entry, jobs int, form render.Form, compute func(entry) outcome, emit func(outcome) error) error {
	chunker, _ := form.(render.Chunker)
	window := jobs * 32
	slots := make(chan struct{}, window)
	type job struct {
		index int
		entry
	}
	work := make(chan job, jobs)
	done := make(chan outcome, window)
	var wg sync.WaitGroup
	for range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range work {
				o := outcome{name: j.name, err: j.err}
				if j.err == nil {
					o = compute(j.entry)
				}
				if o.err == nil && chunker != nil {
					o.chunk, o.err = chunker.Chunk(o.rep)
				}
				o.index = j.index
				done <- o
			}
		}()
	}
	issued := make(chan int, 1)
	go func() {
		n := 0
		for e := range entries {
			slots <- struct{}{}
			work <- job{n, e}
			n++
		}
		close(work)
		issued <- n
	}()
	go func() { wg.Wait(); close(done) }()

	pending := map[int]outcome{}
	next := 0
	for o := range done {
		pending[o.index] = o
		for {
			o, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			if err := emit(o); err != nil {
				go drain(done, slots, entries)
				return err
			}
			next++
			<-slots
		}
	}
	<-issued
	return nil
}

// drain lets the workers and the reader of entries finish after emit gave
// up (standard output closed, calc's one project failed).
func drain(done <-chan outcome, slots <-chan struct{}, entries <-chan entry) {
	go func() {
		for range entries {
		}
	}()
	for {
		select {
		case <-slots:
		case _, ok := <-done:
			if !ok {
				return
			}
		}
	}
}
