package main

import (
	"strings"

	"github.com/shopspring/decimal"
	"github.com/spf13/pflag"

	"szsoft/calc"
)

// Flag values. Every flag of szsoft is set at most once unless it is
// repeatable: pflag would silently keep the last of two values, and a
// subsidy computed from the wrong one of two amounts is worse than an error.
// Values are checked as they are parsed, so a bad amount is reported with
// its flag.

// onceValue is the part every flag value shares: its name and whether it
// was given.
type onceValue struct {
	name string
	set  bool
	raw  string
}

func (o *onceValue) mark(s string) error {
	if o.set {
		return usagef("give --"+o.name+" once", "--%s given twice (%q and %q)", o.name, o.raw, s)
	}
	o.set, o.raw = true, s
	return nil
}

func (o *onceValue) String() string { return o.raw }

// inputFlag is the flag of one input of a measure; apply puts its value into
// the claim when it was given.
type inputFlag interface {
	pflag.Value
	given() bool
	flagName() string
	apply(c *calc.Claim)
}

func (o *onceValue) given() bool      { return o.set }
func (o *onceValue) flagName() string { return o.name }

// amountFlag is an amount in any syntax of SPEC section 3. A bare number is
// in the unit of --unit, which may come later on the command line: the
// syntax is checked as the flag is parsed, the value is read by resolve once
// every flag is known.
type amountFlag struct {
	onceValue
	v decimal.Decimal
}

func (f *amountFlag) Type() string        { return "amount" }
func (f *amountFlag) apply(c *calc.Claim) { c.Amounts[f.name] = f.v }

func (f *amountFlag) Set(s string) error {
	if _, err := calc.ParseAmountIn(s, calc.UnitYuan); err != nil {
		if _, werr := calc.ParseAmountIn(s, calc.UnitWan); werr != nil {
			return err
		}
	}
	return f.mark(s)
}

// resolve reads the value, a bare number in unit.
func (f *amountFlag) resolve(unit decimal.Decimal) error {
	if !f.set {
		return nil
	}
	v, err := calc.ParseAmountIn(f.raw, unit)
	if err != nil {
		return flagValueError(f.name, f.raw, err)
	}
	f.v = v
	return nil
}

// rateFlag is a rate: 0.3 or 30%.
type rateFlag struct {
	onceValue
	v decimal.Decimal
}

func (f *rateFlag) Type() string        { return "rate" }
func (f *rateFlag) apply(c *calc.Claim) { c.Rates[f.name] = f.v }

func (f *rateFlag) Set(s string) error {
	v, err := calc.ParseRate(s)
	if err != nil {
		return err
	}
	f.v = v
	return f.mark(s)
}

// stringFlag is a plain string, such as a file name or a date.
type stringFlag struct {
	onceValue
	typ   string
	check func(string) error
}

func (f *stringFlag) Type() string { return f.typ }

func (f *stringFlag) Set(s string) error {
	if f.check != nil {
		if err := f.check(s); err != nil {
			return err
		}
	}
	return f.mark(s)
}

// choiceFlag is one value out of a fixed list.
type choiceFlag struct {
	onceValue
	values []string
}

func (f *choiceFlag) Type() string        { return "string" }
func (f *choiceFlag) apply(c *calc.Claim) { c.Choices[f.name] = []string{f.raw} }

func (f *choiceFlag) Set(s string) error {
	if err := checkChoice(s, f.values); err != nil {
		return err
	}
	return f.mark(s)
}

func checkChoice(s string, values []string) error {
	for _, v := range values {
		if s == v {
			return nil
		}
	}
	return &calc.ValueError{Value: s, Msg: "not a valid value", Hint: "valid values: " + strings.Join(values, ", ")}
}

// choicesFlag is a repeatable choice; "a,b" counts as two.
type choicesFlag struct {
	name   string
	values []string
	list   []string
}

func (f *choicesFlag) Type() string        { return "string" }
func (f *choicesFlag) String() string      { return strings.Join(f.list, ",") }
func (f *choicesFlag) flagName() string    { return f.name }
func (f *choicesFlag) given() bool         { return len(f.list) > 0 }
func (f *choicesFlag) apply(c *calc.Claim) { c.Choices[f.name] = f.list }

func (f *choicesFlag) Set(s string) error {
	for _, v := range strings.Split(s, ",") {
		v = strings.TrimSpace(v)
		if err := checkChoice(v, f.values); err != nil {
			return err
		}
		f.list = append(f.list, v)
	}
	return nil
}

// switchFlag is a boolean flag that takes no value.
type switchFlag struct {
	onceValue
	on bool
}

func (f *switchFlag) Type() string        { return "bool" }
func (f *switchFlag) IsBoolFlag() bool    { return true }
func (f *switchFlag) apply(c *calc.Claim) { c.Switches[f.name] = f.on }

func (f *switchFlag) Set(s string) error {
	switch s {
	case "true":
		f.on = true
	case "false":
		f.on = false
	default:
		return &calc.ValueError{Value: s, Msg: "a switch is true or false"}
	}
	return f.mark(s)
}

// addSwitch registers a switch so that "--name" alone turns it on.
func addSwitch(fs *pflag.FlagSet, f *switchFlag, usage string) {
	fl := fs.VarPF(f, f.name, "", usage)
	fl.NoOptDefVal = "true"
}

// sameKindFlag is --same-kind (附则: 不得重复享受): alone, the measure
// computed already has its support under a similar municipal measure;
// --same-kind=ITEM[,ITEM] names items of the measure instead.
type sameKindFlag struct {
	onceValue
	on    bool
	items []string // nil: the whole measure
}

func (f *sameKindFlag) Type() string { return "[ITEM,…]" }

func (f *sameKindFlag) Set(s string) error {
	switch s {
	case "true":
		f.on, f.items = true, nil
	case "false":
		f.on, f.items = false, nil
	default:
		f.on = true
		for _, v := range strings.Split(s, ",") {
			if v = strings.TrimSpace(v); v != "" {
				f.items = append(f.items, v)
			}
		}
	}
	return f.mark(s)
}
