package calc

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// The applicant view (docs/contract.md §11): a project file is one funded
// project of one applicant, and the firm-scope awards (revenue tiers,
// listing, park recognition, relocation, quality, …) ride along with
// whichever file claims them. Across an applicant's files each firm award
// counts once, and the ledger's once-only and staged rules of firm-scope
// items see every file's receipts.

// Filed is one computed file of a batch as the applicant view keeps it:
// its names, its totals, its firm claims and its firm receipts.
type Filed struct {
	File            string
	Name            string          // the project's name
	Applicant, Code string          // as given, and the 统一社会信用代码 or ""
	grand, part     int64           // the grand total and the project part, in fen
	Ratio           decimal.Decimal // the district's matching ratio R
	// claims are its claimed firm-scope lines as awards, in few bytes
	// (Claims spells them out); Receipts its ledger's firm-scope entries,
	// which count for every file of the applicant; Date is the event's.
	claims   []firmClaim
	Receipts []Received
	Date     Date
}

// firmClaim is an award as a file keeps it until its applicant is
// counted: a batch keeps one a claim of every file, and Award, with its
// amounts as decimals and its names, took 10 MB for 20,000 files.
type firmClaim struct {
	edition       *measures.Edition
	item          *measures.Item
	level         string
	amount, match int64 // in fen
}

// NewFiled is a file of a project with the totals given and no firm
// award: what a form's test lists under an applicant.
func NewFiled(file, name string, grand, part decimal.Decimal) Filed {
	return Filed{File: file, Name: name, grand: inFen(grand), part: inFen(part)}
}

// Grand is the file's grand total.
func (f *Filed) Grand() decimal.Decimal { return decimal.New(f.grand, -2) }

// ProjectPart is the file's project part: its grand total less its firm
// awards and their match.
func (f *Filed) ProjectPart() decimal.Decimal { return decimal.New(f.part, -2) }

// inFen is an amount of money in fen.
func inFen(d decimal.Decimal) int64 { return d.Shift(2).IntPart() }

// HasFirm reports whether the file claims a firm-scope item.
func (f *Filed) HasFirm() bool { return len(f.claims) > 0 }

// Claims are the file's firm awards.
func (f *Filed) Claims() []Award {
	out := make([]Award, len(f.claims))
	for i, c := range f.claims {
		out[i] = Award{Edition: c.edition, Item: c.item, Level: c.level, Date: f.Date,
			File: f.File, Amount: decimal.New(c.amount, -2), Match: decimal.New(c.match, -2)}
	}
	return out
}

// keep keeps awards as claims.
func (f *Filed) keep(as []Award) {
	for _, a := range as {
		f.claims = append(f.claims, firmClaim{edition: a.Edition, item: a.Item, level: a.Level,
			amount: inFen(a.Amount), match: inFen(a.Match)})
	}
}

// stepLabel is the label of the step of a tier or milestone item a level
// names, or none.
func stepLabel(it *measures.Item, level string) measures.Text {
	for _, st := range it.Tiers {
		if level != "" && (st.Key == level || it.Kind == measures.Milestone && st.Threshold.String() == level) {
			return st.Label
		}
	}
	return measures.Text{}
}

// FileOf keeps what the applicant view needs of a file's result: its
// grand total, its project part — the municipal total less its firm
// lines, the district match less R × its firm lines, and its other
// district lines — its firm claims and its firm receipts.
//
// The result itself is not kept (a batch of 20,000 files kept 70 MB of
// them, and the collector spent more time on them than the run on its
// files): a file that must be computed again with the applicant's ledger
// is read again (Group's reload).
func FileOf(file string, r *Result) Filed {
	// Its own copies of the names: not the file's text they stand in.
	f := Filed{File: strings.Clone(file), Name: strings.Clone(r.Name), Applicant: strings.Clone(r.Applicant), Code: strings.Clone(r.CreditCode),
		grand: inFen(r.GrandTotal()), Ratio: r.Inputs.Rates[measures.InDistrictRatio], Date: r.Date}
	for _, e := range r.Received {
		if it, ok := r.Edition.Item(e.Item); ok && it.Scope == measures.FirmScope {
			if e.Date == nil {
				// Undated: the event's, as the file's own ledger reads it.
				d := r.Date
				e.Date = &d
			}
			f.Receipts = append(f.Receipts, e)
		}
	}
	// The firm lines: the city's, the edition's district-paid ones, and a
	// district layer's (a district's 「一次性」 award is the firm's too).
	firmM, firmD, firmL := decimal.Zero, decimal.Zero, decimal.Zero
	for i := range r.Lines {
		l := &r.Lines[i]
		if l.Item.Scope != measures.FirmScope {
			continue
		}
		if l.Claimed && l.ExcludedBy == "" {
			f.keep(f.awards(r, l))
		}
		switch {
		case l.Max == nil:
		case layerOf(r.Edition, l) != nil:
			firmL = firmL.Add(*l.Max)
		case l.Item.Payer == measures.District:
			firmD = firmD.Add(*l.Max)
		default:
			firmM = firmM.Add(*l.Max)
		}
	}
	match := decimal.Max(decimal.Zero, r.DistrictMatch.Sub(money(f.Ratio.Mul(firmM))))
	f.part = inFen(decimal.Max(decimal.Zero, r.Total.Sub(firmM)).Add(match).Add(r.DistrictPaid().Sub(firmD)).Add(r.LayerPaid().Sub(firmL)))
	return f
}

// awards are a claimed firm-scope line of the file as awards: a tier or
// milestone line one award per step it pays (the 10亿 and the 50亿 tiers
// are two awards, each paid once), else the line as one award, its level
// the choice claimed.
func (f *Filed) awards(r *Result, l *Line) []Award {
	base := Award{Edition: r.Edition, Item: l.Item, Level: levelClaimed(r, l.Item), Date: r.Date, File: f.File, Amount: decimal.Zero}
	if l.Max != nil {
		base.Amount = *l.Max
	}
	var steps []Award
	sum := decimal.Zero
	for _, n := range l.Notes {
		if n.Code != NoteTierStep && n.Code != NoteTierUpTo && n.Code != NoteReached {
			continue
		}
		label, _ := n.Args.Get("label").(measures.Text)
		i := slices.IndexFunc(l.Item.Tiers, func(s measures.Step) bool { return s.Label == label })
		if i < 0 {
			steps = nil
			break
		}
		st := l.Item.Tiers[i]
		aw := base
		aw.Level, aw.Amount = st.Key, st.Amount
		if l.Item.Kind == measures.Milestone {
			aw.Level = st.Threshold.String()
		}
		steps = append(steps, aw)
		sum = sum.Add(st.Amount)
	}
	// The steps stand for the line only when they add up to it.
	if len(steps) == 0 || !sum.Equal(base.Amount) {
		steps = []Award{base}
	}
	for i := range steps {
		if l.Item.Payer != measures.District && layerOf(r.Edition, l) == nil {
			steps[i].Match = money(f.Ratio.Mul(steps[i].Amount))
		}
	}
	return steps
}

// Applicant is one applicant of a batch: its files, its firm awards each
// once, and its total.
type Applicant struct {
	Name, CreditCode string
	Files            []Filed
	// Awards are the firm awards counted, each once: the largest claim of
	// each item, choice and calendar year; Duplicates the other claims,
	// each naming the file the award is counted from.
	Awards, Duplicates []Award
	// Total is what the applicant receives at most: every file's project
	// part, each award once with R × it as match (R of its file).
	Total decimal.Decimal
	// Names are the other names files give with the applicant's code.
	Names []string
	// Unlisted counts the duplicates past MaxListedDuplicates: counted
	// out as the others, not listed.
	Unlisted int
	// Ambiguous are the files without a code that joined this applicant
	// by a name other files give with other codes.
	Ambiguous []string
	// TooManyReceipts: the files' firm-scope receipts were more than
	// MaxApplicantReceipts, and each file's own ledger stood.
	TooManyReceipts bool
}

// Award is a firm-scope line of one file, as the applicant counts it.
type Award struct {
	Edition *measures.Edition // the edition the item is the file's of
	Item    *measures.Item
	// Level is the step paid (a tier's key, "provincial"; a milestone's
	// threshold, "1000000000"), or the choice claimed ("cmmi-5"), or "".
	Level  string
	Date   Date // the event's
	File   string
	Amount decimal.Decimal // the line's max, with the applicant's ledger
	Match  decimal.Decimal // R × Amount for a municipal award; 0 for a district one
	// Kept is, for a duplicate, the file whose claim is counted.
	Kept string
}

// Year is the calendar year of the award's event.
func (a Award) Year() int { return a.Date.Year }

// Label is the step's label where Level names a step (10亿元, 省级), else
// none.
func (a Award) Label() measures.Text { return stepLabel(a.Item, a.Level) }

// Key is what makes two claims one award: the item, the step or choice,
// and the calendar year — but an item paid once only (「首次达到」, 上市)
// or in stages up to one amount (落户) is one award whatever the year.
func (a Award) Key() string {
	if a.once() {
		return a.Item.ID + "|" + a.Level
	}
	return a.Item.ID + "|" + a.Level + "|" + strconv.Itoa(a.Year())
}

// once reports whether the award's item is paid once, or in stages up to
// one amount, over the firm's life.
func (a Award) once() bool {
	return a.Item.Ledger == measures.OnceOnly || a.Item.Ledger == measures.Staged
}

// better reports whether the claim a counts rather than b for one award:
// of an item paid once or in stages, the claim of the latest event (the
// one that sees the most receipts), else the largest; on a tie, the first.
func (a Award) better(b Award) bool {
	if a.once() && !a.Date.IsZero() && !b.Date.IsZero() && a.Date != b.Date {
		return b.Date.Before(a.Date)
	}
	// The largest with its match: what the firm receives of it.
	return a.Amount.Add(a.Match).GreaterThan(b.Amount.Add(b.Match))
}

// ApplicantKey is how an applicant is told apart: its code, else its name
// trimmed, full-width folded and case folded; "" when the file names
// neither.
func ApplicantKey(name, code string) string {
	if code != "" {
		return "code:" + code
	}
	if n := strings.ToLower(strings.Join(strings.Fields(visible(Fold(name))), " ")); n != "" {
		return "name:" + n
	}
	return ""
}

// visible is s without what does not show: format characters (zero-width
// joiners, a soft hyphen, bidirectional marks), other ignorable code
// points and combining marks — two spellings of one firm's name that look
// alike are one applicant.
func visible(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.In(r, unicode.Cf, unicode.Mn, unicode.Me, unicode.Other_Default_Ignorable_Code_Point) {
			return -1
		}
		return r
	}, s)
}

// Codes are the codes a batch's files give with each applicant's name
// (Add each file's): a file of that name without a code joins the first,
// and the others are said.
type Codes struct {
	codeOf map[string]string   // a folded name → the first code's key
	others map[string][]string // a folded name → the other codes
}

// Add notes the code a file gives with its applicant's name.
func (k *Codes) Add(name, code string) {
	if code == "" {
		return
	}
	if k.codeOf == nil {
		k.codeOf, k.others = map[string]string{}, map[string][]string{}
	}
	n := ApplicantKey(name, "")
	switch c := ApplicantKey("", code); {
	case n == "":
	case k.codeOf[n] == "":
		k.codeOf[n] = c
	case k.codeOf[n] != c && !slices.Contains(k.others[n], code):
		k.others[n] = append(k.others[n], code)
	}
}

// Key is the applicant a file is counted under: its code, else the code
// its name was given with, else its name ("" when neither).
func (k *Codes) Key(name, code string) string {
	key := ApplicantKey(name, code)
	if c, ok := k.codeOf[key]; ok && code == "" {
		return c
	}
	return key
}

// Group groups the files by applicant (Codes.Key: by code, a file without
// a code joining the code its folded name was given with, else by name),
// in the order of their first file, and counts each one's firm awards
// once; k holds the codes of the whole batch. Files that name no
// applicant are no applicant's. reload reads a file again, to be computed
// with the firm-scope receipts of the applicant's other files (nil: its
// own claims stand).
func Group(files []Filed, reload func(file string) *Result, k *Codes) []*Applicant {
	others := k.others
	var as []*Applicant
	byKey := map[string]*Applicant{}
	for _, f := range files {
		key := k.Key(f.Applicant, f.Code)
		if key == "" {
			continue
		}
		a := byKey[key]
		if a == nil {
			a = &Applicant{Name: f.Applicant, CreditCode: f.Code}
			byKey[key] = a
			as = append(as, a)
		}
		if a.Name == "" {
			a.Name = f.Applicant
		}
		// One code, several names: a mistyped code joins two firms.
		if n := ApplicantKey(f.Applicant, ""); f.Code != "" && n != "" && n != ApplicantKey(a.Name, "") && !slices.Contains(a.Names, strings.TrimSpace(f.Applicant)) {
			a.Names = append(a.Names, strings.TrimSpace(f.Applicant))
		}
		if a.CreditCode == "" {
			a.CreditCode = f.Code
		}
		a.Files = append(a.Files, f)
		if f.Code == "" && len(others[ApplicantKey(f.Applicant, "")]) > 0 {
			// One name, several codes: the file joins the first; said.
			a.Ambiguous = append(a.Ambiguous, f.File)
		}
	}
	for _, a := range as {
		a.count(reload)
	}
	return as
}

// count finds the applicant's awards, with its whole ledger, and its total.
func (a *Applicant) count(reload func(file string) *Result) {
	// Every firm-scope receipt of the applicant's files, each once.
	var ledger []Received
	seen := map[string]bool{}
	for _, f := range a.Files {
		for _, e := range f.Receipts {
			if k := e.key(); !seen[k] {
				seen[k] = true
				ledger = append(ledger, e)
			}
		}
	}
	if len(ledger) > MaxApplicantReceipts {
		// A stranger's thousand files of a thousand receipts each would
		// be computed again with a million: each file's own ledger then
		// stands, and that is said.
		a.TooManyReceipts, ledger = true, nil
	}
	led := newFirmLedger(ledger)
	var claims []Award
	for _, f := range a.Files {
		a.Total = a.Total.Add(f.ProjectPart())
		claims = append(claims, f.again(led, reload)...)
	}
	// The largest claim of each award is counted, the first on a tie; the
	// others are duplicates naming the file it is counted from, in the
	// order of the claims.
	best := map[string]int{} // key → index in claims
	var order []string
	for i, c := range claims {
		k := c.Key()
		j, seen := best[k]
		switch {
		case !seen:
			best[k] = i
			order = append(order, k)
		case c.better(claims[j]):
			best[k] = i
		}
	}
	for _, k := range order {
		a.Awards = append(a.Awards, claims[best[k]])
	}
	for i, c := range claims {
		if j := best[c.Key()]; j != i {
			if len(a.Duplicates) == MaxListedDuplicates {
				a.Unlisted++
				continue
			}
			c.Kept = claims[j].File
			a.Duplicates = append(a.Duplicates, c)
		}
	}
	for _, aw := range a.Awards {
		a.Total = a.Total.Add(aw.Amount).Add(aw.Match)
	}
}

// MaxListedDuplicates is the most duplicate claims an applicant lists: a
// roster of 100,000 rows claiming one award is one award and 99,999
// duplicates, which no reader wants listed.
const MaxListedDuplicates = 1000

// MaxApplicantReceipts is the most firm-scope receipts an applicant's
// files are combined with.
const MaxApplicantReceipts = 10000

// key is what makes two receipts one: the same item, amount, date, payer
// and level (the same receipt listed in two files).
func (e Received) key() string {
	d := ""
	if e.Date != nil {
		d = e.Date.String()
	}
	return e.Item + "|" + e.Amount.String() + "|" + d + "|" + string(e.Payer) + "|" + e.Level
}

// again is the file's firm awards with the applicant's ledger: the file
// computed again with the firm-scope receipts it lacks, or its own claims
// when it lacks none.
func (f *Filed) again(led *firmLedger, reload func(file string) *Result) []Award {
	if !f.HasFirm() {
		return nil
	}
	extra := led.lacking(f)
	if len(extra) == 0 || reload == nil {
		return f.Claims()
	}
	// The file read and computed again: a roster's row, standard input or
	// a file gone since is not, and its own claims stand.
	r0 := reload(f.File)
	if r0 == nil || r0.Date != f.Date {
		return f.Claims()
	}
	p := r0.Project()
	p.Received = append(slices.Clone(p.Received), extra...)
	r, err := Compute(r0.Edition, p)
	if err != nil {
		// The entries were valid in their own files, of the same items:
		// a failure here is the engine's, and the file's own claims stand.
		return f.Claims()
	}
	var awards []Award
	for i := range r.Lines {
		l := &r.Lines[i]
		if l.Item.Scope == measures.FirmScope && l.Claimed && l.ExcludedBy == "" {
			awards = append(awards, f.awards(r, l)...)
		}
	}
	return awards
}

// Project is the project a result was computed from: its claims, the
// 附则 inputs and the ledger it echoes.
func (r *Result) Project() *Project {
	return &Project{Name: r.Name, Applicant: r.Applicant, CreditCode: r.CreditCode, Preparer: r.Preparer,
		Annex: r.Inputs.Values, SameKind: r.Inputs.SameKind, Claims: slices.Clone(r.Claims), Received: r.Received}
}

// levelClaimed is the choice a result claims the item by ("cmmi-5",
// "provincial"), or "".
func levelClaimed(r *Result, it *measures.Item) string {
	for _, c := range r.Claims {
		if c.Measure == it.Measure {
			if vs, ok := c.Choices[it.Claim]; ok {
				// The same choices in another order are the same claim.
				vs = slices.Clone(vs)
				slices.Sort(vs)
				return strings.Join(slices.Compact(vs), ",")
			}
		}
	}
	return ""
}

// firmLedger is an applicant's firm-scope receipts, each once, by item,
// payer and level, in the order of their dates, with their running sums:
// a file is computed again with what it lacks of them, as one entry per
// item, payer, level and year — what every ledger class reads of them (an
// overall amount, a level once, a year's award, the years received) — in
// a time that does not grow with the applicant's other files.
type firmLedger struct {
	groups map[string][]*ledgerGroup // by item
}

type ledgerGroup struct {
	entries []Received        // dated, by date
	sums    []decimal.Decimal // sums[i]: entries[:i]
	index   map[string]int    // an entry's key → its place
	years   []int             // where each year's entries begin, and len(entries)
}

// ord orders dates.
func ord(d *Date) int { return d.Year*10000 + d.Month*100 + d.Day }

func newFirmLedger(es []Received) *firmLedger {
	l := &firmLedger{groups: map[string][]*ledgerGroup{}}
	at := map[string]*ledgerGroup{}
	for _, e := range es {
		k := e.Item + "|" + string(e.Payer) + "|" + e.Level
		g := at[k]
		if g == nil {
			g = &ledgerGroup{index: map[string]int{}}
			at[k] = g
			l.groups[e.Item] = append(l.groups[e.Item], g)
		}
		g.entries = append(g.entries, e)
	}
	for _, gs := range l.groups {
		for _, g := range gs {
			slices.SortStableFunc(g.entries, func(a, b Received) int { return ord(a.Date) - ord(b.Date) })
			g.sums = make([]decimal.Decimal, len(g.entries)+1)
			for i, e := range g.entries {
				g.sums[i+1] = g.sums[i].Add(e.Amount)
				g.index[e.key()] = i
				if i == 0 || e.Date.Year != g.entries[i-1].Date.Year {
					g.years = append(g.years, i)
				}
			}
			g.years = append(g.years, len(g.entries))
		}
	}
	return l
}

// lacking are the receipts of the items f claims that its own ledger
// lacks, one entry per item, payer, level and year. Of an item paid once
// or in stages up to one amount, every receipt counts whenever it came
// (one after the file's event as of the event: what is left of one amount
// does not depend on when it was paid); of another item, those up to the
// event.
func (l *firmLedger) lacking(f *Filed) []Received {
	event := f.Date
	var out []Received
	done := map[string]bool{}
	for _, c := range f.Claims() {
		if done[c.Item.ID] {
			continue
		}
		done[c.Item.ID] = true
		for _, g := range l.groups[c.Item.ID] {
			// Its own entries, taken off the sums they stand in.
			own := map[int]bool{}
			for _, e := range f.Receipts {
				if i, ok := g.index[e.key()]; ok {
					own[i] = true
				}
			}
			n := len(g.entries)
			if !c.once() {
				n, _ = slices.BinarySearchFunc(g.entries, ord(&event)+1, func(e Received, o int) int { return ord(e.Date) - o })
			}
			// A year at a time.
			for y := 0; y+1 < len(g.years) && g.years[y] < n; y++ {
				i, j := g.years[y], min(g.years[y+1], n)
				sum := g.sums[j].Sub(g.sums[i])
				for k := range own {
					if k >= i && k < j {
						sum = sum.Sub(g.entries[k].Amount)
					}
				}
				last := j - 1
				for last >= i && own[last] {
					last--
				}
				if last < i || !sum.IsPositive() {
					continue
				}
				e := g.entries[i]
				e.Amount = sum
				d := *g.entries[last].Date
				if event.Before(d) {
					d = event
				}
				e.Date = &d
				out = append(out, e)
			}
		}
	}
	return out
}

// Tally counts, as a batch streams, the firm awards each applicant
// claims, for the warning of a batch that does not show the view: its
// memory is per applicant and award, not per file (a batch's memory stays
// flat). Add each result, then Applicants gives the applicants with their
// duplicate claims (the first few of each award listed).
type Tally struct {
	groups map[string]*tallyGroup // by ApplicantKey
	order  []string
	codeOf map[string]string // a folded name → the first code given with it
}

type tallyGroup struct {
	name, code string
	awards     map[string]*tallyAward
	keys       []string
}

type tallyAward struct {
	first Award    // its amounts dropped: the warning names, it does not count
	more  []string // the files of the next claims, up to tallyListed
	n     int
}

// tallyListed is how many other claims of one award a warning names.
const tallyListed = 4

// Add counts the firm awards a file's result claims.
func (t *Tally) Add(file string, r *Result) {
	if !slices.ContainsFunc(r.Lines, func(l Line) bool { return l.Item.Scope == measures.FirmScope && l.Claimed && l.ExcludedBy == "" }) {
		return
	}
	key := ApplicantKey(r.Applicant, r.CreditCode)
	if key == "" {
		return
	}
	if t.groups == nil {
		t.groups, t.codeOf = map[string]*tallyGroup{}, map[string]string{}
	}
	if r.CreditCode != "" {
		if n := ApplicantKey(r.Applicant, ""); n != "" && t.codeOf[n] == "" {
			t.codeOf[n] = key
		}
	}
	g := t.groups[key]
	if g == nil {
		g = &tallyGroup{name: r.Applicant, code: r.CreditCode, awards: map[string]*tallyAward{}}
		t.groups[key] = g
		t.order = append(t.order, key)
	}
	f := &Filed{File: file, Ratio: r.Inputs.Rates[measures.InDistrictRatio], Date: r.Date}
	for i := range r.Lines {
		l := &r.Lines[i]
		if l.Item.Scope != measures.FirmScope || !l.Claimed || l.ExcludedBy != "" {
			continue
		}
		for _, aw := range f.awards(r, l) {
			k := aw.Key()
			a := g.awards[k]
			switch {
			case a == nil:
				aw.Amount, aw.Match = decimal.Decimal{}, decimal.Decimal{}
				g.awards[k] = &tallyAward{first: aw, n: 1}
				g.keys = append(g.keys, k)
			case len(a.more) < tallyListed:
				a.more = append(a.more, file)
				a.n++
			default:
				a.n++
			}
		}
	}
}

// Applicants are the applicants counted, a file without a code joined to
// the code its name was given with, each with its duplicate claims.
func (t *Tally) Applicants() []*Applicant {
	var as []*Applicant
	byKey := map[string]*Applicant{}
	merged := map[string]map[string]*tallyAward{}
	for _, key := range t.order {
		g := t.groups[key]
		into := key
		if c, ok := t.codeOf[key]; ok {
			into = c
		}
		a := byKey[into]
		if a == nil {
			a = &Applicant{Name: g.name, CreditCode: g.code}
			byKey[into] = a
			merged[into] = map[string]*tallyAward{}
			as = append(as, a)
		}
		if a.CreditCode == "" {
			a.CreditCode = g.code
		}
		for _, k := range g.keys {
			aw := g.awards[k]
			m := merged[into][k]
			if m == nil {
				merged[into][k] = &tallyAward{first: aw.first, more: slices.Clone(aw.more), n: aw.n}
				continue
			}
			m.n += aw.n
			for _, x := range append([]string{aw.first.File}, aw.more...) {
				if len(m.more) < tallyListed {
					m.more = append(m.more, x)
				}
			}
		}
	}
	for key, a := range byKey {
		for _, m := range merged[key] {
			for _, file := range m.more {
				d := m.first
				d.File, d.Kept = file, m.first.File
				a.Duplicates = append(a.Duplicates, d)
			}
			a.Unlisted += m.n - 1 - len(m.more)
		}
		slices.SortStableFunc(a.Duplicates, func(x, y Award) int {
			return cmp.Or(strings.Compare(x.File, y.File), strings.Compare(x.Item.ID, y.Item.ID), strings.Compare(x.Level, y.Level))
		})
	}
	return as
}

// FiledRecord is a Filed as plain data, items and editions by id: what a
// batch writes to a scratch file for the view and reads back
// (FromRecord), so that its memory does not grow with its files.
type FiledRecord struct {
	F, N, A, C string
	G, P       int64
	R          string
	D          Date
	Cl         []ClaimRecord
	Rc         []Received
}

// ClaimRecord is a firm claim as plain data.
type ClaimRecord struct {
	E, I, L string
	A, M    int64
}

// Record is the file's record.
func (f *Filed) Record() FiledRecord {
	rec := FiledRecord{F: f.File, N: f.Name, A: f.Applicant, C: f.Code, G: f.grand, P: f.part, R: f.Ratio.String(), D: f.Date, Rc: f.Receipts}
	for _, cl := range f.claims {
		rec.Cl = append(rec.Cl, ClaimRecord{E: cl.edition.ID, I: cl.item.ID, L: cl.level, A: cl.amount, M: cl.match})
	}
	return rec
}

// Editions are the editions of the file's claims, by id.
func (f *Filed) Editions(into map[string]*measures.Edition) {
	for _, cl := range f.claims {
		into[cl.edition.ID] = cl.edition
	}
}

// FromRecord is the file a record stands for; eds are the editions of the
// run by id.
func FromRecord(rec FiledRecord, eds map[string]*measures.Edition) (Filed, error) {
	ratio, err := decimal.NewFromString(rec.R)
	if err != nil {
		return Filed{}, err
	}
	f := Filed{File: rec.F, Name: rec.N, Applicant: rec.A, Code: rec.C, grand: rec.G, part: rec.P, Ratio: ratio, Date: rec.D, Receipts: rec.Rc}
	for _, cl := range rec.Cl {
		ed, ok := eds[cl.E]
		if !ok {
			return Filed{}, errors.New("applicant view: no edition " + cl.E)
		}
		it, ok := ed.Item(cl.I)
		if !ok {
			return Filed{}, errors.New("applicant view: no item " + cl.I)
		}
		f.claims = append(f.claims, firmClaim{edition: ed, item: it, level: cl.L, amount: cl.A, match: cl.M})
	}
	return f, nil
}
