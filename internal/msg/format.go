package msg

import (
	"strings"

	"github.com/shopspring/decimal"

	"szsoft/calc"
)

// FormatYuan formats an amount with thousands separators and two decimals:
// "10,000,000.00".
func FormatYuan(d decimal.Decimal) string { return group(calc.Yuan(d)) }

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

// RateSpan shows the rates of an item, the way a reader of the language
// writes a range: "0-50%", "20%-40%"; in Chinese with the policy's own dash,
// "0－50%", "20%－40%".
func (p Printer) RateSpan(low, high decimal.Decimal) string {
	dash := "-"
	if p.Zh() {
		dash = "－"
	}
	if low.IsZero() {
		return "0" + dash + Percent(high)
	}
	return Percent(low) + dash + Percent(high)
}

// AtLeast shows a floor rate: "≥50%".
func AtLeast(r decimal.Decimal) string { return "≥" + Percent(r) }
