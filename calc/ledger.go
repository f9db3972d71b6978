package calc

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// The ledger (docs/contract.md §8): what a project was paid before, item by
// item. The policy pays some items as one amount in stages (Item.Staged)
// and some once only (Item.OnceOnly); a maximum that forgot the ledger
// would promise the same money twice. Municipal entries reduce the
// municipal items; every entry of a project item counts towards the 附则's
// cumulative cap when other_city_funding is not given.

// Received is an entry of the ledger.
type Received struct {
	Item   string          // the item's id
	Amount decimal.Decimal // as received
	Date   *Date           // nil: the date of the event
	Payer  measures.Payer  // Municipal or District
	// Level is the step a tier item was paid for: a tier's key
	// ("provincial"), or a milestone's threshold as an amount ("10亿").
	Level string
}

// ledger is the entries by item, with their sums.
type ledger map[string][]Received

func ledgerOf(p *Project) ledger {
	l := ledger{}
	for _, e := range p.Received {
		l[e.Item] = append(l[e.Item], e)
	}
	return l
}

// sum adds the entries of the item, of the payer ("" for both).
func (l ledger) sum(id string, payer measures.Payer) decimal.Decimal {
	s := decimal.Zero
	for _, e := range l[id] {
		if payer == "" || e.Payer == payer {
			s = s.Add(e.Amount)
		}
	}
	return s
}

// checkLedger refuses an entry the ledger cannot use: an item the edition
// lacks, a receipt that is not positive, a date after the event, a level
// that a tier item lacks or another item has. Entries are numbered from 1
// in errors (ValueError.Entry), in the order of the project's list.
func checkLedger(ed *measures.Edition, p *Project) error {
	var errs LedgerErrors
	for i := range p.Received {
		if err := checkEntry(ed, p, i); err != nil {
			errs = append(errs, err)
		}
	}
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	return errs
}

// LedgerErrors are the errors of several entries of the ledger, in order:
// every wrong entry is reported, as every wrong key of a file is.
type LedgerErrors []*ValueError

func (es LedgerErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// checkEntry checks the i-th entry (from 0).
func checkEntry(ed *measures.Edition, p *Project, i int) *ValueError {
	e := &p.Received[i]
	fail := func(field string, ve *ValueError) *ValueError {
		ve.Entry, ve.Field = i+1, field
		return ve
	}
	it, ok := ed.Item(e.Item)
	if !ok {
		// An item by its Chinese name (落户奖励), as a clerk writes it.
		for _, m := range ed.Measures {
			for _, x := range m.Items {
				if x.Name == strings.TrimSpace(e.Item) {
					it, ok, e.Item = x, true, x.ID
				}
			}
		}
	}
	if !ok {
		ids := ed.ItemIDs()
		ve := &ValueError{Value: Shorten(e.Item), Code: ErrReceivedItem, Hint: HintReceivedItem, HintArgs: ArgsOf("items", ids)}
		if near := measures.Suggest(e.Item, ids); near != "" {
			ve.Hint, ve.HintArgs = HintReceivedItemNear, ArgsOf("near", near)
		} else if m, ok := ed.Find(strings.TrimSpace(e.Item)); ok {
			// 人才培养: a measure's name, not an item's: its items.
			var items []ItemID
			for _, x := range m.Items {
				if x.Kind != measures.CaseByCase {
					items = append(items, item(x))
				}
			}
			ve.Hint, ve.HintArgs = HintReceivedMeasure, ArgsOf("measure", m.Title, "items", items)
		}
		return fail("item", ve)
	}
	if !e.Amount.IsPositive() {
		return fail("amount", &ValueError{Value: e.Amount.String(), Code: ErrReceivedAmount})
	}
	if e.Date != nil && p.Date().Before(*e.Date) {
		return fail("date", &ValueError{Value: e.Date.String(), Code: ErrReceivedLater, Args: ArgsOf("date", p.Date()), Hint: HintReceivedLater})
	}
	tiered := it.Kind == measures.Tier || it.Kind == measures.Milestone
	if tiered && e.Level == "" && it.Kind == measures.Tier && len(it.Tiers) == 1 {
		e.Level = it.Tiers[0].Key // one amount: its only level
	}
	switch {
	case tiered && e.Level == "":
		return fail("level", &ValueError{Code: ErrReceivedNoLevel, Args: ArgsOf("item", item(it)), Hint: HintReceivedLevels, HintArgs: ArgsOf("levels", levelsOf(ed, it))})
	case !tiered && e.Level != "":
		return fail("level", &ValueError{Value: Shorten(e.Level), Code: ErrReceivedLevel, Args: ArgsOf("item", item(it))})
	case tiered:
		key, ok := levelOf(ed, it, e.Level)
		if !ok {
			return fail("level", &ValueError{Value: Shorten(e.Level), Code: ErrChoice, Hint: HintReceivedLevels, HintArgs: ArgsOf("levels", levelsOf(ed, it))})
		}
		e.Level = key
	}
	return nil
}

// levelOf reads the level of an entry for a tier item: a tier's key (or,
// through the item's input, another name of it: 省级); for a milestone, the
// threshold as an amount (10亿, 1e9), given as its key, the threshold's
// digits.
func levelOf(ed *measures.Edition, it *measures.Item, s string) (string, bool) {
	if it.Kind == measures.Milestone {
		a, err := ParseAmount(s)
		if err != nil {
			return "", false
		}
		for _, t := range it.Tiers {
			if t.Threshold.Equal(a) {
				return t.Threshold.String(), true
			}
		}
		return "", false
	}
	keys := make([]string, len(it.Tiers))
	for i, t := range it.Tiers {
		keys[i] = t.Key
	}
	var aliases measures.Aliases
	if m, ok := ed.Measure(it.Measure); ok {
		if i := slices.IndexFunc(m.Inputs, func(in measures.Input) bool { return in.Name == it.Claim }); i >= 0 {
			aliases = m.Inputs[i].Aliases
		}
	}
	return measures.MatchChoice(s, keys, aliases)
}

// levelsOf lists the levels an entry of a tier item may name: a
// milestone's thresholds in words (10亿元), a tier's values with their
// Chinese names (国家级（national）).
func levelsOf(ed *measures.Edition, it *measures.Item) any {
	if it.Kind == measures.Milestone {
		out := make([]measures.Text, len(it.Tiers))
		for i, t := range it.Tiers {
			out[i] = t.Label
		}
		return TextList(out)
	}
	list := ChoiceList{}
	for _, t := range it.Tiers {
		list.Values = append(list.Values, t.Key)
	}
	if m, ok := ed.Measure(it.Measure); ok {
		if i := slices.IndexFunc(m.Inputs, func(in measures.Input) bool { return in.Name == it.Claim }); i >= 0 {
			list.Aliases = m.Inputs[i].Aliases
		}
	}
	return list
}

// TextList is texts shown in the language of the reader, listed.
type TextList []measures.Text

// ledgerIn is what the ledger does to one item of a project, by the
// item's class (docs/contract.md §8). before adjusts the item and the
// claim the rule computes (a once-only level received is no longer
// claimed; a milestone's prior peak is at least the tier received; a
// limited number of years is what is left of them); after takes what was
// received off the line the rule made (staged, once per project, annual:
// the figure is the whole, paid or not).
type ledgerIn struct {
	l     ledger
	ed    *measures.Edition
	event Date
}

// own are the entries of the item its own payer paid: the city's for a
// municipal item, the district's for a district one.
func (x ledgerIn) own(it *measures.Item) []Received {
	var out []Received
	for _, e := range x.l[it.ID] {
		if e.Payer == it.Payer {
			out = append(out, e)
		}
	}
	return out
}

func total(es []Received) decimal.Decimal {
	s := decimal.Zero
	for _, e := range es {
		s = s.Add(e.Amount)
	}
	return s
}

// before is the item and the claim as the rule is to compute them.
func (x ledgerIn) before(it *measures.Item, c *Claim) (*measures.Item, *Claim, []Note) {
	switch it.Ledger {
	case measures.OnceOnly:
		return x.onceOnly(it, c)
	case measures.LimitedYears:
		return x.yearsLeft(it)
	}
	return it, c, nil
}

// onceOnly leaves out the levels received (一次性给予 per level) and raises
// a milestone's prior peak to the highest tier received (首次达到).
func (x ledgerIn) onceOnly(it *measures.Item, c *Claim) (*measures.Item, *Claim, []Note) {
	switch it.Kind {
	case measures.Tier:
		var notes []Note
		var kept []string
		for _, v := range c.Choices[it.Claim] {
			if e, ok := x.l.level(it, v); ok {
				notes = append(notes, note(NoteOnceLevel, "level", tierLabel(it, v), "amount", Money(e.Amount), "words", it.LedgerWords))
				continue
			}
			kept = append(kept, v)
		}
		// Another level received before: this one is paid on its own
		// (「分别…给予」), which a clerk should see next to the receipt.
		for _, e := range x.l[it.ID] {
			if e.Payer == it.Payer && len(kept) > 0 && !slices.Contains(c.Choices[it.Claim], e.Level) {
				notes = append(notes, note(NoteOtherLevel, "level", tierLabel(it, e.Level), "amount", Money(e.Amount), "words", it.LedgerWords))
			}
		}
		if len(notes) == 0 {
			return it, c, nil
		}
		clone := *c
		clone.Choices = cloneMap(c.Choices)
		clone.Choices[it.Claim] = kept
		return it, &clone, notes
	case measures.Milestone:
		highest := decimal.Zero
		var label measures.Text
		for _, t := range it.Tiers {
			if _, ok := x.l.level(it, t.Threshold.String()); ok && t.Threshold.GreaterThan(highest) {
				highest, label = t.Threshold, t.Label
			}
		}
		if highest.IsZero() || !c.Amounts[it.Prior].LessThan(highest) {
			return it, c, nil
		}
		clone := *c
		clone.Amounts = cloneMap(c.Amounts)
		clone.Amounts[it.Prior] = highest
		return it, &clone, []Note{note(NoteOnceMilestone, "label", label, "prior", Money(highest), "words", it.LedgerWords)}
	}
	return it, c, nil
}

// yearsLeft is a limited-years item (连续三年) with the years left: they
// run consecutively from Y0, the year of the earliest entry, to Y0 +
// Years − 1; the line pays those from the event's year on that have no
// entry (all of them when there is none).
func (x ledgerIn) yearsLeft(it *measures.Item) (*measures.Item, *Claim, []Note) {
	es := x.own(it)
	if len(es) == 0 {
		return it, nil, nil
	}
	paid := map[int]bool{}
	first := x.event.Year
	for _, e := range es {
		y := e.DateOr(x.event).Year
		paid[y] = true
		first = min(first, y)
	}
	last := first + it.Years - 1
	left := 0
	for y := x.event.Year; y <= last; y++ {
		if !paid[y] {
			left++
		}
	}
	years := make([]string, 0, len(paid))
	for y := range paid {
		years = append(years, strconv.Itoa(y))
	}
	slices.Sort(years)
	clone := *it
	clone.Years = left
	return &clone, nil, []Note{note(NoteYearsLeft, "words", it.LedgerWords, "from", first, "to", last, "paid", years, "left", left)}
}

// after takes what was received off the line: staged, once per project
// and annual items' figures are the whole (「分阶段给予最高不超过…」, the
// project's own investment or sales, the year's cost), so what was
// received of them comes off max and min alike, and off the cap shown.
func (x ledgerIn) after(l *Line, it *measures.Item) {
	var counted, fromAlt, elsewhere []Received
	var linked *measures.Item
	switch it.Ledger {
	case measures.Staged:
		counted = x.own(it)
	case measures.OncePerProject:
		counted = x.own(it)
		if alt, ok := x.ed.AlternativeOf(it.ID); ok && alt.Linked {
			for _, id := range alt.Items {
				if o, ok := x.ed.Item(id); ok && id != it.ID {
					es := x.own(o)
					fromAlt = append(fromAlt, es...)
					if len(es) > 0 {
						linked = o
					}
				}
			}
		}
	case measures.Annual:
		for _, e := range x.own(it) {
			if e.DateOr(x.event).Year == x.event.Year {
				counted = append(counted, e)
			} else {
				elsewhere = append(elsewhere, e)
			}
		}
	case measures.OnceOnly:
		// 成功上市: paid once; a received listing is 0. (Levels and tiers
		// were left out before the rule ran.)
		if p := total(x.own(it)); it.Kind == measures.CapOnly && l.Max != nil && p.IsPositive() {
			n := note(NoteOnce, "amount", Money(p), "words", it.LedgerWords)
			l.Min, l.Max, l.Binding, l.Zeroed = ptr(decimal.Zero), ptr(decimal.Zero), BindNone, ZeroReceived
			l.Notes = append([]Note{n}, l.Notes...)
			l.Steps = append(withoutMin(l.Steps), note(StepZeroed, "why", n))
		}
		return
	case measures.PerAward:
		// Each award stands alone: what came before is not this one.
		if p := total(x.own(it)); p.IsPositive() && it.Kind != measures.CaseByCase {
			l.Notes = append(l.Notes, note(NoteNotDeducted, "paid", Money(p)))
		}
		return
	default:
		return
	}
	if len(elsewhere) > 0 {
		l.Notes = append(l.Notes, note(NoteOtherYears, "paid", Money(total(elsewhere)), "year", x.event.Year, "words", it.LedgerWords))
	}
	paid := total(counted).Add(total(fromAlt))
	if !paid.IsPositive() {
		return
	}
	if linked != nil {
		l.Notes = append(l.Notes, note(NoteFromAlternative, "paid", Money(total(fromAlt)), "item", item(linked)))
	}
	if l.Max == nil {
		// Case by case: no figure to take it off; the note says it counts.
		l.Notes = append(l.Notes, note(NoteReceivedCase, "paid", Money(paid), "words", it.LedgerWords))
		return
	}
	max := *l.Max
	left := decimal.Max(decimal.Zero, max.Sub(paid))
	switch {
	case it.Ledger == measures.Staged && it.Kind == measures.AmountRange:
		l.Notes = append(l.Notes, note(NoteStagedRange, "paid", Money(paid), "low", Money(it.AmountLow), "high", Money(it.AmountHigh),
			"newlow", Money(decimal.Max(decimal.Zero, l.Min.Sub(paid))), "newhigh", Money(left), "words", it.LedgerWords))
	case it.Ledger == measures.Staged:
		l.Notes = append(l.Notes, note(NoteStaged, "paid", Money(paid), "cap", Money(*it.Cap), "left", Money(left), "words", it.LedgerWords))
	case it.Ledger == measures.Annual:
		l.Notes = append(l.Notes, note(NoteAnnual, "paid", Money(paid), "year", x.event.Year, "max", Money(max), "left", Money(left), "words", it.LedgerWords))
	default:
		l.Notes = append(l.Notes, note(NoteOncePerProject, "paid", Money(paid), "max", Money(max), "left", Money(left), "words", it.LedgerWords))
	}
	l.Max = &left
	if l.Min != nil {
		l.Min = ptr(decimal.Min(decimal.Max(decimal.Zero, l.Min.Sub(paid)), left))
	}
	if l.Cap != nil {
		l.Cap = ptr(decimal.Max(decimal.Zero, l.Cap.Sub(paid)))
	}
	l.paid = paid
	l.Steps = append(l.Steps, note(StepReceived, "max", Money(max), "paid", Money(paid), "left", Money(left)))
}

// level returns the entry of the item for a level, of the item's own payer.
func (l ledger) level(it *measures.Item, level string) (Received, bool) {
	i := slices.IndexFunc(l[it.ID], func(e Received) bool { return e.Payer == it.Payer && e.Level == level })
	if i < 0 {
		return Received{}, false
	}
	return l[it.ID][i], true
}

func tierLabel(it *measures.Item, key string) measures.Text {
	for _, t := range it.Tiers {
		if t.Key == key {
			return t.Label
		}
	}
	return measures.Text{Zh: key, En: key}
}

func cloneMap[V any](m map[string]V) map[string]V {
	out := make(map[string]V, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	return out
}

// BaseName names the item's base: in Chinese in the words of its input's
// help (一定时期内审定销售额), in English by the input's name (sales).
func BaseName(ed *measures.Edition, it *measures.Item) measures.Text {
	name := measures.Text{Zh: it.Base, En: it.Base}
	if m, ok := ed.Measure(it.Measure); ok {
		for _, in := range m.Inputs {
			if in.Name == it.Base && in.Help.Zh != "" {
				name.Zh = in.Help.Zh
			}
		}
	}
	return name
}

// projectReceived is what the ledger holds for the project's items (scope
// project), city and district: the other Shenzhen funding of the 附则's
// cumulative cap when none is given.
func projectReceived(ed *measures.Edition, p *Project) (decimal.Decimal, bool) {
	sum, found := decimal.Zero, false
	for _, e := range p.Received {
		if it, ok := ed.Item(e.Item); ok && it.Scope == measures.ProjectScope {
			sum, found = sum.Add(e.Amount), true
		}
	}
	return sum, found
}

// setBaseForCap gives every rate line below its cap the base at which the
// cap, as the ledger leaves it, is reached: cap ÷ rate, rounded up to the
// fen (docs/contract.md §8). Lines zeroed by a rule, at their cap or at a
// rate of 0 have none.
func setBaseForCap(r *Result) {
	cut := slices.ContainsFunc(r.Adjustments, func(a Adjustment) bool { return a.ID == "cumulative-cap" })
	for i := range r.Lines {
		l := &r.Lines[i]
		switch l.Item.Kind {
		case measures.FixedRate, measures.CeilingRate, measures.RateRange:
		default:
			continue
		}
		if l.Zeroed != "" || l.Cap == nil || l.Rate == nil || !l.Rate.IsPositive() || l.Max == nil || !l.Max.LessThan(*l.Cap) {
			continue
		}
		shared := slices.ContainsFunc(l.Notes, func(n Note) bool { return n.Code == NoteLayerHeadroom })
		if cut && l.Item.Payer == measures.Municipal && l.Item.Scope == measures.ProjectScope || shared {
			// The 附则's cumulative cap binds: a larger base adds nothing.
			l.Notes = append(l.Notes, note(NoteBaseCapAnnex))
			l.Steps = append(l.Steps, note(NoteBaseCapAnnex))
			continue
		}
		// What the ledger took off the product counts toward the cap: the
		// policy's cap is reached at the base it always was.
		at := l.Cap.Add(l.paid).DivRound(*l.Rate, 8).RoundCeil(2)
		l.BaseForCap = &at
		n := note(NoteBaseForCap, "cap", Money(*l.Cap), "input", BaseName(r.Edition, l.Item), "at", Money(at), "more", Money(at.Sub(*l.Base)))
		l.Notes = append(l.Notes, n)
		l.Steps = append(l.Steps, n)
	}
}

// ParseReceived reads an entry of the ledger as the command line writes
// it: ITEM=AMOUNT[@DATE][:LEVEL][/district], a bare amount in the unit
// bare (UnitYuan, UnitWan). Full-width ＝ ＠ ： ／, as a Chinese input
// method types them, are read as their ASCII selves. What the entry means
// is checked with the project (Compute).
func ParseReceived(s string, bare decimal.Decimal) (Received, error) {
	e := Received{Payer: measures.Municipal}
	t := strings.NewReplacer("＝", "=", "＠", "@", "：", ":", "／", "/").Replace(strings.TrimSpace(s))
	syntax := func() (Received, error) {
		return Received{}, &ValueError{Value: Shorten(s), Code: ErrReceivedSyntax, Hint: HintReceivedSyntax}
	}
	id, rest, ok := strings.Cut(t, "=")
	if !ok || strings.TrimSpace(id) == "" {
		return syntax()
	}
	e.Item = strings.TrimSpace(id)
	if i := strings.LastIndex(rest, "/"); i >= 0 {
		if payer, ok := ParsePayer(rest[i+1:]); ok {
			e.Payer, rest = payer, rest[:i]
		}
	}
	if i := strings.LastIndex(rest, ":"); i >= 0 {
		e.Level, rest = strings.TrimSpace(rest[i+1:]), rest[:i]
		if e.Level == "" {
			return syntax()
		}
	}
	amount, date, dated := strings.Cut(rest, "@")
	if strings.TrimSpace(amount) == "" {
		return syntax()
	}
	a, err := ParseAmountIn(amount, bare)
	if err != nil {
		var ve *ValueError
		if errors.As(err, &ve) {
			ve.Field = "amount"
		}
		return Received{}, err
	}
	e.Amount = a
	if dated {
		d, err := ParseDate(date)
		if err != nil {
			var ve *ValueError
			if errors.As(err, &ve) {
				ve.Field = "date"
			}
			return Received{}, err
		}
		e.Date = &d
	}
	return e, nil
}

// ParsePayer reads who paid an entry: municipal or district, or their
// Chinese names (市级, 区级).
func ParsePayer(s string) (measures.Payer, bool) {
	p, ok := measures.MatchChoice(s, []string{string(measures.Municipal), string(measures.District)}, payerNames)
	return measures.Payer(p), ok
}

// payerNames are the payers' other names.
var payerNames = measures.Aliases{
	string(measures.Municipal): {"市级", "市", "市财政"},
	string(measures.District):  {"区级", "区", "区财政"},
}

// ledgerWarnings are what a clerk should check in the ledger: more
// received from the city for an item than the policy's most (a typo, or
// two items run together), and a receipt dated before the edition took
// effect (under an earlier policy, not this one).
func ledgerWarnings(ed *measures.Edition, p *Project, l ledger) []Note {
	var ws []Note
	seen := map[string]bool{}
	for _, e := range p.Received {
		if e.Date != nil && e.Date.Before(ed.Supplementary.From) {
			ws = append(ws, note(WarnReceivedEarly, "item", item(mustItem(ed, e.Item)), "date", *e.Date, "from", ed.Supplementary.From))
		}
		if seen[e.Item] {
			continue
		}
		seen[e.Item] = true
		it := mustItem(ed, e.Item)
		most := it.Cap
		if it.Kind == measures.AmountRange {
			most = &it.AmountHigh
		}
		// More than the item's most from its own payer, where the
		// entries add up to one amount: a staged item's, a project's, a
		// year's (an award paid per award, or once, may recur).
		var es []Received
		for _, r := range l[e.Item] {
			if r.Payer == it.Payer && (it.Ledger != measures.Annual || r.DateOr(p.Date()).Year == p.Date().Year) {
				es = append(es, r)
			}
		}
		switch it.Ledger {
		case measures.Staged, measures.OncePerProject, measures.Annual:
			if paid := total(es); most != nil && paid.GreaterThan(*most) {
				ws = append(ws, note(WarnReceivedAbove, "item", item(it), "paid", Money(paid), "most", Money(*most)))
			}
		}
	}
	return ws
}

func mustItem(ed *measures.Edition, id string) *measures.Item {
	it, _ := ed.Item(id)
	return it
}

// DateOr is the entry's date, or d (the event's) when it has none.
func (e Received) DateOr(d Date) Date {
	if e.Date != nil {
		return *e.Date
	}
	return d
}
