package msg

import (
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func TestFormat(t *testing.T) {
	for in, want := range map[string]string{"10000000": "10,000,000.00", "999.5": "999.50", "0": "0.00", "1234567.891": "1,234,567.89", "100": "100.00"} {
		if got := FormatYuan(dec(in)); got != want {
			t.Errorf("FormatYuan(%s) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[string]string{"10000000": "1,000.00", "12345.67": "1.234567", "15000": "1.50", "0": "0.00", "123456789": "12,345.6789"} {
		if got := FormatWan(dec(in)); got != want {
			t.Errorf("FormatWan(%s) = %s, want %s", in, got, want)
		}
	}
	for in, want := range map[string]string{"0.3": "30%", "0.035": "3.5%", "1": "100%", "0": "0%"} {
		if got := Percent(dec(in)); got != want {
			t.Errorf("Percent(%s) = %s, want %s", in, got, want)
		}
	}
}
