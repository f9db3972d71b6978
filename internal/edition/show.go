package edition

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// Marshal writes an edition as its file: what Load reads back to the same
// edition (the test of every built-in edition). text is what the file's
// text key names ("sz2022.txt", or "builtin:sz2022" for a built-in
// edition shown, so that the file re-read computes the same).
func Marshal(e *measures.Edition, text string) []byte {
	w := &writer{}
	w.comment("%s as data: every clause, measure and item of the policy, with the words each rests on.", e.Policy)
	w.comment("Amounts as 1000万 or 300000 (yuan), rates as 30%%; every quote stands, word for word, in its clause of the text.")
	w.comment("Check a copy with 'szsoft policy check FILE'; compute under it with --policy FILE.")
	w.line("")
	w.line("[edition]")
	w.kv("id", q(e.ID))
	w.kv("document", q(e.Policy))
	w.kv("title", q(e.Title))
	if !e.Issued.IsZero() {
		w.kv("issued", e.Issued.String())
	}
	w.kv("from", e.Supplementary.From.String())
	w.kv("to", e.Supplementary.To.String())
	w.kv("text", q(text))
	if e.Extends != "" {
		w.kv("extends", q(e.Extends))
		w.kv("kind", q(string(e.Kind)))
	}
	for _, r := range e.Guide {
		w.rule(r)
	}
	// The clauses in the policy's order, each with its measures, as the
	// policy reads; then the alternatives, and the 附则 with the readings
	// szsoft takes of it.
	for _, cl := range e.Clauses {
		w.line("")
		w.comment("%s %s", cl.Number, cl.Title.Zh)
		w.line("[[clause]]")
		w.kv("id", q(cl.Number))
		w.kv("title", tx(cl.Title))
		if cl.Summary != (measures.Text{}) {
			w.kv("summary", tx(cl.Summary))
		}
		for _, m := range e.Measures {
			if m.Clause == cl.Number {
				w.measure(m)
			}
		}
	}
	for _, m := range e.Measures {
		if _, ok := e.ClauseByNumber(m.Clause); !ok {
			w.measure(m) // its clause unknown: Validate says so
		}
	}
	if len(e.Alternatives) > 0 {
		w.line("")
		w.comment("Items that fund one project one way or the other (择一).")
	}
	for _, a := range e.Alternatives {
		w.line("[[alternative]]")
		w.kv("items", list(a.Items))
		if a.Linked {
			w.kv("linked", "true")
		}
		if a.Prefer != "" {
			w.kv("prefer", q(a.Prefer))
		}
		w.kv("why", tx(a.Why))
	}
	for _, r := range e.Annex {
		w.line("")
		w.comment("附则: %s", r.Kind)
		w.line("[[annex]]")
		w.kv("kind", q(string(r.Kind)))
		if r.Reading != "" {
			w.kv("reading", q(r.Reading))
		}
		if !r.Ceiling.IsZero() {
			w.kv("ceiling", q(pct(r.Ceiling)))
		}
		w.kv("quote", q(r.Quote))
		if r.Note != (measures.Text{}) {
			w.kv("note", tx(r.Note))
		}
		for _, in := range r.Inputs {
			w.input("annex", in)
		}
	}
	if len(e.Supplementary.Assumptions) > 0 {
		w.line("")
		w.comment("How szsoft reads the 附则 where the text leaves room, and the switch of the other reading.")
	}
	for _, r := range e.Supplementary.Assumptions {
		w.line("[[reading]]")
		w.kv("text", tx(r.Text))
		if r.Switch != "" {
			w.kv("switch", q(r.Switch))
		}
	}
	return []byte(w.b.String())
}

type writer struct{ b strings.Builder }

// rule writes what a guide says of an item of its base.
func (w *writer) rule(r measures.GuideRule) {
	w.line("")
	w.line("[[item]]")
	w.kv("id", q(r.Item))
	switch {
	case r.RateLow != nil && r.RateHigh != nil:
		w.kv("rate", q(pct(*r.RateLow)+"-"+pct(*r.RateHigh)))
	case r.RateHigh != nil:
		w.kv("rate", q(pct(*r.RateHigh)))
	}
	if r.Cap != nil {
		w.kv("cap", q(wan(*r.Cap)))
	}
	if r.Input != "" {
		w.kv("input", q(r.Input))
	}
	if !r.Opens.IsZero() {
		w.kv("opens", r.Opens.String())
	}
	if !r.Closes.IsZero() {
		w.kv("closes", r.Closes.String())
	}
	if len(r.Notes) > 0 {
		w.kv("notes", texts(r.Notes))
	}
	if len(r.Documents) > 0 {
		w.kv("documents", texts(r.Documents))
	}
	w.kv("quote", q(r.Quote))
	for _, t := range r.Amounts {
		w.line("[[item.tiers]]")
		w.kv("key", q(t.Key))
		if t.Label != (measures.Text{}) {
			w.kv("label", tx(t.Label))
		}
		w.kv("amount", q(wan(t.Amount)))
	}
}

func texts(ts []measures.Text) string {
	var ns []string
	for _, t := range ts {
		ns = append(ns, tx(t))
	}
	return "[" + strings.Join(ns, ", ") + "]"
}

func (w *writer) line(s string) { w.b.WriteString(s + "\n") }

func (w *writer) comment(format string, args ...any) {
	w.line("# " + fmt.Sprintf(format, args...))
}

func (w *writer) kv(k, v string) { w.line(k + " = " + v) }

func (w *writer) input(table string, in measures.Input) {
	w.line("[[" + table + ".inputs]]")
	w.kv("name", q(in.Name))
	w.kv("kind", q(in.Kind.String()))
	if in.Required {
		w.kv("required", "true")
	}
	if len(in.Values) > 0 {
		w.kv("values", list(in.Values))
	}
	w.kv("help", tx(in.Help))
	if len(in.Aliases) > 0 {
		w.line("[" + table + ".inputs.aliases]")
		for _, v := range in.Values {
			if names, ok := in.Aliases[v]; ok {
				w.kv(key(v), list(names))
			}
		}
	}
}

func (w *writer) measure(m *measures.Measure) {
	w.line("")
	w.line("[[measure]]")
	w.kv("name", q(m.Name))
	w.kv("aliases", list(m.Aliases))
	w.kv("clause", q(m.Clause))
	w.kv("title", tx(m.Title))
	w.kv("summary", tx(m.Summary))
	if m.Example != "" {
		w.kv("example", q(m.Example))
	}
	if m.Sides != nil {
		w.kv("sides", "{ a = "+list(m.Sides.A)+", b = "+list(m.Sides.B)+" }")
	}
	for _, a := range m.Assumptions {
		w.line("[[measure.assumptions]]")
		w.kv("text", tx(a.Text))
		if a.Switch != "" {
			w.kv("switch", q(a.Switch))
		}
	}
	for _, in := range m.Inputs {
		w.input("measure", in)
	}
	for _, it := range m.Items {
		w.item(it)
	}
}

func (w *writer) item(it *measures.Item) {
	w.line("")
	w.line("[[measure.item]]")
	w.kv("id", q(it.ID))
	if it.NameEn != "" {
		w.kv("name", tx(measures.Text{Zh: it.Name, En: it.NameEn}))
	} else {
		w.kv("name", "{ zh = "+q(it.Name)+" }") // English names the item by its id
	}
	w.kv("title", tx(it.Title))
	w.kv("kind", q(string(it.Kind.Public())))
	switch {
	case len(it.BaseElse) > 0:
		bases := []string{it.Base}
		for _, b := range it.BaseElse {
			if m, in, ok := strings.Cut(b, "."); ok {
				bases = append(bases, m+"."+measures.FlagToKey(in))
			} else {
				bases = append(bases, measures.FlagToKey(b))
			}
		}
		w.kv("base", list(bases))
	case it.Base != "":
		w.kv("base", q(it.Base))
	}
	if it.BaseOptional {
		w.kv("base_optional", "true")
	}
	if it.Claim != "" {
		w.kv("claim", q(it.Claim))
	}
	switch it.Kind {
	case measures.FixedRate:
		w.kv("rate", q(pct(it.RateHigh)))
	case measures.CeilingRate:
		w.kv("rate", q(pct(it.RateHigh)))
	case measures.RateRange:
		w.kv("rate", q(pct(it.RateLow)+"-"+pct(it.RateHigh)))
	case measures.Floor:
		w.kv("rate", q(pct(it.RateLow)))
		w.kv("years", strconv.Itoa(it.Years))
	}
	if it.RateInput != "" {
		w.kv("rate_input", q(it.RateInput))
	}
	if it.Cap != nil {
		w.kv("cap", q(wan(*it.Cap)))
	}
	if it.Kind == measures.AmountRange {
		w.kv("amounts", list([]string{wan(it.AmountLow), wan(it.AmountHigh)}))
	}
	if it.UpTo {
		w.kv("up_to", "true")
	}
	if it.Prior != "" {
		w.kv("prior", q(it.Prior))
	}
	if it.HighestOnly != "" {
		w.kv("highest_only", q(it.HighestOnly))
	}
	if it.PerLevel != "" {
		w.kv("per_level", q(it.PerLevel))
	}
	if it.Most > 0 {
		w.kv("most", strconv.Itoa(it.Most))
	}
	if len(it.Levels) > 0 {
		var ls []string
		for _, l := range it.Levels {
			ls = append(ls, fmt.Sprintf("{ scheme = %s, label = %s, min = %d }", q(l.Scheme), q(l.Label), l.MinLevel))
		}
		w.kv("levels", "["+strings.Join(ls, ", ")+"]")
	}
	if it.Other != "" {
		w.kv("other", q(it.Other))
	}
	if it.HeadroomCap {
		w.kv("headroom_cap", "true")
	}
	if it.OneByOne {
		w.kv("one_by_one", "true")
	}
	w.kv("payer", q(string(it.Payer)))
	w.kv("recipient", q(string(it.Recipient)))
	w.kv("scope", q(string(it.Scope)))
	w.kv("ledger", q(string(it.Ledger)))
	if it.LedgerWords != "" {
		w.kv("ledger_words", q(it.LedgerWords))
	}
	if it.Reason != (measures.Text{}) {
		w.kv("reason", tx(it.Reason))
	}
	if len(it.Notes) > 0 {
		w.kv("notes", texts(it.Notes))
	}
	w.kv("quote", q(it.Quote))
	for _, t := range it.Tiers {
		w.line("[[measure.item.tiers]]")
		if t.Key != "" {
			w.kv("key", q(t.Key))
		}
		if !t.Threshold.IsZero() {
			w.kv("threshold", q(wan(t.Threshold)))
		}
		w.kv("label", tx(t.Label))
		w.kv("amount", q(wan(t.Amount)))
	}
}

// q quotes a TOML basic string: backslash, quote and control characters
// escaped, everything else as it is (Chinese stays Chinese).
func q(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func tx(t measures.Text) string { return "{ zh = " + q(t.Zh) + ", en = " + q(t.En) + " }" }

func list(ss []string) string {
	qs := make([]string, len(ss))
	for i, s := range ss {
		qs[i] = q(s)
	}
	return "[" + strings.Join(qs, ", ") + "]"
}

// key is a bare TOML key where it can be one, else a quoted one.
func key(s string) string {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return q(s)
		}
	}
	return s
}

// pct writes a rate as a percentage: 0.3 as 30%, 0.035 as 3.5%.
func pct(r decimal.Decimal) string { return r.Shift(2).String() + "%" }

// wan writes an amount as the policy writes it: 1000万, 1亿, else yuan.
func wan(a decimal.Decimal) string {
	if y := a.Shift(-8); y.IsInteger() && !a.IsZero() {
		return y.String() + "亿"
	}
	if w := a.Shift(-4); !a.IsZero() {
		if w.Shift(2).IsInteger() {
			return w.String() + "万"
		}
	}
	return a.String()
}
