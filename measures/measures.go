// Package measures holds the policy as data: editions of the Shenzhen
// software-industry measures (深府规〔2022〕5号 today), each with every
// clause, measure, item, rate, cap, tier, recipient and scope, the words of
// the policy they rest on, the validity window and the inputs and figures of
// its supplementary rules (附则).
//
// Nothing here computes; package calc reads an edition. An edition is a
// value: a Registry holds the editions szsoft knows, and a successor (or a
// district's top-up policy) is another Edition, added as data. Editions are
// built on first use and checked by Validate.
package measures

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Kind is the rule kind of an item.
type Kind string

// The rule kinds (docs/contract.md §1.1). A milestone is a tier
// picked by thresholds a revenue first reaches; it shows as "tier".
const (
	FixedRate   Kind = "fixed-rate"
	CeilingRate Kind = "ceiling-rate"
	RateRange   Kind = "rate-range"
	CapOnly     Kind = "cap-only"
	Tier        Kind = "tier"
	Milestone   Kind = "milestone"
	AmountRange Kind = "amount-range"
	Floor       Kind = "floor"
	CaseByCase  Kind = "case-by-case"
)

// Public is the kind as results show it: one of the eight kinds of the
// contract (a milestone is a tier).
func (k Kind) Public() Kind {
	if k == Milestone {
		return Tier
	}
	return k
}

// HasRate reports whether the kind multiplies a base by a rate.
func (k Kind) HasRate() bool { return k == FixedRate || k == CeilingRate || k == RateRange }

// Payer says which level of government pays an item.
type Payer string

// The two payers.
const (
	Municipal Payer = "municipal"
	District  Payer = "district"
)

// Recipient is the party the text pays an item to.
type Recipient string

// The recipients of the policy's items (docs/contract.md §1.2).
const (
	Undertaker   Recipient = "undertaker"    // 项目承担单位
	Platform     Recipient = "platform"      // 平台建设运营单位
	Organizer    Recipient = "organizer"     // 活动承办单位
	ParkOperator Recipient = "park-operator" // 园区运营主体
	Tenant       Recipient = "tenant"        // 园区内软件企业
	Team         Recipient = "team"          // 人才团队
	Talent       Recipient = "talent"        // 骨干软件人才
	Distributor  Recipient = "distributor"   // 商业发行版公司
	Developer    Recipient = "developer"     // 软件开发商
	User         Recipient = "user"          // 用户单位
	Enterprise   Recipient = "enterprise"    // 企业
	College      Recipient = "college"       // 软件学院
)

// Recipients lists every recipient, in the order of docs/contract.md §1.
var Recipients = []Recipient{Undertaker, Platform, Organizer, ParkOperator, Tenant, Team, Talent, Distributor, Developer, User, Enterprise, College}

// Scope says what an item funds: a project (the 附则 cumulative cap of
// 「同一项目」 applies) or the firm or person as such.
type Scope string

// The two scopes.
const (
	ProjectScope Scope = "project"
	FirmScope    Scope = "firm"
)

// Text is a phrase in Chinese and English.
type Text struct {
	Zh, En string
}

// In returns the text in the language lang ("zh" or "en").
func (t Text) In(lang string) string {
	if lang == "zh" && t.Zh != "" {
		return t.Zh
	}
	return t.En
}

// InputKind is the type of value an input (a flag, a TOML key) takes.
type InputKind int

// The input kinds.
const (
	Amount  InputKind = iota // yuan, in any syntax of docs/contract.md "Amounts"
	Rate                     // 0.3 or 30%
	Switch                   // a boolean flag that takes no value
	Choice                   // one value out of Values
	Choices                  // a repeatable Choice (a TOML array)
	Date                     // a calendar day
)

func (k InputKind) String() string {
	return [...]string{"amount", "rate", "switch", "choice", "choices", "date"}[k]
}

// Input is one flag of a measure subcommand; its TOML key is the name with
// "-" turned into "_".
type Input struct {
	Name     string
	Kind     InputKind
	Values   []string // Choice and Choices: the valid values, in order
	Aliases  Aliases  // Choice and Choices: other names of the values (国家级)
	Required bool     // the measure cannot be computed without it
	Help     Text
	key      string // Name as a TOML key, set by NewEdition
}

// Key returns the input's TOML key.
func (in Input) Key() string {
	if in.key != "" {
		return in.key
	}
	return FlagToKey(in.Name)
}

// Label is the input's Chinese name: its help up to the first bracket or
// colon (审定总投入, 资助比例, 事项日期).
func (in Input) Label() string {
	s := in.Help.Zh
	if i := strings.IndexAny(s, "（(：:"); i > 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// FlagToKey turns a flag name into its TOML key.
func FlagToKey(name string) string { return strings.ReplaceAll(name, "-", "_") }

// KeyToFlag turns a TOML key into its flag name.
func KeyToFlag(key string) string { return strings.ReplaceAll(key, "_", "-") }

// Step is one step of a tier item, an amount picked by a category (Key), or
// of a milestone, an amount paid when the base first reaches Threshold.
type Step struct {
	Key       string          // category, e.g. "provincial"
	Label     Text            // the category as the policy names it
	Threshold decimal.Decimal // milestone tiers: the base that reaches the tier
	Amount    decimal.Decimal
}

// LevelRule says from which level a certification scheme qualifies.
type LevelRule struct {
	Scheme   string // "cmmi"
	Label    string // "CMMI"
	MinLevel int    // 1 where the text names no level
}

// Item is one money item of the policy.
type Item struct {
	ID        string
	Name      string // the item's Chinese name, as a Chinese report names it (首版次软件·软件开发商)
	NameEn    string // its English name in a document, if any (English names an item by its id otherwise)
	Measure   string // filled in from the measure that holds the item
	Clause    string // filled in from the measure
	Kind      Kind
	Payer     Payer
	Recipient Recipient
	Scope     Scope
	Title     Text
	Quote     string // the words of the policy behind the item, verbatim

	// Base names the amount input the item is computed from. The item is
	// claimed when it is given, unless BaseOptional (then always).
	Base         string
	BaseOptional bool
	// BaseElse are the bases taken, in order, when Base is not given: an
	// input of another measure of the same project ("strategic.investment")
	// or a 附则 input ("audited-investment").
	BaseElse []string
	// Claim names the switch or choice input that claims the item.
	Claim string
	// RateInput names the input that picks one rate.
	RateInput string

	// Fixed, ceiling and range rates: max at RateHigh, min at RateLow, a
	// chosen rate must lie in [RateLow, RateHigh]. A fixed rate has
	// RateLow == RateHigh, a ceiling rate RateLow == 0. Floor: RateLow is the
	// floor.
	RateLow, RateHigh decimal.Decimal
	Cap               *decimal.Decimal // nil: no cap
	Years             int              // floor: the rent is paid for this many years

	Tiers       []Step
	UpTo        bool   // tier: "不超过", so min = 0; otherwise min = max
	Prior       string // milestone: the input with the prior peak
	HighestOnly string // milestone: the switch that pays only the highest tier

	Levels []LevelRule // certification: the qualifying level of each scheme
	Other  string      // certification: the value for another recognised scheme (等)
	// PerLevel names the switch that counts each level of a tier once; Most
	// is the largest number of choices accepted.
	PerLevel string
	Most     int

	AmountLow, AmountHigh decimal.Decimal // amount range, both ends inclusive

	HeadroomCap bool // case by case, but its cap is the 附则 headroom when that applies

	// Ledger is the item's ledger class (docs/contract.md §8): how what
	// was received before counts against it. LedgerWords are the policy's
	// words the class rests on (分阶段给予, 一次性给予, 上一年度, 连续三年),
	// standing in the item's quotation, which the notes quote.
	Ledger      LedgerClass
	LedgerWords string

	// OneByOne marks a case-by-case item the text funds 一事一议; every
	// other case-by-case item is "no figure given".
	OneByOne bool
	Reason   Text   // case by case: why no number can be computed
	Notes    []Text // standing notes printed with every line of this item

	// Guide is what a guide layer says of the item, in an edition stacked
	// with the guide; nil where it says nothing.
	Guide *AppliedGuide
}

// LedgerClass is how the ledger counts what was received against an item.
type LedgerClass string

// The ledger classes (docs/contract.md §8).
const (
	// Staged: one overall amount paid in stages; every entry reduces it.
	Staged LedgerClass = "staged"
	// OncePerProject: a grant on the project's own investment, sales or
	// purchase: entries for the item and its linked alternative come off.
	OncePerProject LedgerClass = "once-per-project"
	// Annual: a year's cost or result: only the event year's entries.
	Annual LedgerClass = "annual"
	// LimitedYears: paid for a number of consecutive years (Item.Years).
	LimitedYears LedgerClass = "limited-years"
	// OnceOnly: paid once (per level, per tier); 0 once received.
	OnceOnly LedgerClass = "once-only"
	// PerAward: each award stands alone; entries are listed only.
	PerAward LedgerClass = "per-award"
)

// LedgerClasses lists the classes in the order of docs/contract.md §8.
var LedgerClasses = []LedgerClass{Staged, OncePerProject, Annual, LimitedYears, OnceOnly, PerAward}

// Trigger returns the input that claims the item, or "" when the item is
// computed whenever its measure is claimed.
func (it *Item) Trigger() string {
	switch {
	case it.Claim != "":
		return it.Claim
	case it.Base != "" && !it.BaseOptional:
		return it.Base
	}
	return ""
}

// Assumption is a reading of the policy the calculator makes where the text
// leaves room, with the switch (if any) that chooses the other reading.
type Assumption struct {
	Text   Text
	Switch string
}

// Measure is one subcommand of "szsoft calc": the items of one clause that a
// project claims together.
type Measure struct {
	Name        string
	Aliases     []string // Chinese names the measure also goes by, the first shown beside it (首版次)
	Clause      string   // "（十九）"
	Title       Text
	Summary     Text // in one line
	Inputs      []Input
	Items       []*Item
	Assumptions []Assumption
	Example     string // flags of a typical call, for help texts
	// Sides are two groups of items paid to parties the text keeps apart:
	// one project claims items of one side only.
	Sides *Sides
	// Source is the district layer the measure is of, in an edition
	// stacked with it; nil for the edition's own.
	Source *Edition
}

// Sides are the two sides of a measure whose items go to different
// applicants, as item ids.
type Sides struct {
	A, B []string
}

// Alternative is a group of items that fund one and the same project one
// way or another, never both; Why quotes the words that make them so.
type Alternative struct {
	Items []string
	Why   Text
	// Linked: the items fund one and the same project (同一项目), so that
	// the ledger's entries for one count against the others too
	// (docs/contract.md §8, once per project).
	Linked bool
	// Prefer is the item that counts whenever it is claimed, even case by
	// case (a commissioned event: 各级财政按有关标准和规定予以支持), or "".
	Prefer string
}

// Input returns the measure's input called name.
func (m *Measure) Input(name string) (Input, bool) {
	for _, in := range m.Inputs {
		if in.Name == name {
			return in, true
		}
	}
	return Input{}, false
}

// NeedsInput reports whether the measure has no item that is computed
// without an input, so that claiming it with no input at all is a mistake.
func (m *Measure) NeedsInput() bool {
	for _, it := range m.Items {
		if it.Trigger() == "" {
			return false
		}
	}
	return true
}

// Day is a calendar day.
type Day struct {
	Year, Month, Day int
}

func (d Day) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

func (d Day) ordinal() int { return d.Year*10000 + d.Month*100 + d.Day }

// Before reports whether d is an earlier day than e.
func (d Day) Before(e Day) bool { return d.ordinal() < e.ordinal() }

// IsZero reports whether d is the zero Day.
func (d Day) IsZero() bool { return d == Day{} }

// Clause is one numbered clause of the policy, money or not.
type Clause struct {
	Number  string // "（十九）"
	Index   int    // 19: its place in the edition, from 1
	Title   Text
	Summary Text // of the whole clause
}
