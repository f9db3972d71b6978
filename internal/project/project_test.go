package project

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"szsoft/calc"
	"szsoft/internal/edition"
	"szsoft/internal/msg"
)

// reg is the registry the tests read files against; en renders their
// errors in English.
var (
	reg = edition.Builtin()
	en  = msg.Printer{Lang: "en", Unit: "yuan"}
)

func mustParse(t *testing.T, src string) *File {
	t.Helper()
	f, err := Parse(reg, "p.toml", []byte(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return f
}

// errorsOf parses src, which must fail, and returns "line:col: msg | hint"
// for each error.
func errorsOf(t *testing.T, src string) []string {
	t.Helper()
	_, err := Parse(reg, "p.toml", []byte(src))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("Parse(%q): err = %v, want Errors", src, err)
	}
	var out []string
	for _, e := range es {
		s := en.Note(e.Msg)
		if e.Line > 0 {
			s = fmt.Sprintf("%d:%d: %s", e.Line, e.Col, s)
		}
		if e.Hint.Code != "" {
			s += " | " + en.Note(e.Hint)
		}
		out = append(out, s)
	}
	return out
}

func TestParseSpecExample(t *testing.T) {
	f := mustParse(t, `
name = "工业设计云平台首版次推广"
applicant = "深圳市某某软件有限公司"
date = 2026-03-01
audited_investment = "8000万"
national_funding = 1e7
provincial_funding = 0
other_city_funding = 0
district_ratio = 0.5
strict_cap = false
same_kind = false

[first-version]
sales = 5e7
purchase = "200万"

[industrial-software]
cloud_purchase = 6e7
cloud_rate = "8%"

[quality]
standard = ["national", "group"]
`)
	p := f.Project
	if p.Name != "工业设计云平台首版次推广" || p.Applicant != "深圳市某某软件有限公司" || p.Date() != (calc.Date{Year: 2026, Month: 3, Day: 1}) {
		t.Errorf("name/applicant/date: %q %q %v", p.Name, p.Applicant, p.Date())
	}
	if p.Annex.Amount("audited-investment") == nil || p.Annex.Amount("audited-investment").String() != "80000000" || p.Annex.Amount("national-funding").String() != "10000000" || p.Annex.Rates["district-ratio"].String() != "0.5" {
		t.Errorf("附则 inputs: %v %v %v", p.Annex.Amount("audited-investment"), p.Annex.Amount("national-funding"), p.Annex.Rates["district-ratio"])
	}
	if len(p.Claims) != 3 || p.Claims[0].Measure != "first-version" || p.Claims[1].Measure != "industrial-software" || p.Claims[2].Measure != "quality" {
		t.Fatalf("claims not in file order: %+v", p.Claims)
	}
	if got := p.Claims[0].Amounts["purchase"].String(); got != "2000000" {
		t.Errorf("purchase = %s", got)
	}
	if got := p.Claims[1].Rates["cloud-rate"].String(); got != "0.08" {
		t.Errorf("cloud rate = %s", got)
	}
	if got := strings.Join(p.Claims[2].Choices["standard"], ","); got != "national,group" {
		t.Errorf("standards = %s", got)
	}
}

// BurntSushi/toml hands floats over as float64; the locator keeps the text,
// so every float arrives digit for digit — even ones a float64 cannot hold.
func TestFloatsArriveExactly(t *testing.T) {
	for src, want := range map[string]string{
		"12345678.91":        "12345678.91",
		"0.1":                "0.1",
		"999999999999999.99": "999999999999999.99", // 17 digits: not a float64
		"123456789012345.67": "123456789012345.67",
		"1_000_000.5":        "1000000.5",
		"+5e7":               "50000000",
		"5E+3":               "5000",
		"1e15":               "1000000000000000",
		"50_000_000":         "50000000",
	} {
		f := mustParse(t, "[first-version]\nsales = "+src+"\n")
		if got := f.Project.Claims[0].Amounts["sales"].String(); got != want {
			t.Errorf("sales = %s: got %s, want %s", src, got, want)
		}
	}
	for _, src := range []string{"-5.0", "nan", "inf", "-inf", "0x10", "0o17", "0b1", "1e16", "0.001"} {
		if _, err := Parse(reg, "p.toml", []byte("[first-version]\nsales = "+src+"\n")); err == nil {
			t.Errorf("sales = %s: accepted", src)
		}
	}
}

func TestValueForms(t *testing.T) {
	f := mustParse(t, `
date = "2026-03-01"
district_ratio = "50%"
[platform]
operating_cost = "1,000万元"
existing_rate = 0.3
[quality]
standard = "industry"
honor = true
[event]
investment = 400_0000
commissioned = false
`)
	p := f.Project
	if p.Date().String() != "2026-03-01" || p.Annex.Rates["district-ratio"].String() != "0.5" {
		t.Errorf("date %v ratio %v", p.Date(), p.Annex.Rates["district-ratio"])
	}
	if got := p.Claims[0].Amounts["operating-cost"].String(); got != "10000000" {
		t.Errorf("operating cost %s", got)
	}
	if got := p.Claims[0].Rates["existing-rate"].String(); got != "0.3" {
		t.Errorf("existing rate %s", got)
	}
	if got := p.Claims[1].Choices["standard"]; len(got) != 1 || got[0] != "industry" || !p.Claims[1].Switches["honor"] {
		t.Errorf("quality %+v", p.Claims[1])
	}
	if got := p.Claims[2].Amounts["investment"].String(); got != "4000000" || p.Claims[2].Given("commissioned") {
		t.Errorf("event %+v", p.Claims[2])
	}
	// An empty table claims a measure that needs no input; a dotted key and an
	// inline table are tables too.
	f = mustParse(t, "ai.investment = 1e7\nlisting = {}\n[talent-team]\n")
	if len(f.Project.Claims) != 3 || f.Project.Claims[1].Measure != "listing" {
		t.Errorf("claims %+v", f.Project.Claims)
	}
}

func TestErrorsNameLineAndColumn(t *testing.T) {
	cases := []struct {
		name, src string
		want      []string
	}{
		{"unknown top-level key", "name = \"x\"\nsale = 1\n[listing]\n",
			[]string{`2:1: unknown key "sale" | did you mean sales in [open-source] / [first-version]? measure keys go in the measure's table`}},
		{"misspelt table", "[first-versoin]\nsales = 5e7\n",
			[]string{`1:2: unknown table [first-versoin] | did you mean [first-version]?`}},
		{"misspelt key", "[platform]\noperating_cots = 1e7\n",
			[]string{`2:1: unknown key "operating_cots" in [platform] | did you mean operating_cost?`}},
		{"top-level key in a table", "[ai]\ninvestment = 1\ndate = 2026-01-01\n",
			[]string{`3:1: unknown key "date" in [ai] | date is a top-level key: put it above the first table`}},
		{"key in a table without keys", "[relocation]\nfoo = 1\n",
			[]string{`2:1: unknown key "foo" in [relocation] | [relocation] takes no keys but same_kind`}},
		{"key of another table", "[listing]\nfoo = 1\n",
			[]string{`2:1: unknown key "foo" in [listing] | keys of [listing]: listed, loan_compensation, same_kind`}},
		// 附则 不得重复享受 is declared per measure.
		{"top-level same_kind true", "same_kind = true\n[relocation]\n",
			[]string{`1:1: same_kind = true at the top level: no double-dipping (附则) is declared per measure | put same_kind = true in the table of the measure already supported elsewhere, e.g. [first-version] same_kind = true, or list its items: same_kind = ["first-version.developer"]`}},
		{"same_kind not an item", "[quality]\nhonor = true\nsame_kind = [\"quality.honour\"]\n",
			[]string{`3:14: [quality] same_kind: "quality.honour" is not an item of [quality] | did you mean quality.honor? items of [quality]: quality.certification, quality.honor, quality.standard`}},
		{"same_kind of another measure", "[quality]\nhonor = true\nsame_kind = [\"ai\"]\n",
			[]string{`3:14: [quality] same_kind: "ai" is not an item of [quality] | items of [quality]: quality.certification, quality.honor, quality.standard`}},
		{"same_kind a number", "[quality]\nhonor = true\nsame_kind = 1\n",
			[]string{`3:13: [quality] same_kind: true, false or a list of item ids, not an integer`}},
		{"wrong type", "[first-version]\nsales = true\n",
			[]string{`2:9: [first-version] sales: an amount, not true or false`}},
		{"bad amount", "[first-version]\n  sales = \"5e7x\"\n",
			[]string{`2:11: [first-version] sales: "5e7x": unexpected "x" at the end | amounts look like 50000000, 5e7, 50,000,000, 50_000_000, 5000万, 0.5亿 or 1.5亿元`}},
		{"bad choice in an array", "[quality]\nstandard = [\"national\", \"iso\"]\n",
			[]string{`2:25: [quality] standard: "iso": not a valid value | valid values: national, industry, local, group`}},
		{"choice not a string", "[park]\nrecognized = 3\n",
			[]string{`2:14: [park] recognized: a string, not an integer`}},
		{"switch not a bool", "same_kind = \"yes\"\n[listing]\n",
			[]string{`1:13: same_kind: true or false, not a string`}},
		{"impossible date", "date = \"2026-02-30\"\n[listing]\n",
			[]string{`1:8: date: "2026-02-30": no such day in the calendar | dates look like 2026-03-01, 2026/3/1, 2026.3.1 or 2026年3月1日`}},
		// What a clerk pastes into a TOML file without quotes (issue 12):
		// the error says how to write it, at the value, never with a
		// garbled character (万 is not U+00E4 'ä').
		{"bare 万", "[first-version]\nsales = 5000万\n",
			[]string{`2:9: amounts with 万 or 亿 must be quoted: sales = "5000万"`}},
		{"bare 万 with a space and a comment", "[first-version]\nsales =  5000 万元  # 首版次\n",
			[]string{`2:10: amounts with 万 or 亿 must be quoted: sales = "5000 万元"`}},
		{"bare full-width", "[first-version]\nsales = ５０００万\n",
			[]string{`2:9: amounts with 万 or 亿 must be quoted: sales = "５０００万"`}},
		{"bare separators", "[first-version]\nsales = 50,000,000\n",
			[]string{`2:9: this value must be quoted: sales = "50,000,000"`}},
		{"bare percent", "[platform]\noperating_cost = 1e7\nexisting_rate = 30%\n",
			[]string{`3:17: this value must be quoted: existing_rate = "30%"`}},
		{"bare slashed date", "date = 2026/3/1\n[listing]\n",
			[]string{`1:8: write the date as date = 2026-03-01, or quote it: date = "2026/3/1"`}},
		{"bare 年月日", "date = 2026年3月1日\n[listing]\n",
			[]string{`1:8: write the date as date = 2026-03-01, or quote it: date = "2026年3月1日"`}},
		{"bare word", "[quality]\ncertification = CMMI-5\n",
			[]string{`2:17: text must be quoted: certification = "CMMI-5"`}},
		{"bare Chinese word", "[park]\nrecognized = 国家级\n",
			[]string{`2:14: text must be quoted: recognized = "国家级"`}},
		{"curly quotes", "name = “项目”\n[listing]\n",
			[]string{`1:8: the value of name is in curly quotes: TOML strings take straight double quotes "…" | quotation marks and equals signs typed with a Chinese input method are not TOML's: switch to English input and retype them`}},
		{"full-width equals", "name ＝ \"项目\"\n[listing]\n",
			[]string{`1:6: a full-width equals sign ＝ after name: write = | quotation marks and equals signs typed with a Chinese input method are not TOML's: switch to English input and retype them`}},
		{"the character as it is", "[listing]\nlisted = true 是\n",
			[]string{`2:15: expected a new line, found '是'`}},
		{"a control character escaped", "[listing]\nlisted = true \x1b\n",
			[]string{`2:15: expected a new line, found '\x1b'`}},
		{"broken UTF-16", "\xff\xfen\x00a", []string{`UTF-16 text, not UTF-8 | save the file as UTF-8 (TOML files are UTF-8)`}},
		{"UTF-16 with a lone surrogate", "\xff\xfen\x00\x00\xd8", []string{`UTF-16 text, not UTF-8 | save the file as UTF-8 (TOML files are UTF-8)`}},
		{"date and time", "date = 2026-03-01T10:00:00\n[listing]\n",
			[]string{`1:8: date: "2026-03-01T10:00:00": a date, not a date and time | write date = 2026-03-01`}},
		{"duplicate key", "[ai]\ninvestment = 1\ninvestment = 2\n",
			[]string{`3:1: duplicate key investment`}},
		{"duplicate table", "[ai]\ninvestment = 1\n[ai]\n",
			[]string{`3:2: duplicate table [ai]`}},
		{"malformed", "[ai\ninvestment = 1\n",
			[]string{`1:4: a table name needs its closing ]`}},
		{"array of tables", "[[listing]]\n[[listing]]\n",
			[]string{`1:3: [[listing]] is an array of tables; a project claims a measure once | write [listing] and its keys below it`}},
		{"measure not a table", "listing = 1\n",
			[]string{`1:1: listing: a table, not an integer | write [listing] and its keys below it`}},
		{"several errors, in file order", "[ai]\ninvestmnt = 1\n[first-version]\nsales = -1\nsale = 2\n",
			[]string{
				`2:1: unknown key "investmnt" in [ai] | did you mean investment?`,
				`4:9: [first-version] sales: "-1": negative; amounts and rates are never below 0 | amounts look like 50000000, 5e7, 50,000,000, 50_000_000, 5000万, 0.5亿 or 1.5亿元`,
				`5:1: unknown key "sale" in [first-version] | did you mean sales?`,
			}},
		{"columns count characters", "name = \"深圳\"; bad\n",
			nil},
		{"not UTF-8", "name = \"\xff\"\n", []string{`1:9: not UTF-8 text | save the file as UTF-8 (TOML files are UTF-8)`}},
		{"binary", "[listing]\n\x00\x01\x02", []string{`2:1: binary data (a NUL byte), not a TOML project file`}},
		// docs/contract.md §4: at most two levels deep, keys of at most 64 characters.
		{"deep", "x = " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\n", []string{`1:1: nested too deep: a project file holds top-level keys and measure tables with their keys, nothing below | write [measure] and its keys below it, e.g. [first-version] then sales = 5e7; an array holds plain values, e.g. standard = ["national"]`}},
		{"dotted below a measure key", "[first-version]\nsales.x = 1\n", []string{`2:7: nested too deep: a project file holds top-level keys and measure tables with their keys, nothing below | write [measure] and its keys below it, e.g. [first-version] then sales = 5e7; an array holds plain values, e.g. standard = ["national"]`}},
		{"deep table", "[first-version.sales.x]\n", []string{`1:22: nested too deep: a project file holds top-level keys and measure tables with their keys, nothing below | write [measure] and its keys below it, e.g. [first-version] then sales = 5e7; an array holds plain values, e.g. standard = ["national"]`}},
		{"long key", "[first-version]\n" + strings.Repeat("k", 65) + " = 1\n", []string{`2:1: a key longer than 64 characters | a project file holds top-level keys and measure tables with a few keys each: 'szsoft init' prints one`}},
		{"too many keys", "[first-version]\n" + manyKeys(65), []string{`66:1: more than 64 keys in [first-version]: not a project file | a project file holds top-level keys and measure tables with a few keys each: 'szsoft init' prints one`}},
		{"long line", "a" + strings.Repeat(".a", 300) + " = 1\n", []string{`1:514: a line of more than 256 dots, brackets, braces or commas: not a project file | a project file holds top-level keys and measure tables with a few keys each: 'szsoft init' prints one`}},
		{"very deep", "x = " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := errorsOf(t, c.src)
			if c.want == nil {
				return // only that it fails
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
		})
	}
}

// A file Windows PowerShell 5.1 wrote (szsoft init > project.toml): UTF-16
// with its byte-order mark, little- or big-endian, read as its text, and
// its errors at the same line and column as in UTF-8.
func TestUTF16(t *testing.T) {
	utf16Of := func(s string, big bool) []byte {
		out := []byte{0xff, 0xfe}
		if big {
			out = []byte{0xfe, 0xff}
		}
		for _, u := range utf16.Encode([]rune(s)) {
			if big {
				out = append(out, byte(u>>8), byte(u))
			} else {
				out = append(out, byte(u), byte(u>>8))
			}
		}
		return out
	}
	src := "name = \"项目𠀀\"\n[first-version]\nsales = \"5000万\"\n"
	for _, big := range []bool{false, true} {
		f, err := Parse(reg, "p.toml", utf16Of(src, big))
		if err != nil {
			t.Fatalf("big-endian %v: %v", big, err)
		}
		// 5000万 = 50,000,000; the name with a character beyond the BMP.
		if f.Project.Name != "项目𠀀" || f.Project.Claims[0].Amounts["sales"].String() != "50000000" {
			t.Errorf("big-endian %v: name %q, claims %+v", big, f.Project.Name, f.Project.Claims)
		}
	}
	_, err := Parse(reg, "p.toml", utf16Of("[first-version]\nsales = 5000万\n", false))
	var es Errors
	if !errors.As(err, &es) || es[0].Line != 2 || es[0].Col != 9 {
		t.Errorf("an error in UTF-16: %v, want at 2:9", err)
	}
}

func TestNoClaim(t *testing.T) {
	f := mustParse(t, "name = \"x\"\n# nothing else\n")
	if f.NoClaim() == nil {
		t.Error("a file with no measure table passed NoClaim")
	}
	if f := mustParse(t, "[listing]\n"); f.NoClaim() != nil {
		t.Error("[listing] claims listing")
	}
}

func TestTooLarge(t *testing.T) {
	_, err := Parse(reg, "big.toml", make([]byte, MaxSize+1))
	if es, ok := err.(Errors); !ok || en.Note(es[0].Msg) != "larger than 1 MiB, the largest project file read" {
		t.Errorf("err = %v", err)
	}
}

// The locator must find every key the TOML decoder sees, in every document
// the decoder accepts; fuzzing checks it on arbitrary text.
func TestLocatorFindsEveryKey(t *testing.T) {
	for _, src := range []string{
		"a = 1\nb.c = 'x'\n[t]\nd = [1, [2, 3], {e = 4}]\n[[arr]]\nf = \"\"\"\nmulti\n\"\"\"\n[u.v]\ng = 1979-05-27 07:32:00Z\n",
		"\"quoted key\" = 1\n'lit' = '''\nx'''\n[ a . \"b\" ]\nc = { d = { e = 1 } }\n",
		"x = \"a \\\" quote\"\ny = 'it'\r\nz = true # comment\n",
		"s = \"\"\"line \\\n  continued\"\"\"\nafter = 2\n",
		"\"\\u00e9\" = 1\n[[p]]\nq = 1\n[[p]]\nr = 2\n",
	} {
		checkLocator(t, src)
	}
}

func checkLocator(t *testing.T, src string) {
	t.Helper()
	var raw map[string]any
	if err := toml.Unmarshal([]byte(src), &raw); err != nil {
		return // not TOML: nothing to locate
	}
	l, err := locate([]byte(src))
	if err != nil {
		t.Fatalf("locator failed on a document the decoder accepts: %v\n%q", err, src)
	}
	if len(l.Shape) > 0 {
		return // not a project file's shape: refused before it is decoded
	}
	var walk func(prefix []string, v any)
	walk = func(prefix []string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				path := append(append([]string{}, prefix...), k)
				if _, ok := l.Locs[pathKey(path)]; !ok {
					t.Fatalf("locator missed key %q in\n%q", path, src)
				}
				walk(path, e)
			}
		case []any:
			for i, e := range x {
				if _, ok := e.(map[string]any); ok {
					// the n-th table of an array is named with its index
					walk(append(append([]string{}, prefix...), "["+strconv.Itoa(i)+"]"), e)
				}
			}
		}
	}
	walk(nil, raw)
}

func TestLocatorPositions(t *testing.T) {
	l, err := locate([]byte("a = 1\n[t]\n  \"深\" = \"值\"\ns = \"\"\"\nx\n\"\"\"\nafter = 2\n"))
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]Pos{"a": {Line: 1, Col: 1}, "t": {Line: 2, Col: 2}, "t\x00深": {Line: 3, Col: 3}, "t\x00after": {Line: 7, Col: 1}} {
		if got := l.Locs[key]; got == nil || l.pos(got.KeyOff) != want {
			t.Errorf("%q at %+v, want %+v", key, got, want)
		}
	}
	if got := l.pos(l.Locs["t\x00深"].ValueOff); got != (Pos{Line: 3, Col: 9}) {
		t.Errorf("value of 深 at %+v, want 3:9 (columns count characters)", got)
	}
}

// 附则 不得重复享受, per measure: true for the whole measure, or its items.
func TestSameKindPerMeasure(t *testing.T) {
	f := mustParse(t, `
same_kind = false # older files: accepted, means nothing

[first-version]
sales = 5e7
same_kind = true

[quality]
certification = "cmmi-5"
honor = true
same_kind = ["quality.certification"]

[ai]
investment = 1e7
same_kind = false
`)
	if got := f.Project.SameKind; !slices.Equal(got, []string{"first-version", "quality.certification"}) {
		t.Errorf("same kind %v", got)
	}
}

// A file's unit key sets its bare numbers' unit; a suffix always wins.
func TestUnitKey(t *testing.T) {
	f := mustParse(t, `
unit = "wan"
national_funding = 100
audited_investment = "2000万"
[first-version]
sales = 5000
premium = "20000元"
`)
	p := f.Project
	if p.Annex.Amount("national-funding").String() != "1000000" || p.Annex.Amount("audited-investment").String() != "20000000" {
		t.Errorf("national %s audited %s", p.Annex.Amount("national-funding"), p.Annex.Amount("audited-investment"))
	}
	if got := p.Claims[0].Amounts["sales"].String(); got != "50000000" {
		t.Errorf("sales = %s, want 50000000 (5000万)", got)
	}
	if got := p.Claims[0].Amounts["premium"].String(); got != "20000" {
		t.Errorf("premium = %s, want 20000 (元 wins)", got)
	}
	_, err := Parse(reg, "u.toml", []byte("unit = \"jin\"\n[relocation]\n"))
	if es, ok := err.(Errors); !ok || es[0].Line != 1 || es[0].Col != 8 || en.Note(es[0].Msg) != `unit: "jin" is not a unit of amounts` {
		t.Errorf("err = %v", err)
	}
}

func manyKeys(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "k%d = 1\n", i)
	}
	return b.String()
}

// At most MaxErrors errors per file, the first by place, then "and N more".
func TestErrorLimit(t *testing.T) {
	src := "[first-version]\nsales = \"x\"\n[ai]\ninvestment = \"y\"\n"
	for _, m := range []string{"platform", "event", "training", "new-product", "strategic", "key-tech"} {
		src += "[" + m + "]\n" + manyKeys(5)
	}
	_, err := Parse(reg, "m.toml", []byte(src))
	es, _ := err.(Errors)
	if len(es) != MaxErrors+1 || es[MaxErrors].More != 32-MaxErrors || en.Note(es[MaxErrors].Msg) != "and 12 more errors" {
		t.Fatalf("%d errors, last %v", len(es), es[len(es)-1])
	}
	if es[0].Line != 2 || es[1].Line != 4 {
		t.Errorf("not in the order of the file: %v, %v", es[0], es[1])
	}
}

// A file saved by Notepad starts with a UTF-8 byte-order mark: it is read,
// and columns on its first line count from the first visible character.
func TestByteOrderMark(t *testing.T) {
	f := mustParse(t, "\xef\xbb\xbfname = \"x\"\n[listing]\nlisted = true\n")
	if f.Project.Name != "x" || len(f.Project.Claims) != 1 {
		t.Errorf("with a BOM: name %q, %d claims", f.Project.Name, len(f.Project.Claims))
	}
	got := errorsOf(t, "\xef\xbb\xbfnam = \"x\"\n[listing]\n")
	if len(got) != 1 || !strings.HasPrefix(got[0], "1:1: ") {
		t.Errorf("with a BOM: %q, want an error at 1:1", got)
	}
}

// Every message of the TOML decoder szsoft knows has words in Chinese: a
// Chinese clerk never reads the decoder's English for these.
func TestTOMLErrorsInChinese(t *testing.T) {
	zh := msg.Printer{Lang: "zh", Unit: "yuan"}
	for _, src := range []string{
		"[ai\n", "[[ai\n", "x = [1 2]\n", "x = [1,\n", "x = {a = 1\n", "x = {a = 1,}\n", "x = \"abc\n", "x = 'abc\n",
		"x = \"\\q\"\n", "x = \"\\u12\"\n", "x = 01\n", "x = 1__0\n", "x = 1.\n", "x = 1e\n", "x = +\n", "x = 0x\n",
		"x = 99999999999999999999\n", "x = 2026-13-45\n", "x = 2026-03-01T25:00:00\n", "x = 2026-03-01T10:00:00+25:00\n",
		"x =\n", "= 1\n", "x\n", "x = tru\n", "x = 1\ry = 2\n", "x = \"\"\"a\"\"\"\"\"\"\n", "#\x01\n", "x = -\n",
	} {
		_, err := Parse(reg, "p.toml", []byte(src))
		var es Errors
		if !errors.As(err, &es) {
			t.Errorf("Parse(%q) = %v, want Errors", src, err)
			continue
		}
		for _, e := range es {
			if text := zh.Note(e.Msg); e.Msg.Code == ErrTOML || strings.Contains(text, "[[") {
				t.Errorf("Parse(%q): %q (%s) has no Chinese words", src, text, e.Msg.Code)
			}
		}
	}
}

// A project file written the way a Chinese document would be: tables and
// keys in Chinese, Chinese brackets and colons (issue 12). Each error says
// how to write it.
func TestChineseHabitsInFiles(t *testing.T) {
	for src, want := range map[string]string{
		"【first-version】\nsales = 5e7\n":                   `1:1: a table name goes in ASCII brackets [ ], e.g. [first-version]`,
		"[first-version]\n销售额 = 5e7\n":                     `2:1: keys are English names, not 销售额 | 'szsoft init' prints a commented template with every key and what it means`,
		"[first-version]\nsales：5e7\n":                     `2:1: a key and its value are joined by =, not a full-width colon: sales = 5e7 | quotation marks and equals signs typed with a Chinese input method are not TOML's: switch to English input and retype them`,
		"[首版]\nsales = 5e7\n":                              `1:2: unknown table [首版] | did you mean [first-version]?`,
		"[首版次]\nsales = 5e7\n[first-version]\nsales = 1\n": `1:2: duplicate table [first-version] | [首版次] is [first-version]: write each measure's table once`,
	} {
		if got := errorsOf(t, src); len(got) != 1 || got[0] != want {
			t.Errorf("%q:\n  got  %q\n  want %q", src, got, want)
		}
	}
}

// A measure's table by its Chinese name, as calc takes it (issue 20):
// [首版次] and ["人工智能"] claim first-version and ai.
func TestChineseTableNames(t *testing.T) {
	f := mustParse(t, "[首版次]\nsales = 5e7\n[ \"人工智能\" ]\ninvestment = \"1亿\"\n")
	if len(f.Project.Claims) != 2 || f.Project.Claims[0].Measure != "first-version" || f.Project.Claims[1].Measure != "ai" {
		t.Fatalf("claims %+v", f.Project.Claims)
	}
	if got := f.Project.Claims[0].Amounts["sales"]; got.String() != "50000000" {
		t.Errorf("sales %v", got)
	}
	// Places are kept: the key under the renamed table is where it was.
	if pos := f.At("ai", "investment"); pos.Line != 4 || pos.Col != 1 {
		t.Errorf("ai investment at %+v, want 4:1", pos)
	}
}

// Every mistake of a clerk's file is reported in one pass, the syntax
// errors of TOML among them, each at its line: a broken line does not hide
// the next (issue 20).
func TestEveryErrorAtOnce(t *testing.T) {
	src := "name = 项目A\n" + // 1: text unquoted
		"date = 2026-13-01\n" + // 2: month 13
		"[first-version]\n" +
		"sales = 5000万\n" + // 4: an amount with 万 unquoted
		"premium = \"abc\"\n" + // 5: not a number
		"[qualty\n" + // 6: a broken table header; its key is not [first-version]'s
		"certification = \"cmmi-5\"\n" +
		"[revenue]\n" +
		"revenue = \"12亿\"\n" +
		"prior_peak = \"8亿\n" // 10: a closing quote missing
	got := errorsOf(t, src)
	wantAt := []string{"1:8:", "2:", "4:9:", "5:11:", "6:", "10:"}
	if len(got) != len(wantAt) {
		t.Fatalf("%d errors, want %d:\n%s", len(got), len(wantAt), strings.Join(got, "\n"))
	}
	for i, w := range wantAt {
		if !strings.HasPrefix(got[i], w) {
			t.Errorf("error %d: %q, want it at %s", i+1, got[i], w)
		}
	}
}

// A project file saved by old Notepad as "ANSI" on a Chinese Windows is
// GB18030: read as the text it is (issue 20), its places the same.
func TestGB18030File(t *testing.T) {
	src := "name = \"首版次项目\"\n[首版次]\nsales = \"5000万\"\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse(edition.Builtin(), "gbk.toml", gb)
	if err != nil {
		t.Fatal(err)
	}
	if f.Project.Name != "首版次项目" || f.Project.Claims[0].Amounts["sales"].String() != "50000000" {
		t.Errorf("name %q, claims %+v", f.Project.Name, f.Project.Claims)
	}
	if pos := f.At("first-version", "sales"); pos.Line != 3 || pos.Col != 1 {
		t.Errorf("sales at %+v", pos)
	}
}

// A bare TOML date of a year before 1900 (0000-01-01) is refused, as the
// quoted one is: no workbook can hold it, no event of the policy has it.
func TestTOMLDateYear(t *testing.T) {
	got := errorsOf(t, "date = 0000-01-01\n[listing]\nlisted = true\n")
	if len(got) != 1 || !strings.HasPrefix(got[0], "1:8:") || !strings.Contains(got[0], "1900") {
		t.Errorf("%q", got)
	}
}
