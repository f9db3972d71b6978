// Package msg is where szsoft's words live: one bilingual catalogue
// (catalogue.go) of every sentence, label, note, warning, error and hint a
// person reads, and a Printer that fills a template with its arguments in
// the reader's language and unit.
//
// The engine (package calc) states facts as codes with arguments; the
// loader and the command line do the same for their errors; the output
// forms ask the Printer for their labels. A test checks that every code and
// key has words in both languages.
package msg

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/measures"
)

// Entry is one message in both languages. A template's {name} is replaced
// by the argument called name.
type Entry struct {
	Zh, En string
}

// Printer turns codes and keys into text in one language and one unit.
type Printer struct {
	Lang    string            // "zh" or "en"
	Unit    string            // "yuan" or "wan": the unit of amounts shown
	Edition *measures.Edition // for the names of items; may be nil
}

// For is the printer of a result computed under the edition e: items are
// named as e names them.
func (p Printer) For(e *measures.Edition) Printer {
	if e != nil {
		p.Edition = e
	}
	return p
}

// Zh reports whether the printer writes Chinese.
func (p Printer) Zh() bool { return p.Lang == "zh" }

// S returns the message called key with its arguments, given as name,
// value pairs. An unknown key shows as [[key]], which the catalogue's test
// never lets through.
func (p Printer) S(key string, kv ...any) string {
	return p.fill(key, calc.ArgsOf(kv...))
}

// Note returns a fact of the engine in words.
func (p Printer) Note(n calc.Note) string {
	if n.Code == "" {
		return ""
	}
	return p.fill(string(n.Code), n.Args)
}

// Notes returns each note in words.
func (p Printer) Notes(ns []calc.Note) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = p.Note(n)
	}
	return out
}

func (p Printer) fill(key string, args calc.Args) string {
	if text, ok := strings.CutPrefix(key, OSPrefix); ok {
		return text
	}
	e, ok := catalogue[key]
	if !ok {
		return "[[" + key + "]]"
	}
	t := e.En
	if p.Zh() && e.Zh != "" {
		t = e.Zh
	}
	if !strings.Contains(t, "{") {
		return t
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			b.WriteString(t)
			return b.String()
		}
		b.WriteString(t[:i])
		name := t[i+1 : i+j]
		if v, ok := args.Lookup(name); ok {
			b.WriteString(p.Arg(v))
		} else {
			b.WriteString("{" + name + "}")
		}
		t = t[i+j+1:]
	}
}

// Arg shows one argument as its type says: money in the unit, a rate as a
// percentage, an item by its name, a text in the language.
func (p Printer) Arg(v any) string {
	switch x := v.(type) {
	case calc.Money:
		return p.Money(decimal.Decimal(x))
	case decimal.Decimal:
		return p.Money(x)
	case calc.Rate:
		return Percent(decimal.Decimal(x))
	case calc.ItemID:
		return p.Item(string(x))
	case []calc.ItemID:
		parts := make([]string, len(x))
		for i, id := range x {
			parts[i] = p.Item(string(id))
		}
		return strings.Join(parts, p.comma())
	case calc.Declared:
		return p.declared(string(x))
	case []calc.Declared:
		parts := make([]string, len(x))
		for i, d := range x {
			parts[i] = p.declared(string(d))
		}
		return strings.Join(parts, p.comma())
	case measures.Text:
		return p.Text(x)
	case calc.TextList:
		parts := make([]string, len(x))
		for i, t := range x {
			parts[i] = p.Text(t)
		}
		return strings.Join(parts, p.comma())
	case calc.ChoiceList:
		return p.Choices(x)
	case measures.Day:
		return x.String()
	case calc.Note:
		return p.Note(x)
	case calc.Reading:
		return p.S("reading." + string(x))
	case calc.Code:
		return p.fill(string(x), nil)
	case []string:
		return strings.Join(x, p.comma())
	case int:
		return strconv.Itoa(x)
	case string:
		return x
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// Choices shows the values of a choice; in Chinese by the Chinese name
// where there is one, the value in brackets: 国家级（national）、省级（provincial）.
func (p Printer) Choices(c calc.ChoiceList) string {
	if !p.Zh() {
		return strings.Join(c.Values, ", ")
	}
	parts := make([]string, len(c.Values))
	for i, v := range c.Values {
		parts[i] = v
		if l := c.Aliases.Label(v); l != "" {
			parts[i] = l + "（" + v + "）"
		}
	}
	return strings.Join(parts, "、")
}

// comma parts the items of a list: the enumeration comma 、 in Chinese.
func (p Printer) comma() string {
	if p.Zh() {
		return "、"
	}
	return ", "
}

// Text returns a phrase of the policy's data in the language.
func (p Printer) Text(t measures.Text) string { return t.In(p.Lang) }

// Item names an item: in Chinese by its Chinese name (首版次软件·软件开发商),
// in English by its English name where the edition gives one, else by its
// id (first-version.developer), which is English words and what files and
// flags use (sz2022 names its items so).
func (p Printer) Item(id string) string {
	if p.Edition != nil {
		if it, ok := p.Edition.Item(id); ok {
			if p.Zh() && it.Name != "" {
				return it.Name
			}
			if !p.Zh() && it.NameEn != "" {
				return it.NameEn
			}
		}
	}
	return id
}

// declared names a measure or an item: an item by Item, a measure in
// Chinese by its title (质量品牌标准), in English by its name.
func (p Printer) declared(s string) string {
	if p.Edition != nil {
		if _, ok := p.Edition.Item(s); ok {
			return p.Item(s)
		}
		if m, ok := p.Edition.Measure(s); ok && p.Zh() {
			return m.Title.Zh
		}
	}
	return s
}

// Money shows an amount in the unit, with thousands separators.
func (p Printer) Money(d decimal.Decimal) string {
	if p.Unit == "wan" {
		return FormatWan(d)
	}
	return FormatYuan(d)
}

// MoneyOr shows an amount, or "-" when there is none.
func (p Printer) MoneyOr(d *decimal.Decimal) string {
	if d == nil {
		return "-"
	}
	return p.Money(*d)
}

// OSPrefix marks a code that carries the operating system's own words (an
// error szsoft has no words for), shown as they are.
const OSPrefix = "os:"

// Has reports whether the catalogue has the key, for callers that build
// keys from data (a kind, a recipient).
func Has(key string) bool {
	_, ok := catalogue[key]
	return ok
}
