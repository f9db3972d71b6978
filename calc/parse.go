package calc

import (
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

// Limits of what an amount may be (docs/contract.md §3).
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

func amountErr(s string, code Code, kv ...any) *ValueError {
	return &ValueError{Value: s, Code: code, Args: note(code, kv...).Args, Hint: HintAmount}
}

// Units of bare numbers: a number without 万, 亿 or 元 is in yuan, or in
// 万元 under --unit wan or a file's unit = "wan".
var (
	UnitYuan = one
	UnitWan  = wan
)

// ParseAmount reads an amount of yuan in any form of docs/contract.md:
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
		return decimal.Decimal{}, amountErr(shorten(raw), ErrTooLong, "max", maxAmountLen)
	}
	if s == "" {
		return decimal.Decimal{}, amountErr(raw, ErrEmpty)
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
		return decimal.Decimal{}, amountErr(raw, ErrUnits)
	}
	v, err := parseNumber(raw, s, true)
	if err != nil {
		return decimal.Decimal{}, err
	}
	v = v.Mul(unit)
	if v.GreaterThan(MaxAmount) {
		return decimal.Decimal{}, amountErr(raw, ErrAbove)
	}
	if !v.Equal(v.Round(2)) {
		return decimal.Decimal{}, amountErr(raw, ErrFen)
	}
	return v, nil
}

// ParseRate reads a rate: 0.3 or 30%. Rates lie between 0 and 1 (100%).
func ParseRate(s string) (decimal.Decimal, error) {
	raw := s
	s = strings.TrimSpace(s)
	if len(s) > maxRateLen {
		return decimal.Decimal{}, &ValueError{Value: shorten(raw), Code: ErrRateTooLong, Args: Args{"max": maxRateLen}, Hint: HintRate}
	}
	if s == "" {
		return decimal.Decimal{}, &ValueError{Value: raw, Code: ErrRateEmpty, Hint: HintRate}
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
		err.(*ValueError).Hint = HintRate
		return decimal.Decimal{}, err
	}
	if percent {
		v = v.Div(hundred)
	}
	if v.GreaterThan(one) {
		ve := &ValueError{Value: raw, Code: ErrRateAbove, Hint: HintRate}
		if !percent {
			ve.Hint, ve.HintArgs = HintRateShare, Args{"percent": raw + "%", "share": v.Div(hundred).String()}
		}
		return decimal.Decimal{}, ve
	}
	return v, nil
}

// parseNumber reads digits with optional thousands separators (',' or '_',
// in groups of three), an optional fraction and, where exp allows it, an
// exponent. The sign is refused: amounts and rates are never negative.
func parseNumber(raw, s string, exp bool) (decimal.Decimal, error) {
	bad := func(code Code, kv ...any) (decimal.Decimal, error) {
		return decimal.Decimal{}, amountErr(raw, code, kv...)
	}
	if s == "" {
		return bad(ErrNoNumber)
	}
	switch l := strings.ToLower(s); {
	case strings.HasPrefix(s, "-"):
		return bad(ErrNegative)
	case strings.HasPrefix(s, "+"):
		return bad(ErrSign)
	case strings.Contains(l, "nan"), strings.Contains(l, "inf"):
		return bad(ErrNotNumber)
	case strings.HasPrefix(l, "0x"), strings.HasPrefix(l, "0b"), strings.HasPrefix(l, "0o"):
		return bad(ErrRadix)
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
				return bad(ErrMixedSep)
			}
			if group == 0 || (groups && group != 3) || (!groups && group > 3) {
				return bad(ErrGroups)
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
			return bad(ErrNotNumber)
		}
	}
	if groups && group != 3 {
		return bad(ErrGroups)
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
			return bad(ErrPoint)
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
			return bad(ErrExponent)
		}
		if neg {
			shift = -shift
		}
		if shift > maxExponent || shift < -maxExponent {
			return bad(ErrExpRange, "max", maxExponent)
		}
	}
	if i < len(s) {
		return bad(ErrTrailing, "rest", strconv.Quote(s[i:]))
	}
	v, err := decimal.NewFromString(digits.String())
	if err != nil {
		return bad(ErrNotNumber)
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

// ParseDate reads a date written YYYY-MM-DD; impossible days such as
// 2026-02-30 are refused.
func ParseDate(s string) (Date, error) {
	t := strings.TrimSpace(s)
	d, err := time.Parse("2006-01-02", t)
	if err == nil && len(t) == len("2006-01-02") {
		return DateOf(d), nil
	}
	code := ErrNotDate
	if pe, ok := err.(*time.ParseError); ok && strings.HasSuffix(pe.Message, "out of range") {
		code = ErrNoSuchDay
	}
	return Date{}, &ValueError{Value: shorten(s), Code: code, Hint: HintDate}
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}
