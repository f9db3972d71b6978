package main

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/shopspring/decimal"
	"github.com/spf13/cobra"

	"szsoft/calc"
	"szsoft/measures"
)

var (
	lblNoMoney   = label{Zh: "（无资金条款）", En: "(no money)"}
	lblCatHeader = []label{{Zh: "条款", En: "CLAUSE"}, {Zh: "子命令", En: "MEASURE"}, {Zh: "事项", En: "ITEM"}, {Zh: "规则", En: "RULE"}, {Zh: "比例", En: "RATE"}, {Zh: "上限或金额", En: "CAP OR AMOUNT"}}
	lblKind      = map[measures.Kind]label{
		measures.FixedRate:   {Zh: "固定比例", En: "fixed rate"},
		measures.CeilingRate: {Zh: "不超过比例", En: "ceiling rate"},
		measures.RateRange:   {Zh: "比例区间", En: "rate range"},
		measures.CapOnly:     {Zh: "最高限额", En: "cap only"},
		measures.Tier:        {Zh: "分档", En: "tier"},
		measures.AmountRange: {Zh: "金额区间", En: "amount range"},
		measures.Floor:       {Zh: "下限", En: "floor"},
		measures.CaseByCase:  {Zh: "未定额", En: "no figure given"},
	}
)

// itemRate describes an item's rates for the catalogue: "30%", "0-50%".
func itemRate(it *measures.Item) string {
	switch it.Kind {
	case measures.FixedRate:
		return calc.Percent(it.RateHigh)
	case measures.CeilingRate, measures.RateRange:
		return calc.Percent(it.RateLow) + "-" + calc.Percent(it.RateHigh)
	case measures.Floor:
		return ">=" + calc.Percent(it.RateLow)
	}
	return "-"
}

// itemAmount describes an item's cap or amounts: "10,000,000.00",
// "5,000,000.00 / 3,000,000.00 / 2,000,000.00".
func itemAmount(it *measures.Item) string {
	switch {
	case it.Cap != nil:
		return calc.FormatYuan(*it.Cap)
	case it.Kind == measures.Tier:
		var parts []string
		for _, s := range it.Tiers {
			parts = append(parts, calc.FormatYuan(s.Amount))
		}
		return strings.Join(parts, " / ")
	case it.Kind == measures.AmountRange:
		return calc.FormatYuan(it.AmountLow) + " - " + calc.FormatYuan(it.AmountHigh)
	}
	return "-"
}

func (a *app) measuresCmd() *cobra.Command {
	form := &choiceFlag{onceValue: onceValue{name: "output"}, values: []string{"table", "json"}}
	lang := &choiceFlag{onceValue: onceValue{name: "lang"}, values: langs}
	cmd := &cobra.Command{
		Use:   "measures",
		Short: "List every clause of the policy, its items, rates, caps and subcommand",
		Long: `List the catalogue: every clause （一）…（二十） of 深府规〔2022〕5号, those
without money too, with the items of each measure, their rule, rates and
caps, and the subcommand of 'szsoft calc' that computes them.`,
		Example: `  szsoft measures
  szsoft measures -o json | jq '.measures[].name'
  szsoft measures show first-version`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			var buf bytes.Buffer
			if form.raw == "json" {
				if err := encodeJSON(&buf, catalogueJSON(), true, ""); err != nil {
					return err
				}
			} else {
				writeCatalogue(&buf, a.lang(lang))
			}
			_, err := a.stdout.Write(buf.Bytes())
			return err
		},
	}
	cmd.PersistentFlags().VarP(form, "output", "o", "output form: table|json (default table)")
	cmd.PersistentFlags().Var(lang, "lang", "language: zh|en (default from the locale)")
	completeFlags(cmd, cmd.PersistentFlags())
	show := &cobra.Command{
		Use:               "show <measure>",
		Short:             "Print a measure's clause in Chinese, an English summary, its rules, breakpoints and assumptions",
		Example:           "  szsoft measures show first-version\n  szsoft measures show platform --lang zh",
		ValidArgsFunction: completeMeasures,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return usagef("e.g. 'szsoft measures show first-version'", "measures show needs one measure")
			}
			if _, ok := measures.Get().Measure(args[0]); !ok {
				return unknownMeasure(args[0])
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			m, _ := measures.Get().Measure(args[0])
			var buf bytes.Buffer
			if form.raw == "json" {
				if err := encodeJSON(&buf, measureJSON(m), true, ""); err != nil {
					return err
				}
			} else {
				writeMeasure(&buf, m, a.lang(lang))
			}
			_, err := a.stdout.Write(buf.Bytes())
			return err
		},
	}
	cmd.AddCommand(show)
	return cmd
}

// writeCatalogue writes every clause and item as a table.
func writeCatalogue(buf *bytes.Buffer, lang string) {
	cat := measures.Get()
	var rows [][]string
	for _, cl := range cat.Clauses {
		money := false
		for _, m := range cat.Measures {
			if m.Clause != cl.Number {
				continue
			}
			for _, it := range m.Items {
				kind := lblKind[it.Kind].In(lang)
				if it.Kind == measures.CaseByCase {
					kind = caseLabel(it).In(lang)
				}
				rows = append(rows, []string{cl.Number, m.Name, it.ID, kind, itemRate(it), itemAmount(it)})
				money = true
			}
		}
		if !money {
			rows = append(rows, []string{cl.Number, "-", cl.Title.In(lang) + " " + lblNoMoney.In(lang), "-", "-", "-"})
		}
	}
	fmt.Fprintf(buf, "%s\n%s\n", measures.Edition, lblUnitYuan.In(lang))
	h := make([]string, len(lblCatHeader))
	for i, l := range lblCatHeader {
		h[i] = l.In(lang)
	}
	t := tablewriter.NewTable(buf,
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleASCII)})),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: []tw.Align{tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignRight}}),
		tablewriter.WithRowAutoWrap(tw.WrapNone),
	)
	t.Header(h)
	_ = t.Bulk(rows)
	_ = t.Render()
	fmt.Fprintf(buf, "\n%d measures, %d clauses; 'szsoft measures show <measure>' for a clause's text, rules and assumptions\n", len(cat.Measures), len(cat.Clauses))
}

var (
	lblPolicyTextZh = label{Zh: "政策原文", En: "Policy text (Chinese, as published)"}
	lblSummary      = label{Zh: "概要（英文）", En: "Summary"}
	lblItems        = label{Zh: "事项", En: "Items"}
	lblInputs       = label{Zh: "输入（命令行参数 / TOML 键）", En: "Inputs (flag / TOML key)"}
	lblAssumptions  = label{Zh: "假设（及改变假设的开关）", En: "Assumptions (and the switches that change them)"}
	lblBreakpoint   = label{Zh: "封顶起点", En: "breakpoint"}
	lblCommand      = label{Zh: "命令", En: "command"}
	lblSwitch       = label{Zh: "开关", En: "switch"}
	lblPaidTo       = label{Zh: "受助方", En: "paid to"}
	lblScope        = map[measures.Scope]label{
		measures.ProjectScope: {Zh: "项目类：计入累计资助上限", En: "project: under the cumulative cap"},
		measures.FirmScope:    {Zh: "企业类：不计入累计资助上限", En: "firm: outside the cumulative cap"},
	}
	lblAlternatives = label{Zh: "择一（只计最高一项）", En: "alternatives (only the largest counts)"}
	lblSides        = label{Zh: "不同申请单位，须分别测算", En: "different applicants, computed separately"}
)

// ruleText describes an item's rule in words.
func ruleText(it *measures.Item, lang string) string {
	zh := lang == "zh"
	base := "--" + it.Base
	switch it.Kind {
	case measures.FixedRate:
		if zh {
			return fmt.Sprintf("固定比例：%s × %s", base, calc.Percent(it.RateHigh)) + capText(it, lang)
		}
		return fmt.Sprintf("fixed rate: %s of %s", calc.Percent(it.RateHigh), base) + capText(it, lang)
	case measures.CeilingRate:
		if zh {
			return fmt.Sprintf("不超过比例：%s × 不超过 %s（最低0）", base, calc.Percent(it.RateHigh)) + capText(it, lang)
		}
		return fmt.Sprintf("ceiling rate: at most %s of %s (min 0)", calc.Percent(it.RateHigh), base) + capText(it, lang)
	case measures.RateRange:
		if zh {
			return fmt.Sprintf("比例区间：%s × %s－%s", base, calc.Percent(it.RateLow), calc.Percent(it.RateHigh)) + capText(it, lang)
		}
		return fmt.Sprintf("rate range: %s to %s of %s", calc.Percent(it.RateLow), calc.Percent(it.RateHigh), base) + capText(it, lang)
	case measures.CapOnly:
		s := fmt.Sprintf("cap only: at most %s (min 0)", calc.FormatYuan(*it.Cap))
		if zh {
			s = fmt.Sprintf("最高限额：不超过 %s（最低0）", calc.FormatYuan(*it.Cap))
		}
		if it.Base != "" {
			if zh {
				s += "，且不超过 " + base
			} else {
				s += ", and never more than " + base
			}
		}
		return s
	case measures.Tier:
		var parts []string
		for _, st := range it.Tiers {
			parts = append(parts, st.Label.In(lang)+" "+calc.FormatYuan(st.Amount))
		}
		prefix := "tier: "
		if zh {
			prefix = "分档："
		}
		if it.UpTo {
			if zh {
				prefix += "不超过 "
			} else {
				prefix += "at most "
			}
		}
		return prefix + strings.Join(parts, "; ")
	case measures.AmountRange:
		if zh {
			return fmt.Sprintf("金额区间：%s 以上、%s 以下（含两端）", calc.FormatYuan(it.AmountLow), calc.FormatYuan(it.AmountHigh))
		}
		return fmt.Sprintf("amount range: %s to %s, both ends included", calc.FormatYuan(it.AmountLow), calc.FormatYuan(it.AmountHigh))
	case measures.Floor:
		if zh {
			return fmt.Sprintf("下限：%s × 不低于 %s × %d 年，由区级支付", base, calc.Percent(it.RateLow), it.Years)
		}
		return fmt.Sprintf("floor: at least %s of %s for %d years, paid by the district", calc.Percent(it.RateLow), base, it.Years)
	}
	if zh {
		return caseLabel(it).Zh + "：" + it.Reason.Zh
	}
	return caseLabel(it).En + ": " + it.Reason.En
}

func capText(it *measures.Item, lang string) string {
	if it.Cap == nil {
		if lang == "zh" {
			return "，无上限"
		}
		return ", no cap"
	}
	if lang == "zh" {
		return "，最高 " + calc.FormatYuan(*it.Cap)
	}
	return ", cap " + calc.FormatYuan(*it.Cap)
}

// writeMeasure writes 'szsoft measures show': the clause as the policy has
// it, a summary, each item's rule and breakpoint, the inputs and the named
// assumptions with the switches that change them.
func writeMeasure(buf *bytes.Buffer, m *measures.Measure, lang string) {
	cl, _ := measures.Get().ClauseByNumber(m.Clause)
	fmt.Fprintf(buf, "%s %s — %s\n%s: szsoft calc %s\n", m.Clause, cl.Title.Zh, m.Title.In(lang), lblCommand.In(lang), m.Name)
	fmt.Fprintf(buf, "\n%s\n  %s\n", lblPolicyTextZh.In(lang), strings.ReplaceAll(measures.ClauseText(m.Clause), "\n", "\n  "))
	fmt.Fprintf(buf, "\n%s\n  %s\n", lblSummary.In(lang), m.Summary)
	fmt.Fprintf(buf, "\n%s\n", lblItems.In(lang))
	cat := measures.Get()
	for _, it := range m.Items {
		fmt.Fprintf(buf, "  %s (%s, %s, %s %s, %s)\n    %s\n", it.ID, it.Kind, it.Payer, lblPaidTo.In(lang), recipientName(it.Recipient, lang), lblScope[it.Scope].In(lang), ruleText(it, lang))
		if alt, ok := cat.AlternativeOf(it.ID); ok {
			fmt.Fprintf(buf, "    %s %s: %s\n", lblAlternatives.In(lang), strings.Join(alt.Items, " / "), alt.Why.In(lang))
		}
		if bp := calc.Breakpoint(it); bp != nil {
			if lang == "zh" {
				fmt.Fprintf(buf, "    %s：--%s 达到约 %s 时开始封顶\n", lblBreakpoint.In(lang), it.Base, calc.FormatYuan(*bp))
			} else {
				fmt.Fprintf(buf, "    %s: the cap binds from --%s of about %s\n", lblBreakpoint.In(lang), it.Base, calc.FormatYuan(*bp))
			}
		}
		if t := it.Trigger(); t != "" {
			if lang == "zh" {
				fmt.Fprintf(buf, "    给出 --%s 时计算\n", t)
			} else {
				fmt.Fprintf(buf, "    computed when --%s is given\n", t)
			}
		}
		fmt.Fprintf(buf, "    「%s」\n", it.Quote)
	}
	if m.Sides != nil {
		a, _ := cat.Item(m.Sides.A[0])
		b, _ := cat.Item(m.Sides.B[0])
		fmt.Fprintf(buf, "\n%s\n  %s (%s) / %s (%s)\n", lblSides.In(lang), recipientName(a.Recipient, lang), strings.Join(m.Sides.A, ", "),
			recipientName(b.Recipient, lang), strings.Join(m.Sides.B, ", "))
	}
	if len(m.Inputs) > 0 {
		fmt.Fprintf(buf, "\n%s\n", lblInputs.In(lang))
		for _, in := range m.Inputs {
			extra := ""
			if in.Required {
				extra = " (required)"
			}
			if len(in.Values) > 0 {
				extra += " [" + strings.Join(in.Values, "|") + "]"
			}
			fmt.Fprintf(buf, "  --%s / %s: %s, %s%s\n", in.Name, in.Key(), in.Kind, in.Help.In(lang), extra)
		}
	}
	fmt.Fprintf(buf, "\n%s\n", lblAssumptions.In(lang))
	for _, as := range append(append([]measures.Assumption{}, m.Assumptions...), measures.Get().Supplementary.Assumptions...) {
		sw := ""
		if as.Switch != "" {
			sw = fmt.Sprintf(" (%s: --%s)", lblSwitch.In(lang), as.Switch)
		}
		fmt.Fprintf(buf, "  - %s%s\n", as.Text.In(lang), sw)
	}
}

// The catalogue as JSON ('szsoft measures -o json').

type textJSON struct {
	Zh string `json:"zh"`
	En string `json:"en"`
}

type inputJSON struct {
	Flag     string   `json:"flag"`
	Key      string   `json:"key"`
	Kind     string   `json:"kind"`
	Values   []string `json:"values"`
	Required bool     `json:"required"`
	Help     textJSON `json:"help"`
}

type tierJSON struct {
	Key       *string `json:"key"`
	Threshold *string `json:"threshold"`
	Amount    string  `json:"amount"`
}

type itemJSON struct {
	ID         string     `json:"id"`
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
}

type assumptionJSON struct {
	Text   textJSON `json:"text"`
	Switch *string  `json:"switch"`
}

type measureJSONT struct {
	Name        string           `json:"name"`
	Clause      string           `json:"clause"`
	Title       textJSON         `json:"title"`
	Summary     string           `json:"summary"`
	Text        string           `json:"text"`
	Inputs      []inputJSON      `json:"inputs"`
	Items       []itemJSON       `json:"items"`
	Assumptions []assumptionJSON `json:"assumptions"`
}

type clauseJSON struct {
	Number   string   `json:"number"`
	Title    textJSON `json:"title"`
	Summary  string   `json:"summary"`
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

func measureJSON(m *measures.Measure) measureJSONT {
	mj := measureJSONT{Name: m.Name, Clause: m.Clause, Title: tj(m.Title), Summary: m.Summary, Text: measures.ClauseText(m.Clause),
		Inputs: []inputJSON{}, Items: []itemJSON{}, Assumptions: assumptionsJSON(m.Assumptions)}
	for _, in := range m.Inputs {
		values := in.Values
		if values == nil {
			values = []string{}
		}
		mj.Inputs = append(mj.Inputs, inputJSON{Flag: in.Name, Key: in.Key(), Kind: in.Kind.String(), Values: values, Required: in.Required, Help: tj(in.Help)})
	}
	for _, it := range m.Items {
		rates := it.Kind == measures.FixedRate || it.Kind == measures.CeilingRate || it.Kind == measures.RateRange || it.Kind == measures.Floor
		ij := itemJSON{ID: it.ID, Kind: string(it.Kind), Payer: string(it.Payer), Recipient: string(it.Recipient), Scope: string(it.Scope),
			Title: tj(it.Title), Input: strPtr(it.Trigger()),
			RateLow: decPtr(it.RateLow, rates), RateHigh: decPtr(it.RateHigh, rates), Tiers: []tierJSON{},
			AmountLow: decPtr(it.AmountLow, it.Kind == measures.AmountRange), AmountHigh: decPtr(it.AmountHigh, it.Kind == measures.AmountRange),
			Rule: ruleText(it, "en"), Quote: it.Quote}
		if it.Cap != nil {
			ij.Cap = amount(it.Cap)
		}
		ij.Breakpoint = amount(calc.Breakpoint(it))
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

func catalogueJSON() catalogueJSONT {
	cat := measures.Get()
	c := catalogueJSONT{Policy: measures.Policy, Edition: measures.Edition, Supplementary: assumptionsJSON(cat.Supplementary.Assumptions)}
	for _, cl := range cat.Clauses {
		cj := clauseJSON{Number: cl.Number, Title: tj(cl.Title), Summary: cl.Summary, Measures: []string{}}
		for _, m := range cat.Measures {
			if m.Clause == cl.Number {
				cj.Measures = append(cj.Measures, m.Name)
			}
		}
		cj.Money = len(cj.Measures) > 0
		c.Clauses = append(c.Clauses, cj)
	}
	for _, m := range cat.Measures {
		c.Measures = append(c.Measures, measureJSON(m))
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
