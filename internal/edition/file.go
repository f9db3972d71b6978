// Package edition reads and writes editions as files: a policy as data, one
// TOML file beside its published text (docs/contract.md §10). The file
// reads like the policy — its clauses, measures, items with their kind,
// base, rate, cap, tiers, payer, recipient, scope, ledger class and words,
// the alternatives, and the 附则 as rules of known kinds — and Load turns
// it into a measures.Edition, every mistake at its line and column; Marshal
// writes an edition back as such a file. The editions szsoft ships are
// such files, embedded (Builtin).
package edition

import (
	"github.com/pelletier/go-toml/v2"
)

// The file's shape: what go-toml decodes, strictly (an unknown key is an
// error). Names of inputs are written as the flags name them
// (operating-cost); a base, a measure's key-like name for another
// measure's input (strategic.investment) or a 附则 key (audited_investment).
// Amounts and rates are any: a string in the syntax of the command line
// (1000万, 30%), or a TOML number, read digit for digit.

type fileEdition struct {
	Edition     fileHead      `toml:"edition"`
	Item        []fileRule    `toml:"item"` // a guide's rules
	Clause      []fileClause  `toml:"clause"`
	Measure     []fileMeasure `toml:"measure"`
	Alternative []fileAlt     `toml:"alternative"`
	Annex       []fileAnnex   `toml:"annex"`
	Reading     []fileReading `toml:"reading"`
}

type fileHead struct {
	ID       string         `toml:"id"`
	Document string         `toml:"document"`
	Title    string         `toml:"title"`
	Issued   toml.LocalDate `toml:"issued"`
	From     toml.LocalDate `toml:"from"`
	To       toml.LocalDate `toml:"to"`
	Text     string         `toml:"text"`
	Extends  string         `toml:"extends"`
	Kind     string         `toml:"kind"`
}

// fileRule is what a guide says of an item of its base.
type fileRule struct {
	ID        string         `toml:"id"`
	Quote     string         `toml:"quote"`
	Rate      any            `toml:"rate"`
	Cap       any            `toml:"cap"`
	Input     string         `toml:"input"`
	Tiers     []fileTier     `toml:"tiers"`
	Notes     []fileText     `toml:"notes"`
	Opens     toml.LocalDate `toml:"opens"`
	Closes    toml.LocalDate `toml:"closes"`
	Documents []fileText     `toml:"documents"`
}

type fileText struct {
	Zh string `toml:"zh"`
	En string `toml:"en"`
}

type fileClause struct {
	ID      string   `toml:"id"`
	Title   fileText `toml:"title"`
	Summary fileText `toml:"summary"`
}

type fileReading struct {
	Text   fileText `toml:"text"`
	Switch string   `toml:"switch"`
}

type fileInput struct {
	Name     string              `toml:"name"`
	Kind     string              `toml:"kind"`
	Values   []string            `toml:"values"`
	Aliases  map[string][]string `toml:"aliases"`
	Required bool                `toml:"required"`
	Help     fileText            `toml:"help"`
}

type fileSides struct {
	A []string `toml:"a"`
	B []string `toml:"b"`
}

type fileMeasure struct {
	Name        string        `toml:"name"`
	Aliases     []string      `toml:"aliases"`
	Clause      string        `toml:"clause"`
	Title       fileText      `toml:"title"`
	Summary     fileText      `toml:"summary"`
	Example     string        `toml:"example"`
	Sides       *fileSides    `toml:"sides"`
	Assumptions []fileReading `toml:"assumptions"`
	Inputs      []fileInput   `toml:"inputs"`
	Item        []fileItem    `toml:"item"`
}

type fileTier struct {
	Key       string   `toml:"key"`
	Threshold any      `toml:"threshold"`
	Label     fileText `toml:"label"`
	Amount    any      `toml:"amount"`
}

type fileLevel struct {
	Scheme string `toml:"scheme"`
	Label  string `toml:"label"`
	Min    int    `toml:"min"`
}

type fileItem struct {
	ID           string      `toml:"id"`
	Name         fileText    `toml:"name"`
	Title        fileText    `toml:"title"`
	Kind         string      `toml:"kind"`
	Payer        string      `toml:"payer"`
	Recipient    string      `toml:"recipient"`
	Scope        string      `toml:"scope"`
	Ledger       string      `toml:"ledger"`
	LedgerWords  string      `toml:"ledger_words"`
	Quote        string      `toml:"quote"`
	Base         any         `toml:"base"` // a name, or names in order
	BaseOptional bool        `toml:"base_optional"`
	Claim        string      `toml:"claim"`
	Rate         any         `toml:"rate"`
	RateInput    string      `toml:"rate_input"`
	Cap          any         `toml:"cap"`
	Years        int         `toml:"years"`
	Amounts      []any       `toml:"amounts"`
	UpTo         bool        `toml:"up_to"`
	Prior        string      `toml:"prior"`
	HighestOnly  string      `toml:"highest_only"`
	PerLevel     string      `toml:"per_level"`
	Most         int         `toml:"most"`
	Other        string      `toml:"other"`
	Levels       []fileLevel `toml:"levels"`
	HeadroomCap  bool        `toml:"headroom_cap"`
	OneByOne     bool        `toml:"one_by_one"`
	Reason       fileText    `toml:"reason"`
	Notes        []fileText  `toml:"notes"`
	Tiers        []fileTier  `toml:"tiers"`
}

type fileAlt struct {
	Items  []string `toml:"items"`
	Linked bool     `toml:"linked"`
	Prefer string   `toml:"prefer"`
	Why    fileText `toml:"why"`
}

type fileAnnex struct {
	Kind    string      `toml:"kind"`
	Reading string      `toml:"reading"`
	Ceiling any         `toml:"ceiling"`
	Quote   string      `toml:"quote"`
	Note    fileText    `toml:"note"`
	Inputs  []fileInput `toml:"inputs"`
}
