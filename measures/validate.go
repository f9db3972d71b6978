package measures

import (
	"fmt"
	"index/suffixarray"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Problem is a mistake in an edition: where it is, as the path of keys of
// the edition file that holds it (measure, [3], item, [0], quote), and
// what it is.
type Problem struct {
	Path []string
	// Line and Col place a problem the file's decoder found (0: by Path).
	Line, Col int
	Msg, Zh   string // in English and in Chinese
}

// In is the problem's words in the language lang ("zh" or "en").
func (p Problem) In(lang string) string { return Text{Zh: p.Zh, En: p.Msg}.In(lang) }

func (p Problem) Error() string {
	if len(p.Path) == 0 {
		return p.Msg
	}
	return DottedPath(p.Path) + ": " + p.Msg
}

// DottedPath writes a path as the file would name it: measure[3].item[0].quote.
func DottedPath(path []string) string {
	var b strings.Builder
	for i, p := range path {
		if i > 0 && !strings.HasPrefix(p, "[") {
			b.WriteByte('.')
		}
		b.WriteString(p)
	}
	return b.String()
}

// Problems are every mistake of an edition, in the order found.
type Problems []Problem

func (ps Problems) Error() string {
	msgs := make([]string, len(ps))
	for i, p := range ps {
		msgs[i] = p.Error()
	}
	return strings.Join(msgs, "\n")
}

// at is the path of an element of an array of tables: measure[3].
func at(key string, i int) []string { return []string{key, "[" + strconv.Itoa(i) + "]"} }

func join(base []string, keys ...string) []string {
	return append(slices.Clone(base), keys...)
}

// Validate checks that the edition is consistent with itself and with the
// policy text: every quotation stands in its clause of the policy, every
// input an item names exists with the right kind, rates lie in [0, 1],
// caps are positive, ids are unique, the 附则's rules are complete for
// their kinds. It returns every problem found, as Problems, or nil.
func (c *Edition) Validate() error {
	var ps Problems
	bad := func(path []string, zh, en string, args ...any) {
		switch {
		case len(ps) > MaxProblems:
			return
		case len(ps) == MaxProblems:
			ps = append(ps, Problem{Path: path, Msg: fmt.Sprintf("more problems; the first %d are listed", MaxProblems), Zh: fmt.Sprintf("还有更多问题；只列出前 %d 个", MaxProblems)})
			return
		}
		for i, a := range args {
			// A stranger's 4 MiB name is said by its beginning.
			if s, ok := a.(string); ok {
				args[i] = shorten(s)
			}
		}
		ps = append(ps, Problem{Path: path, Msg: fmt.Sprintf(en, args...), Zh: fmt.Sprintf(zh, args...)})
	}
	// Each clause's text found once: an edition's text may be a
	// stranger's 4 MiB, its items many.
	texts := map[string]string{}
	clauseText := func(n string) string {
		t, ok := texts[n]
		if !ok {
			t = c.ClauseText(n)
			texts[n] = t
		}
		return t
	}
	// Each quotation is looked for in the text and in its clause: with a
	// stranger's thousand quotes of a thousand characters in 1 MiB, an
	// index of each text (built once) rather than a scan per quote.
	inText := newFinder(c.Text)
	inClause := map[string]*finder{}
	inClauseText := func(n, q string) bool {
		f, ok := inClause[n]
		if !ok {
			f = newFinder(clauseText(n))
			inClause[n] = f
		}
		return f.contains(q)
	}
	head := func(key string) []string { return []string{"edition", key} }
	if c.ID == "" {
		bad(head("id"), "版本缺少 id", "an edition needs an id")
	}
	if c.Policy == "" {
		bad(head("document"), "版本缺少文件名称（document，如 深府规〔2022〕5号）", "an edition needs the document's name")
	}
	if c.Title == "" {
		bad(head("title"), "版本缺少标题（title）", "an edition needs a title")
	}
	if c.Text == "" {
		bad(head("text"), "版本缺少政策原文（text）", "an edition needs its published text")
	}
	switch {
	case c.Supplementary.From.IsZero():
		bad(head("from"), "缺少施行日期（from，如 2022-10-15）", "no date it is in force from (from, e.g. 2022-10-15)")
	case c.Supplementary.To.IsZero():
		bad(head("to"), "缺少有效期截止日（to，如 2027-10-14）", "no date its window ends (to, e.g. 2027-10-14)")
	case c.Supplementary.To.Before(c.Supplementary.From):
		bad(head("to"), "有效期的截止日早于起始日", "the window ends before it begins")
	}
	// A workbook's dates begin in 1900; no policy of the software industry
	// is older, nor dated past 9999.
	for i, d := range []Day{c.Issued, c.Supplementary.From, c.Supplementary.To} {
		key := []string{"issued", "from", "to"}[i]
		if !d.IsZero() && (d.Year < 1900 || d.Year > 9999) {
			bad(head(key), "日期 %s 不在 1900 年至 9999 年之间", "the date %s is not between 1900 and 9999", d)
		}
	}
	if !c.Issued.IsZero() && c.Supplementary.From.Before(c.Issued) {
		bad(head("from"), "施行日期早于印发日期（%s）", "in force before it was issued (%s)", c.Issued)
	}
	// Every phrase is in both languages, or in neither (a reason only a
	// case-by-case item has).
	halfTexts(c, func(path []string, missing string) {
		bad(path, "只有一种语言：缺少 %s（中文 zh 和英文 en 须同时给出）", "a phrase in one language only: %s is missing", missing)
	})

	clauses := map[string]bool{}
	for k, cl := range c.Clauses {
		p := at("clause", k)
		if clauses[cl.Number] {
			bad(join(p, "id"), "条款 %s 重复定义", "clause %s defined twice", cl.Number)
		}
		clauses[cl.Number] = true
		if c.Text == "" {
			continue // no text to look in: said once, at the text key
		}
		if !strings.Contains(c.Text, cl.Number+cl.Title.Zh) {
			bad(join(p, "title"), "条款 %s：标题 %q 与政策原文不符", "clause %s: title %q is not the policy's", cl.Number, cl.Title.Zh)
		}
		if clauseText(cl.Number) == "" {
			bad(join(p, "id"), "条款 %s：政策原文中找不到该条", "clause %s: no text found in the policy", cl.Number)
		}
	}
	c.validateAnnex(bad)
	if _, ok := c.Rule(AnnexWindow); !ok && c.Extends == "" {
		// The window is applied to every event: without its rule, no
		// date could be given and every figure would be 0.
		bad(head("to"), "附则缺少有效期规则（[[annex]] kind = \"window\"，读取 --date）", "the 附则 lack the window rule ([[annex]] kind = \"window\", reading --date)")
	}

	names := map[string]bool{}
	spelled := map[string]string{}
	itemNames := map[string]string{}
	ids := map[string]bool{}
	for i, m := range c.Measures {
		mp := at("measure", i)
		if names[m.Name] {
			bad(join(mp, "name"), "措施 %s 重复定义", "measure %s defined twice", m.Name)
		}
		names[m.Name] = true
		switch _, annex := c.Input(m.Name); {
		case !IsName(m.Name):
			bad(join(mp, "name"), "措施名 %q 须是命令名：小写英文字母、数字和连字符，以字母开头，最多 %d 个字符", "measure name %q is no command name: lower-case letters, digits and hyphens, a letter first, at most %d", m.Name, MaxNameLen)
		case slices.Contains(ReservedNames, m.Name) || annex:
			// A measure is a table of a project file and a subcommand of
			// calc: never a top-level key, nor help.
			bad(join(mp, "name"), "措施名 %s 已是项目文件的顶层键或 szsoft 的命令", "measure name %s is a top-level key of a project file or a command of szsoft", m.Name)
		}
		if len(m.Aliases) == 0 {
			bad(join(mp, "aliases"), "措施 %s：缺少中文名称（aliases）", "measure %s: no Chinese name", m.Name)
		}
		// A name or alias names one measure only: a clerk's 开源 must not
		// be open-source one day and oss-project the next.
		for _, a := range append([]string{m.Name}, m.Aliases...) {
			if other, ok := spelled[choiceKey(a)]; ok && other != m.Name {
				bad(join(mp, "aliases"), "措施 %s：名称 %q 已是措施 %s 的名称", "measure %s: name %q is %s's too", m.Name, a, other)
			}
			spelled[choiceKey(a)] = m.Name
		}
		if !clauses[m.Clause] {
			bad(join(mp, "clause"), "措施 %s：未定义的条款 %q", "measure %s: unknown clause %q", m.Name, m.Clause)
		}
		if len(m.Items) == 0 {
			bad(join(mp, "item"), "措施 %s：没有资助事项（item）", "measure %s: no items", m.Name)
		}
		inputs := map[string]Input{}
		for n, in := range m.Inputs {
			ip := join(mp, "inputs", "["+strconv.Itoa(n)+"]")
			if _, dup := inputs[in.Name]; dup {
				bad(join(ip, "name"), "措施 %s：输入 --%s 重复定义", "measure %s: input --%s defined twice", m.Name, in.Name)
			}
			inputs[in.Name] = in
			checkInput(in, ip, bad)
			if _, annex := c.Input(in.Name); annex {
				bad(join(ip, "name"), "措施 %s：输入 --%s 已是附则的输入", "measure %s: input --%s is the 附则's too", m.Name, in.Name)
			}
		}
		used := map[string]bool{}
		for j, it := range m.Items {
			p := join(mp, "item", "["+strconv.Itoa(j)+"]")
			need := func(key, name string, kinds ...InputKind) {
				if name == "" {
					return
				}
				used[name] = true
				in, ok := inputs[name]
				if !ok {
					bad(join(p, key), "事项 %s：引用了输入 --%s，但措施 %s 没有该输入", "item %s: names input --%s, which %s does not have", it.ID, name, m.Name)
				} else if !slices.Contains(kinds, in.Kind) {
					bad(join(p, key), "事项 %s：输入 --%s 的类型是 %s，不能用于此处", "item %s: input --%s is a %s", it.ID, name, in.Kind)
				}
			}
			if ids[it.ID] {
				bad(join(p, "id"), "事项 %s 重复定义", "item %s defined twice", it.ID)
			}
			ids[it.ID] = true
			if it.ID != m.Name && !strings.HasPrefix(it.ID, m.Name+".") {
				bad(join(p, "id"), "事项 %s：id 须以所属措施名 %s 开头", "item %s: id does not start with its measure %s", it.ID, m.Name)
			}
			if other, dup := itemNames[it.Name]; dup && it.Name != "" {
				bad(join(p, "name"), "事项 %s：中文名称 %q 已是事项 %s 的名称", "item %s: Chinese name %q is %s's too", it.ID, it.Name, other)
			}
			itemNames[it.Name] = it.ID
			switch {
			case it.Quote == "":
				bad(join(p, "quote"), "事项 %s：缺少引文（quote，政策原文中的原句）", "item %s: no quotation (quote, the policy's own words)", it.ID)
			case c.Text == "":
				// No text to look in: said once, at the text key.
			case !inText.contains(it.Quote):
				n, got := quoteMatch(c.Text, it.Quote)
				bad(join(p, "quote"), "事项 %s：引文未逐字出现在政策原文中：前 %d 个字与原文相同，原文接着是 %q，引文是 %q", "item %s: quotation is not in the policy, word for word: its first %d characters match, then the policy has %q where it has %q",
					it.ID, n, got, string([]rune(it.Quote)[n:][:min(8, len([]rune(it.Quote))-n)]))
			case !inClauseText(m.Clause, it.Quote):
				bad(join(p, "quote"), "事项 %s：引文不在条款 %s 中", "item %s: quotation is not from clause %s", it.ID, m.Clause)
			}
			if it.Title.En == "" || it.Title.Zh == "" {
				bad(join(p, "title"), "事项 %s：缺少标题（title，中英文）", "item %s: no title", it.ID)
			}
			if it.Name == "" {
				bad(join(p, "name"), "事项 %s：缺少中文名称（name.zh）", "item %s: no Chinese name", it.ID)
			}
			for _, b := range it.BaseElse {
				if mname, input, ok := strings.Cut(b, "."); ok {
					if om, ok := c.Measure(mname); !ok {
						bad(join(p, "base"), "事项 %s：基数 %s：没有措施 %s", "item %s: base %s: no measure %s", it.ID, b, mname)
					} else if in, ok := om.Input(input); !ok || in.Kind != Amount {
						bad(join(p, "base"), "事项 %s：基数 %s：措施 %[4]s 没有金额输入 %[3]s", "item %s: base %s: no amount %s in %s", it.ID, b, input, mname)
					}
				} else if in, ok := c.Input(b); !ok || in.Kind != Amount {
					bad(join(p, "base"), "事项 %s：基数 %s：不是附则的金额输入", "item %s: base %s: no amount of the 附则", it.ID, b)
				}
			}
			// The ledger's class, and its words in the item's own quotation.
			if it.LedgerWords != "" && !strings.Contains(it.Quote, it.LedgerWords) {
				bad(join(p, "ledger_words"), "事项 %s：%q 不在本事项的引文中", "item %s: %q is not in its quotation", it.ID, it.LedgerWords)
			}
			switch {
			case !slices.Contains(LedgerClasses, it.Ledger):
				bad(join(p, "ledger"), "事项 %s：台账类别 %q 不在 %v 之中", "item %s: ledger class %q is none of %v", it.ID, it.Ledger, LedgerClasses)
			case it.Ledger != PerAward && it.LedgerWords == "":
				bad(join(p, "ledger_words"), "事项 %s：台账类别 %s 缺少所依据的原文（ledger_words）", "item %s: ledger class %s without the words it rests on", it.ID, it.Ledger)
			case it.Ledger == Staged && it.Cap == nil && it.Kind != AmountRange:
				bad(join(p, "ledger"), "事项 %s：分阶段给予，但没有总额（cap）", "item %s: staged without an overall amount", it.ID)
			case it.Ledger == OnceOnly && it.Kind != Tier && it.Kind != Milestone && it.Kind != CapOnly:
				bad(join(p, "ledger"), "事项 %s：只给予一次的类别只适用于 tier、cap-only 事项", "item %s: once only, of a kind the ledger does not know", it.ID)
			case it.Ledger == LimitedYears && (it.Kind != Floor || it.Years < 1):
				bad(join(p, "ledger"), "事项 %s：限定年数，但没有年数（years）", "item %s: limited years, but no years to count", it.ID)
			}
			// A key left out is said as missing, with what it takes.
			recipients := make([]string, len(Recipients))
			for n, r := range Recipients {
				recipients[n] = string(r)
			}
			switch {
			case it.Payer == "":
				bad(join(p, "payer"), "事项 %s：缺少出资方（payer = \"municipal\" 或 \"district\"）", "item %s: no payer (payer = \"municipal\" or \"district\")", it.ID)
			case it.Payer != Municipal && it.Payer != District:
				bad(join(p, "payer"), "事项 %s：未知的出资方 %q（municipal 或 district）", "item %s: unknown payer %q (municipal or district)", it.ID, it.Payer)
			}
			switch {
			case it.Recipient == "":
				bad(join(p, "recipient"), "事项 %[1]s：缺少受资助方（recipient，可用：%[2]s）", "item %[1]s: no recipient (recipient, one of %[3]s)", it.ID, strings.Join(recipients, "、"), strings.Join(recipients, ", "))
			case !slices.Contains(Recipients, it.Recipient):
				bad(join(p, "recipient"), "事项 %[1]s：未知的受资助方 %[2]q（可用：%[3]s）", "item %[1]s: unknown recipient %[2]q (one of %[4]s)", it.ID, it.Recipient, strings.Join(recipients, "、"), strings.Join(recipients, ", "))
			}
			switch {
			case it.Scope == "":
				bad(join(p, "scope"), "事项 %s：缺少范围（scope = \"project\" 或 \"firm\"）", "item %s: no scope (scope = \"project\" or \"firm\")", it.ID)
			case it.Scope != ProjectScope && it.Scope != FirmScope:
				bad(join(p, "scope"), "事项 %s：未知的范围 %q（project 或 firm）", "item %s: unknown scope %q (project or firm)", it.ID, it.Scope)
			}
			if it.OneByOne && it.Kind != CaseByCase {
				bad(join(p, "one_by_one"), "事项 %s：只有 case-by-case 事项才是一事一议", "item %s: only a case-by-case item is 一事一议", it.ID)
			}
			if in, ok := inputs[it.Claim]; ok && in.Kind == Switch && it.Kind == Tier && len(it.Tiers) != 1 {
				bad(join(p, "tiers"), "事项 %s：由开关 --%s 申报的档次只能有一档", "item %s: a tier claimed by the switch --%s has one step", it.ID, it.Claim)
			}
			need("base", it.Base, Amount)
			need("claim", it.Claim, Switch, Choice, Choices)
			need("rate_input", it.RateInput, Rate)
			need("prior", it.Prior, Amount)
			need("highest_only", it.HighestOnly, Switch)
			need("per_level", it.PerLevel, Switch)
			if it.Cap != nil && !it.Cap.IsPositive() {
				bad(join(p, "cap"), "事项 %s：上限须大于0", "item %s: cap must be positive", it.ID)
			}
			checkKind(it, p, bad)
		}
		for n, in := range m.Inputs {
			if !used[in.Name] {
				bad(join(mp, "inputs", "["+strconv.Itoa(n)+"]", "name"), "措施 %s：输入 --%s 未被任何事项使用", "measure %s: input --%s feeds no item", m.Name, in.Name)
			}
		}
		if m.Sides != nil {
			for _, id := range append(slices.Clone(m.Sides.A), m.Sides.B...) {
				if itemOf(m, id) == nil {
					bad(join(mp, "sides"), "措施 %s：sides 中的事项 %s 不属于本措施", "measure %s: side item %s is not one of its items", m.Name, id)
				}
			}
			if len(m.Sides.A) == 0 || len(m.Sides.B) == 0 {
				bad(join(mp, "sides"), "措施 %s：sides 的一方没有事项", "measure %s: a side without items", m.Name)
			}
		}
	}
	for k, a := range c.Alternatives {
		p := at("alternative", k)
		computable := 0
		for n, id := range a.Items {
			if slices.Contains(a.Items[:n], id) {
				bad(join(p, "items"), "择一组 %v：事项 %s 出现了两次", "alternative %v: item %s twice", a.Items, id)
				continue
			}
			it, ok := c.Item(id)
			if !ok {
				bad(join(p, "items"), "择一组：没有事项 %s", "alternative: no item %s", id)
				continue
			}
			if it.Kind != CaseByCase {
				computable++
			}
			if a.Linked && it.Ledger != OncePerProject {
				bad(join(p, "linked"), "择一组 %v：标为同一项目（linked），但 %s 不是每个项目给予一次（once-per-project）", "alternative %v: linked, but %s is not paid once per project", a.Items, id)
			}
		}
		if len(a.Items) < 2 || computable == 0 {
			bad(join(p, "items"), "择一组 %v：至少两个事项，其中至少一个可计算金额", "alternative %v: needs two items, one of them with a figure", a.Items)
		}
		if a.Why.Zh == "" || a.Why.En == "" {
			bad(join(p, "why"), "择一组 %v：缺少理由（why，中英文）", "alternative %v: needs the reason", a.Items)
		}
		if a.Prefer != "" && !slices.Contains(a.Items, a.Prefer) {
			bad(join(p, "prefer"), "择一组 %v：prefer 的 %s 不在本组中", "alternative %v: prefers %s, not one of its items", a.Items, a.Prefer)
		}
	}
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// checkInput checks an input's declaration: help in both languages,
// values for choices only, every value and name naming one value.
func checkInput(in Input, p []string, bad func([]string, string, string, ...any)) {
	switch {
	case in.Name == "":
		bad(join(p, "name"), "输入缺少名称（name）", "an input needs a name")
	case !IsName(in.Name):
		bad(join(p, "name"), "输入名 %q 须是参数名：小写英文字母、数字和连字符，以字母开头，最多 %d 个字符", "input name %q is no flag name: lower-case letters, digits and hyphens, a letter first, at most %d", in.Name, MaxNameLen)
	case slices.Contains(ReservedFlags, in.Name):
		bad(join(p, "name"), "输入名 --%s 已是 szsoft 自己的参数", "input name --%s is one of szsoft's own flags", in.Name)
	}
	for _, v := range in.Values {
		if !isValue(v) {
			bad(join(p, "values"), "输入 --%s：取值 %q 须是小写英文字母、数字和连字符，以字母或数字开头", "input --%s: value %q is not lower-case letters, digits and hyphens", in.Name, v)
		}
	}
	if (in.Kind == Choice || in.Kind == Choices) != (len(in.Values) > 0) {
		bad(join(p, "values"), "输入 --%s：只有 choice、choices 类输入才有 values，且必须有", "input --%s: values go with choices only", in.Name)
	}
	named := map[string]string{}
	for _, v := range in.Values {
		for _, a := range append([]string{v}, in.Aliases[v]...) {
			if other, ok := named[choiceKey(a)]; ok && other != v {
				bad(join(p, "aliases"), "输入 --%s：%q 同时指 %s 和 %s", "input --%s: %q names %s and %s", in.Name, a, other, v)
			}
			named[choiceKey(a)] = v
		}
	}
	for v := range in.Aliases {
		if !slices.Contains(in.Values, v) {
			bad(join(p, "aliases"), "输入 --%s：%q 不是取值之一，不能有别名", "input --%s: aliases of %q, not a value", in.Name, v)
		}
	}
	if in.Help.En == "" || in.Help.Zh == "" {
		bad(join(p, "help"), "输入 --%s 缺少说明（help，中英文）", "input --%s has no help", in.Name)
	}
	if in.Kind == Amount && strings.Contains(in.Help.Zh, "元") {
		bad(join(p, "help"), "输入 --%s：单位由类型说明，help 中不写“元”", "input --%s: the unit is the kind's to state, not the help's", in.Name)
	}
}

// validateAnnex checks the 附则's rules: known kinds, each once, its words
// in the 附则, the inputs its kind reads, a reading and a ceiling where
// its kind has them.
func (c *Edition) validateAnnex(bad func([]string, string, string, ...any)) {
	seen := map[AnnexKind]bool{}
	annexText := c.ClauseText("附则")
	for k, r := range c.Annex {
		p := at("annex", k)
		if !slices.Contains(AnnexKinds, r.Kind) {
			bad(join(p, "kind"), "附则规则的类型 %q 不在 %v 之中", "annex rule of kind %q: none of %v", r.Kind, AnnexKinds)
			continue
		}
		if seen[r.Kind] {
			bad(join(p, "kind"), "附则规则 %s 重复给出", "annex rule %s given twice", r.Kind)
		}
		seen[r.Kind] = true
		switch {
		case r.Quote == "" || !strings.Contains(c.Text, r.Quote):
			bad(join(p, "quote"), "附则规则 %s：引文 %q 未逐字出现在政策原文中", "annex rule %s: quotation %q is not in the policy, word for word", r.Kind, r.Quote)
		case annexText != "" && !strings.Contains(annexText, r.Quote):
			bad(join(p, "quote"), "附则规则 %s：引文不在附则中", "annex rule %s: quotation is not from the 附则", r.Kind)
		}
		want := AnnexInputs[r.Kind]
		var got []string
		for n, in := range r.Inputs {
			got = append(got, in.Name)
			ip := join(p, "inputs", "["+strconv.Itoa(n)+"]")
			if !slices.Contains(want, in.Name) {
				bad(join(ip, "name"), "附则规则 %s 不读取输入 --%s（它读取 %s）", "annex rule %s reads no input --%s (it reads %s)", r.Kind, in.Name, strings.Join(want, ", "))
			}
			checkInput(in, ip, bad)
		}
		for _, w := range want {
			if !slices.Contains(got, w) {
				bad(join(p, "inputs"), "附则规则 %s：缺少输入 --%s（该类型读取 %s）", "annex rule %s: input --%s missing (its kind reads %s)", r.Kind, w, strings.Join(want, ", "))
			}
		}
		switch r.Kind {
		case AnnexNote:
			if r.Note.Zh == "" || r.Note.En == "" {
				bad(join(p, "note"), "附则规则 note：须给出说明（note，中英文）", "annex rule note: needs what it says (note, in both languages)")
			}
		case AnnexCumulativeCap:
			if r.Reading != "literal" && r.Reading != "all-levels" {
				bad(join(p, "reading"), "附则规则 %s：读法 %q 既不是 literal 也不是 all-levels", "annex rule %s: reading %q is neither literal nor all-levels", r.Kind, r.Reading)
			}
		case AnnexDistrictMatch:
			if !r.Ceiling.IsPositive() || r.Ceiling.GreaterThan(decimal.NewFromInt(1)) {
				bad(join(p, "ceiling"), "附则规则 %s：配套比例上限须大于0%%、不超过100%%", "annex rule %s: a ceiling above 0%% and at most 100%%", r.Kind)
			}
		}
	}
	for n, in := range c.Supplementary.Assumptions {
		if in.Switch != "" && !slices.ContainsFunc(c.Supplementary.Inputs, func(i Input) bool { return i.Name == in.Switch }) && in.Switch != InSameKind {
			bad(join(at("reading", n), "switch"), "解读引用了 --%s，但没有附则规则读取它", "reading names --%s, which no annex rule reads", in.Switch)
		}
	}
}

// halfTexts calls half with the place of every phrase of the edition
// that has words in one language and not the other.
func halfTexts(c *Edition, half func(path []string, missing string)) {
	check := func(t Text, path []string) {
		switch {
		case t.Zh == "" && t.En != "":
			half(path, "zh")
		case t.En == "" && t.Zh != "":
			half(path, "en")
		}
	}
	inputs := func(ins []Input, base []string) {
		for n, in := range ins {
			check(in.Help, join(base, "inputs", "["+strconv.Itoa(n)+"]", "help"))
		}
	}
	for k, cl := range c.Clauses {
		check(cl.Title, join(at("clause", k), "title"))
		check(cl.Summary, join(at("clause", k), "summary"))
	}
	for i, m := range c.Measures {
		mp := at("measure", i)
		check(m.Title, join(mp, "title"))
		check(m.Summary, join(mp, "summary"))
		inputs(m.Inputs, mp)
		for n, a := range m.Assumptions {
			check(a.Text, join(mp, "assumptions", "["+strconv.Itoa(n)+"]", "text"))
		}
		for j, it := range m.Items {
			p := join(mp, "item", "["+strconv.Itoa(j)+"]")
			check(it.Title, join(p, "title"))
			check(it.Reason, join(p, "reason"))
			for n, note := range it.Notes {
				check(note, join(p, "notes", "["+strconv.Itoa(n)+"]"))
			}
			for n, st := range it.Tiers {
				check(st.Label, join(p, "tiers", "["+strconv.Itoa(n)+"]", "label"))
			}
		}
	}
	for k, a := range c.Alternatives {
		check(a.Why, join(at("alternative", k), "why"))
	}
	for k, r := range c.Annex {
		inputs(r.Inputs, at("annex", k))
	}
	for n, a := range c.Supplementary.Assumptions {
		check(a.Text, join(at("reading", n), "text"))
	}
}

func itemOf(m *Measure, id string) *Item {
	for _, it := range m.Items {
		if it.ID == id {
			return it
		}
	}
	return nil
}

func checkKind(it *Item, p []string, bad func([]string, string, string, ...any)) {
	kbad := func(key, zh, en string) {
		bad(join(p, key), "事项 %s（%s）："+zh, "item %s (%s): "+en, it.ID, it.Kind)
	}
	rates := func() {
		if it.RateLow.IsNegative() || it.RateLow.GreaterThan(it.RateHigh) || it.RateHigh.GreaterThan(decimal.NewFromInt(1)) || !it.RateHigh.IsPositive() {
			kbad("rate", "比例须满足 0 ≤ 下限 ≤ 上限 ≤ 100%%，且上限大于0", "rates must satisfy 0 <= low <= high <= 1, high > 0")
		}
		if it.Base == "" {
			kbad("base", "按比例计算须有基数（base）", "a rate needs a base")
		}
	}
	switch it.Kind {
	case FixedRate:
		rates()
		if !it.RateLow.Equal(it.RateHigh) || it.RateInput != "" {
			kbad("rate", "固定比例只有一个比例，没有比例输入（rate_input）", "a fixed rate has one rate and no rate input")
		}
	case CeilingRate:
		rates()
		if !it.RateLow.IsZero() || it.Cap == nil {
			kbad("cap", "不超过某比例的事项从0开始，且须有上限（cap）", "a ceiling rate starts at 0 and has a cap")
		}
	case RateRange:
		rates()
		if !it.RateLow.IsPositive() || it.Cap == nil {
			kbad("rate", "比例区间的下限须大于0，且须有上限（cap）", "a rate range has a positive bottom and a cap")
		}
	case CapOnly:
		if it.Cap == nil {
			kbad("cap", "cap-only 事项须有上限（cap）", "cap only needs a cap")
		}
	case Tier, Milestone:
		if len(it.Tiers) == 0 {
			kbad("tiers", "没有档次（tiers）", "no tiers")
		}
		for i, t := range it.Tiers {
			if !t.Amount.IsPositive() {
				kbad("tiers", "各档金额须大于0", "tier amounts must be positive")
			}
			if (it.Kind == Milestone) != t.Threshold.IsPositive() || it.Kind == Milestone && i > 0 && !it.Tiers[i-1].Threshold.LessThan(t.Threshold) {
				kbad("tiers", "首次达到类档次须有递增的门槛（threshold），按类别的档次不能有门槛", "a milestone's tiers have rising thresholds, a tier's none")
			}
		}
		if it.Kind == Milestone && (it.Base == "" || it.Prior == "") {
			kbad("prior", "首次达到类档次须有基数（base）和以往最高值输入（prior）", "a milestone needs a base and a prior peak")
		}
	case AmountRange:
		if !it.AmountLow.IsPositive() || it.AmountLow.GreaterThan(it.AmountHigh) {
			kbad("amounts", "金额区间须满足 0 < 下限 ≤ 上限", "an amount range needs 0 < low <= high")
		}
	case Floor:
		rates()
		if it.Years < 1 {
			kbad("years", "不低于某比例的事项须有年数（years）", "a floor needs a number of years")
		}
	case CaseByCase:
		if it.Reason.En == "" || it.Reason.Zh == "" {
			kbad("reason", "case-by-case 事项须有理由（reason，中英文）", "case by case needs a reason")
		}
	default:
		kbad("kind", "未知的规则类型", "unknown kind")
	}
	if it.Kind != CaseByCase && it.Reason.En != "" {
		kbad("reason", "只有 case-by-case 事项才有理由（reason）", "only case-by-case items have a reason")
	}
}

// MaxProblems is the most problems an edition's check lists: a stranger's
// file with 10,000 bad items is told by its first hundred.
const MaxProblems = 100

// MaxNameLen is the longest name of a measure or an input.
const MaxNameLen = 40

// ReservedFlags are szsoft's own flags: no input of an edition may be
// named as one of them, or it would shadow it.
var ReservedFlags = []string{"help", "version", "lang", "policy", "file", "out", "output", "unit",
	"explain", "bom", "no-bom", "preparer", "credit-code", "received", "same-kind", "jobs", "by", "roster", "editions"}

// ReservedNames are what no measure may be named: the top-level keys of a
// project file (docs/contract.md §4) and the commands calc has besides its
// measures.
var ReservedNames = []string{"name", "applicant", "credit-code", "credit_code", "preparer", "unit", "policy", "received",
	"same-kind", "same_kind", "date", "help", "completion"}

// IsName reports whether s can name a command or a flag: lower-case
// ASCII letters, digits and hyphens, a letter first, at most MaxNameLen.
func IsName(s string) bool { return s != "" && s[0] >= 'a' && s[0] <= 'z' && isValue(s) }

// isValue reports whether s can be a choice's value: as a name, but a
// digit may come first.
func isValue(s string) bool {
	if s == "" || len(s) > MaxNameLen || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// shorten is a long value said by its beginning.
func shorten(s string) string {
	if len(s) <= 200 {
		return s
	}
	r := []rune(s)
	if len(r) > 80 {
		r = r[:80]
	}
	return string(r) + "…"
}

// quoteMatch finds where the text comes nearest to the quotation: the most
// leading characters of q found in text, and the characters (up to 8) the
// text has after them — what a clerk compares with the quotation to find
// the character typed otherwise.
func quoteMatch(text, q string) (n int, next string) {
	r := []rune(q)
	lo, hi := 0, len(r)
	for lo < hi { // the longest prefix of q in text, by bisection
		mid := (lo + hi + 1) / 2
		if strings.Contains(text, string(r[:mid])) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return 0, ""
	}
	i := strings.Index(text, string(r[:lo])) + len(string(r[:lo]))
	after := []rune(text[i:])
	return lo, string(after[:min(8, len(after))])
}

// finder says whether a text holds a phrase: a short text by a scan, a
// long one by its suffix array.
type finder struct {
	text  string
	index *suffixarray.Index
}

func newFinder(text string) *finder {
	f := &finder{text: text}
	if len(text) > 64<<10 {
		f.index = suffixarray.New([]byte(text))
	}
	return f
}

func (f *finder) contains(q string) bool {
	if f.index == nil || q == "" {
		return strings.Contains(f.text, q)
	}
	return len(f.index.Lookup([]byte(q), 1)) > 0
}
