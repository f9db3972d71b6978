package calc

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Yuan formats an amount with exactly two decimals and no separators, as
// JSON and CSV carry it: "10000000.00".
func Yuan(d decimal.Decimal) string { return string(AppendYuan(nil, d)) }

// AppendYuan appends Yuan(d) to b. Amounts in whole fen that fit in an int64
// (every amount up to 10^15 yuan) take a fast path without big integers;
// others, and those with finer digits, are rounded half-up by decimal.
func AppendYuan(b []byte, d decimal.Decimal) []byte {
	if f, ok := fen(d); ok {
		if f < 0 {
			b = append(b, '-')
			f = -f
		}
		b = strconv.AppendInt(b, f/100, 10)
		return append(b, '.', byte('0'+f%100/10), byte('0'+f%10))
	}
	return append(b, d.StringFixed(2)...)
}

// fen returns d in fen (0.01 yuan) when that is exact and fits.
func fen(d decimal.Decimal) (int64, bool) {
	exp := d.Exponent()
	if exp < -2 || d.NumDigits()+int(exp)+2 > 18 {
		return 0, false // finer than a fen, or too large for an int64 of fen
	}
	f := d.CoefficientInt64()
	for i := exp + 2; i > 0; i-- {
		f *= 10
	}
	return f, true
}
