package edition

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"github.com/shopspring/decimal"

	"szsoft/calc"
	"szsoft/internal/tomlloc"
	"szsoft/measures"
)

// converter turns a decoded file into an edition, collecting the problems
// at the places of the keys they concern.
type converter struct {
	doc *tomlloc.Doc
	ps  []Problem
	// ids are the items' ids by the path of their table (measure[0].
	// item[2]): a value that does not read is named by its item's id.
	ids map[string]string
}

// at is the byte offset of the path's key (or of the nearest key above it
// that the file has), -1 when the document has none.
func (c *converter) at(path []string) int {
	for p := path; len(p) > 0; p = p[:len(p)-1] {
		if loc, ok := c.doc.Locs[tomlloc.PathKey(p)]; ok {
			if loc.KeyOff >= 0 {
				return loc.KeyOff
			}
			return loc.ValueOff
		}
	}
	return -1
}

// bad records a problem at the path, in both languages; a long string
// among the arguments is said by its beginning.
func (c *converter) bad(path []string, zh, en string, args ...any) {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = calc.Shorten(s)
		}
	}
	c.add(Problem{Off: c.at(path), Path: slices.Clone(path), Zh: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...)})
}

// value records an amount or a rate that does not read.
func (c *converter) value(path []string, err error) {
	key := measures.DottedPath(path)
	for n := len(path) - 1; n > 0; n-- {
		if id, ok := c.ids[measures.DottedPath(path[:n])]; ok && id != "" {
			// rd.grant.cap rather than measure[0].item[0].cap.
			key = calc.Shorten(id) + "." + measures.DottedPath(path[n:])
			break
		}
	}
	c.add(Problem{Off: c.valueAt(path), Path: slices.Clone(path), Key: key, Value: err})
}

// add records a problem, up to measures.MaxProblems: past them, one that
// says there are more, then nothing (a stranger's file of 10,000 bad keys
// is told by its first hundred, in little memory).
func (c *converter) add(p Problem) {
	switch {
	case len(c.ps) > measures.MaxProblems:
	case len(c.ps) == measures.MaxProblems:
		c.ps = append(c.ps, Problem{Off: -1, Zh: fmt.Sprintf("还有更多问题；只列出前 %d 个", measures.MaxProblems), En: fmt.Sprintf("more problems; the first %d are listed", measures.MaxProblems)})
	default:
		c.ps = append(c.ps, p)
	}
}

func (c *converter) valueAt(path []string) int {
	if loc, ok := c.doc.Locs[tomlloc.PathKey(path)]; ok && loc.ValueOff >= 0 {
		return loc.ValueOff
	}
	return c.at(path)
}

// scalar is an amount's or a rate's text: a string as written, a TOML
// number digit for digit (as the file has it, not as float64 holds it).
func (c *converter) scalar(v any, path []string) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		return x, true
	case int64, float64:
		if loc, ok := c.doc.Locs[tomlloc.PathKey(path)]; ok && loc.Raw != "" {
			return loc.Raw, true
		}
		return fmt.Sprint(x), true
	}
	c.bad(path, "应为金额或比例（如 \"1000万\"、\"30%%\"）", "an amount or a rate (\"1000万\", \"30%%\")")
	return "", false
}

// amount reads an amount as the command line does (1000万, 0.5亿, 3e5).
func (c *converter) amount(v any, path []string) (decimal.Decimal, bool) {
	s, ok := c.scalar(v, path)
	if !ok {
		return decimal.Decimal{}, false
	}
	a, err := calc.ParseAmount(s)
	if err != nil {
		c.value(path, err)
		return decimal.Decimal{}, false
	}
	return a, true
}

func (c *converter) rate(s string, path []string) (decimal.Decimal, bool) {
	r, err := calc.ParseRate(s)
	if err != nil {
		c.value(path, err)
		return decimal.Decimal{}, false
	}
	return r, true
}

func idx(key string, i int) []string { return []string{key, "[" + strconv.Itoa(i) + "]"} }

func join(base []string, keys ...string) []string { return append(slices.Clone(base), keys...) }

func text(t fileText) measures.Text { return measures.Text{Zh: t.Zh, En: t.En} }

func day(d toml.LocalDate) measures.Day {
	return measures.Day{Year: d.Year, Month: d.Month, Day: d.Day}
}

var inputKinds = map[string]measures.InputKind{"amount": measures.Amount, "rate": measures.Rate, "switch": measures.Switch,
	"choice": measures.Choice, "choices": measures.Choices, "date": measures.Date}

func (c *converter) input(in fileInput, p []string) measures.Input {
	k, ok := inputKinds[in.Kind]
	if !ok {
		c.bad(join(p, "kind"), "输入类型 %q 不是 amount、rate、switch、choice、choices、date 之一",
			"input kind %q is none of amount, rate, switch, choice, choices, date", in.Kind)
	}
	var aliases measures.Aliases
	if len(in.Aliases) > 0 {
		aliases = measures.Aliases(in.Aliases)
	}
	return measures.Input{Name: in.Name, Kind: k, Values: in.Values, Aliases: aliases, Required: in.Required, Help: text(in.Help)}
}

func (c *converter) inputs(ins []fileInput, p []string) []measures.Input {
	var out []measures.Input
	for n, in := range ins {
		out = append(out, c.input(in, join(p, "inputs", "["+strconv.Itoa(n)+"]")))
	}
	return out
}

func readings(rs []fileReading) []measures.Assumption {
	var out []measures.Assumption
	for _, r := range rs {
		out = append(out, measures.Assumption{Text: text(r.Text), Switch: r.Switch})
	}
	return out
}

// rateDashes are what separates the two ends of a rate range: 20%-40%,
// 20%－40% as the policy prints it, 20%~40%, 20%至40%.
var rateDashes = []string{"－", "–", "~", "～", "至", "-"}

// rates reads an item's rate by its kind: 30% (fixed; a ceiling's top; a
// floor's floor) or 20%-40% (a range).
func (c *converter) rates(it *measures.Item, v any, p []string) {
	rp := join(p, "rate")
	s, given := c.scalar(v, rp)
	if !given {
		if it.Kind.HasRate() || it.Kind == measures.Floor {
			c.bad(rp, "事项 %s：%s 事项须有比例（rate）", "item %s: a %s item needs its rate", it.ID, it.Kind)
		}
		return
	}
	parts := []string{s}
	for _, d := range rateDashes {
		// The dash between two rates, not an exponent's sign (1e-3).
		i := strings.Index(s, d)
		for i > 0 && strings.ContainsRune("eE", rune(s[i-1])) {
			j := strings.Index(s[i+len(d):], d)
			if j < 0 {
				i = -1
				break
			}
			i += len(d) + j
		}
		if i >= 0 {
			parts = []string{s[:i], s[i+len(d):]}
			break
		}
	}
	var rs []decimal.Decimal
	for _, part := range parts {
		r, ok := c.rate(strings.TrimSpace(part), rp)
		if !ok {
			return
		}
		rs = append(rs, r)
	}
	switch {
	case it.Kind == measures.RateRange && len(rs) == 2:
		it.RateLow, it.RateHigh = rs[0], rs[1]
	case it.Kind == measures.FixedRate && len(rs) == 1:
		it.RateLow, it.RateHigh = rs[0], rs[0]
	case it.Kind == measures.CeilingRate && len(rs) == 1:
		it.RateLow, it.RateHigh = decimal.Zero, rs[0]
	case it.Kind == measures.Floor && len(rs) == 1:
		it.RateLow, it.RateHigh = rs[0], decimal.NewFromInt(1)
	default:
		c.bad(rp, "事项 %s：比例 %q 与 %s 事项不符（一个比例写作 30%%，区间写作 20%%-40%%）",
			"item %s: rate %q does not fit a %s item (30%% for one rate, 20%%-40%% for a range)", it.ID, s, it.Kind)
	}
}

// ItemKinds are the kinds an edition file's item may have: the eight of
// the contract (a tier with thresholds is read as a milestone).
var ItemKinds = []measures.Kind{measures.FixedRate, measures.CeilingRate, measures.RateRange, measures.CapOnly, measures.Tier,
	measures.AmountRange, measures.Floor, measures.CaseByCase}

func (c *converter) item(fi fileItem, p []string) *measures.Item {
	c.name(p, fi.ID)
	it := &measures.Item{ID: fi.ID, Name: fi.Name.Zh, NameEn: fi.Name.En, Title: text(fi.Title), Kind: measures.Kind(fi.Kind),
		Payer: measures.Payer(fi.Payer), Recipient: measures.Recipient(fi.Recipient), Scope: measures.Scope(fi.Scope),
		Ledger: measures.LedgerClass(fi.Ledger), LedgerWords: fi.LedgerWords, Quote: fi.Quote,
		BaseOptional: fi.BaseOptional, Claim: fi.Claim, RateInput: fi.RateInput, Years: fi.Years, UpTo: fi.UpTo,
		Prior: fi.Prior, HighestOnly: fi.HighestOnly, PerLevel: fi.PerLevel, Most: fi.Most, Other: fi.Other,
		HeadroomCap: fi.HeadroomCap, OneByOne: fi.OneByOne, Reason: text(fi.Reason)}
	if !slices.Contains(ItemKinds, it.Kind) {
		c.bad(join(p, "kind"), "事项 %s：规则类型 %q 不在 %v 之中", "item %s: kind %q is none of %v", fi.ID, fi.Kind, ItemKinds)
	}
	c.base(it, fi.Base, join(p, "base"))
	c.rates(it, fi.Rate, p)
	if fi.Cap != nil {
		if v, ok := c.amount(fi.Cap, join(p, "cap")); ok {
			it.Cap = &v
		}
	}
	if len(fi.Amounts) > 0 {
		ap := join(p, "amounts")
		if len(fi.Amounts) != 2 {
			c.bad(ap, "事项 %s：金额区间写作 [下限, 上限]", "item %s: an amount range is [low, high]", fi.ID)
		} else {
			it.AmountLow, _ = c.amount(fi.Amounts[0], join(ap, "[0]"))
			it.AmountHigh, _ = c.amount(fi.Amounts[1], join(ap, "[1]"))
		}
	}
	for _, l := range fi.Levels {
		it.Levels = append(it.Levels, measures.LevelRule{Scheme: l.Scheme, Label: l.Label, MinLevel: l.Min})
	}
	for _, n := range fi.Notes {
		it.Notes = append(it.Notes, text(n))
	}
	milestone := false
	for k, t := range fi.Tiers {
		tp := join(p, "tiers", "["+strconv.Itoa(k)+"]")
		st := measures.Step{Key: t.Key, Label: text(t.Label)}
		st.Amount, _ = c.amount(t.Amount, join(tp, "amount"))
		if t.Threshold != nil {
			st.Threshold, _ = c.amount(t.Threshold, join(tp, "threshold"))
			milestone = true
		}
		it.Tiers = append(it.Tiers, st)
	}
	if milestone && it.Kind == measures.Tier {
		// A tier paid when a base first reaches a threshold.
		it.Kind = measures.Milestone
	}
	return it
}

// base reads an item's base: a name, or names in order, the first its
// measure's and the others another measure's (strategic.investment) or a
// 附则 input (audited_investment), as a file names them.
func (c *converter) base(it *measures.Item, v any, p []string) {
	switch b := v.(type) {
	case nil:
	case string:
		it.Base = b
	case []any:
		for i, x := range b {
			s, ok := x.(string)
			if !ok {
				c.bad(join(p, "["+strconv.Itoa(i)+"]"), "事项 %s：基数是输入的名称", "item %s: a base is the name of an input", it.ID)
				continue
			}
			if i == 0 {
				it.Base = s
				continue
			}
			if m, in, dotted := strings.Cut(s, "."); dotted {
				it.BaseElse = append(it.BaseElse, m+"."+measures.KeyToFlag(in))
			} else {
				it.BaseElse = append(it.BaseElse, measures.KeyToFlag(s))
			}
		}
	default:
		c.bad(p, "事项 %s：基数是一个输入的名称，或按顺序排列的几个名称", "item %s: base is an input's name, or names in order", it.ID)
	}
}

// rule reads what a guide says of an item of its base.
func (c *converter) rule(fr fileRule, p []string) measures.GuideRule {
	c.name(p, fr.ID)
	r := measures.GuideRule{Item: fr.ID, Quote: fr.Quote, Input: fr.Input, Opens: day(fr.Opens), Closes: day(fr.Closes)}
	if s, ok := c.scalar(fr.Rate, join(p, "rate")); ok {
		var rs []decimal.Decimal
		parts := []string{s}
		for _, d := range rateDashes {
			if lo, hi, ok := strings.Cut(s, d); ok {
				parts = []string{lo, hi}
				break
			}
		}
		for _, part := range parts {
			if v, ok := c.rate(strings.TrimSpace(part), join(p, "rate")); ok {
				rs = append(rs, v)
			}
		}
		switch len(rs) {
		case 1:
			r.RateHigh = &rs[0]
		case 2:
			r.RateLow, r.RateHigh = &rs[0], &rs[1]
		}
	}
	if fr.Cap != nil {
		if v, ok := c.amount(fr.Cap, join(p, "cap")); ok {
			r.Cap = &v
		}
	}
	for k, t := range fr.Tiers {
		tp := join(p, "tiers", "["+strconv.Itoa(k)+"]")
		st := measures.Step{Key: t.Key, Label: text(t.Label)}
		st.Amount, _ = c.amount(t.Amount, join(tp, "amount"))
		if t.Threshold != nil {
			c.bad(join(tp, "threshold"), "申报指南按取值给出金额（key），没有门槛", "a guide gives amounts by value (key), not by threshold")
		}
		r.Amounts = append(r.Amounts, st)
	}
	for _, n := range fr.Notes {
		r.Notes = append(r.Notes, text(n))
	}
	for _, d := range fr.Documents {
		r.Documents = append(r.Documents, text(d))
	}
	return r
}

// edition turns the decoded file into an edition (not yet validated).
func (c *converter) edition(f *fileEdition, txt string) *measures.Edition {
	e := measures.Edition{ID: f.Edition.ID, Policy: f.Edition.Document, Title: f.Edition.Title, Issued: day(f.Edition.Issued),
		TextName: f.Edition.Text, Text: txt, Extends: f.Edition.Extends, Kind: measures.LayerKind(f.Edition.Kind)}
	switch {
	case e.Kind != "" && e.Extends == "":
		c.bad([]string{"edition", "kind"}, "kind 只用于层：须同时写 extends = \"基础版本\"", "kind goes with extends only: a layer names the edition it extends")
	case e.Extends != "" && !slices.Contains(measures.LayerKinds, e.Kind):
		c.bad([]string{"edition", "kind"}, "层须写明类型：kind = \"guide\"（申报指南、操作规程）或 \"district\"（区级措施）",
			"a layer says its kind: kind = \"guide\" or \"district\"")
	}
	for k, fr := range f.Item {
		e.Guide = append(e.Guide, c.rule(fr, idx("item", k)))
	}
	e.Supplementary.From, e.Supplementary.To = day(f.Edition.From), day(f.Edition.To)
	e.Supplementary.Assumptions = readings(f.Reading)
	for _, cl := range f.Clause {
		e.Clauses = append(e.Clauses, measures.Clause{Number: cl.ID, Title: text(cl.Title), Summary: text(cl.Summary)})
	}
	for i, fm := range f.Measure {
		mp := idx("measure", i)
		m := &measures.Measure{Name: fm.Name, Aliases: fm.Aliases, Clause: fm.Clause, Title: text(fm.Title), Summary: text(fm.Summary),
			Example: fm.Example, Assumptions: readings(fm.Assumptions), Inputs: c.inputs(fm.Inputs, mp)}
		if fm.Sides != nil {
			m.Sides = &measures.Sides{A: fm.Sides.A, B: fm.Sides.B}
		}
		for j, fi := range fm.Item {
			m.Items = append(m.Items, c.item(fi, join(mp, "item", "["+strconv.Itoa(j)+"]")))
		}
		e.Measures = append(e.Measures, m)
	}
	for _, a := range f.Alternative {
		e.Alternatives = append(e.Alternatives, measures.Alternative{Items: a.Items, Linked: a.Linked, Prefer: a.Prefer, Why: text(a.Why)})
	}
	for k, a := range f.Annex {
		p := idx("annex", k)
		r := measures.AnnexRule{Kind: measures.AnnexKind(a.Kind), Quote: a.Quote, Reading: a.Reading, Inputs: c.inputs(a.Inputs, p), Note: text(a.Note)}
		if r.Kind == measures.AnnexCumulativeCap && r.Reading == "" {
			r.Reading = "literal"
		}
		if s, ok := c.scalar(a.Ceiling, join(p, "ceiling")); ok {
			r.Ceiling, _ = c.rate(s, join(p, "ceiling"))
		}
		e.Annex = append(e.Annex, r)
	}
	return measures.NewEdition(e)
}

// name records the item id of the table at path p.
func (c *converter) name(p []string, id string) {
	if c.ids == nil {
		c.ids = map[string]string{}
	}
	c.ids[measures.DottedPath(p)] = id
}
