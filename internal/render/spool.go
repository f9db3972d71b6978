package render

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"slices"
)

// A batch's document must be whole before its first byte is written: a
// table sized to its widest row, the 测算书's summary before its pages, a
// workbook's column widths before its rows. What a form keeps until End is
// a spool of records — a row's cells — written to a scratch file the face
// gives (Options.Scratch), so that memory stays flat however many
// projects a batch holds, and read back in order at End.

// Scratch is where a form keeps its records: written, then read back once
// from the start, then closed (and gone).
type Scratch interface {
	io.Writer
	// Rewind ends the writing and returns a reader from the start.
	Rewind() (io.Reader, error)
	Close() error
}

// memScratch is a Scratch in memory: the default, and calc's (one
// project).
type memScratch struct{ bytes.Buffer }

func (m *memScratch) Rewind() (io.Reader, error) { return bytes.NewReader(m.Bytes()), nil }
func (m *memScratch) Close() error               { m.Reset(); return nil }

// spool is a sequence of records, each a list of strings.
type spool struct {
	open func() (Scratch, error)
	s    Scratch
	w    *bufio.Writer
	buf  []byte
	n    int // records
}

func newSpool(o Options) *spool { return &spool{open: o.Scratch} }

// add appends a record.
func (s *spool) add(fields ...string) error {
	if s.s == nil {
		if s.open != nil {
			sc, err := s.open()
			if err != nil {
				return err
			}
			s.s = sc
		} else {
			s.s = &memScratch{}
		}
		s.w = bufio.NewWriterSize(s.s, 64<<10)
	}
	b := binary.AppendUvarint(s.buf[:0], uint64(len(fields)))
	for _, f := range fields {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
	}
	s.buf = b
	s.n++
	_, err := s.w.Write(b)
	return err
}

// each calls fn with every record in order; the record is fn's to keep.
func (s *spool) each(fn func([]string) error) error {
	return s.eachBytes(func(fields [][]byte) error {
		rec := make([]string, len(fields))
		for i, f := range fields {
			rec[i] = string(f)
		}
		return fn(rec)
	})
}

// eachBytes calls fn with every record in order, its fields in a buffer
// reused from record to record (valid until fn returns): reading back
// 137 MB of a 测算书's pages allocates next to nothing.
func (s *spool) eachBytes(fn func([][]byte) error) error {
	if s.s == nil {
		return nil
	}
	if err := s.w.Flush(); err != nil {
		return err
	}
	r, err := s.s.Rewind()
	if err != nil {
		return err
	}
	br := bufio.NewReaderSize(r, 64<<10)
	var buf []byte
	var fields [][]byte
	var ends []int
	for range s.n {
		k, err := binary.ReadUvarint(br)
		if err != nil {
			return errSpool(err)
		}
		buf, ends = buf[:0], ends[:0]
		for range k {
			l, err := binary.ReadUvarint(br)
			if err != nil {
				return errSpool(err)
			}
			start := len(buf)
			buf = slices.Grow(buf, int(l))[:start+int(l)]
			if _, err := io.ReadFull(br, buf[start:]); err != nil {
				return errSpool(err)
			}
			ends = append(ends, len(buf))
		}
		fields = fields[:0]
		start := 0
		for _, e := range ends {
			fields = append(fields, buf[start:e])
			start = e
		}
		if err := fn(fields); err != nil {
			return err
		}
	}
	return nil
}

// close lets the scratch go.
func (s *spool) close() {
	if s.s != nil {
		s.s.Close()
		s.s = nil
	}
}

func errSpool(err error) error {
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return errors.Join(errors.New("reading back the document's rows"), err)
}
