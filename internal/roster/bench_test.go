package roster

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/xuri/excelize/v2"
)

// benchBook is a workbook of 10,000 rows of 20 columns, numbers and text.
func benchBook(b *testing.B) []byte {
	rows := [][]Value{}
	header := []Value{}
	for c := range 20 {
		header = append(header, Value{Text: fmt.Sprintf("col%d", c)})
	}
	rows = append(rows, header)
	for r := range 10000 {
		row := []Value{}
		for c := range 20 {
			if c%3 == 0 {
				row = append(row, Value{Text: fmt.Sprintf("项目 %05d", r)})
			} else {
				row = append(row, Value{Text: fmt.Sprint(1e6 + r*c), Kind: Number})
			}
		}
		rows = append(rows, row)
	}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, "Sheet1", rows); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// How a roster's workbook is read: szsoft's stream of the sheet, against
// excelize's row iterator over the same workbook (make bench reports both).
func BenchmarkReadXLSX(b *testing.B) {
	data := benchBook(b)
	b.Run("szsoft", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			s, err := Open("r.xlsx", data)
			if err != nil {
				b.Fatal(err)
			}
			for {
				if _, err := s.Next(); err == io.EOF {
					break
				} else if err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("excelize", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			rows, err := f.Rows("Sheet1")
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
				if _, err := rows.Columns(); err != nil {
					b.Fatal(err)
				}
			}
			rows.Close()
			f.Close()
		}
	})
}
