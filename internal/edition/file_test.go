package edition

import (
	"fmt"
	"strings"
	"testing"

	"szsoft/internal/tomlloc"
	"szsoft/measures"
)

// The shipped file is what Marshal writes of it: 'szsoft policy show
// sz2022' prints sz2022.toml as it is (but for its text key), and a change
// to the file that Marshal would not write (a key it drops) shows here.
func TestShippedFileIsCanonical(t *testing.T) {
	want, err := measures.Files.ReadFile("sz2022.toml")
	if err != nil {
		t.Fatal(err)
	}
	if got := Marshal(SZ2022(), "sz2022.txt"); string(got) != string(want) {
		t.Errorf("Marshal(sz2022) differs from measures/sz2022.toml; first difference at byte %d", firstDiff(string(got), string(want)))
	}
}

func firstDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// decode reads an edition file whose text is text.
func decode(t *testing.T, file, text string) (*measures.Edition, []Problem, *tomlloc.Doc) {
	t.Helper()
	doc, err := tomlloc.Walk([]byte(file), Limits)
	if err != nil {
		t.Fatal(err)
	}
	e, ps := Decode(doc, func(string) (string, error) { return text, nil })
	if e != nil {
		ps = append(ps, Check(e, doc, ps)...)
	}
	return e, ps, doc
}

// A small edition: one clause, one measure of one item, a window.
const testText = "（一）支持研发\n　　按不超过研发投入的20%给予资助，最高不超过200万元。\n二、附则\n　　本办法自2026年1月1日起施行。\n"

const file = `[edition]
id = "t"
document = "测〔2026〕1号"
title = "测试"
from = 2026-01-01
to = 2026-12-31
text = "t.txt"

[[clause]]
id = "（一）"
title = { zh = "支持研发", en = "R&D" }

[[measure]]
name = "rd"
aliases = ["研发"]
clause = "（一）"
title = { zh = "研发", en = "R&D" }
summary = { zh = "研发", en = "R&D" }
[[measure.inputs]]
name = "spend"
kind = "amount"
help = { zh = "研发投入", en = "R&D spending" }

[[measure.item]]
id = "rd"
name = { zh = "研发资助" }
title = { zh = "研发资助", en = "R&D grant" }
kind = "ceiling-rate"
base = "spend"
rate = 0.2
cap = 2000000
payer = "municipal"
recipient = "enterprise"
scope = "project"
ledger = "once-per-project"
ledger_words = "给予资助"
quote = "按不超过研发投入的20%给予资助，最高不超过200万元"

[[annex]]
kind = "window"
quote = "本办法自2026年1月1日起施行"
[[annex.inputs]]
name = "date"
kind = "date"
help = { zh = "事项日期", en = "date" }
`

// A file's figures read as the command line's do: a TOML float digit for
// digit (0.2, not 0.2000000000000000111), an integer of yuan.
func TestDecodeReadsFigures(t *testing.T) {
	e, ps, _ := decode(t, file, testText)
	if len(ps) > 0 {
		t.Fatalf("problems: %+v", ps)
	}
	it, _ := e.Item("rd")
	if it.RateHigh.String() != "0.2" || !it.RateLow.IsZero() || it.Cap.String() != "2000000" || it.Measure != "rd" {
		t.Errorf("rate %s-%s cap %s", it.RateLow, it.RateHigh, it.Cap)
	}
	// The same written as the policy writes them.
	e, ps, _ = decode(t, strings.Replace(strings.Replace(file, "rate = 0.2", `rate = "20%"`, 1), "cap = 2000000", `cap = "200万"`, 1), testText)
	if len(ps) > 0 {
		t.Fatalf("problems: %+v", ps)
	}
	if it, _ := e.Item("rd"); it.RateHigh.String() != "0.2" || it.Cap.String() != "2000000" {
		t.Errorf("as the policy writes them: rate %s cap %s", it.RateHigh, it.Cap)
	}
}

// Every problem is placed at the key it is about (its byte offset in the
// file), and says what it is in both languages.
func TestDecodeProblemsArePlaced(t *testing.T) {
	for _, c := range []struct {
		name, from, to string
		at             string // the text the problem is placed at
		en             string // words of its message
	}{
		{"unknown key", `ledger = "once-per-project"`, `ledgr = "once-per-project"`, "ledgr", "did you mean ledger?"},
		{"wrong type", `scope = "project"`, `scope = 1`, "1\nledger", "takes a quoted text"},
		{"bad amount", "cap = 2000000", `cap = "200万万"`, `"200万万"`, ""},
		{"misquote", "quote = \"按不超过研发投入的20%", "quote = \"按不超过研发投入的30%", "quote", "not in the policy, word for word"},
		{"unknown kind", `kind = "ceiling-rate"`, `kind = "ceiling"`, `kind = "ceiling"`, `kind "ceiling" is none of`},
		{"window backwards", "to = 2026-12-31", "to = 2025-12-31", "to = 2025", "ends before it begins"},
		{"rule without its input", `name = "date"`, `name = "day"`, `name = "day"`, "reads no input --day"},
		// What a terminal or a TOML comment would take for something
		// else: an escape, a right-to-left override, a line break.
		{"escape in a title", `title = "测试"`, `title = "测试\u001b[2J"`, `title = "测试\u001b`, "U+001B"},
		{"override in a name", `zh = "研发资助" }`, `zh = "研发\u202e资助" }`, `zh = "研发\u202e`, "U+202E"},
		{"line break in a help", `en = "R&D spending"`, `en = "R&D\nspending"`, `en = "R&D\n`, "U+000A"},
		// Names are command and flag names, never szsoft's own flags.
		{"measure name with a space", `name = "rd"`, `name = "r d"`, `name = "r d"`, "no command name"},
		{"input named --out", `name = "spend"`, `name = "out"`, `name = "out"`, "one of szsoft's own flags"},
		// A measure is a table of a project file: never a top-level key.
		{"measure named applicant", `name = "rd"`, `name = "applicant"`, `name = "applicant"`, "top-level key of a project file"},
	} {
		src := strings.Replace(file, c.from, c.to, 1)
		_, ps, _ := decode(t, src, testText)
		if len(ps) == 0 {
			t.Errorf("%s: no problem found", c.name)
			continue
		}
		p := ps[0]
		if want := strings.Index(src, c.at); p.Off != want {
			t.Errorf("%s: at byte %d (%q), want %d (%q)", c.name, p.Off, src[max(p.Off, 0):][:10], want, c.at)
		}
		if p.Value == nil && (!strings.Contains(p.En, c.en) || p.Zh == "" || p.Zh == p.En) {
			t.Errorf("%s: %q / %q, want %q in English and words in Chinese", c.name, p.En, p.Zh, c.en)
		}
		if c.name == "bad amount" && p.Value == nil {
			t.Errorf("bad amount: %+v, want the amount's own error", p)
		}
	}
}

// A stranger's file with thousands of bad keys is told by its first
// hundred problems and one that says there are more: the messages of
// 10,000 long keys would take hundreds of megabytes.
func TestProblemsAreCapped(t *testing.T) {
	var b strings.Builder
	b.WriteString(file)
	for i := range 5000 {
		fmt.Fprintf(&b, "\n[unknown%d]\n", i)
	}
	doc, err := tomlloc.Walk([]byte(b.String()), tomlloc.Limits{Depth: 9, KeyParts: 6, KeyLen: 64, Keys: 10000, Elements: 10000, Placed: 20000})
	if err != nil {
		t.Fatal(err)
	}
	_, ps := Decode(doc, func(string) (string, error) { return testText, nil })
	if len(ps) != measures.MaxProblems+1 || !strings.Contains(ps[len(ps)-1].En, "more problems") {
		t.Errorf("%d problems, the last %q; want %d and the last saying there are more", len(ps), ps[len(ps)-1].En, measures.MaxProblems+1)
	}
}

// A published text that carries an escape is no published text.
func TestTextWithControlsRefused(t *testing.T) {
	_, ps, _ := decode(t, file, testText+"\x1b]0;title\x07")
	if len(ps) != 1 || !strings.Contains(ps[0].En, "U+001B on line 5") {
		t.Errorf("problems %+v, want one naming U+001B on line 5", ps)
	}
}

// An edition without its window rule could be given no date, and every
// figure would be 0: refused.
func TestWindowRuleRequired(t *testing.T) {
	_, ps, _ := decode(t, file[:strings.Index(file, "[[annex]]")], testText)
	if len(ps) != 1 || !strings.Contains(ps[0].En, "lack the window rule") {
		t.Errorf("problems %+v, want one: the window rule is missing", ps)
	}
}
