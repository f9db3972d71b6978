package render

import (
	"slices"
	"strings"

	"szsoft/calc"
	"szsoft/internal/msg"
	"szsoft/measures"
)

// A result under layers (docs/contract.md §10) names each figure's
// document: a district layer's line by its document and clause, a line a
// guide narrowed by the guide's words beside the policy's; the district's
// own rules of its 附则 beside the city's.

// Cite is where an item stands: its clause, after its document's name
// when it is a district layer's (福田区〔2026〕1号（一）, as Stack names it).
func Cite(_ *calc.Result, it *measures.Item) string { return it.Clause }

// guidedLine reports whether a guide's rule shaped the line (the guide in
// force on the date).
func guidedLine(l calc.Line) bool {
	return l.Item.Guide != nil && slices.ContainsFunc(l.Notes, func(n calc.Note) bool { return n.Code == calc.NoteGuide })
}

// QuotePairs are the words behind a result's lines, each once: the
// policy's clause (and a guide's words where it narrowed the line), then
// the 附则's rules that acted, then the notes of the rules no figure
// follows from. name names an item in the form's way.
func QuotePairs(res *calc.Result, p msg.Printer, name func(id string) string) [][2]string {
	var pairs [][2]string
	seen := map[string]bool{}
	add := func(label, quote string) {
		if seen[label+"\x00"+quote] {
			return
		}
		seen[label+"\x00"+quote] = true
		pairs = append(pairs, [2]string{label, quote})
	}
	for _, line := range res.Lines {
		add(Cite(res, line.Item)+" "+name(line.Item.ID), line.Item.Quote)
		if guidedLine(line) {
			add(line.Item.Guide.Layer.Policy+" "+name(line.Item.ID), line.Item.Guide.Rule.Quote)
		}
	}
	for _, q := range SupplementaryQuotes(res) {
		add(p.S("label.annex"), q)
	}
	for _, l := range res.Edition.Layers {
		if !layerLines(res, l) {
			continue
		}
		for _, r := range l.Annex {
			if r.Kind == measures.AnnexNote || r.Kind == measures.AnnexWindow && !l.InWindow(res.Date) {
				add(p.S("label.annex.of", "document", l.Policy), r.Quote)
			}
		}
	}
	return pairs
}

// Documents names the documents of an edition and its layers:
// 深府规〔2022〕5号、深工信规〔2023〕9号.
func Documents(e *measures.Edition) string { return strings.Join(e.Documents(), "、") }

// layerLines reports whether res has lines of the district layer l.
func layerLines(res *calc.Result, l *measures.Edition) bool {
	return slices.ContainsFunc(res.Lines, func(line calc.Line) bool { return res.Edition.HomeOf(line.Item) == l })
}

// GuideAsks are what a guide asks of the items of a result it narrows:
// the application window and the documents to file, by item.
func GuideAsks(res *calc.Result, p msg.Printer, name func(id string) string) [][2]string {
	var asks [][2]string
	for _, line := range res.Lines {
		g := line.Item.Guide
		if !guidedLine(line) {
			continue
		}
		var parts []string
		if r := g.Rule; !r.Opens.IsZero() || !r.Closes.IsZero() {
			parts = append(parts, p.S("show.guide.window", "opens", r.Opens, "closes", r.Closes))
		}
		if len(g.Rule.Documents) > 0 {
			var ds []string
			for _, d := range g.Rule.Documents {
				ds = append(ds, p.Text(d))
			}
			parts = append(parts, p.S("show.guide.documents", "documents", strings.Join(ds, p.S("label.list.sep"))))
		}
		if len(parts) > 0 {
			asks = append(asks, [2]string{g.Layer.Policy + " " + name(line.Item.ID), strings.Join(parts, p.S("label.semicolon"))})
		}
	}
	return asks
}

// layerPairs are a district layer's 附则 as the result stands under it:
// its window, and what its rules of kind note say.
func layerPairs(p msg.Printer, res *calc.Result) [][2]string {
	var pairs [][2]string
	for _, l := range res.Edition.Layers {
		if l.Kind != measures.DistrictLayer || !layerLines(res, l) {
			continue
		}
		state := p.S("label.in-force")
		if !l.InWindow(res.Date) {
			state = p.S("label.out-of-force")
		}
		s := l.Supplementary
		pairs = append(pairs, [2]string{p.S("label.validity.of", "document", l.Policy), p.S("label.window", "from", s.From, "to", s.To, "state", state)})
		for _, r := range l.Annex {
			if r.Kind == measures.AnnexNote {
				pairs = append(pairs, [2]string{p.S("label.note.of", "document", l.Policy), p.Text(r.Note)})
			}
		}
	}
	return pairs
}
