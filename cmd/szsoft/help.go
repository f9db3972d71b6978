package main

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/internal/render"
	"szsoft/measures"
)

// Help in the reader's language, at the terminal's width: every command's
// summary, description and examples come from the catalogue (help.*), a
// measure's from its data; the flags of the command come first, each with
// the value it takes and its unit, then the global flags it inherits, in
// the order they were declared; then the exit statuses.

// describe gives c its summary, description and examples from the
// catalogue entries help.<key>.short, .long and .example.
func (a *app) describe(c *cobra.Command, key string, kv ...any) {
	p := a.printer("yuan")
	// The documents of the run's editions: 深府规〔2022〕5号, and those of
	// the files --policy names.
	kv = append(kv, "policy", a.documents())
	prefix := "help."
	if key != "" {
		prefix += key + "."
	}
	c.Short = p.S(prefix+"short", kv...)
	if msg.Has(prefix + "long") {
		c.Long = p.S(prefix+"long", kv...)
	}
	if msg.Has(prefix + "example") {
		c.Example = p.S(prefix+"example", kv...)
	}
	if msg.Has(prefix + "use") {
		c.Use = c.Name() + " " + p.S(prefix+"use")
	}
}

// describeMeasure gives a measure's subcommand its summary, from its data.
func (a *app) describeMeasure(c *cobra.Command, m *measures.Measure) {
	// The clause padded to the widest, （十一）, so that the list of
	// measures under 'calc --help' lines up.
	clause := m.Clause + strings.Repeat(" ", max(0, render.DisplayWidth("（十一）")-render.DisplayWidth(m.Clause)))
	c.Short = a.printer("yuan").S("help.measure.short", "clause", clause, "title", m.Title)
}

// measureLong is a measure's description in its help.
func (a *app) measureLong(m *measures.Measure) string {
	cl, _ := a.tree.Default().Home(m).ClauseByNumber(m.Clause)
	return a.printer("yuan").S("help.measure.long", "clause", m.Clause, "clausetitle", cl.Title.Zh, "title", m.Title, "summary", m.Summary, "name", m.Name)
}

// measureExample is a measure's examples: the call, and in Chinese the same
// call by the measure's Chinese name, amounts in 万, choices in Chinese.
func (a *app) measureExample(m *measures.Measure) string {
	example := "  szsoft calc " + strings.TrimSpace(m.Name+" "+m.Example)
	if a.printer("yuan").Zh() && len(m.Aliases) > 0 {
		example += "\n  szsoft calc " + strings.TrimSpace(m.Aliases[0]+" "+chineseExample(m, wanExample(m.Example)))
	}
	return example
}

// wanExample writes the amounts of example flags in 万: "--sales 5e7" is
// "--sales 5000万".
func wanExample(flags string) string {
	words := strings.Fields(flags)
	for i, w := range words {
		if strings.HasPrefix(w, "-") {
			continue
		}
		wan := decimal.New(1, 4)
		if d, err := calc.ParseAmount(w); err == nil && !strings.HasSuffix(w, "%") && d.Mod(wan).IsZero() && !d.IsZero() {
			words[i] = d.Div(wan).String() + "万"
		}
	}
	return strings.Join(words, " ")
}

// chineseExample writes the values of choice flags by their Chinese
// names: "--recognized provincial" is "--recognized 省级".
func chineseExample(m *measures.Measure, flags string) string {
	words := strings.Fields(flags)
	for i := 1; i < len(words); i++ {
		in, ok := m.Input(strings.TrimPrefix(words[i-1], "--"))
		if !ok || in.Kind != measures.Choice && in.Kind != measures.Choices {
			continue
		}
		if l := in.Aliases.Label(words[i]); l != "" {
			words[i] = l
		}
	}
	return strings.Join(words, " ")
}

// localizeHelp gives every command of the tree under root a help flag in
// the reader's language, and the help function of this file.
func (a *app) localizeHelp(root *cobra.Command) {
	p := a.printer("yuan")
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Flags().Lookup("help") == nil {
			c.Flags().BoolP("help", "h", false, p.S("flag.help", "command", c.CommandPath()))
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	root.SetHelpFunc(func(c *cobra.Command, _ []string) {
		fmt.Fprint(c.OutOrStdout(), a.helpText(c))
	})
	root.SetUsageFunc(func(c *cobra.Command) error {
		fmt.Fprint(c.OutOrStderr(), a.helpText(c))
		return nil
	})
}

// helpWidth is the width help is set in: the terminal's, else 80.
func (a *app) helpWidth() int {
	if w := a.termWidth(); w > 0 {
		return w
	}
	return 80
}

// helpText is the whole help of c.
func (a *app) helpText(c *cobra.Command) string {
	p, width := a.printer("yuan"), a.helpWidth()
	var b strings.Builder
	text := c.Long
	if text == "" {
		text = c.Short
	}
	b.WriteString(render.Indent(Reflow(strings.TrimSpace(text)), width, "", ""))
	section := func(key string) { b.WriteString("\n" + p.S(key) + p.S("help.colon") + "\n") }

	section("help.usage")
	if c.Runnable() {
		use := c.CommandPath()
		if _, args, ok := strings.Cut(c.Use, " "); ok {
			use += " " + strings.ReplaceAll(args, "[flags]", p.S("help.placeholder"))
		} else if c.HasAvailableFlags() {
			use += " " + p.S("help.placeholder")
		}
		b.WriteString(render.Indent(use, width, "  ", "    "))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("  " + c.CommandPath() + " " + p.S("help.command") + "\n")
	}
	if len(c.Aliases) > 0 {
		section("help.aliases")
		b.WriteString(render.Indent(strings.Join(c.Aliases, p.S("label.comma")), width, "  ", "  "))
	}
	if c.Example != "" {
		section("help.examples")
		for _, ex := range strings.Split(strings.TrimRight(c.Example, "\n"), "\n") {
			// A long example breaks between its words, never inside a
			// flag or a value, and goes on under a deeper indent.
			b.WriteString(render.Indent(strings.TrimSpace(ex), width, "  ", "      "))
		}
	}
	if c.HasAvailableSubCommands() {
		section("help.commands")
		var names []string
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				names = append(names, sub.Name())
			}
		}
		w := 0
		for _, n := range names {
			w = max(w, len(n))
		}
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				first := "  " + sub.Name() + strings.Repeat(" ", w-len(sub.Name())+2)
				b.WriteString(render.Indent(sub.Short, width, first, strings.Repeat(" ", len(first))))
			}
		}
	}
	local, inherited := c.LocalFlags(), c.InheritedFlags()
	if local.HasAvailableFlags() {
		section("help.flags")
		b.WriteString(flagList(local, p, width))
	}
	if inherited.HasAvailableFlags() {
		section("help.global")
		b.WriteString(flagList(inherited, p, width))
	}
	if takesAmounts(local) || takesAmounts(inherited) {
		b.WriteString("\n" + render.Indent(p.S("help.amounts"), width, "", ""))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n" + render.Indent(p.S("help.more", "command", c.CommandPath()), width, "", ""))
	}
	b.WriteString("\n" + p.S("help.exit.title") + "\n")
	for code := range 4 {
		b.WriteString(render.Indent(p.S(fmt.Sprintf("help.exit.%d", code)), width, fmt.Sprintf("  %d  ", code), "     "))
	}
	return b.String()
}

// Reflow joins the lines of each paragraph of s (paragraphs are parted by
// blank lines), so that the terminal's width, not the catalogue's, sets
// them: two Chinese lines are joined by nothing, any others by a space.
func Reflow(s string) string {
	paras := strings.Split(s, "\n\n")
	for i, para := range paras {
		lines := strings.Split(para, "\n")
		var b strings.Builder
		for j, l := range lines {
			l = strings.TrimSpace(l)
			if j > 0 && !(wideEnd(lines[j-1]) && wideStart(l)) {
				b.WriteByte(' ') // a space between Chinese and Latin, as Chinese is set
			}
			b.WriteString(l)
		}
		paras[i] = b.String()
	}
	return strings.Join(paras, "\n\n")
}

func wideEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(s))
	return render.DisplayWidth(string(r)) == 2
}

func wideStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return render.DisplayWidth(string(r)) == 2
}

// takesAmounts reports whether fs has a flag of an amount.
func takesAmounts(fs *pflag.FlagSet) bool {
	found := false
	fs.VisitAll(func(f *pflag.Flag) {
		_, ok := f.Value.(*amountFlag)
		found = found || ok
	})
	return found
}

// flagList sets flags out as help shows them: "-f, --file FILE" and the
// description wrapped beside it, in the order they were declared, help last.
func flagList(fs *pflag.FlagSet, p msg.Printer, width int) string {
	type row struct{ left, usage string }
	var rows []row
	var help *row
	fs.SortFlags = false
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "    "
		if f.Shorthand != "" {
			left = "-" + f.Shorthand + ", "
		}
		left += "--" + f.Name
		if v := varName(f, p); v != "" {
			sep := " "
			if strings.HasPrefix(v, "[") {
				sep = ""
			}
			left += sep + v
		}
		r := row{"  " + left, f.Usage}
		if f.Name == "help" {
			help = &r
			return
		}
		rows = append(rows, r)
	})
	if help != nil {
		rows = append(rows, *help)
	}
	w := 0
	for _, r := range rows {
		w = max(w, render.DisplayWidth(r.left))
	}
	w = min(w, 34, max(16, width*2/5))
	var b strings.Builder
	for _, r := range rows {
		pad := w - render.DisplayWidth(r.left)
		if pad < 0 {
			// A long flag: its description on the next line.
			b.WriteString(r.left + "\n")
			b.WriteString(render.Indent(r.usage, width, strings.Repeat(" ", w+3), strings.Repeat(" ", w+3)))
			continue
		}
		first := r.left + strings.Repeat(" ", pad+3)
		b.WriteString(render.Indent(r.usage, width, first, strings.Repeat(" ", w+3)))
	}
	return b.String()
}

// varName is what a flag's value is called in help: 金额/AMOUNT, 文件/FILE; ""
// for a switch.
func varName(f *pflag.Flag, p msg.Printer) string {
	switch v := f.Value.(type) {
	case *amountFlag:
		return p.S("var.amount")
	case *rateFlag:
		return p.S("var.rate")
	case *dateFlag:
		return p.S("var.date")
	case *choiceFlag:
		switch v.name {
		case "output":
			return p.S("var.form")
		case "unit":
			return p.S("var.unit")
		case "lang":
			return p.S("var.lang")
		case "policy":
			return p.S("var.policy")
		}
		return p.S("var.choice")
	case *choicesFlag:
		return p.S("var.choice")
	case *policyFlag:
		return p.S("var.policy")
	case *stringFlag:
		if v.typ == "name" {
			return p.S("var.name")
		}
		return p.S("var.file")
	case *creditCodeFlag:
		return p.S("var.code")
	case *jobsFlag:
		return p.S("var.jobs")
	case *sameKindFlag:
		return p.S("var.items")
	case *receivedFlag:
		return p.S("var.received")
	}
	return ""
}

// inputUsage is the help of an input's flag and the comment of its key in
// a template: its words, its unit or form, its values.
func inputUsage(in measures.Input, p msg.Printer) string {
	usage := p.Text(in.Help)
	switch in.Kind {
	case measures.Amount:
		// 元 goes inside a closing bracket of the help, not after it.
		if t, ok := strings.CutSuffix(usage, p.S("help.paren")); ok {
			usage = p.S("help.amount.paren", "help", t)
		} else {
			usage = p.S("help.amount", "help", usage)
		}
	case measures.Rate:
		usage = p.S("help.rate", "help", usage)
	case measures.Date:
		usage = p.S("help.date", "help", usage)
	case measures.Choice:
		usage = p.S("help.oneof", "help", usage, "values", calc.ChoiceList{Values: in.Values, Aliases: in.Aliases})
	case measures.Choices:
		usage = p.S("help.anyof", "help", usage, "values", calc.ChoiceList{Values: in.Values, Aliases: in.Aliases})
	}
	if in.Required {
		usage = p.S("help.required", "help", usage)
	}
	return usage
}

// shellQuote writes s so that a POSIX shell reads it back as one word:
// as it is when it holds only safe characters, else in single quotes.
func shellQuote(s string) string {
	safe := s != ""
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./=:,+@%", r) || r > 0x7f && (unicode.IsLetter(r) || unicode.IsNumber(r))) {
			safe = false
		}
	}
	if safe {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
