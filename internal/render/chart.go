package render

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/measures"
)

// What it takes, drawn (docs/contract.md §8): for a rate line below its
// cap, the subsidy against the base — the rate's slope up to the cap, the
// cap flat after it — with the kink labelled by clause and the project's
// own point marked. A range rate's lowest rate is the dashed line under
// it. The chart is inline SVG, no script; its coordinates are computed in
// decimals like every figure, and every text in it is escaped.

// The chart's frame, in SVG user units: the plot runs from (chartL,
// chartT) to (chartR, chartB), two rows of labels under the axis.
const (
	chartW, chartH                 = 560, 222
	chartL, chartR, chartT, chartB = 18, 548, 32, 172
)

// chartLines are the lines drawn: those with a base for their cap.
func chartLines(res *calc.Result) []*calc.Line {
	var out []*calc.Line
	for i := range res.Lines {
		if l := &res.Lines[i]; l.BaseForCap != nil && l.Base != nil && l.Max != nil && l.Cap != nil && l.Rate != nil {
			out = append(out, l)
		}
	}
	return out
}

// capChart is the figure of one line: a caption in words and the SVG.
func capChart(p msg.Printer, ed *measures.Edition, l *calc.Line) string {
	it := l.Item
	input := p.Text(calc.BaseName(ed, it))
	capAt, cap, base, max := *l.BaseForCap, *l.Cap, *l.Base, *l.Max
	// The base axis runs 60% past the kink (the project is left of it),
	// room for the base's name under the flat cap; the subsidy axis a
	// sixth past the cap.
	xMax := decimal.Max(capAt, base).Mul(decimal.RequireFromString("1.6"))
	yMax := cap.Mul(decimal.RequireFromString("1.18"))
	x := func(v decimal.Decimal) string { return scale(v, xMax, chartL, chartR) }
	y := func(v decimal.Decimal) string { return scale(yMax.Sub(v), yMax, chartT, chartB) }
	l0, r0, b0 := num(chartL), num(chartR), num(chartB)

	var s strings.Builder
	title := p.S("chart.title", "item", it.Clause+" "+docItem(p, it.ID), "input", input)
	fmt.Fprintf(&s, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-label="%s">`+"\n", chartW, chartH, h(title))
	fmt.Fprintf(&s, "<title>%s</title>\n", h(title))
	// The axes, and their names in the empty corners: the subsidy's (how
	// it is computed) over the slope's start, the base's under the flat
	// cap.
	fmt.Fprintf(&s, `<path class="axis" d="M%s %s V%s H%s"/>`+"\n", l0, num(chartT-16), b0, r0)
	fmt.Fprintf(&s, `<text x="%s" y="%s">%s</text>`+"\n", num(chartL+6), num(chartT-12), h(p.S("chart.subsidy", "rate", msg.Percent(*l.Rate), "input", input)))
	fmt.Fprintf(&s, `<text x="%s" y="%s" text-anchor="end">%s</text>`+"\n", r0, num(chartB-6), h(input))

	// The lowest rate of a range, dashed: up to the same cap where the
	// axis reaches it.
	// What the ledger took off the product comes off both lines.
	paid := l.Deducted()
	if it.Kind == measures.RateRange && it.RateLow.IsPositive() && it.RateLow.LessThan(*l.Rate) {
		minAt := cap.Add(paid).DivRound(it.RateLow, 8)
		d := fmt.Sprintf("M%s %s H%s L", l0, b0, x(decimal.Min(xMax, paid.DivRound(it.RateLow, 8))))
		atEnd := decimal.Max(decimal.Zero, xMax.Mul(it.RateLow).Sub(paid))
		if minAt.LessThan(xMax) {
			d += fmt.Sprintf("%s %s H%s", x(minAt), y(cap), r0)
		} else {
			d += fmt.Sprintf("%s %s", r0, y(atEnd))
		}
		fmt.Fprintf(&s, `<path class="min" d="%s"/>`+"\n", d)
		end := y(decimal.Min(cap, atEnd))
		fmt.Fprintf(&s, `<text class="rate" x="%s" y="%s" text-anchor="end">%s</text>`+"\n",
			num(chartR-4), num2(end, -6), h(p.S("chart.min", "rate", msg.Percent(it.RateLow))))
	}

	// The subsidy at the rate used: the slope, the kink, the cap.
	kx, ky := x(capAt), y(cap)
	// What the ledger took off the product: nothing is left to pay until
	// the base's product passes it, then the slope, then the cap left.
	start := l0
	if paid.IsPositive() {
		start = x(paid.DivRound(*l.Rate, 8))
	}
	fmt.Fprintf(&s, `<path class="max" d="M%s %s H%s L%s %s H%s"/>`+"\n", l0, b0, start, kx, ky, r0)
	fmt.Fprintf(&s, `<path class="drop" d="M%s %s V%s"/>`+"\n", kx, ky, b0)
	fmt.Fprintf(&s, `<circle class="kink" cx="%s" cy="%s" r="3.5"/>`+"\n", kx, ky)
	fmt.Fprintf(&s, `<text class="kink" x="%s" y="%s"%s>%s</text>`+"\n", kx, num(chartT+4), anchor(capAt, xMax),
		h(p.S(capLabel(l), "clause", it.Clause, "cap", p.Money(cap))))
	fmt.Fprintf(&s, `<text x="%s" y="%s"%s>%s</text>`+"\n", kx, num(chartB+16), anchor(capAt, xMax), h(p.Money(capAt)))
	// The project: its point, and under the axis its base and subsidy.
	px, py := x(base), y(max)
	fmt.Fprintf(&s, `<path class="drop here" d="M%s %s V%s"/>`+"\n", px, py, b0)
	fmt.Fprintf(&s, `<circle class="here" cx="%s" cy="%s" r="5"/>`+"\n", px, py)
	fmt.Fprintf(&s, `<text class="here" x="%s" y="%s"%s>%s</text>`+"\n", px, num(chartB+34), anchor(base, xMax),
		h(p.S("chart.project", "base", p.Money(base), "max", p.Money(max))))
	s.WriteString("</svg>\n")
	return fmt.Sprintf("<figure class=\"keep\">\n<figcaption><b>%s</b> %s</figcaption>\n%s</figure>\n",
		h(it.Clause+" "+docItem(p, it.ID)), h(p.Note(baseForCapNote(l))), s.String())
}

// baseForCapNote is the line's note saying what it takes.
func baseForCapNote(l *calc.Line) calc.Note {
	for _, n := range l.Notes {
		if n.Code == calc.NoteBaseForCap {
			return n
		}
	}
	return calc.Note{}
}

// scale maps v in [0, span] onto [from, to], to a tenth of a unit.
func scale(v, span decimal.Decimal, from, to int) string {
	if !span.IsPositive() {
		return num(from)
	}
	d := decimal.NewFromInt(int64(to - from))
	return decimal.NewFromInt(int64(from)).Add(v.Mul(d).DivRound(span, 4)).Round(1).String()
}

func num(n int) string { return decimal.NewFromInt(int64(n)).String() }

// num2 is a coordinate moved by d units.
func num2(c string, d int) string {
	return decimal.RequireFromString(c).Add(decimal.NewFromInt(int64(d))).String()
}

// anchor keeps a label under or over a point inside the frame: from the
// point rightwards near the left edge, leftwards near the right one,
// centred between.
func anchor(v, span decimal.Decimal) string {
	switch at := v.DivRound(span, 4); {
	case at.LessThan(decimal.RequireFromString("0.15")):
		return ` text-anchor="start"`
	case at.GreaterThan(decimal.RequireFromString("0.7")):
		return ` text-anchor="end"`
	}
	return ` text-anchor="middle"`
}

// capLabel is the kink's words: the policy's cap, or what the ledger left
// of it.
func capLabel(l *calc.Line) string {
	if l.Item.Cap != nil && !l.Item.Cap.Equal(*l.Cap) {
		return "chart.cap.left"
	}
	return "chart.cap"
}
