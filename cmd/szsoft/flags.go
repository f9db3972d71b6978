package main

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/spf13/pflag"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/measures"
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

// flagNext refuses a value that is another flag: pflag gives "--investment
// --lang zh" the value "--lang", which is a flag given without its value.
// example is a value of the flag, for the hint.
func (o *onceValue) flagNext(s, example string) error {
	if strings.HasPrefix(s, "--") && len(s) > 2 || len(s) == 2 && s[0] == '-' && s[1] >= 'a' && s[1] <= 'z' {
		return usage("cli.flag.next", "flag", "--"+o.name, "next", s).withHint("cli.flag.noarg.hint", "flag", "--"+o.name, "example", example)
	}
	return nil
}

// mark records the value of a flag given once. The same value again is
// the same flag read twice (cobra's completion parses the line twice), not
// a second answer.
func (o *onceValue) mark(s string) error {
	if o.set && s == o.raw {
		return nil
	}
	if o.set {
		return usage("cli.flag.twice", "flag", o.name, "first", strconv.Quote(o.raw), "second", strconv.Quote(s)).
			withHint("cli.flag.twice.hint", "flag", o.name)
	}
	o.set, o.raw = true, s
	return nil
}

func (o *onceValue) String() string { return o.raw }

func (o *onceValue) given() bool      { return o.set }
func (o *onceValue) flagName() string { return o.name }

// inputFlag is the flag of one input declared in the catalogue (a
// measure's, or the 附则's); apply puts its value into the values when it
// was given.
type inputFlag interface {
	pflag.Value
	given() bool
	flagName() string
	apply(v *calc.Values)
}

// newInputFlag makes the flag of an input, by the input's kind.
func newInputFlag(in measures.Input) inputFlag {
	o := onceValue{name: in.Name}
	switch in.Kind {
	case measures.Amount:
		return &amountFlag{onceValue: o}
	case measures.Rate:
		return &rateFlag{onceValue: o}
	case measures.Switch:
		return &switchFlag{onceValue: o}
	case measures.Choice:
		return &choiceFlag{onceValue: o, values: in.Values, aliases: in.Aliases}
	case measures.Choices:
		return &choicesFlag{name: in.Name, values: in.Values, aliases: in.Aliases}
	case measures.Date:
		return &dateFlag{onceValue: o}
	}
	panic("no flag for input kind " + in.Kind.String())
}

// register adds the flags of inputs to fs, with their help in the
// printer's language.
func register(fs *pflag.FlagSet, inputs []measures.Input, flags []inputFlag, p msg.Printer) {
	for i, in := range inputs {
		usage := inputUsage(in, p)
		if sw, ok := flags[i].(*switchFlag); ok {
			addSwitch(fs, sw, usage)
			continue
		}
		fs.Var(flags[i], in.Name, usage)
	}
}

// amountFlag is an amount in any syntax of docs/contract.md ("Amounts"). A
// bare number is in the unit of --unit, which may come later on the command
// line: the syntax is checked as the flag is parsed, the value is read by
// resolve once every flag is known.
type amountFlag struct {
	onceValue
	v decimal.Decimal
}

func (f *amountFlag) Type() string         { return "amount" }
func (f *amountFlag) apply(v *calc.Values) { v.Amounts[f.name] = f.v }

func (f *amountFlag) Set(s string) error {
	if err := f.flagNext(s, "5e7"); err != nil {
		return err
	}
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
		return flagValueError(f.name, f.raw, err.(*calc.ValueError))
	}
	f.v = v
	return nil
}

// rateFlag is a rate: 0.3 or 30%.
type rateFlag struct {
	onceValue
	v decimal.Decimal
}

func (f *rateFlag) Type() string         { return "rate" }
func (f *rateFlag) apply(v *calc.Values) { v.Rates[f.name] = f.v }

func (f *rateFlag) Set(s string) error {
	if err := f.flagNext(s, "30%"); err != nil {
		return err
	}
	v, err := calc.ParseRate(s)
	if err != nil {
		return err
	}
	f.v = v
	return f.mark(s)
}

// dateFlag is a calendar day.
type dateFlag struct {
	onceValue
	v calc.Date
}

func (f *dateFlag) Type() string         { return "YYYY-MM-DD" }
func (f *dateFlag) apply(v *calc.Values) { v.Dates[f.name] = f.v }

func (f *dateFlag) Set(s string) error {
	if err := f.flagNext(s, "2026-03-01"); err != nil {
		return err
	}
	v, err := calc.ParseDate(s)
	if err != nil {
		return err
	}
	f.v = v
	return f.mark(s)
}

// stringFlag is a plain string, such as a file name.
type stringFlag struct {
	onceValue
	typ string
}

func (f *stringFlag) Type() string { return f.typ }

func (f *stringFlag) Set(s string) error { return f.mark(s) }

// creditCodeFlag is --credit-code: a 统一社会信用代码, checked by its check
// character as it is parsed.
type creditCodeFlag struct {
	onceValue
	code string
}

func (f *creditCodeFlag) Type() string { return "code" }

func (f *creditCodeFlag) Set(s string) error {
	if err := f.flagNext(s, "91350100M000100Y43"); err != nil {
		return err
	}
	code, err := calc.ParseCreditCode(s)
	if err != nil {
		return flagValueError(f.name, s, err.(*calc.ValueError))
	}
	f.code = code
	return f.mark(s)
}

// choiceFlag is one value out of a fixed list, matched as
// measures.MatchChoice does (CMMI-5, 国家级); v is the value matched.
type choiceFlag struct {
	onceValue
	values  []string
	aliases measures.Aliases
	v       string
}

func (f *choiceFlag) Type() string         { return "string" }
func (f *choiceFlag) apply(v *calc.Values) { v.Choices[f.name] = []string{f.v} }

func (f *choiceFlag) Set(s string) error {
	if err := f.flagNext(s, f.values[0]); err != nil {
		return err
	}
	v, err := checkChoice(s, f.values, f.aliases)
	if err != nil {
		return err
	}
	f.v = v
	return f.mark(s)
}

// checkChoice returns the value s names, or an error with the valid
// values and the nearest one.
func checkChoice(s string, values []string, aliases measures.Aliases) (string, error) {
	if v, ok := measures.MatchChoice(s, values, aliases); ok {
		return v, nil
	}
	return "", calc.ChoiceError(s, values, aliases)
}

// choicesFlag is a repeatable choice; "a,b" counts as two.
type choicesFlag struct {
	name    string
	values  []string
	aliases measures.Aliases
	list    []string
}

func (f *choicesFlag) Type() string         { return "string" }
func (f *choicesFlag) String() string       { return strings.Join(f.list, ",") }
func (f *choicesFlag) flagName() string     { return f.name }
func (f *choicesFlag) given() bool          { return len(f.list) > 0 }
func (f *choicesFlag) apply(v *calc.Values) { v.Choices[f.name] = f.list }

func (f *choicesFlag) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		return calc.ChoiceError(s, f.values, f.aliases)
	}
	for _, v := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
		v, err := checkChoice(strings.TrimSpace(v), f.values, f.aliases)
		if err != nil {
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

func (f *switchFlag) Type() string         { return "bool" }
func (f *switchFlag) IsBoolFlag() bool     { return true }
func (f *switchFlag) apply(v *calc.Values) { v.Switches[f.name] = f.on }

func (f *switchFlag) Set(s string) error {
	switch s {
	case "true":
		f.on = true
	case "false":
		f.on = false
	default:
		return &calc.ValueError{Value: s, Code: calc.ErrChoice, Hint: calc.HintChoice, HintArgs: calc.ArgsOf("valid", "true, false")}
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
	case "":
		return usage("cli.samekind.empty").withHint("cli.samekind.empty.hint")
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

// jobsFlag is -j/--jobs: a positive number of files processed at once.
type jobsFlag struct {
	onceValue
	n int
}

func (f *jobsFlag) Type() string { return "N" }

func (f *jobsFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 1024 {
		return &calc.ValueError{Value: s, Code: "cli.jobs", Hint: "cli.jobs.hint"}
	}
	f.n = n
	return f.mark(s)
}

// receivedFlag is --received, repeatable: entries of the ledger, read when
// the unit of bare amounts is known (calc.ParseReceived).
type receivedFlag struct {
	raw []string
}

func (f *receivedFlag) Type() string { return "ENTRY" }

func (f *receivedFlag) String() string { return strings.Join(f.raw, " ") }

// Set keeps every entry: two stages of the same amount are two entries.
func (f *receivedFlag) Set(s string) error {
	f.raw = append(f.raw, s)
	return nil
}
