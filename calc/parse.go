package calc

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// ValueError is an input value that cannot be used: an amount, a rate, a
// date or a choice. Field names the flag or key when the caller knows it.
type ValueError struct {
	Measure string // the measure whose input it is; "" for the 附则 inputs
	Field   string // flag name, without dashes; may be empty
	Value   string // the value as given
	Msg     string
	Hint    string
}

func (e *ValueError) Error() string {
	if e.Value == "" {
		return e.Msg
	}
	return fmt.Sprintf("%q: %s", e.Value, e.Msg)
}

// Limits of what an amount may be (SPEC section 3).
var (
	// MaxAmount is the largest amount accepted: 10^15 yuan.
	MaxAmount = decimal.New(1, 15)
	wan       = decimal.New(1, 4)
	yi        = decimal.New(1, 8)
	hundred   = decimal.New(1, 2)
	one       = decimal.New(1, 0)
)

const (
	maxAmountLen = 64 // bytes; "50,000,000,000,000.00元" is 23
	maxRateLen   = 32
	maxExponent  = 30
)

const amountHint = "amounts look like 50000000, 5e7, 50,000,000, 50_000_000, 5000万, 0.5亿 or 1.5亿元"

func amountErr(s, format string, args ...any) *ValueError {
	return &ValueError{Value: s, Msg: fmt.Sprintf(format, args...), Hint: amountHint}
}

// Units of bare numbers: a number without 万, 亿 or 元 is in yuan, or in
// 万元 under --unit wan or a file's unit = "wan".
var (
	UnitYuan = one
	UnitWan  = wan
)

// ParseAmount reads an amount of yuan in any form of SPEC section 3:
// 50000000, 5e7, 5E7, 50,000,000, 50_000_000, 5000万, 5000万元, 0.5亿,
// 1.5亿元, 100元. Negative numbers, NaN, infinities, empty strings, trailing
// garbage, several units, more than two decimals of a yuan and amounts above
// 10^15 are refused. The work is bounded by the length of the input, so a
// hostile value costs nothing.
func ParseAmount(s string) (decimal.Decimal, error) { return ParseAmountIn(s, UnitYuan) }

// ParseAmountIn reads an amount whose bare number is in unit (UnitYuan or
// UnitWan);
// a suffix (万, 亿, 元) always wins.
func ParseAmountIn(s string, bare decimal.Decimal) (decimal.Decimal, error) {
	raw := s
	s = strings.TrimSpace(s)
	if len(s) > maxAmountLen {
		return decimal.Decimal{}, amountErr(shorten(raw), "too long to be an amount (more than %d characters)", maxAmountLen)
	}
	if s == "" {
		return decimal.Decimal{}, amountErr(raw, "an amount is empty")
	}
	unit := bare
	if t, ok := strings.CutSuffix(s, "元"); ok {
		s, unit = t, one
	}
	switch {
	case strings.HasSuffix(s, "万"):
		unit, s = wan, strings.TrimSuffix(s, "万")
	case strings.HasSuffix(s, "亿"):
		unit, s = yi, strings.TrimSuffix(s, "亿")
	}
	if strings.HasSuffix(s, "万") || strings.HasSuffix(s, "亿") || strings.HasSuffix(s, "元") {
		return decimal.Decimal{}, amountErr(raw, "more than one unit; write one of 万, 亿 or 元")
	}
	v, err := parseNumber(raw, s, true)
	if err != nil {
		return decimal.Decimal{}, err
	}
	v = v.Mul(unit)
	if v.GreaterThan(MaxAmount) {
		return decimal.Decimal{}, amountErr(raw, "above 10^15 yuan, the largest amount accepted")
	}
	if !v.Equal(v.Round(2)) {
		return decimal.Decimal{}, amountErr(raw, "finer than 0.01 yuan; amounts have at most two decimals of a yuan")
	}
	return v, nil
}

// ParseRate reads a rate: 0.3 or 30%. Rates lie between 0 and 1 (100%).
func ParseRate(s string) (decimal.Decimal, error) {
	raw := s
	s = strings.TrimSpace(s)
	hint := "rates look like 0.3 or 30%"
	if len(s) > maxRateLen {
		return decimal.Decimal{}, &ValueError{Value: shorten(raw), Msg: fmt.Sprintf("too long to be a rate (more than %d characters)", maxRateLen), Hint: hint}
	}
	if s == "" {
		return decimal.Decimal{}, &ValueError{Value: raw, Msg: "a rate is empty", Hint: hint}
	}
	percent := false
	for _, p := range []string{"%", "％"} {
		if strings.HasSuffix(s, p) {
			s, percent = strings.TrimSuffix(s, p), true
			break
		}
	}
	v, err := parseNumber(raw, s, true)
	if err != nil {
		err.(*ValueError).Hint = hint
		return decimal.Decimal{}, err
	}
	if percent {
		v = v.Div(hundred)
	}
	if v.GreaterThan(one) {
		if !percent {
			hint = fmt.Sprintf("a rate is a share of 1: write %s%% or %s", raw, v.Div(hundred))
		}
		return decimal.Decimal{}, &ValueError{Value: raw, Msg: "a rate above 100%", Hint: hint}
	}
	return v, nil
}

// parseNumber reads digits with optional thousands separators (',' or '_',
// in groups of three), an optional fraction and, where exp allows it, an
// exponent. The sign is refused: amounts and rates are never negative.
func parseNumber(raw, s string, exp bool) (decimal.Decimal, error) {
	bad := func(format string, args ...any) (decimal.Decimal, error) {
		return decimal.Decimal{}, amountErr(raw, format, args...)
	}
	if s == "" {
		return bad("a number is missing before the unit")
	}
	switch l := strings.ToLower(s); {
	case strings.HasPrefix(s, "-"):
		return bad("negative; amounts and rates are never below 0")
	case strings.HasPrefix(s, "+"):
		return bad("a sign is not part of an amount or rate")
	case strings.Contains(l, "nan"), strings.Contains(l, "inf"):
		return bad("not a number")
	case strings.HasPrefix(l, "0x"), strings.HasPrefix(l, "0b"), strings.HasPrefix(l, "0o"):
		return bad("hexadecimal, octal and binary numbers are not accepted")
	}

	var digits strings.Builder
	digits.Grow(len(s))
	i := 0
	// Integer part, with optional separators in groups of three.
	sep := byte(0)
	group := 0      // digits since the last separator
	groups := false // a separator was seen
	start := i
	for i < len(s) {
		c := s[i]
		if c >= '0' && c <= '9' {
			digits.WriteByte(c)
			group++
			i++
			continue
		}
		if c == ',' || c == '_' {
			if sep != 0 && c != sep {
				return bad("mixes ',' and '_' as separators")
			}
			if group == 0 || (groups && group != 3) || (!groups && group > 3) {
				return bad("separators must part the digits in groups of three, as in 50,000,000")
			}
			sep, groups, group = c, true, 0
			i++
			continue
		}
		break
	}
	if i == start {
		if i < len(s) && s[i] == '.' {
			digits.WriteByte('0')
		} else {
			return bad("not a number")
		}
	}
	if groups && group != 3 {
		return bad("separators must part the digits in groups of three, as in 50,000,000")
	}
	if i < len(s) && s[i] == '.' {
		i++
		digits.WriteByte('.')
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			digits.WriteByte(s[i])
			i++
			n++
		}
		if n == 0 && i == len(s) && i > 1 && s[i-2] >= '0' && s[i-2] <= '9' {
			digits.WriteByte('0') // "5." is 5
		} else if n == 0 {
			return bad("a decimal point needs digits after it")
		}
	}
	shift := int64(0)
	if exp && i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		neg := false
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			neg = s[i] == '-'
			i++
		}
		n := 0
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if shift < 1000 {
				shift = shift*10 + int64(s[i]-'0')
			}
			i++
			n++
		}
		if n == 0 {
			return bad("an exponent needs digits, as in 5e7")
		}
		if neg {
			shift = -shift
		}
		if shift > maxExponent || shift < -maxExponent {
			return bad("exponent out of range (at most e%d)", maxExponent)
		}
	}
	if i < len(s) {
		return bad("unexpected %q after the number", s[i:])
	}
	v, err := decimal.NewFromString(digits.String())
	if err != nil {
		return bad("not a number")
	}
	return v.Shift(int32(shift)), nil
}

func shorten(s string) string {
	if len(s) <= 40 {
		return s
	}
	r := []rune(s)
	if len(r) > 20 {
		r = r[:20]
	}
	return string(r) + "…"
}

// Date is a calendar day.
type Date struct {
	Year, Month, Day int
}

// ParseDate reads a date written YYYY-MM-DD; impossible days such as
// 2026-02-30 are refused.
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(s)
	d, err := time.Parse("2006-01-02", t)
	if err == nil && len(t) == len("2006-01-02") {
		return DateOf(d), nil
	}
	msg := "not a date"
	if pe, ok := err.(*time.ParseError); ok && strings.HasSuffix(pe.Message, "out of range") {
		msg = "no such day in the calendar"
	}
	return Date{}, &ValueError{Value: shorten(s), Msg: msg, Hint: "dates are written YYYY-MM-DD, e.g. 2026-03-01"}
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	return Date{t.Year(), int(t.Month()), t.Day()}
}

func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

func (d Date) ordinal() int { return d.Year*10000 + d.Month*100 + d.Day }

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.ordinal() < e.ordinal() }

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }
