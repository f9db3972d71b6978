package calc

import (
	"errors"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// docs/contract.md §3: every amount syntax.
func TestParseAmount(t *testing.T) {
	cases := map[string]string{
		"50000000":      "50000000",
		"5e7":           "50000000",
		"5E7":           "50000000",
		"5e+7":          "50000000",
		"50,000,000":    "50000000",
		"50_000_000":    "50000000",
		"5000万":         "50000000",
		"5000万元":        "50000000",
		"0.5亿":          "50000000",
		"1.5亿元":         "150000000",
		"100元":          "100",
		" 5e7 ":         "50000000",
		"12345678.91":   "12345678.91",
		"1,234,567.89":  "1234567.89",
		"0":             "0",
		"0.01":          "0.01",
		".5":            "0.5",
		"5.":            "5",
		"1.23456万":      "12345.6",
		"2.5e-1":        "0.25",
		"1000000000000": "1000000000000",
		"1e15":          "1000000000000000", // the largest amount accepted
		"1000万亿":        "",                 // several units
		"1,000.5万":      "10005000",
		// What a clerk pastes from a Chinese document (docs/contract.md §3):
		// full-width digits and signs, a space before the unit, a currency
		// sign in front. 5000万 = 5000 × 10,000 = 50,000,000.
		"５０００万":             "50000000",
		"５，０００万元":           "50000000",
		"5000 万":            "50000000",
		"5000 万元":           "50000000",
		"0.5 亿":             "50000000",
		"¥5000万":            "50000000",
		"￥5000万":            "50000000",
		"￥ 50,000,000":      "50000000",
		"¥1,234.56":         "1234.56",
		"１２３４．５６元":          "1234.56",
		"\u30005000万\u3000": "50000000",
		"5000万 元":           "50000000",
		"¥¥5000":            "", // one sign
		"5000¥":             "", // the sign goes in front
		"5 000万":            "", // a space inside the number is not a separator
		"－5000万":            "", // a full-width minus is a minus
	}
	for in, want := range cases {
		got, err := ParseAmount(in)
		if want == "" {
			if err == nil {
				t.Errorf("ParseAmount(%q) = %s, want an error", in, got)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseAmount(%q): %v", in, err)
			continue
		}
		if !got.Equal(dec(want)) {
			t.Errorf("ParseAmount(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestParseAmountRefuses(t *testing.T) {
	cases := map[string]Code{
		"-5":                              ErrNegative,
		"-0":                              ErrNegative,
		"+5":                              ErrSign,
		"NaN":                             ErrNotNumber,
		"nan":                             ErrNotNumber,
		"Inf":                             ErrNotNumber,
		"-Infinity":                       ErrNegative,
		"0x10":                            ErrRadix,
		"":                                ErrEmpty,
		"   ":                             ErrEmpty,
		"5e7x":                            ErrTrailing,
		"5万亿":                             ErrUnits,
		"5元元":                             ErrUnits,
		"1.0000000000001e15":              ErrAbove,
		"1e16":                            ErrAbove,
		"1e999999999":                     ErrExpRange,
		"0.001":                           ErrFen,
		"1,00":                            ErrGroups,
		"1,0000":                          ErrGroups,
		"1,000_000":                       ErrMixedSep,
		",100":                            ErrGroups,
		"100,":                            ErrGroups,
		"1..5":                            ErrPoint,
		"e7":                              ErrNotNumber,
		"5e":                              ErrExponent,
		"万":                               ErrNoNumber,
		"five":                            ErrNotNumber,
		"5 000":                           ErrTrailing,
		"1.5.5":                           ErrTrailing,
		"0." + strings.Repeat("1", 10000): ErrTooLong,
	}
	for in, want := range cases {
		_, err := ParseAmount(in)
		var ve *ValueError
		if !errors.As(err, &ve) {
			t.Errorf("ParseAmount(%.20q): err = %v, want a ValueError", in, err)
			continue
		}
		if ve.Code != want {
			t.Errorf("ParseAmount(%.20q): %s, want %s", in, ve.Code, want)
		}
		if ve.Hint != HintAmount {
			t.Errorf("ParseAmount(%.20q): no hint", in)
		}
	}
}

func TestParseRate(t *testing.T) {
	ok := map[string]string{"0.3": "0.3", "30%": "0.3", "3.5%": "0.035", "0": "0", "100%": "1", "1": "1", "8％": "0.08", "0.035": "0.035", "3e-1": "0.3",
		// pasted from a Chinese document: full-width digits and signs
		"３０％": "0.3", "０．３": "0.3", "30 %": "0.3", "\u300030%": "0.3"}
	for in, want := range ok {
		got, err := ParseRate(in)
		if err != nil || !got.Equal(dec(want)) {
			t.Errorf("ParseRate(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"150%", "-0.1", "-5%", "30", "1.01", "", "abc", "0.3x", "3e2", "%", "NaN", "30%%"} {
		if got, err := ParseRate(in); err == nil {
			t.Errorf("ParseRate(%q) = %s, want an error", in, got)
		}
	}
	// A number above 1 without % is probably a percentage: the hint says so.
	_, err := ParseRate("30")
	var ve *ValueError
	if !errors.As(err, &ve) || ve.Hint != HintRateShare || ve.HintArgs.Get("percent") != "30%" || ve.HintArgs.Get("share") != "0.3" {
		t.Errorf("ParseRate(30): %v %v, want a hint naming 30%% and 0.3", err, ve.HintArgs)
	}
}

func TestParseDate(t *testing.T) {
	if d, err := ParseDate("2026-03-01"); err != nil || d != (Date{Year: 2026, Month: 3, Day: 1}) {
		t.Errorf("ParseDate(2026-03-01) = %v, %v", d, err)
	}
	if d, err := ParseDate("2024-02-29"); err != nil || d.String() != "2024-02-29" {
		t.Errorf("leap day: %v, %v", d, err)
	}
	// What a clerk pastes from a Chinese document (docs/contract.md §3).
	for _, in := range []string{"2026/3/1", "2026/03/01", "2026.3.1", "2026-3-1", "2026年3月1日", "2026年03月01日",
		" 2026年3月1日 ", "２０２６年３月１日", "２０２６－０３－０１", "2026 年 3 月 1 日", "2026年3月1号", "20260301"} {
		if d, err := ParseDate(in); err != nil || d != (Date{Year: 2026, Month: 3, Day: 1}) {
			t.Errorf("ParseDate(%q) = %v, %v; want 2026-03-01", in, d, err)
		}
	}
	for in, want := range map[string]Code{
		"2026-02-30": ErrNoSuchDay, "2025-02-29": ErrNoSuchDay, "2026-13-01": ErrNoSuchDay, "2026年2月30日": ErrNoSuchDay,
		"2026/0/1": ErrNoSuchDay,
		"26-03-01": ErrNotDate, "": ErrNotDate, "2026-03-01T00:00:00": ErrNotDate, "3/1/2026": ErrNotDate,
		"01.03.2026": ErrNotDate, "2026/3-1": ErrNotDate, "2026年3月": ErrNotDate, "2026-03": ErrNotDate,
		"2026-003-01": ErrNotDate, "2026年3月1日前": ErrNotDate, "2026/+3/1": ErrNotDate, "2026031": ErrNotDate, "202603011": ErrNotDate,
		"20261301": ErrNoSuchDay, "0026-03-01": ErrYear, "0000-01-01": ErrYear,
	} {
		_, err := ParseDate(in)
		var ve *ValueError
		if !errors.As(err, &ve) || ve.Code != want {
			t.Errorf("ParseDate(%q): %v, want %q", in, err, want)
		}
	}
}

// Money never touches binary floating point: calc and measures may not even
// name the types.
func TestNoFloatingPoint(t *testing.T) {
	banned := []string{"float" + "64", "float" + "32"}
	for _, dir := range []string{".", "../measures", "../internal/msg"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s: %v", dir, err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range banned {
				if strings.Contains(string(b), w) {
					t.Errorf("%s mentions %s", f, w)
				}
			}
		}
	}
}

// The fast path of AppendYuan must agree with decimal's own formatting.
func TestAppendYuanAgreesWithDecimal(t *testing.T) {
	for _, s := range []string{"0", "1", "0.5", "0.05", "123.45", "1e15", "999999999999999.99", "5e7", "-3", "-0.01",
		"12345.678", "0.005", "1e17", "123456789012345678", "1.23456789e-3", "100000000000000000000", "12345678901234567e1", "9999999999999999e2", "-9223372036854775808"} {
		d := dec(s)
		if got, want := Yuan(d), d.StringFixed(2); got != want {
			t.Errorf("Yuan(%s) = %s, want %s", s, got, want)
		}
	}
}

// calc is pure and measures is data: no I/O, no clock, no command line,
// TOML or tables (STYLE.md). The imports say so.
func TestPurity(t *testing.T) {
	allowed := map[string]bool{
		"cmp": true, "errors": true, "fmt": true, "slices": true, "strconv": true, "strings": true, "sync": true, "time": true, "embed": true,
		"unicode": true, "unicode/utf8": true,
		"index/suffixarray":             true, // measures: quotes found in a stranger's 1 MiB text
		"github.com/shopspring/decimal": true, "szsoft/measures": true,
	}
	for _, dir := range []string{".", "../measures"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range af.Imports {
				if p := strings.Trim(imp.Path.Value, `"`); !allowed[p] {
					t.Errorf("%s imports %s", f, p)
				}
			}
			src, _ := os.ReadFile(f)
			if strings.Contains(string(src), "time.Now") {
				t.Errorf("%s reads the clock", f)
			}
		}
	}
}

// --unit wan: a bare number is 万元; a suffix always wins.
func TestParseAmountIn(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"5000", "50000000"},         // 5000万
		{"5000万", "50000000"},        // the suffix: the same
		{"5000元", "5000"},            // 元 wins
		{"0.5亿", "50000000"},         // 亿 wins
		{"1.234567", "12345.67"},     // six decimals of 万 are whole fen
		{"5,000.5", "50005000"},      // separators
		{"1e11", "1000000000000000"}, // 10^15 yuan, the largest
	} {
		got, err := ParseAmountIn(c.in, UnitWan)
		if err != nil || got.String() != c.want {
			t.Errorf("ParseAmountIn(%q, wan) = %v, %v; want %s", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"1.2345678", "1.1e11", "-1", "abc"} {
		if _, err := ParseAmountIn(bad, UnitWan); err == nil {
			t.Errorf("ParseAmountIn(%q, wan): no error", bad)
		}
	}
}
