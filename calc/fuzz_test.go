package calc

import (
	"strings"
	"testing"
)

var amountSeeds = []string{
	"50000000", "5e7", "5E7", "50,000,000", "50_000_000", "5000万", "5000万元", "0.5亿", "1.5亿元", "100元",
	"-5", "NaN", "Inf", "0x10", "", "5e7x", "5万亿", "1e16", "1e999999999", "0." + strings.Repeat("9", 100),
	"1,00", ".5", "5.", "1e-2", "0.001", "１２３", "5e+7万", "9999999999999.99万",
	// issue 22: too much at the end, named as typed
	"5000万元。", "5000万（含税）", "5000万元整了", strings.Repeat("万", 70),
}

// FuzzParseAmount: any text is an amount or a ValueError, never a panic;
// an amount is between 0 and 10^15, in whole fen, and reads back the same.
func FuzzParseAmount(f *testing.F) {
	for _, s := range amountSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseAmount(s)
		if err != nil {
			if _, ok := err.(*ValueError); !ok {
				t.Fatalf("error of type %T", err)
			}
			return
		}
		if v.IsNegative() || v.GreaterThan(MaxAmount) || !v.Equal(v.Round(2)) {
			t.Fatalf("ParseAmount(%q) = %s", s, v)
		}
		back, err := ParseAmount(v.String())
		if err != nil || !back.Equal(v) {
			t.Fatalf("ParseAmount(%q) = %s, which reads back as %s, %v", s, v, back, err)
		}
	})
}

// FuzzParseRate: any text is a rate between 0 and 1 or a ValueError.
func FuzzParseRate(f *testing.F) {
	for _, s := range []string{"0.3", "30%", "3.5%", "150%", "-0.1", "30", "８％", "1e-1", "100%", "%", "0.3%%", "30%。"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseRate(s)
		if err != nil {
			if _, ok := err.(*ValueError); !ok {
				t.Fatalf("error of type %T", err)
			}
			return
		}
		if v.IsNegative() || v.GreaterThan(one) {
			t.Fatalf("ParseRate(%q) = %s", s, v)
		}
	})
}
