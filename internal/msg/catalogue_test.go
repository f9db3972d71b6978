package msg

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"szsoft/calc"
	"szsoft/internal/project"
	"szsoft/measures"
)

// Every entry has words in both languages, with the same arguments.
func TestEveryEntryInBothLanguages(t *testing.T) {
	arg := regexp.MustCompile(`\{[a-z]+\}`)
	for key, e := range catalogue {
		if strings.TrimSpace(e.Zh) == "" || strings.TrimSpace(e.En) == "" {
			t.Errorf("%s: no words in %s", key, map[bool]string{true: "Chinese", false: "English"}[e.Zh == ""])
		}
		zh, en := arg.FindAllString(e.Zh, -1), arg.FindAllString(e.En, -1)
		slices.Sort(zh)
		slices.Sort(en)
		if !slices.Equal(slices.Compact(zh), slices.Compact(en)) {
			t.Errorf("%s: arguments %v in Chinese, %v in English", key, zh, en)
		}
	}
}

// codes returns the string constants declared with the type named typ in
// the Go files of dir.
func codes(t *testing.T, dir, typ string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(af, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok || vs.Type == nil || !strings.HasSuffix(types(vs.Type), typ) {
				return true
			}
			for _, v := range vs.Values {
				if lit, ok := v.(*ast.BasicLit); ok {
					s, _ := strconv.Unquote(lit.Value)
					out = append(out, s)
				}
			}
			return true
		})
	}
	return out
}

func types(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.SelectorExpr:
		return types(x.X) + "." + x.Sel.Name
	}
	return ""
}

// Every fact the engine states and every error of the loader has words.
func TestEveryCodeHasWords(t *testing.T) {
	cs := append(codes(t, "../../calc", "Code"), codes(t, "../project", "calc.Code")...)
	for _, c := range project.TOMLCodes() {
		cs = append(cs, string(c))
	}
	if len(cs) < 150 {
		t.Fatalf("found only %d codes", len(cs))
	}
	for _, c := range cs {
		if !Has(c) {
			t.Errorf("code %s has no words in the catalogue", c)
		}
	}
}

// Every key the face asks for is in the catalogue: the literal ones in the
// source of the face, and those made from the data (recipient.*, kind.*, …).
func TestEveryKeyOfTheFaceHasWords(t *testing.T) {
	lit := regexp.MustCompile(`(?:usage|invalid|note|withHint|\.S|CaseLabel)\("([a-z][a-z0-9.\-]+)"`)
	n := 0
	for _, dir := range []string{"../render", "../../cmd/szsoft"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range lit.FindAllStringSubmatch(string(src), -1) {
				if strings.HasSuffix(m[1], ".") {
					continue // a key made from data: checked below
				}
				n++
				if !Has(m[1]) {
					t.Errorf("%s asks for %q, which the catalogue lacks", f, m[1])
				}
			}
		}
	}
	if n < 100 {
		t.Fatalf("found only %d keys", n)
	}
	var keys []string
	for _, r := range measures.Recipients {
		keys = append(keys, "recipient."+string(r))
	}
	for _, k := range []measures.Kind{measures.FixedRate, measures.CeilingRate, measures.RateRange, measures.CapOnly, measures.Tier,
		measures.Milestone, measures.AmountRange, measures.Floor, measures.CaseByCase} {
		keys = append(keys, "kind."+string(k), "rule."+string(k.Public()))
	}
	for _, b := range []calc.Binding{calc.BindCap, calc.BindBase, calc.BindRate} {
		keys = append(keys, "binding."+string(b))
	}
	for _, k := range measures.AnnexKinds {
		keys = append(keys, "annex.rule."+string(k))
	}
	keys = append(keys, "scope.project", "scope.firm", "reading.literal", "reading.all-levels", "label.unit.yuan", "label.unit.wan")
	for _, k := range keys {
		if k == "rule.case-by-case" {
			continue // described by rule.case
		}
		if !Has(k) {
			t.Errorf("the catalogue lacks %s", k)
		}
	}
}

// The printer fills a template by the types of its arguments.
func TestPrinter(t *testing.T) {
	zh := Printer{Lang: "zh", Unit: "wan"}
	n := calc.Note{Code: calc.NoteRateRange, Args: calc.ArgsOf("low", calc.Rate(dec("0.2")), "min", calc.Money(dec("2000000")), "high", calc.Rate(dec("0.4")))}
	if got := zh.Note(n); got != "最低按 20% 计为 200.00，最高按 40%" {
		t.Errorf("zh wan: %q", got)
	}
	en := Printer{Lang: "en", Unit: "yuan"}
	if got := en.Note(n); got != "minimum at 20% = 2,000,000.00, maximum at 40%" {
		t.Errorf("en yuan: %q", got)
	}
	if got := en.S("no.such.key"); got != "[[no.such.key]]" {
		t.Errorf("unknown key: %q", got)
	}
	if got := en.Arg(calc.Code(OSPrefix + "is a directory")); got != "is a directory" {
		t.Errorf("os text: %q", got)
	}
}
