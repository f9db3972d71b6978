package main

import (
	"bytes"
	"strings"

	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/internal/render"
	"szsoft/measures"
)

// The catalogue of an edition: 'szsoft measures' lists every clause and
// item, 'szsoft measures show' one measure with its words, rules and
// assumptions.

func (a *app) measuresCmd() *cobra.Command {
	form := &choiceFlag{onceValue: onceValue{name: "output"}, values: []string{"table", "json"}}
	policy := a.newPolicyFlag()
	edition := policy.lookup
	cmd := &cobra.Command{
		Use:  "measures",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var buf bytes.Buffer
			ed := edition()
			p := a.printer("yuan").For(ed)
			if form.v == "json" {
				if err := render.EncodeJSON(&buf, catalogueJSON(ed), true, ""); err != nil {
					return err
				}
			} else {
				writeCatalogue(&buf, ed, p, a.termWidth())
			}
			_, err := a.stdout.Write(buf.Bytes())
			return err
		},
	}
	p := a.printer("yuan")
	a.describe(cmd, "measures")
	cmd.PersistentFlags().VarP(form, "output", "o", p.S("flag.measures.form"))
	cmd.PersistentFlags().Var(policy, "policy", p.S("flag.policy", "editions", a.reg.IDs()))
	a.completeFlags(cmd, cmd.PersistentFlags())
	show := &cobra.Command{
		Use:               "show <measure>",
		ValidArgsFunction: a.completeMeasures,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usage("cli.show.one").withHint("cli.show.one.hint")
			}
			if _, ok := edition().Find(args[0]); !ok {
				return a.unknownMeasure(args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			ed := edition()
			p := a.printer("yuan").For(ed)
			m, _ := ed.Find(args[0])
			var buf bytes.Buffer
			if form.v == "json" {
				if err := render.EncodeJSON(&buf, measureJSON(ed, m), true, ""); err != nil {
					return err
				}
			} else {
				writeMeasure(&buf, ed, m, p, a.termWidth())
			}
			_, err := a.stdout.Write(buf.Bytes())
			return err
		},
	}
	a.describe(show, "measures.show")
	cmd.AddCommand(show)
	return cmd
}

// itemRate describes an item's rates for the catalogue: "30%", "0-50%".
func itemRate(it *measures.Item, p msg.Printer) string {
	switch {
	case it.Kind == measures.FixedRate:
		return msg.Percent(it.RateHigh)
	case it.Kind.HasRate():
		return p.RateSpan(it.RateLow, it.RateHigh)
	case it.Kind == measures.Floor:
		return msg.AtLeast(it.RateLow)
	}
	return "-"
}

// itemAmount describes an item's cap or amounts: "10,000,000.00",
// "5,000,000.00 / 3,000,000.00 / 2,000,000.00".
func itemAmount(it *measures.Item, p msg.Printer) string {
	switch {
	case it.Cap != nil:
		return msg.FormatYuan(*it.Cap)
	case len(it.Tiers) > 0:
		var parts []string
		for _, s := range it.Tiers {
			parts = append(parts, msg.FormatYuan(s.Amount))
		}
		return strings.Join(parts, " / ")
	case it.Kind == measures.AmountRange:
		return p.S("cat.range", "from", calc.Money(it.AmountLow), "to", calc.Money(it.AmountHigh))
	}
	return "-"
}

// kindName is the rule kind of an item in words; an item without a figure
// says whether the text funds it 一事一议.
func kindName(it *measures.Item, p msg.Printer) string {
	if it.Kind == measures.CaseByCase {
		return render.CaseLabel(p, it)
	}
	return p.S("kind." + string(it.Kind))
}

// writeCatalogue writes every clause and item: as a table where it fits
// the terminal (width 0: not a terminal, the whole table), else a block
// per clause.
func writeCatalogue(buf *bytes.Buffer, ed *measures.Edition, p msg.Printer, width int) {
	head := render.Indent(ed.Title, width, "", "  ")
	for _, l := range ed.Layers {
		head += render.Indent(p.S("label.layer."+string(l.Kind))+p.S("help.colon")+l.Title, width, "", "  ")
	}
	head += p.S("label.unit.yuan") + "\n"
	g := render.Grid{
		Right: []bool{false, false, false, false, true, true, false},
		Wrap:  []bool{false, true, true, true, true, true, true},
	}
	for _, k := range []string{"cat.clause", "cat.measure", "cat.item", "cat.rule", "cat.rate", "cat.amount", "cat.input"} {
		g.Header = append(g.Header, p.S(k))
	}
	clauses := 0
	for _, home := range homes(ed) {
		for _, cl := range home.Clauses {
			clauses++
			number := cl.Number
			if home != ed {
				number = home.Policy + cl.Number
			}
			money := false
			for _, m := range ed.Measures {
				if m.Clause != cl.Number || ed.Home(m) != home {
					continue
				}
				for i, it := range m.Items {
					clause, name := "", ""
					if i == 0 {
						clause, name = number, m.Name+" "+m.Aliases[0]
					}
					g.Rows = append(g.Rows, []string{clause, name, p.Item(it.ID), kindName(it, p), itemRate(it, p), itemAmount(it, p), itemInput(it)})
					if gd := it.Guide; gd != nil {
						g.Rows = append(g.Rows, []string{"", "", p.S("cat.guide", "document", gd.Layer.Policy), "", guideRate(gd, it, p), guideAmount(gd, p), ""})
					}
					money = true
				}
			}
			if !money {
				g.Rows = append(g.Rows, []string{number, "-", p.S("cat.nomoney.title", "title", cl.Title), "-", "-", "-", "-"})
			}
		}
	}
	footer := "\n" + render.Indent(p.S("cat.footer", "measures", len(ed.Measures), "clauses", clauses), width, "", "")
	var tb strings.Builder
	if ok, _ := g.Render(&tb, width); ok {
		buf.WriteString(head + tb.String() + footer)
		return
	}
	buf.WriteString(head)
	catalogueBlocks(buf, ed, p, width)
	buf.WriteString(footer)
}

// homes are the editions whose documents an edition's measures are of:
// its own, then its district layers'.
func homes(ed *measures.Edition) []*measures.Edition {
	hs := []*measures.Edition{ed}
	for _, l := range ed.Layers {
		if l.Kind == measures.DistrictLayer {
			hs = append(hs, l)
		}
	}
	return hs
}

// guideRate and guideAmount are a guide's figures for an item, as the
// catalogue shows them ("-" where it keeps the base's).
func guideRate(g *measures.AppliedGuide, it *measures.Item, p msg.Printer) string {
	low, high, ok := g.Rule.Rates(it)
	switch {
	case !ok:
		return "-"
	case low.Equal(high):
		return msg.Percent(high)
	}
	return p.RateSpan(low, high)
}

func guideAmount(g *measures.AppliedGuide, p msg.Printer) string {
	var parts []string
	if g.Rule.Cap != nil {
		parts = append(parts, p.Money(*g.Rule.Cap))
	}
	for _, st := range g.Rule.Amounts {
		parts = append(parts, p.S("cat.guide.amount", "label", g.LabelFor(st.Key), "amount", calc.Money(st.Amount)))
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, " / ")
}

// catalogueBlocks writes the catalogue for a narrow terminal: each clause,
// its measures with the command that computes them, and under each item its
// rule in words and the flag that claims it.
//
//	（十九） 推动首版次软件推广应用
//	  szsoft calc first-version（首版次）
//	    首版次软件·软件开发商
//	      固定比例：--sales × 30%，最高 10,000,000.00；输入 --sales
func catalogueBlocks(buf *bytes.Buffer, ed *measures.Edition, p msg.Printer, width int) {
	for _, home := range homes(ed) {
		for _, cl := range home.Clauses {
			catalogueClause(buf, ed, home, cl, p, width)
		}
	}
}

// catalogueClause writes a clause of the catalogue for a narrow terminal.
func catalogueClause(buf *bytes.Buffer, ed, home *measures.Edition, cl measures.Clause, p msg.Printer, width int) {
	number := cl.Number
	if home != ed {
		number = home.Policy + cl.Number
	}
	buf.WriteString("\n" + render.Indent(number+" "+p.Text(cl.Title), width, "", "  "))
	money := false
	for _, m := range ed.Measures {
		if m.Clause != cl.Number || ed.Home(m) != home {
			continue
		}
		money = true
		buf.WriteString(render.Indent(p.S("cat.command", "measure", m.Name, "alias", m.Aliases[0]), width, "  ", "    "))
		for _, it := range m.Items {
			buf.WriteString(render.Indent(p.Item(it.ID), width, "    ", "      "))
			rule := ruleText(it, p)
			if in := itemInput(it); in != "-" && !strings.Contains(rule, in) {
				rule = p.S("cat.rule.input", "rule", rule, "input", in)
			}
			buf.WriteString(render.Indent(rule, width, "      ", "      "))
			if gd := it.Guide; gd != nil {
				buf.WriteString(render.Indent(p.S("cat.guide", "document", gd.Layer.Policy)+p.S("help.colon")+guideAmount(gd, p), width, "      ", "        "))
			}
		}
	}
	if !money {
		buf.WriteString(render.Indent(p.S("cat.nomoney"), width, "  ", "  "))
	}
}

// itemInput is the flag that claims an item, or "-" for an item computed
// whenever its measure is claimed.
func itemInput(it *measures.Item) string {
	if t := it.Trigger(); t != "" {
		return "--" + t
	}
	if it.Base != "" {
		return "--" + it.Base
	}
	return "-"
}

// ledgerWords says how the ledger counts what was received against the
// item: its class, the words it rests on, and what a receipt does.
func ledgerWords(p msg.Printer, ed *measures.Edition, it *measures.Item) string {
	key := "show.ledger." + string(it.Ledger)
	switch {
	case it.Ledger == measures.OnceOnly && len(it.Tiers) > 0:
		key = "show.ledger.once-only.level"
	case it.Ledger == measures.OncePerProject:
		if alt, ok := ed.AlternativeOf(it.ID); ok && alt.Linked {
			var others []string
			for _, id := range alt.Items {
				if id != it.ID {
					others = append(others, id)
				}
			}
			return p.S("show.ledger.once-per-project.linked", "words", it.LedgerWords, "items", itemIDs(others))
		}
	case it.Ledger == measures.LimitedYears:
		return p.S(key, "words", it.LedgerWords, "years", it.Years)
	}
	return p.S(key, "words", it.LedgerWords)
}

// ruleText describes an item's rule in words, from the catalogue's
// templates: the item's figures are the arguments, whatever its kind.
func ruleText(it *measures.Item, p msg.Printer) string {
	capPhrase := p.S("rule.nocap")
	if it.Cap != nil {
		capPhrase = p.S("rule.cap", "cap", calc.Money(*it.Cap))
	}
	var steps []string
	for _, st := range it.Tiers {
		steps = append(steps, p.S("rule.step", "label", st.Label, "amount", calc.Money(st.Amount)))
	}
	key := "rule." + string(it.Kind.Public())
	switch {
	case it.Kind == measures.CapOnly && it.Base != "":
		key = "rule.cap-only.base"
	case len(it.Tiers) > 0 && it.UpTo:
		key = "rule.tier.upto"
	case it.Kind == measures.CaseByCase:
		return p.S("rule.case", "label", render.CaseLabel(p, it), "reason", it.Reason)
	}
	return p.S(key, "base", "--"+it.Base, "rate", calc.Rate(it.RateHigh), "low", calc.Rate(it.RateLow), "high", calc.Rate(it.RateHigh),
		"cap", capPhrase, "amount", calc.Money(orZero(it.Cap)), "steps", strings.Join(steps, p.S("rule.steps")),
		"from", calc.Money(it.AmountLow), "to", calc.Money(it.AmountHigh), "years", it.Years)
}

func orZero(d *decimal.Decimal) decimal.Decimal {
	if d == nil {
		return decimal.Zero
	}
	return *d
}

// writeMeasure writes 'szsoft measures show': the clause as the policy has
// it, a summary, each item's rule and the base at which its cap binds, the
// inputs and the named assumptions with the switches that change them,
// wrapped at the terminal's width (0: not wrapped).
func writeMeasure(buf *bytes.Buffer, ed *measures.Edition, m *measures.Measure, p msg.Printer, width int) {
	home := ed.Home(m)
	cl, _ := home.ClauseByNumber(m.Clause)
	line := func(s, first, rest string) { buf.WriteString(render.Indent(s, width, first, rest)) }
	section := func(key string) { buf.WriteString("\n" + p.S(key) + "\n") }
	clause := m.Clause
	if home != ed {
		clause = home.Policy + m.Clause
	}
	line(clause+" "+cl.Title.Zh+" — "+p.Text(m.Title), "", "  ")
	line(p.S("label.pair", "label", p.S("show.command"), "value", "szsoft calc "+m.Name), "", "  ")
	line(p.S("label.pair", "label", p.S("show.aliases"), "value", m.Aliases), "", "  ")
	section("show.text")
	line(home.ClauseText(m.Clause), "  ", "  ")
	section("show.summary")
	line(p.Text(m.Summary), "  ", "  ")
	section("show.items")
	for _, it := range m.Items {
		name := it.ID
		if p.Zh() {
			name = p.Item(it.ID) + "  " + it.ID
		}
		line(name, "  ", "    ")
		// The cumulative cap in the words of the scope only where the
		// edition has the rule.
		scope := "scope.short."
		if _, ok := ed.Rule(measures.AnnexCumulativeCap); ok {
			scope = "scope."
		}
		line(p.S("show.item", "kind", kindName(it, p), "payer", p.S("payer."+string(it.Payer)),
			"recipient", p.S("recipient."+string(it.Recipient)), "scope", p.S(scope+string(it.Scope))), "    ", "    ")
		line(ruleText(it, p), "    ", "    ")
		if alt, ok := ed.AlternativeOf(it.ID); ok {
			line(p.S("show.alternatives", "items", itemIDs(alt.Items), "why", alt.Why), "    ", "    ")
		}
		if bp := calc.CapBase(it); bp != nil {
			line(p.S("show.capbase", "input", it.Base, "base", calc.Money(*bp)), "    ", "    ")
		}
		if t := it.Trigger(); t != "" {
			line(p.S("show.trigger", "input", t), "    ", "    ")
		}
		line(ledgerWords(p, ed, it), "    ", "    ")
		line("「"+it.Quote+"」", "    ", "     ")
		if g := it.Guide; g != nil {
			writeGuide(line, g, it, p)
		}
	}
	if m.Sides != nil {
		a, _ := ed.Item(m.Sides.A[0])
		b, _ := ed.Item(m.Sides.B[0])
		section("show.sides")
		line(p.S("show.side", "a", p.S("recipient."+string(a.Recipient)), "aids", itemIDs(m.Sides.A),
			"b", p.S("recipient."+string(b.Recipient)), "bids", itemIDs(m.Sides.B)), "  ", "    ")
	}
	if len(m.Inputs) > 0 {
		section("show.inputs")
		for _, in := range m.Inputs {
			text := p.S("show.input", "flag", "--"+in.Name, "key", in.Key(), "kind", p.S("inputkind."+in.Kind.String()), "help", in.Help)
			if in.Required {
				text = p.S("show.required", "text", text)
			}
			if len(in.Values) > 0 {
				text = p.S("show.values", "text", text, "values", calc.ChoiceList{Values: in.Values, Aliases: in.Aliases})
			}
			line(text, "  ", "    ")
		}
	}
	as := append(append([]measures.Assumption{}, m.Assumptions...), home.Supplementary.Assumptions...)
	if len(as) > 0 {
		section("show.assumptions")
	}
	for _, as := range as {
		text := p.Text(as.Text)
		if as.Switch != "" {
			text = p.S("show.switch", "text", text, "flag", "--"+as.Switch)
		}
		line(text, "  - ", "    ")
	}
}

// writeGuide writes what a guide layer says of an item: its words, its
// figures, the application window and the documents to file.
func writeGuide(line func(s, first, rest string), g *measures.AppliedGuide, it *measures.Item, p msg.Printer) {
	r := g.Rule
	line(p.S("show.guide", "document", g.Layer.Policy), "    ", "    ")
	var figures []string
	if low, high, ok := r.Rates(it); ok {
		rate := msg.Percent(high)
		if !low.Equal(high) {
			rate = p.RateSpan(low, high)
		}
		figures = append(figures, p.S("show.guide.rate", "rate", rate))
	}
	if r.Cap != nil {
		figures = append(figures, p.S("show.guide.cap", "cap", calc.Money(*r.Cap)))
	}
	for _, st := range r.Amounts {
		figures = append(figures, p.S("show.guide.amount", "label", g.LabelFor(st.Key), "amount", calc.Money(st.Amount)))
	}
	if len(figures) > 0 {
		line(strings.Join(figures, p.S("label.semicolon")), "      ", "      ")
	}
	for _, n := range r.Notes {
		line(p.Text(n), "      ", "      ")
	}
	if !r.Opens.IsZero() || !r.Closes.IsZero() {
		line(p.S("show.guide.window", "opens", r.Opens, "closes", r.Closes), "      ", "      ")
	}
	if len(r.Documents) > 0 {
		var ds []string
		for _, d := range r.Documents {
			ds = append(ds, p.Text(d))
		}
		line(p.S("show.guide.documents", "documents", strings.Join(ds, p.S("label.list.sep"))), "      ", "      ")
	}
	line("「"+r.Quote+"」", "      ", "       ")
}

// itemIDs are ids as arguments that show as item names.
func itemIDs(ids []string) []calc.ItemID {
	out := make([]calc.ItemID, len(ids))
	for i, id := range ids {
		out[i] = calc.ItemID(id)
	}
	return out
}

// The catalogue as JSON ('szsoft measures -o json').

type textJSON struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

type inputJSON struct {
	Flag     string              `json:"flag"`
	Key      string              `json:"key"`
	Kind     string              `json:"kind"`
	Values   []string            `json:"values"`
	Aliases  map[string][]string `json:"aliases"`
	Required bool                `json:"required"`
	Help     textJSON            `json:"help"`
}

type tierJSON struct {
	Key       *string `json:"key"`
	Threshold *string `json:"threshold"`
	Amount    string  `json:"amount"`
}

type itemJSON struct {
	ID         string     `json:"id"`
	Name       string     `json:"name"`
	Kind       string     `json:"kind"`
	Payer      string     `json:"payer"`
	Recipient  string     `json:"recipient"`
	Scope      string     `json:"scope"`
	Title      textJSON   `json:"title"`
	Input      *string    `json:"input"`
	RateLow    *string    `json:"rate_low"`
	RateHigh   *string    `json:"rate_high"`
	Cap        *string    `json:"cap"`
	Breakpoint *string    `json:"breakpoint"`
	Tiers      []tierJSON `json:"tiers"`
	AmountLow  *string    `json:"amount_low"`
	AmountHigh *string    `json:"amount_high"`
	Reason     *textJSON  `json:"reason"`
	Rule       string     `json:"rule"`
	Quote      string     `json:"quote"`
	// The ledger: the words making the item one amount paid in stages, or
	// paid once; null for the others.
	// Ledger is the item's ledger class and LedgerWords the words it rests
	// on; Staged and OnceOnly repeat those words for the two classes
	// they name (issue 15's keys, kept for the scripts that read them).
	Ledger      string  `json:"ledger"`
	LedgerWords *string `json:"ledger_words"`
	Staged      *string `json:"staged"`
	OnceOnly    *string `json:"once_only"`
}

type assumptionJSON struct {
	Text   textJSON `json:"text"`
	Switch *string  `json:"switch"`
}

type measureJSONT struct {
	Name        string           `json:"name"`
	Aliases     []string         `json:"aliases"`
	Clause      string           `json:"clause"`
	Title       textJSON         `json:"title"`
	Summary     textJSON         `json:"summary"`
	Text        string           `json:"text"`
	Inputs      []inputJSON      `json:"inputs"`
	Items       []itemJSON       `json:"items"`
	Assumptions []assumptionJSON `json:"assumptions"`
}

type clauseJSON struct {
	Number   string   `json:"number"`
	Title    textJSON `json:"title"`
	Summary  textJSON `json:"summary"`
	Money    bool     `json:"money"`
	Measures []string `json:"measures"`
}

type catalogueJSONT struct {
	Policy        string           `json:"policy"`
	Edition       string           `json:"edition"`
	Clauses       []clauseJSON     `json:"clauses"`
	Measures      []measureJSONT   `json:"measures"`
	Supplementary []assumptionJSON `json:"supplementary"`
}

func tj(t measures.Text) textJSON { return textJSON{Zh: t.Zh, En: t.En} }

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func decPtr(d decimal.Decimal, ok bool) *string {
	if !ok {
		return nil
	}
	s := d.String()
	return &s
}

func assumptionsJSON(as []measures.Assumption) []assumptionJSON {
	out := make([]assumptionJSON, len(as))
	for i, a := range as {
		out[i] = assumptionJSON{Text: tj(a.Text), Switch: strPtr(a.Switch)}
	}
	return out
}

func measureJSON(ed *measures.Edition, m *measures.Measure) measureJSONT {
	en := msg.Printer{Lang: "en", Unit: "yuan"}
	mj := measureJSONT{Name: m.Name, Aliases: m.Aliases, Clause: m.Clause, Title: tj(m.Title), Summary: tj(m.Summary), Text: ed.ClauseText(m.Clause),
		Inputs: []inputJSON{}, Items: []itemJSON{}, Assumptions: assumptionsJSON(m.Assumptions)}
	for _, in := range m.Inputs {
		values := in.Values
		if values == nil {
			values = []string{}
		}
		aliases := map[string][]string(in.Aliases)
		if aliases == nil {
			aliases = map[string][]string{}
		}
		mj.Inputs = append(mj.Inputs, inputJSON{Flag: in.Name, Key: in.Key(), Kind: in.Kind.String(), Values: values, Aliases: aliases, Required: in.Required, Help: tj(in.Help)})
	}
	for _, it := range m.Items {
		rates := it.Kind.HasRate() || it.Kind == measures.Floor
		ij := itemJSON{ID: it.ID, Name: it.Name, Kind: string(it.Kind.Public()), Payer: string(it.Payer), Recipient: string(it.Recipient), Scope: string(it.Scope),
			Title: tj(it.Title), Input: strPtr(it.Trigger()),
			RateLow: decPtr(it.RateLow, rates), RateHigh: decPtr(it.RateHigh, rates), Tiers: []tierJSON{},
			AmountLow: decPtr(it.AmountLow, it.Kind == measures.AmountRange), AmountHigh: decPtr(it.AmountHigh, it.Kind == measures.AmountRange),
			Rule: ruleText(it, en), Quote: it.Quote}
		if it.Cap != nil {
			ij.Cap = amount(it.Cap)
		}
		ij.Breakpoint = amount(calc.CapBase(it))
		ij.Ledger, ij.LedgerWords = string(it.Ledger), strPtr(it.LedgerWords)
		if it.Ledger == measures.Staged {
			ij.Staged = strPtr(it.LedgerWords)
		}
		if it.Ledger == measures.OnceOnly {
			ij.OnceOnly = strPtr(it.LedgerWords)
		}
		for _, st := range it.Tiers {
			tjv := tierJSON{Key: strPtr(st.Key), Amount: calc.Yuan(st.Amount)}
			if !st.Threshold.IsZero() {
				tjv.Threshold = amount(&st.Threshold)
			}
			ij.Tiers = append(ij.Tiers, tjv)
		}
		if it.Kind == measures.CaseByCase {
			r := tj(it.Reason)
			ij.Reason = &r
		}
		mj.Items = append(mj.Items, ij)
	}
	return mj
}

func catalogueJSON(ed *measures.Edition) catalogueJSONT {
	c := catalogueJSONT{Policy: ed.Policy, Edition: ed.Title, Supplementary: assumptionsJSON(ed.Supplementary.Assumptions)}
	for _, cl := range ed.Clauses {
		cj := clauseJSON{Number: cl.Number, Title: tj(cl.Title), Summary: tj(cl.Summary), Measures: []string{}}
		for _, m := range ed.Measures {
			if m.Clause == cl.Number {
				cj.Measures = append(cj.Measures, m.Name)
			}
		}
		cj.Money = len(cj.Measures) > 0
		c.Clauses = append(c.Clauses, cj)
	}
	for _, m := range ed.Measures {
		c.Measures = append(c.Measures, measureJSON(ed, m))
	}
	return c
}

// amount formats an amount for JSON: two decimals, or null.
func amount(d *decimal.Decimal) *string {
	if d == nil {
		return nil
	}
	s := calc.Yuan(*d)
	return &s
}
