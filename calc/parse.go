package calc

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

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

// units are the Chinese units an amount may end in, longest first: 5千万 is
// 5 × 10^7 yuan. Only one: 1000万亿 is refused, not multiplied.
var units = []struct {
	name  string
	value decimal.Decimal
}{
	{"千万", decimal.New(1, 7)}, {"百万", decimal.New(1, 6)}, {"十万", decimal.New(1, 5)},
	{"万", wan}, {"亿", yi}, {"千", decimal.New(1, 3)},
}

// Units of bare numbers: a number without 万, 亿 or 元 is in yuan, or in
// 万元 under --unit wan or a file's unit = "wan".
var (
	UnitYuan = one
	UnitWan  = wan
)

// ParseAmount reads an amount of yuan in any form of docs/contract.md:
// 50000000, 5e7, 5E7, 50,000,000, 50_000_000, 5000万, 5000万元, 0.5亿,
// 1.5亿元, 100元, 5千万, 3百万, 人民币5000万元整, and what Fold undoes. Negative numbers, NaN, infinities, empty strings, trailing
// garbage, several units, more than two decimals of a yuan and amounts above
// 10^15 are refused. The work is bounded by the length of the input, so a
// hostile value costs nothing.
func ParseAmount(s string) (decimal.Decimal, error) { return ParseAmountIn(s, UnitYuan) }

// ParseAmountIn reads an amount whose bare number is in unit (UnitYuan or
// UnitWan);
// a suffix (万, 亿, 元) always wins.
func ParseAmountIn(s string, bare decimal.Decimal) (decimal.Decimal, error) {
	v, err := parseAmount(s, bare)
	if err != nil {
		extraTail(s, err, func(t string) bool { _, err := parseAmount(t, bare); return err == nil })
	}
	return v, err
}

// extraTail names, in an error about what follows a number, the part of s
// that is too many as the user typed it: "5000万元。" has 。 too many, not
// 万元。, and "5000万（含税）" has （含税）, in the brackets typed. It is the
// shortest tail whose removal leaves a value ok accepts; s is at most a
// few dozen characters, so trying each is cheap.
func extraTail(s string, err error, ok func(string) bool) {
	ve, is := err.(*ValueError)
	if !is || ve.Code != ErrTrailing || len(s) > 4*maxAmountLen {
		return
	}
	t := strings.TrimRight(s, " \t")
	for i := len(t) - 1; i > 0; i-- {
		if !utf8.RuneStart(t[i]) {
			continue
		}
		if ok(t[:i]) {
			ve.Code, ve.Args = ErrTrailing, ArgsOf("rest", strconv.Quote(strings.TrimSpace(t[i:])))
			return
		}
	}
}

func parseAmount(s string, bare decimal.Decimal) (decimal.Decimal, error) {
	raw := s
	if len(s) > 4*maxAmountLen {
		return decimal.Decimal{}, amountErr(Shorten(raw), ErrTooLong, "max", maxAmountLen)
	}
	s = Fold(s)
	if len(s) > maxAmountLen {
		return decimal.Decimal{}, amountErr(Shorten(raw), ErrTooLong, "max", maxAmountLen)
	}
	if s == "" {
		return decimal.Decimal{}, amountErr(raw, ErrEmpty)
	}
	// A currency sign or word before the number and 整 after it, as a
	// Chinese document writes an amount: ¥5000万, ￥ 5,000.00, 人民币5000万元整.
	for _, prefix := range []string{"¥", "人民币"} {
		if t, ok := strings.CutPrefix(s, prefix); ok {
			s = strings.TrimLeft(t, " ")
			break
		}
	}
	s = strings.TrimRight(strings.TrimSuffix(s, "整"), " ")
	unit := bare
	if t, ok := strings.CutSuffix(s, "元"); ok {
		s, unit = strings.TrimRight(t, " "), one
	}
	chinese := false // 万, 亿, 千万, …: not with an exponent (5e7万)
	for _, u := range units {
		if t, ok := strings.CutSuffix(s, u.name); ok {
			s, unit, chinese = strings.TrimRight(t, " "), u.value, true
			break
		}
	}
	for _, u := range []string{"万", "亿", "元", "千", "百", "十"} {
		if strings.HasSuffix(s, u) {
			return decimal.Decimal{}, amountErr(raw, ErrUnits)
		}
	}
	v, err := parseNumber(raw, s, !chinese)
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
	v, err := parseRate(s)
	if err != nil {
		extraTail(s, err, func(t string) bool { _, err := parseRate(t); return err == nil })
	}
	return v, err
}

func parseRate(s string) (decimal.Decimal, error) {
	raw := s
	tooLong := &ValueError{Value: Shorten(raw), Code: ErrRateTooLong, Args: ArgsOf("max", maxRateLen), Hint: HintRate}
	if len(s) > 4*maxRateLen {
		return decimal.Decimal{}, tooLong
	}
	if s = Fold(s); len(s) > maxRateLen {
		return decimal.Decimal{}, tooLong
	}
	if s == "" {
		return decimal.Decimal{}, &ValueError{Value: raw, Code: ErrRateEmpty, Hint: HintRate}
	}
	percent := false
	if t, ok := strings.CutSuffix(s, "%"); ok {
		s, percent = strings.TrimRight(t, " "), true
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
			ve.Hint, ve.HintArgs = HintRateShare, ArgsOf("percent", raw+"%", "share", v.Div(hundred).String())
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
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') && (!exp || groups) {
		// 5e7万 multiplies two notations; 1,000e3 groups digits and
		// shifts them: both are more likely a slip than meant.
		return bad(ErrExpMixed)
	}
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

// Shorten cuts a value for a message: 40 bytes are shown whole, a longer
// value by its first 20 characters and "…".
func Shorten(s string) string {
	if len(s) <= 40 {
		return s
	}
	r := []rune(s)
	if len(r) > 20 {
		r = r[:20]
	}
	return string(r) + "…"
}

// ParseDate reads a date in any form of docs/contract.md §3: 2026-03-01,
// 2026/3/1, 2026.3.1, 2026年3月1日 (or 1号), 20260301 (full-width digits
// too; month and day with one digit or two). The year comes first, always four digits, so no
// form is ambiguous: 3/1/2026 is refused, not guessed. Impossible days such
// as 2026-02-30 are refused.
func ParseDate(s string) (Date, error) {
	bad := func(code Code) (Date, error) {
		return Date{}, &ValueError{Value: Shorten(s), Code: code, Hint: HintDate}
	}
	if len(s) > 64 {
		return bad(ErrNotDate)
	}
	t := Fold(s)
	var parts []string
	if y, rest, ok := strings.Cut(t, "年"); ok {
		m, rest, ok1 := strings.Cut(rest, "月")
		d, rest, ok2 := strings.Cut(strings.Replace(rest, "号", "日", 1), "日")
		if !ok1 || !ok2 || rest != "" {
			return bad(ErrNotDate)
		}
		parts = []string{strings.TrimSpace(y), strings.TrimSpace(m), strings.TrimSpace(d)}
	} else if len(t) == 8 && strings.Trim(t, "0123456789") == "" {
		parts = []string{t[:4], t[4:6], t[6:]} // 20260301, as systems write it
	} else {
		sep := strings.IndexAny(t, "-/.")
		if sep < 0 {
			return bad(ErrNotDate)
		}
		if parts = strings.Split(t, t[sep:sep+1]); len(parts) != 3 {
			return bad(ErrNotDate)
		}
	}
	n := [3]int{}
	for i, p := range parts {
		if p == "" || len(p) > 4 || (i == 0 && len(p) != 4) || (i > 0 && len(p) > 2) {
			return bad(ErrNotDate)
		}
		for _, c := range []byte(p) {
			if c < '0' || c > '9' {
				return bad(ErrNotDate)
			}
			n[i] = n[i]*10 + int(c-'0')
		}
	}
	if n[0] < 1900 {
		return bad(ErrYear) // 0026-03-01: a slip, not a day of the policy
	}
	if n[1] < 1 || n[1] > 12 || n[2] < 1 || n[2] > 31 {
		return bad(ErrNoSuchDay)
	}
	d := time.Date(n[0], time.Month(n[1]), n[2], 0, 0, 0, 0, time.UTC)
	if d.Day() != n[2] {
		return bad(ErrNoSuchDay)
	}
	return DateOf(d), nil
}

// Fold undoes what pasting from a Chinese document does to a number or a
// date: full-width digits, letters and signs (５０００万, ３０％, ，) become
// their ASCII forms, the ideographic and no-break spaces and the
// full-width yen sign become the plain ones, the invisible characters a
// paste brings along (zero-width space, word joiner, byte-order mark) go,
// and the ends are trimmed. Anything else is left as
// it is, for the parser to judge.
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E: // ！ … ～
			r -= 0xFF01 - '!'
		case r == 0x3000, r == 0xA0: // ideographic and no-break spaces
			r = ' '
		case r == 0xFFE5: // ￥
			r = '¥'
		case r == 0x200B, r == 0x2060, r == 0xFEFF:
			continue // zero-width space, word joiner, byte-order mark: invisible, pasted along
		}
		b.WriteRune(r)
	}
	return strings.TrimSpace(b.String())
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	return Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
}
