package render

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/measures"
)

// A column of w digits is w × 7 + 5 pixels at 96 per inch; landscape A4
// less 0.4 in margins is 276.6 mm.
func TestPrintScale(t *testing.T) {
	for _, c := range []struct {
		ws   []int
		want int
	}{
		// 2 × 75 px = 150 px = 39.69 mm: fits many times over, 100 %.
		{[]int{10, 10}, 100},
		// 20 × 131 px = 2620 px = 693.2 mm: 276.6 / 693.2 = 39.9 %.
		{[]int{18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18, 18}, 39},
		// 1440 px = 381 mm: 72.6 %, one page wide at 72 %.
		{[]int{205}, 72},
	} {
		if got := printScale(c.ws); got != c.want {
			t.Errorf("printScale(%v) = %d, want %d", c.ws, got, c.want)
		}
		s := &sheet{}
		if fits := s.fits(c.ws); fits != (c.want >= minScale) {
			t.Errorf("fits(%v) = %v", c.ws, fits)
		}
	}
}

// Every row is given its height: a row of one line 17 points, a wrapping
// name as many lines as it takes.
func TestRowsHaveHeights(t *testing.T) {
	s := &sheet{name: "S", max: []int{10, 10}, rows: newSpool(Options{})}
	for _, row := range [][]cell{
		{{kind: cellHeader, text: "A"}, {kind: cellHeader, text: "B"}},
		{text("x"), text("y")},
		// 前海数科（深圳）信息技术有限公司: 16 wide characters, 32 digits'
		// widths and a sixth more (⌈32 / 6⌉ = 6), 38; a column of at most
		// 10 holds 9 beside its padding: ⌈38 / 9⌉ = 5 lines, 85 points.
		{wrap("前海数科（深圳）信息技术有限公司"), text("y")},
	} {
		if err := s.add(row); err != nil {
			t.Fatal(err)
		}
	}
	w := &workbook{p: msg.Printer{Lang: "en", Unit: "yuan"}}
	var b strings.Builder
	if err := s.xml(w, &b); err != nil {
		t.Fatal(err)
	}
	x := b.String()
	for _, want := range []string{`<row r="1" ht="17" customHeight="1">`, `<row r="2" ht="17" customHeight="1">`, `<row r="3" ht="85" customHeight="1">`} {
		if !strings.Contains(x, want) {
			t.Errorf("no %s in\n%s", want, x)
		}
	}
}

// The inputs sheet: an amount as a number in its own column, a choice by
// its words.
func TestInputCells(t *testing.T) {
	p := msg.Printer{Lang: "zh", Unit: "yuan"}
	v, a := inputCells(p, InputValue{Input: measures.Input{Kind: measures.Amount}, Amount: decimal.RequireFromString("5000000")})
	if v.kind != cellEmpty || a.kind != cellAmount || a.text != calc.Yuan(decimal.RequireFromString("5000000")) {
		t.Errorf("amount: %+v %+v", v, a)
	}
	in := measures.Input{Kind: measures.Choice, Aliases: measures.Aliases{"national": {"国家级"}}}
	v, a = inputCells(p, InputValue{Input: in, Choices: []string{"national"}})
	if v.text != "国家级" || a.kind != cellEmpty {
		t.Errorf("choice: %+v %+v", v, a)
	}
}

// Excel's serial days: 1900-03-01 is 61 (day 60 is Excel's 1900-02-29),
// 2026-03-01 is 46082, and days past 2192-04-10 (where a Duration
// overflows) stay one a day: 2192-04-11 is 106,754 and 9999-12-31 is
// 2,958,465, Excel's last.
func TestDateSerials(t *testing.T) {
	for d, want := range map[calc.Date]string{
		{Year: 1900, Month: 3, Day: 1}:   "61",
		{Year: 2026, Month: 3, Day: 1}:   "46082",
		{Year: 2192, Month: 4, Day: 11}:  "106754",
		{Year: 9999, Month: 12, Day: 31}: "2958465",
	} {
		if got := dateCell(d).text; got != want {
			t.Errorf("%v: %s, want %s", d, got, want)
		}
	}
}
