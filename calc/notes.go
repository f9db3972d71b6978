package calc

import (
	"github.com/shopspring/decimal"

	"szsoft/measures"
)

// The engine states facts, not sentences: every note, step, warning and
// error is a Code with its arguments, and the face turns it into words in
// the reader's language and unit (internal/msg holds the catalogue; its
// tests check that every code below has words in Chinese and English).

// Code names a fact the engine can state.
type Code string

// Note is a fact about a line or a result: a code and its arguments.
type Note struct {
	Code Code
	Args Args
}

// Args are a note's arguments by name. The type of a value says how it is
// shown: Money in the reader's unit, Rate as a percentage, ItemID as the
// item's name, measures.Text in the reader's language, Date, int and string
// as they are.
type Args []Arg

// Arg is one argument of a note: its name and value.
type Arg struct {
	Name  string
	Value any
}

// ArgsOf makes arguments of name, value pairs.
func ArgsOf(kv ...any) Args {
	a := make(Args, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		a = append(a, Arg{kv[i].(string), kv[i+1]})
	}
	return a
}

// Lookup returns the argument called name, and whether there is one.
func (a Args) Lookup(name string) (any, bool) {
	for _, x := range a {
		if x.Name == name {
			return x.Value, true
		}
	}
	return nil, false
}

// Get returns the argument called name, or nil.
func (a Args) Get(name string) any {
	v, _ := a.Lookup(name)
	return v
}

// Set sets the argument called name.
func (a *Args) Set(name string, v any) {
	for i := range *a {
		if (*a)[i].Name == name {
			(*a)[i].Value = v
			return
		}
	}
	*a = append(*a, Arg{name, v})
}

// Money is an amount of yuan among a note's arguments.
type Money decimal.Decimal

// Rate is a share of 1 among a note's arguments.
type Rate decimal.Decimal

// ItemID is an item among a note's arguments.
type ItemID string

// Declared is a measure's name or an item's id a project declared (附则:
// 不得重复享受), among a note's arguments: shown by its name.
type Declared string

// Declarations are the declared measures and items, as arguments.
func Declarations(ss []string) []Declared {
	out := make([]Declared, len(ss))
	for i, s := range ss {
		out[i] = Declared(s)
	}
	return out
}

// note makes a note from a code and name, value pairs.
func note(code Code, kv ...any) Note {
	n := Note{Code: code}
	if len(kv) > 0 {
		n.Args = ArgsOf(kv...)
	}
	return n
}

// The codes. Notes on lines:
const (
	NoteChosenRate   Code = "note.rate.chosen"      // rate
	NoteCeilingRate  Code = "note.rate.ceiling"     // rate
	NoteRateRange    Code = "note.rate.range"       // low, min, high
	NoteBoundByBase  Code = "note.cap.base"         // base
	NoteCertOther    Code = "note.cert.other"       //
	NoteCertNoLevel  Code = "note.cert.nolevel"     // scheme, level
	NoteCertOK       Code = "note.cert.ok"          // scheme, level, min
	NoteCertBelow    Code = "note.cert.below"       // scheme, level, min (also a warning)
	NotePerLevel     Code = "note.tier.perlevel"    //
	NoteTierStep     Code = "note.tier.step"        // label, amount
	NoteTierUpTo     Code = "note.tier.upto"        // label, amount
	NoteHighestOnly  Code = "note.milestone.high"   //
	NoteReached      Code = "note.milestone.first"  // label, amount
	NoteNotReached   Code = "note.milestone.none"   // prior
	NoteFirstAssumed Code = "note.milestone.assume" // input (also a warning)
	NoteBothEnds     Code = "note.range.both"       // low, high
	NoteFloor        Code = "note.floor"            // rate, years
	NoteReason       Code = "note.reason"           // text: the policy's own words
	NoteItem         Code = "note.item"             // text: a standing note of the item
	NoteExcluded     Code = "note.alt.excluded"     // kept, why
	NoteKept         Code = "note.alt.kept"         // other
	NoteOutside      Code = "note.window"           // from, to
	NoteSameKind     Code = "note.samekind"         //
	NoteCut          Code = "note.cap.cut"          // p, h, lines (an adjustment's note)
	// The ledger (also steps):
	NoteStaged          Code = "note.ledger.staged"       // paid, cap, left, words
	NoteStagedRange     Code = "note.ledger.range"        // paid, low, high, newlow, newhigh, words
	NoteOnceLevel       Code = "note.ledger.level"        // level, amount, words
	NoteOtherLevel      Code = "note.ledger.other"        // level, amount, words
	NoteOnceMilestone   Code = "note.ledger.milestone"    // label, prior, words
	NoteOnce            Code = "note.ledger.once"         // amount, words
	NoteProject         Code = "note.ledger.project"      // paid, cap, left
	NoteProjectRate     Code = "note.ledger.projrate"     // paid
	NoteNotDeducted     Code = "note.ledger.kept"         // paid
	NoteDistrictPaid    Code = "note.ledger.district"     // paid
	NoteCityPaid        Code = "note.ledger.city"         // paid: the city's entries for a district item
	NoteOncePerProject  Code = "note.ledger.project.once" // paid, max, left, words
	NoteFromAlternative Code = "note.ledger.linked"       // paid, item: received as the linked alternative
	NoteAnnual          Code = "note.ledger.annual"       // paid, year, max, left, words
	NoteOtherYears      Code = "note.ledger.years.other"  // paid, year, words
	NoteYearsLeft       Code = "note.ledger.years.left"   // words, from, to, paid (years), left
	NoteReceivedCase    Code = "note.ledger.case"         // paid, words
	NoteBaseFrom        Code = "note.base.from"           // input (a Text), base
	NoteRateDeducted    Code = "note.ledger.rate"         // computed, paid, left
	NoteMinDeducted     Code = "note.ledger.min"          // rate, paid, min
	NoteBaseForCap      Code = "note.baseforcap"          // cap, input, at, more
	NoteBaseCapAnnex    Code = "note.baseforcap.annex"    //
	// Layers (docs/contract.md §10):
	NoteGuide         Code = "note.guide"          // document, quote, clause
	NoteGuideAmount   Code = "note.guide.amount"   // document, value, amount
	NoteGuideOutside  Code = "note.guide.outside"  // document, from, to
	NoteGuideWindow   Code = "note.guide.window"   // document, opens, closes
	NoteLayerWindow   Code = "note.layer.window"   // document, from, to
	NoteLayerHeadroom Code = "note.layer.headroom" // left, max
)

// Steps of the arithmetic of a line (--explain reads them):
const (
	StepRate         Code = "step.rate"           // base, rate, product
	StepCapAbove     Code = "step.cap.above"      // cap, clause
	StepCapLeftAbove Code = "step.cap.left.above" // cap, clause: what the ledger leaves of it
	StepCapLeftEqual Code = "step.cap.left.equal" // cap, clause
	StepReceivedRate Code = "step.ledger.rate"    // computed, paid, left, max
	StepReceived     Code = "step.ledger"         // max, paid, left
	StepCapEqual     Code = "step.cap.equal"      // cap, clause
	StepCapUnder     Code = "step.cap.under"      // cap, result
	StepNoCap        Code = "step.cap.none"       // result
	StepMin          Code = "step.min"            // rate, min
	StepBaseBinds    Code = "step.caponly.base"   // base, cap, max
	StepBaseCapped   Code = "step.caponly.cap"    // base, cap
	StepCapOnly      Code = "step.caponly"        // cap
	StepFloor        Code = "step.floor"          // base, rate, years, min, max
	StepZeroed       Code = "step.zeroed"         // why: a Note
)

// Steps of the 附则 over a result:
const (
	StepSameKind     Code = "step.annex.samekind"      // what
	StepSums         Code = "step.annex.sums"          // p, f
	StepHeadroom     Code = "step.annex.h"             // audited, other, h, reading
	StepHeadroomAll  Code = "step.annex.h.all"         // audited, other, national, provincial, h, reading
	StepCut          Code = "step.annex.cut"           // p, h, cut, total
	StepNoCut        Code = "step.annex.nocut"         // p, h, total
	StepAnnexNoCap   Code = "step.annex.nocap"         // total
	StepLimit        Code = "step.annex.limit"         // h, granted, limit
	StepNoGrant      Code = "step.annex.nogrant"       //
	StepMatch        Code = "step.annex.match"         // ratio, total, match
	StepGrand        Code = "step.grand"               // total, match, paid, grand
	StepGrandMatch   Code = "step.grand.match"         // total, match, grand: an edition without district-paid items
	StepGrandPaid    Code = "step.grand.paid"          // total, paid, grand: an edition without district matching
	StepGrandTotal   Code = "step.grand.total"         // total, grand: an edition with neither
	StepGrandLayer   Code = "step.grand.layer"         // total, match, paid, document, layer, grand: with a district layer
	StepLimitLayer   Code = "step.annex.limit.layer"   // h, granted, layer, limit
	StepMatchCap     Code = "step.annex.matchcap"      // ratio, granted, limit, match
	StepMatchCapFirm Code = "step.annex.matchcap.firm" // ratio, granted, limit, firm, match
	StepOtherLedger  Code = "step.annex.ledger"        // other: other_city_funding from the ledger
)

// Warnings:
const (
	WarnWindow            Code = "warn.window"             // date, from, to
	WarnAlternative       Code = "warn.alternative"        // excluded, kept
	WarnSameKind          Code = "warn.samekind"           // what (a Declared)
	WarnSameKindNothing   Code = "warn.samekind.none"      // what
	WarnSameKindUnclaimed Code = "warn.samekind.unclaimed" // what
	WarnCapMinimum        Code = "warn.cap.minimum"        // h, min
	WarnGuideOutside      Code = "warn.guide.outside"      // item, document, from, to
	WarnGuideWindow       Code = "warn.guide.window"       // item, document, opens, closes
	WarnLayerWindow       Code = "warn.layer.window"       // document, date, from, to
	WarnOtherBelowLedger  Code = "warn.ledger.other"       // given, ledger
	WarnReceivedAbove     Code = "warn.ledger.above"       // item, paid, most
	WarnReceivedEarly     Code = "warn.ledger.early"       // item, date, from
	WarnStrictCapUnused   Code = "warn.strictcap"          //
	WarnCapInputsUnused   Code = "warn.cap.unused"         //
	WarnMatchNoFunding    Code = "warn.nationalmatch"      //
	WarnNoFigure          Code = "warn.nofigure"           //
	WarnNoRule            Code = "warn.norule"             // rule, edition: an input for a rule the edition lacks
)

// Errors (ValueError's Code) and their hints:
const (
	ErrNoMeasure      Code = "err.measure.unknown"   // value
	ErrRateOutside    Code = "err.rate.outside"      // item, low, high
	ErrRateCeiling    Code = "err.rate.ceiling"      // item, high (the range starts at 0)
	HintRateOutside   Code = "hint.rate.outside"     // clause, item, low, high
	HintRateCeiling   Code = "hint.rate.ceiling"     // clause, item, high
	ErrOneCert        Code = "err.cert.one"          //
	ErrChoice         Code = "err.choice"            //
	HintChoice        Code = "hint.choice"           // valid
	HintChoiceNear    Code = "hint.choice.near"      // near, valid
	ErrTooMany        Code = "err.tier.toomany"      // most
	HintTooMany       Code = "hint.tier.toomany"     //
	ErrAuditedMissing Code = "err.annex.audited"     //
	HintAudited       Code = "hint.annex.audited"    //
	ErrRatio          Code = "err.annex.ratio"       //
	HintRatio         Code = "hint.annex.ratio"      //
	ErrSameKind       Code = "err.samekind.unknown"  //
	HintSameKind      Code = "hint.samekind.unknown" //
	// The ledger's entries:
	ErrReceivedItem      Code = "err.received.item"       //
	HintReceivedItem     Code = "hint.received.item"      // items
	HintReceivedItemNear Code = "hint.received.item.near" // near
	HintReceivedMeasure  Code = "hint.received.measure"   // measure, items
	ErrReceivedAmount    Code = "err.received.amount"     //
	ErrReceivedLater     Code = "err.received.later"      // date (the event's)
	HintReceivedLater    Code = "hint.received.later"     //
	ErrReceivedNoLevel   Code = "err.received.nolevel"    // item
	ErrReceivedLevel     Code = "err.received.level"      // item (the item has no levels)
	HintReceivedLevels   Code = "hint.received.levels"    // levels
	ErrReceivedSyntax    Code = "err.received.syntax"     //
	// The 统一社会信用代码 (ParseCreditCode):
	ErrCreditLength    Code = "err.credit.length"    // n
	ErrCreditChar      Code = "err.credit.char"      // pos, char
	ErrCreditCheck     Code = "err.credit.check"     // got, want
	HintCreditCode     Code = "hint.credit"          //
	HintReceivedSyntax Code = "hint.received.syntax" //
)

// Errors of reading an amount, a rate or a date (ParseAmount, ParseRate,
// ParseDate), and their hints:
const (
	ErrTooLong     Code = "err.num.toolong"  // max
	ErrRateTooLong Code = "err.rate.toolong" // max
	ErrEmpty       Code = "err.num.empty"    //
	ErrRateEmpty   Code = "err.rate.empty"   //
	ErrUnits       Code = "err.num.units"    //
	ErrAbove       Code = "err.num.above"    //
	ErrFen         Code = "err.num.fen"      //
	ErrRateAbove   Code = "err.rate.above"   //
	ErrNoNumber    Code = "err.num.missing"  //
	ErrNegative    Code = "err.num.negative" //
	ErrSign        Code = "err.num.sign"     //
	ErrNotNumber   Code = "err.num.nan"      //
	ErrRadix       Code = "err.num.radix"    //
	ErrMixedSep    Code = "err.num.mixsep"   //
	ErrGroups      Code = "err.num.groups"   //
	ErrPoint       Code = "err.num.point"    //
	ErrExponent    Code = "err.num.exponent" //
	ErrExpRange    Code = "err.num.exprange" // max
	ErrExpMixed    Code = "err.num.expmixed" //
	ErrYear        Code = "err.date.year"    //
	ErrTrailing    Code = "err.num.trailing" // rest
	ErrNotDate     Code = "err.date.invalid" //
	ErrNoSuchDay   Code = "err.date.noday"   //
	HintAmount     Code = "hint.amount"      //
	HintRate       Code = "hint.rate"        //
	HintRateShare  Code = "hint.rate.share"  // percent, share
	HintDate       Code = "hint.date"        //
)

// item returns the argument for an item.
func item(it *measures.Item) ItemID { return ItemID(it.ID) }
