package calc

import (
	"strconv"
	"strings"

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

// FormatYuan formats an amount with thousands separators and two decimals:
// "10,000,000.00".
func FormatYuan(d decimal.Decimal) string { return group(Yuan(d)) }

// FormatWan formats an amount in 万元 with thousands separators, exactly: two
// decimals, or up to six where the amount has them ("1,000.00",
// "1.234567").
func FormatWan(d decimal.Decimal) string {
	w := d.Shift(-4)
	s := w.StringFixed(6)
	s = strings.TrimRight(s, "0")
	if i := strings.IndexByte(s, '.'); len(s)-i-1 < 2 {
		s += strings.Repeat("0", 2-(len(s)-i-1))
	}
	return group(s)
}

// group puts thousands separators into the integer part of a fixed-point
// number.
func group(s string) string {
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// Percent formats a rate as a percentage without trailing zeros: 0.3 → "30%",
// 0.035 → "3.5%".
func Percent(r decimal.Decimal) string { return r.Shift(2).String() + "%" }
