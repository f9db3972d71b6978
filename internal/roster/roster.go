// Package roster reads a consultant's roster: a CSV file or the first sheet
// of an xlsx workbook, one project per row under a header row (SPEC §9,
// docs/contract.md §9). It knows spreadsheets, not projects: it hands
// over every cell as the text Excel shows for it (a number to 15
// significant digits, a date-formatted serial as its date, a boolean as
// TRUE or FALSE) with its place, row after row, without holding the rows;
// internal/project reads the projects out of them.
//
// A workbook is read with the standard library (archive/zip and
// encoding/xml) as a stream: the shared strings and styles whole, the
// sheet a row at a time. Every part is read through a limit, so that a
// small file cannot unpack into gigabytes.
package roster

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"szsoft/calc"
)

// MaxSize is the largest roster read: 64 MiB, some 400,000 rows of a
// CSV. A workbook's parts are limited to MaxPart each, unpacked.
const (
	MaxSize = 64 << 20
	MaxPart = 128 << 20
	// MaxColumns is Excel's: A to XFD.
	MaxColumns = 16384
)

// The limits of a workbook (variables, lowered by tests): a part unpacks
// to at most maxPart bytes, all the parts read to maxBook; no run of text
// or tag is longer than maxRun bytes; at most maxStrings shared strings
// and maxStyles cell styles (Excel's own limit is 64,000); a cell's text
// is at most Excel's 32,767 characters.
var (
	maxPart    int64 = MaxPart
	maxBook    int64 = MaxPart
	maxRun           = 1 << 18
	maxStrings       = 1 << 20
	maxStyles        = 1 << 16
)

const (
	maxCell = 32767
	// MaxRows is the most rows a roster is read to: a consultant's roster
	// holds hundreds; the batch table keeps a row of text per project, and
	// a million short rows of a 12 MB CSV took 3 GB of it.
	MaxRows = 100000
)

// Cell is a cell with something in it.
type Cell struct {
	Col  int    // from 0: A is 0
	Text string // as Excel shows it
}

// Row is a row with at least one cell not empty, or a row the roster
// writes wrongly (Err), which costs that row only.
type Row struct {
	Num   int    // from 1, as Excel numbers rows: the header is row 1
	Cells []Cell // the cells not empty, left to right
	Err   *Error // what is wrong with the row, or nil
}

// Sheet is an open roster.
type Sheet struct {
	Name string // the sheet's name; "" for a CSV
	// DecimalComma: a CSV separated by semicolons, as Excel writes where
	// the decimal mark is a comma (1,5 is one and a half there).
	DecimalComma bool
	Header       Row // the first row, empty cells left out
	// Merged are the merged ranges that touch the header row (A1:C1).
	Merged []string
	next   func() (Row, error)
}

// Error is what is wrong with a roster as a whole, or at one row (Row > 0).
type Error struct {
	Row int
	Msg calc.Note
}

func (e *Error) Error() string { return string(e.Msg.Code) }

// The codes of the errors; internal/msg has their words.
const (
	ErrTooLarge       calc.Code = "roster.toolarge"    // max
	ErrNotWorkbook    calc.Code = "roster.notworkbook" // detail
	ErrNoSheet        calc.Code = "roster.nosheet"     //
	ErrPart           calc.Code = "roster.part"        // part, detail
	ErrPartLarge      calc.Code = "roster.part.large"  // part
	ErrCSV            calc.Code = "roster.csv"         // detail
	ErrUTF16          calc.Code = "roster.utf16"       //
	ErrEmpty          calc.Code = "roster.empty"       //
	ErrCellRef        calc.Code = "roster.cellref"     // ref
	ErrOld            calc.Code = "roster.xls"         //
	ErrPartRun        calc.Code = "roster.part.run"    // part
	ErrTooMany        calc.Code = "roster.toomany"     // .strings, .styles, .formats: part, max
	ErrCellLong       calc.Code = "roster.cell.long"   // ref, max
	ErrCellTwice      calc.Code = "roster.cell.twice"  // ref
	ErrRowRef         calc.Code = "roster.row.ref"     // ref
	ErrRowOrder       calc.Code = "roster.row.order"   // row, after
	ErrTooManyRows    calc.Code = "roster.rows"        // max
	ErrSharedString   calc.Code = "roster.sst"         // ref, index
	ErrBinaryCSV      calc.Code = "roster.binary"      //
	ErrZipCSV         calc.Code = "roster.zipcsv"      //
	ErrEncoding       calc.Code = "roster.encoding"    //
	ErrTooManyColumns calc.Code = "roster.columns"     // row, max
)

func fail(code calc.Code, kv ...any) error { return &Error{Msg: noteOf(code, kv...)} }

func noteOf(code calc.Code, kv ...any) calc.Note {
	return calc.Note{Code: code, Args: calc.ArgsOf(kv...)}
}

// IsRoster reports whether a file is read as a roster: by its extension,
// .csv or .xlsx in any case.
func IsRoster(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".xlsx":
		return true
	}
	return false
}

// Open reads a roster from its bytes, by the extension of name. The header
// row is read; the rows follow with Next.
func Open(name string, data []byte) (*Sheet, error) {
	if len(data) > MaxSize {
		return nil, fail(ErrTooLarge, "max", "64 MiB")
	}
	var s *Sheet
	var err error
	if strings.EqualFold(filepath.Ext(name), ".xlsx") {
		s, err = openXLSX(data)
	} else {
		s, err = openCSV(data)
	}
	if err != nil {
		return nil, err
	}
	row, err := s.next()
	if err == io.EOF {
		return nil, fail(ErrEmpty)
	}
	if err != nil {
		return nil, err
	}
	if row.Num == 1 {
		if row.Err != nil {
			return nil, row.Err // no header, no roster
		}
		s.Header = row
		return s, nil
	}
	// The first row is empty: no header.
	s.Header = Row{Num: 1}
	s.pushBack(row)
	return s, nil
}

// pushBack makes row the next row Next returns.
func (s *Sheet) pushBack(row Row) {
	next := s.next
	done := false
	s.next = func() (Row, error) {
		if !done {
			done = true
			return row, nil
		}
		return next()
	}
}

// Next returns the next row with something in it, or io.EOF after the
// last. An error at a row (malformed CSV) ends the roster.
func (s *Sheet) Next() (Row, error) { return s.next() }

// Ref names a cell as Excel does: C7, or Sheet1!C7 in a workbook (the
// sheet's name quoted when it has to be: '客户 名单'!C7).
func (s *Sheet) Ref(col, row int) string {
	ref := ColumnName(col) + strconv.Itoa(row)
	if s.Name == "" {
		return ref
	}
	name := s.Name
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31]) + "…" // past Excel's 31 characters: not its own
	}
	if strings.ContainsAny(name, " !'-()&,;") {
		name = "'" + strings.ReplaceAll(name, "'", "''") + "'"
	}
	return name + "!" + ref
}

// ColumnName is the letters of a column: 0 is A, 26 is AA.
func ColumnName(col int) string {
	var b []byte
	for col++; col > 0; col = (col - 1) / 26 {
		b = append([]byte{byte('A' + (col-1)%26)}, b...)
	}
	return string(b)
}

// FromGB18030 reads text that is not UTF-8 as GB18030 (GBK's successor:
// what Chinese Windows' Notepad calls "ANSI" and Chinese Excel's plain CSV
// writes), as UTF-8; ok is false when it is not GB18030 either.
func FromGB18030(data []byte) ([]byte, bool) {
	text, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.Contains(text, []byte("\uFFFD")) {
		return nil, false
	}
	return text, true
}

// openCSV reads a CSV saved by Excel, LibreOffice or a program: UTF-8 with
// or without a byte-order mark, or GB18030 (Chinese Excel's plain "CSV")
// when it is not valid UTF-8; the separator is the one the header row uses
// most of comma, semicolon and tab (Excel writes semicolons where the
// decimal mark is a comma).
func openCSV(data []byte) (*Sheet, error) {
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return nil, fail(ErrUTF16)
	}
	if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		return nil, fail(ErrZipCSV) // a workbook named .csv
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, fail(ErrBinaryCSV) // UTF-16 without its mark, or not text
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		text, ok := FromGB18030(data)
		if !ok {
			// Neither UTF-8 nor GB18030: bytes would be guessed at.
			return nil, fail(ErrEncoding)
		}
		data = text
	}
	// An old Mac's CSV ends its lines with CR alone: read as lines, not
	// as one header row.
	if bytes.IndexByte(data, '\n') < 0 && bytes.IndexByte(data, '\r') >= 0 {
		data = bytes.ReplaceAll(data, []byte{'\r'}, []byte{'\n'})
	}
	sep := separator(data)
	// More columns than Excel's 16,384 in a record: refused before the
	// reader holds them (a line of 60 million commas took 5.6 GB).
	if row, n := widest(data, byte(sep)); n > MaxColumns {
		return nil, fail(ErrTooManyColumns, "row", row, "max", MaxColumns)
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.Comma = sep
	s := &Sheet{DecimalComma: r.Comma == ';'}
	r.ReuseRecord = true
	// A quote inside a cell not quoted (ACME 3.5" Disk) is a character,
	// as Excel reads it.
	r.LazyQuotes = true
	// Excel shows a blank line as an empty row, and a quoted cell's line
	// breaks inside its row; the reader skips blank lines, so the row is
	// counted from the lines between records.
	num, endLine := 0, 0
	s.next = func() (Row, error) {
		for {
			rec, err := r.Read()
			if err == io.EOF {
				return Row{}, io.EOF
			}
			if err != nil {
				// The reader goes on after a malformed record: the error
				// is its row's.
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					num = max(num+1, pe.StartLine-endLine+num)
					endLine = pe.Line
					return Row{Num: num, Err: &Error{Row: num, Msg: calc.Note{Code: ErrCSV, Args: calc.ArgsOf("detail", pe.Err.Error())}}}, nil
				}
				return Row{}, fail(ErrCSV, "detail", err.Error())
			}
			start, _ := r.FieldPos(0)
			num += max(start-endLine, 1)
			last, _ := r.FieldPos(len(rec) - 1)
			endLine = last + strings.Count(rec[len(rec)-1], "\n")
			if num > MaxRows {
				return Row{}, &Error{Row: num, Msg: noteOf(ErrTooManyRows, "max", MaxRows)}
			}
			row := Row{Num: num}
			for i, f := range rec {
				if f = strings.TrimSpace(f); f == "" {
					continue
				}
				if i >= MaxColumns {
					row.Err = &Error{Row: num, Msg: noteOf(ErrCellRef, "ref", ColumnName(i)+strconv.Itoa(num))}
					break
				}
				if len(f) > maxCell && utf8.RuneCountInString(f) > maxCell {
					row.Err = &Error{Row: num, Msg: noteOf(ErrCellLong, "ref", ColumnName(i)+strconv.Itoa(num), "max", maxCell)}
					break
				}
				row.Cells = append(row.Cells, Cell{Col: i, Text: f})
			}
			if row.Err != nil {
				row.Cells = nil
				return row, nil
			}
			if len(row.Cells) > 0 {
				return row, nil
			}
		}
	}
	return s, nil
}

// separator is the separator of the first line: the most frequent of
// comma, semicolon and tab outside quotes; a comma when none is there.
// widest is the record with the most fields, as its line number and its
// count: separators outside quotes, records ended by line breaks outside
// quotes. It stops counting past MaxColumns.
func widest(data []byte, sep byte) (row, fields int) {
	quoted := false
	line, n := 1, 1
	for _, c := range data {
		switch {
		case c == '"':
			quoted = !quoted
		case c == '\n':
			if !quoted {
				if n > fields {
					row, fields = line, n
				}
				n = 1
			}
			line++
		case c == sep && !quoted:
			n++
			if n > MaxColumns {
				return line, n
			}
		}
	}
	if n > fields {
		row, fields = line, n
	}
	return row, fields
}

func separator(data []byte) rune {
	var counts [256]int
	quoted := false
	for _, c := range data {
		if c == '"' {
			quoted = !quoted
		}
		if quoted {
			continue
		}
		if c == '\n' {
			break
		}
		counts[c]++
	}
	best := byte(',')
	for _, c := range []byte{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return rune(best)
}
