package render

import (
	"io"

	"github.com/shopspring/decimal"

	"szsoft/calc"
)

// totalForm writes only the municipal total: of the project, or in batch
// the sum over the files computed.
type totalForm struct {
	w   io.Writer
	o   Options
	sum decimal.Decimal
}

func (f *totalForm) Begin() error { return nil }

func (f *totalForm) Add(r *Report, _ []byte) error {
	if !f.o.Many {
		_, err := io.WriteString(f.w, calc.Yuan(r.Result.Total)+"\n")
		return err
	}
	f.sum = f.sum.Add(r.Result.Total)
	return nil
}

func (f *totalForm) Fail(Failure) error { return nil }

func (f *totalForm) End() error {
	if !f.o.Many {
		return nil
	}
	_, err := io.WriteString(f.w, calc.Yuan(f.sum)+"\n")
	return err
}
