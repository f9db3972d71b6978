package main

import (
	"cmp"
	"encoding/json"
	"io"
	"slices"

	"szsoft/calc"
	"szsoft/internal/outfile"
	"szsoft/measures"
)

// The applicant view of a batch (docs/contract.md §11) lists every file
// under its applicant: each file's record is written to a scratch file as
// it comes, and only where each applicant's records are is kept, so that
// the batch's memory grows with its largest applicant, not its files.

// records is where the records are: written in order, read back by place.
type records interface {
	io.Writer
	io.ReaderAt
	Close() error
}

// collector keeps the batch's records for the view.
type collector struct {
	rec   records
	off   int64
	eds   map[string]*measures.Edition
	spans map[string][]span // by calc.ApplicantKey
	order []string
	codes calc.Codes
	err   error
}

type span struct {
	off int64
	n   int
}

func newCollector() *collector {
	c := &collector{eds: map[string]*measures.Edition{}, spans: map[string][]span{}}
	s, err := outfile.NewScratch()
	if err != nil {
		c.err = err
		return c
	}
	c.rec = s
	return c
}

// add keeps the record of a file that names an applicant.
func (c *collector) add(file string, r *calc.Result) {
	key := calc.ApplicantKey(r.Applicant, r.CreditCode)
	if key == "" || c.err != nil {
		return
	}
	f := calc.FileOf(file, r)
	f.Editions(c.eds)
	b, err := json.Marshal(f.Record())
	if err == nil {
		_, err = c.rec.Write(b)
	}
	if err != nil {
		c.err = err
		return
	}
	if _, ok := c.spans[key]; !ok {
		c.order = append(c.order, key)
	}
	c.spans[key] = append(c.spans[key], span{c.off, len(b)})
	c.off += int64(len(b))
	c.codes.Add(r.Applicant, r.CreditCode)
}

// each counts the applicants one at a time, in the order of their first
// file, and gives each to fn.
func (c *collector) each(reload func(file string) *calc.Result, fn func(*calc.Applicant) error) error {
	if c.err != nil {
		return c.err
	}
	// The groups by key joined as the codes join them, in order.
	var keys []string
	joined := map[string][]span{}
	for _, raw := range c.order {
		f, err := c.read(c.spans[raw][0])
		if err != nil {
			return err
		}
		into := c.codes.Key(f.Applicant, f.Code)
		if _, ok := joined[into]; !ok {
			keys = append(keys, into)
		}
		joined[into] = append(joined[into], c.spans[raw]...)
	}
	for _, key := range keys {
		sp := joined[key]
		slices.SortFunc(sp, func(a, b span) int { return cmp.Compare(a.off, b.off) })
		files := make([]calc.Filed, 0, len(sp))
		for _, s := range sp {
			f, err := c.read(s)
			if err != nil {
				return err
			}
			files = append(files, f)
		}
		for _, a := range calc.Group(files, reload, &c.codes) {
			if err := fn(a); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *collector) read(s span) (calc.Filed, error) {
	b := make([]byte, s.n)
	if _, err := c.rec.ReadAt(b, s.off); err != nil {
		return calc.Filed{}, err
	}
	var rec calc.FiledRecord
	if err := json.Unmarshal(b, &rec); err != nil {
		return calc.Filed{}, err
	}
	return calc.FromRecord(rec, c.eds)
}

func (c *collector) close() {
	if c.rec != nil {
		c.rec.Close()
	}
}
