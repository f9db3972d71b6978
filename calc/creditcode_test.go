package calc

import (
	"errors"
	"fmt"
	"testing"
)

// The check character of GB 32100-2015 on real codes: 腾讯科技（深圳）有限公司
// 9144030071526726XG and 华为技术有限公司 914403001922038216, both as their
// business licences print them. Worked for Huawei: the first 17 characters'
// values 9,1,4,4,0,3,0,0,1,9,2,2,0,3,8,2,1 weighted 1,3,9,27,19,26,16,17,
// 20,29,25,13,8,24,10,30,28 sum to 9+3+36+108+0+78+0+0+20+261+50+26+0+72+
// 80+60+28 = 831; 831 mod 31 = 25; 31 − 25 = 6: the check character 6.
func TestCreditCode(t *testing.T) {
	for _, c := range []struct {
		in, want string
		code     Code
		args     string // an argument of the error: the expected character, the position
	}{
		{"9144030071526726XG", "9144030071526726XG", "", ""},
		{"914403001922038216", "914403001922038216", "", ""},
		// Lower case, full-width and spaced as typed: folded, then checked.
		{" 9144030071526726xg ", "9144030071526726XG", "", ""},
		{"９１４４０３００１９２２０３８２１６", "914403001922038216", "", ""},
		// One character changed: the check character expected is named.
		{"914403001922038217", "", ErrCreditCheck, "6"},
		{"914403001922038316", "", ErrCreditCheck, ""},
		// A wrong length, a letter outside the alphabet (I, O, S, V, Z).
		{"91440300192203821", "", ErrCreditLength, "17"},
		{"9144030019220382160", "", ErrCreditLength, "19"},
		{"9144030019220382I6", "", ErrCreditChar, "17"},
	} {
		got, err := ParseCreditCode(c.in)
		var ve *ValueError
		switch {
		case c.code == "" && (err != nil || got != c.want):
			t.Errorf("%q: %q, %v; want %q", c.in, got, err, c.want)
		case c.code != "" && !errors.As(err, &ve):
			t.Errorf("%q: %q, %v; want %s", c.in, got, err, c.code)
		case c.code != "" && ve.Code != c.code:
			t.Errorf("%q: %s, want %s", c.in, ve.Code, c.code)
		case c.code == ErrCreditCheck && c.args != "" && fmt.Sprint(ve.Args.Get("want")) != c.args:
			t.Errorf("%q: expects %q, want %q", c.in, ve.Args.Get("want"), c.args)
		case c.code == ErrCreditLength && fmt.Sprint(ve.Args.Get("n")) != c.args:
			t.Errorf("%q: length %q, want %s", c.in, ve.Args.Get("n"), c.args)
		case c.code == ErrCreditChar && fmt.Sprint(ve.Args.Get("pos")) != c.args:
			t.Errorf("%q: position %q, want %s", c.in, ve.Args.Get("pos"), c.args)
		}
	}
}
