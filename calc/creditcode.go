package calc

import (
	"strconv"
	"strings"
)

// The 统一社会信用代码 (unified social credit code) of GB 32100-2015: 18
// characters of the alphabet below — digits and capitals without I, O,
// S, V, Z — whose last is a check character: with the values of the
// first 17 weighted 3^i mod 31 (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25,
// 13, 8, 24, 10, 30, 28), the check character's value is 31 − (sum mod
// 31), 31 counting as 0.
const creditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

var creditWeights = [17]int{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}

// ParseCreditCode reads a 统一社会信用代码: trimmed, full-width folded and
// upper-cased, 18 characters of its alphabet with the right check
// character. A wrong length names the length; a character outside the
// alphabet, its position; a wrong check character, the one expected.
func ParseCreditCode(s string) (string, error) {
	code := strings.ToUpper(strings.ReplaceAll(Fold(s), " ", ""))
	bad := func(c Code, kv ...any) (string, error) {
		return "", &ValueError{Value: Shorten(s), Code: c, Args: ArgsOf(kv...), Hint: HintCreditCode}
	}
	if n := len([]rune(code)); n != 18 {
		return bad(ErrCreditLength, "n", n)
	}
	sum := 0
	for i, r := range code {
		v := strings.IndexRune(creditAlphabet, r)
		if v < 0 {
			return bad(ErrCreditChar, "pos", i+1, "char", strconv.Quote(string(r)))
		}
		if i < 17 {
			sum += v * creditWeights[i]
		}
	}
	want := creditAlphabet[(31-sum%31)%31]
	if code[17] != want {
		return bad(ErrCreditCheck, "got", string(code[17]), "want", string(want))
	}
	return code, nil
}
