package measures

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// Edition is one policy as data: its catalogue, its text, its validity
// window and its 附则. Adding a successor edition, or a district's top-up
// policy, is adding an Edition to a Registry: the engine and the command
// line take the edition they are given.
type Edition struct {
	ID     string // what --policy and the TOML key policy name: "sz2022"
	Policy string // the document every result cites: "深府规〔2022〕5号"
	Title  string // the full name, with its dates
	Issued Day    // the day the document was issued
	// TextName is where the published text came from: a file beside the
	// edition's ("sz2022.txt"), or "builtin:ID"; Text is that text.
	TextName     string
	Text         string
	Clauses      []Clause
	Measures     []*Measure
	Alternatives []Alternative
	// Annex are the 附则 as rules of known kinds, in the document's order;
	// Supplementary their window and the inputs they read, derived.
	Annex         []AnnexRule
	Supplementary Supplementary

	// A layer (docs/contract.md §10) names the edition it extends and
	// its kind; a guide's rules are Guide, a district's items its
	// Measures. An edition stacked with its layers (Stack) lists them in
	// Layers, guide first.
	Extends string
	Kind    LayerKind
	Guide   []GuideRule
	Layers  []*Edition

	byName map[string]*Measure
	items  map[string]*Item
	byKey  map[string]*Measure // choiceKey of name and aliases → measure
}

// Supplementary is what the 附则 of an edition come to: the validity
// window (both days included), the inputs its rules read (the date, the
// amounts of the cumulative cap, …, in the rules' order), and the
// readings szsoft takes where the text leaves room.
type Supplementary struct {
	From, To    Day
	Inputs      []Input
	Assumptions []Assumption
}

// LayerKind is the kind of a layer: an edition file with extends.
type LayerKind string

// The kinds of layers.
const (
	// GuideLayer: an implementing rule or an annual application guide
	// (操作规程, 申报指南), narrowing items of its base.
	GuideLayer LayerKind = "guide"
	// DistrictLayer: a district's own measures, paid by the district.
	DistrictLayer LayerKind = "district"
)

// LayerKinds lists the kinds, in the order layers stack.
var LayerKinds = []LayerKind{GuideLayer, DistrictLayer}

// GuideRule is what a guide says of an item of its base: a lower rate or
// cap, an amount per value of an input (the certification levels), a
// condition note, an application window and the documents to file. It
// adds no item and never pays more than the base.
type GuideRule struct {
	Item  string // the base's item
	Quote string // the guide's words, in its text
	// Rates (both set) lower the item's rates; Cap lowers its cap.
	RateLow, RateHigh *decimal.Decimal
	Cap               *decimal.Decimal
	// Input names the input whose values Amounts key (default: the
	// item's claim); a value the guide gives an amount for takes it as
	// the line's cap, a value it omits keeps the base's rule.
	Input   string
	Amounts []Step
	Notes   []Text
	// Opens and Closes are the application window (zero: none); they
	// change no figure.
	Opens, Closes Day
	Documents     []Text
}

// AppliedGuide is a guide's rule on an item of an edition stacked with the
// guide.
type AppliedGuide struct {
	Layer *Edition
	Rule  GuideRule
}

// LabelFor is how the guide names the value v (CSMM四级), else v.
func (g *AppliedGuide) LabelFor(v string) Text {
	for _, st := range g.Rule.Amounts {
		if st.Key == v && st.Label != (Text{}) {
			return st.Label
		}
	}
	return Text{Zh: v, En: v}
}

// AmountFor returns the guide's amount for the value v of its input.
func (g *AppliedGuide) AmountFor(v string) (decimal.Decimal, bool) {
	for _, st := range g.Rule.Amounts {
		if st.Key == v {
			return st.Amount, true
		}
	}
	return decimal.Decimal{}, false
}

// AnnexKind is the kind of a rule of the 附则: what the engine does with
// it, as an item's Kind says what it does with an item.
type AnnexKind string

// The kinds of the 附则's rules (docs/contract.md §2).
const (
	// AnnexWindow: the words of the validity window (the edition's from
	// and to); outside it every line is 0. It reads the date.
	AnnexWindow AnnexKind = "window"
	// AnnexNoDouble: 不得重复享受, a measure's same_kind zeroes its city lines.
	AnnexNoDouble AnnexKind = "no-double"
	// AnnexCumulativeCap: all Shenzhen money for a project with national or
	// provincial funding at most its audited investment.
	AnnexCumulativeCap AnnexKind = "cumulative-cap"
	// AnnexDistrictMatch: a district may match the city's grant.
	AnnexDistrictMatch AnnexKind = "district-match"
	// AnnexNote: a rule szsoft does not compute, said beside the result
	// (a district's budget cut pro rata).
	AnnexNote AnnexKind = "note"
)

// AnnexKinds lists the kinds, in the order the engine applies them.
var AnnexKinds = []AnnexKind{AnnexWindow, AnnexNoDouble, AnnexCumulativeCap, AnnexDistrictMatch, AnnexNote}

// AnnexInputs are the inputs each kind reads, by name: an edition's rule
// declares them (with their help), and the engine reads them by these
// names.
var AnnexInputs = map[AnnexKind][]string{
	AnnexWindow:        {InDate},
	AnnexNoDouble:      nil,
	AnnexCumulativeCap: {InAudited, InNational, InProvincial, InOtherCity, InStrictCap},
	AnnexDistrictMatch: {InDistrictRatio},
	AnnexNote:          nil,
}

// AnnexRule is one rule of the 附则: its kind, the words it rests on, and
// what its kind needs.
type AnnexRule struct {
	Kind  AnnexKind
	Quote string
	// Reading is the cumulative cap's default reading: "literal" (the
	// all-levels one is its switch's).
	Reading string
	// Ceiling is the highest matching ratio a district may give.
	Ceiling decimal.Decimal
	Inputs  []Input
	// Note is what a rule of kind note says, in both languages.
	Note Text
}

// Home is the edition whose document a measure is of: a district
// layer's, for its measures stacked on a base, else e.
func (e *Edition) Home(m *Measure) *Edition {
	if m.Source != nil {
		return m.Source
	}
	return e
}

// HomeOf is the edition whose document an item is of.
func (e *Edition) HomeOf(it *Item) *Edition {
	if m, ok := e.Measure(it.Measure); ok {
		return e.Home(m)
	}
	return e
}

// Layer returns the layer of the kind the edition is stacked with.
func (e *Edition) Layer(k LayerKind) (*Edition, bool) {
	for _, l := range e.Layers {
		if l.Kind == k {
			return l, true
		}
	}
	return nil, false
}

// Documents are the documents a result under e rests on: its own, then
// its layers'.
func (e *Edition) Documents() []string {
	ds := []string{e.Policy}
	for _, l := range e.Layers {
		ds = append(ds, l.Policy)
	}
	return ds
}

// Rule returns the edition's rule of the kind, if it has one.
func (e *Edition) Rule(k AnnexKind) (AnnexRule, bool) {
	for _, r := range e.Annex {
		if r.Kind == k {
			return r, true
		}
	}
	return AnnexRule{}, false
}

// The names of the 附则 inputs the engine reads (flags; the TOML keys have
// "_" for "-").
const (
	InDate          = "date"
	InAudited       = "audited-investment"
	InNational      = "national-funding"
	InProvincial    = "provincial-funding"
	InOtherCity     = "other-city-funding"
	InDistrictRatio = "district-ratio"
	InStrictCap     = "strict-cap"
	// InSameKind is the per-measure declaration of 不得重复享受: a key of
	// every measure's table, and --same-kind with a measure.
	InSameKind = "same-kind"
)

// NewEdition indexes e's measures and items and returns it.
func NewEdition(e Edition) *Edition {
	ed := &e
	ed.byName = map[string]*Measure{}
	ed.items = map[string]*Item{}
	ed.byKey = map[string]*Measure{}
	// The 附则's inputs are its rules'.
	ed.Supplementary.Inputs = nil
	for _, r := range ed.Annex {
		ed.Supplementary.Inputs = append(ed.Supplementary.Inputs, r.Inputs...)
	}
	for i, in := range ed.Supplementary.Inputs {
		ed.Supplementary.Inputs[i].key = FlagToKey(in.Name)
	}
	for _, m := range ed.Measures {
		ed.byName[m.Name] = m
		for i, in := range m.Inputs {
			m.Inputs[i].key = FlagToKey(in.Name)
		}
		for _, n := range append([]string{m.Name}, m.Aliases...) {
			if k := choiceKey(n); ed.byKey[k] == nil {
				ed.byKey[k] = m
			}
		}
		for _, it := range m.Items {
			it.Measure, it.Clause = m.Name, m.Clause
			ed.items[it.ID] = it
		}
	}
	for i := range ed.Clauses {
		ed.Clauses[i].Index = i + 1
	}
	return ed
}

// InWindow reports whether d lies in the validity window.
func (e *Edition) InWindow(d Day) bool {
	return !d.Before(e.Supplementary.From) && !e.Supplementary.To.Before(d)
}

// Measure returns the measure called name.
func (e *Edition) Measure(name string) (*Measure, bool) {
	m, ok := e.byName[name]
	return m, ok
}

// Find returns the measure s names: by its name, in any case, or by one of
// its Chinese names (首版次 is first-version).
func (e *Edition) Find(s string) (*Measure, bool) {
	if m, ok := e.byName[s]; ok {
		return m, true
	}
	if len(s) > 64 {
		return nil, false
	}
	m, ok := e.byKey[choiceKey(s)]
	return m, ok
}

// Item returns the item with the id.
func (e *Edition) Item(id string) (*Item, bool) {
	it, ok := e.items[id]
	return it, ok
}

// AlternativeOf returns the group of alternatives the item belongs to.
func (e *Edition) AlternativeOf(id string) (Alternative, bool) {
	for _, a := range e.Alternatives {
		if slices.Contains(a.Items, id) {
			return a, true
		}
	}
	return Alternative{}, false
}

// ItemIDs returns every item id in catalogue order.
func (e *Edition) ItemIDs() []string {
	var ids []string
	for _, m := range e.Measures {
		for _, it := range m.Items {
			ids = append(ids, it.ID)
		}
	}
	return ids
}

// Names returns the measure names in catalogue order.
func (e *Edition) Names() []string {
	names := make([]string, len(e.Measures))
	for i, m := range e.Measures {
		names[i] = m.Name
	}
	return names
}

// ClauseByNumber returns the clause numbered n, e.g. "（十九）".
func (e *Edition) ClauseByNumber(n string) (Clause, bool) {
	for _, cl := range e.Clauses {
		if cl.Number == n {
			return cl, true
		}
	}
	return Clause{}, false
}

// Input returns the 附则 input called name.
func (e *Edition) Input(name string) (Input, bool) {
	for _, in := range e.Supplementary.Inputs {
		if in.Name == name {
			return in, true
		}
	}
	return Input{}, false
}

// ClauseText returns the body of the clause numbered n (e.g. "（十九）") as
// the policy has it, without the heading (a heading line's own words
// after its first 。 are the body's first line); "附则" gives the
// supplementary rules. It returns "" for an unknown clause.
func (e *Edition) ClauseText(n string) string {
	x := indexText(e.Text)
	if b, ok := x.bodies[n]; ok {
		return b
	}
	// A number the index does not key (not "（…）"): found line by line.
	for i, l := range x.lines {
		if strings.HasPrefix(strings.TrimLeft(l, "　 "), n) {
			return clauseBody(x.lines, i)
		}
	}
	return ""
}

// textIndex is a published text split into lines once, with the body of
// each clause whose heading begins "（…）" (the first heading of each
// number), and the 附则's.
type textIndex struct {
	lines  []string
	bodies map[string]string
}

// indexes holds the index of the texts last looked up: an edition's text
// is read once and shared by every run of a batch, and the clauses of a
// stranger's 1 MiB text are looked up hundreds of times. A text is found
// by ==, which is immediate for the same string.
var indexes struct {
	sync.Mutex
	texts []string
	index []*textIndex
}

func indexText(text string) *textIndex {
	indexes.Lock()
	defer indexes.Unlock()
	for i, t := range indexes.texts {
		if t == text {
			return indexes.index[i]
		}
	}
	x := &textIndex{lines: strings.Split(text, "\n"), bodies: map[string]string{}}
	for i, l := range x.lines {
		t := strings.TrimLeft(l, "　 ")
		var n string
		switch {
		case strings.HasSuffix(t, "、附则"):
			n = "附则"
		case strings.HasPrefix(t, "（"):
			if j := strings.Index(t, "）"); j > 0 {
				n = t[:j+len("）")]
			}
		}
		if _, seen := x.bodies[n]; n != "" && !seen {
			x.bodies[n] = clauseBody(x.lines, i)
		}
	}
	if len(indexes.texts) == 16 {
		indexes.texts, indexes.index = indexes.texts[1:], indexes.index[1:]
	}
	indexes.texts, indexes.index = append(indexes.texts, text), append(indexes.index, x)
	return x
}

// clauseBody is the body of the clause whose heading is lines[i]: what
// follows the heading's first 。 on its line, then the lines up to the
// next heading, each trimmed.
func clauseBody(lines []string, i int) string {
	heading := func(l string) bool {
		l = strings.TrimLeft(l, "　 ")
		return strings.HasPrefix(l, "（") || strings.Contains(l, "、") && len([]rune(l)) < 24
	}
	var body []string
	if _, rest, ok := strings.Cut(lines[i], "。"); ok {
		if rest = strings.TrimSpace(strings.TrimLeft(rest, "　")); rest != "" {
			body = append(body, rest)
		}
	}
	for _, b := range lines[i+1:] {
		if heading(b) {
			break
		}
		if s := strings.TrimSpace(strings.TrimLeft(b, "　")); s != "" {
			body = append(body, s)
		}
	}
	return strings.Join(body, "\n")
}

// Registry is the editions szsoft knows, in order.
type Registry struct {
	editions []*Edition
	inputs   []Input // of the 附则, every edition's once: asked for every file
}

// NewRegistry holds the editions, each valid, with distinct ids and windows
// that do not overlap.
func NewRegistry(eds ...*Edition) (*Registry, error) {
	var errs []error
	for i, e := range eds {
		if err := e.Validate(); err != nil {
			errs = append(errs, fmt.Errorf("edition %s: %w", e.ID, err))
		}
		for _, f := range eds[:i] {
			if f.ID == e.ID {
				errs = append(errs, fmt.Errorf("edition %s: defined twice", e.ID))
			}
			if !e.Supplementary.To.Before(f.Supplementary.From) && !f.Supplementary.To.Before(e.Supplementary.From) {
				errs = append(errs, fmt.Errorf("editions %s and %s: their windows overlap", f.ID, e.ID))
			}
		}
	}
	if len(eds) == 0 {
		errs = append(errs, errors.New("no edition"))
	}
	return assemble(eds...), errors.Join(errs...)
}

// assemble makes the registry of the editions, unchecked.
func assemble(eds ...*Edition) *Registry {
	r := &Registry{editions: eds}
	seen := map[string]bool{}
	for _, e := range eds {
		for _, in := range e.Supplementary.Inputs {
			if !seen[in.Name] {
				seen[in.Name] = true
				r.inputs = append(r.inputs, in)
			}
		}
	}
	return r
}

// Assemble is the registry of editions known valid, unchecked (the built-in
// ones: Validate searches the policy text for every quote, a tenth of a
// calc's start-up, and a test validates them instead).
func Assemble(eds ...*Edition) *Registry { return assemble(eds...) }

// Editions returns the editions in order.
func (r *Registry) Editions() []*Edition { return r.editions }

// IDs returns the editions' ids in order.
func (r *Registry) IDs() []string {
	ids := make([]string, len(r.editions))
	for i, e := range r.editions {
		ids[i] = e.ID
	}
	return ids
}

// Lookup returns the edition with the id.
func (r *Registry) Lookup(id string) (*Edition, bool) {
	for _, e := range r.editions {
		if e.ID == id {
			return e, true
		}
	}
	return nil, false
}

// Default returns the first edition: the one szsoft describes when no date
// says otherwise (the catalogue, help, templates).
func (r *Registry) Default() *Edition { return r.editions[0] }

// ForDate returns the edition whose window holds d, else the nearest one
// (whose result is then ineligible).
func (r *Registry) ForDate(d Day) *Edition {
	best, bestGap := r.editions[0], -1
	for _, e := range r.editions {
		if e.InWindow(d) {
			return e
		}
		gap := min(abs(days(d)-days(e.Supplementary.From)), abs(days(d)-days(e.Supplementary.To)))
		if bestGap < 0 || gap < bestGap {
			best, bestGap = e, gap
		}
	}
	return best
}

// days counts the days of d from an origin, enough to compare distances.
func days(d Day) int {
	y, m := d.Year, d.Month
	if m <= 2 {
		y, m = y-1, m+12
	}
	return 365*y + y/4 - y/100 + y/400 + (153*(m-3)+2)/5 + d.Day
}

func abs(n int) int { return max(n, -n) }

// Measure returns the measure called name in the first edition that has
// it, for the command tree, which spans every edition.
func (r *Registry) Measure(name string) (*Measure, bool) {
	for _, e := range r.editions {
		if m, ok := e.Measure(name); ok {
			return m, true
		}
	}
	return nil, false
}

// Find returns the measure s names (Edition.Find) in the first edition
// that has it.
func (r *Registry) Find(s string) (*Measure, bool) {
	for _, e := range r.editions {
		if m, ok := e.Find(s); ok {
			return m, true
		}
	}
	return nil, false
}

// Measures returns every measure of every edition, once by name, in
// order.
func (r *Registry) Measures() []*Measure {
	var ms []*Measure
	seen := map[string]bool{}
	for _, e := range r.editions {
		for _, m := range e.Measures {
			if !seen[m.Name] {
				seen[m.Name] = true
				ms = append(ms, m)
			}
		}
	}
	return ms
}

// Names returns the measure names of every edition, once, in order.
func (r *Registry) Names() []string {
	ms := r.Measures()
	names := make([]string, len(ms))
	for i, m := range ms {
		names[i] = m.Name
	}
	return names
}

// Inputs returns the 附则 inputs of every edition, once by name, in order.
func (r *Registry) Inputs() []Input { return r.inputs }
