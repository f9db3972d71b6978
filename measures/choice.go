package measures

import "strings"

// Choices are matched the way a clerk types them: in any case (CMMI-5),
// with or without a separator or a trailing 级 (cmmi5, CMMI 5级), with
// full-width letters and digits, and by their Chinese names (国家, 国家级,
// 省级, 行业标准). Every match gives the value as szsoft writes it.

// Aliases are other names of a choice's values: value → names, the first
// of which is the one shown beside the value.
type Aliases map[string][]string

// Label returns the name shown beside value ("国家级" for national), or "".
func (a Aliases) Label(value string) string {
	if names := a[value]; len(names) > 0 {
		return names[0]
	}
	return ""
}

// MatchChoice returns the value of values that s names, directly or by one
// of its aliases, and whether there is one.
func MatchChoice(s string, values []string, aliases Aliases) (string, bool) {
	if len(s) > 64 {
		return "", false
	}
	for _, v := range values {
		if v == s {
			return v, true
		}
	}
	key := choiceKey(s)
	if key == "" {
		return "", false
	}
	for _, v := range values {
		if choiceKey(v) == key {
			return v, true
		}
		for _, a := range aliases[v] {
			if choiceKey(a) == key {
				return v, true
			}
		}
	}
	return "", false
}

// Match returns the value of the input's choices that s names.
func (in Input) Match(s string) (string, bool) { return MatchChoice(s, in.Values, in.Aliases) }

// Fold is what two spellings of one name have in common, as choices are
// matched (see choiceKey): a roster's headers are matched so.
func Fold(s string) string { return choiceKey(s) }

// choiceKey is what two spellings of one choice have in common: folded to
// ASCII where they are full-width, lower case, without spaces, hyphens,
// underscores and middle dots, Chinese numerals as digits, and without a
// trailing 级 (level): "CMMI 五级" and "cmmi-5" are both "cmmi5".
func choiceKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			r -= 0xFF01 - '!'
		case r == 0x3000:
			r = ' '
		}
		switch {
		case r == ' ', r == '-', r == '_', r == '·', r == '\t':
			continue
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		}
		switch r {
		case '一':
			r = '1'
		case '二':
			r = '2'
		case '三':
			r = '3'
		case '四':
			r = '4'
		case '五':
			r = '5'
		}
		b.WriteRune(r)
	}
	return strings.TrimSuffix(b.String(), "级")
}

// Units are the units a bare amount may be in, and their Chinese names.
var (
	Units     = []string{"yuan", "wan"}
	UnitNames = Aliases{"yuan": {"元"}, "wan": {"万元", "万"}}
)

// Unit returns the unit s names (yuan, 元, wan, 万元, 万), and whether it
// names one.
func Unit(s string) (string, bool) { return MatchChoice(s, Units, UnitNames) }
